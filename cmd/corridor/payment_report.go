package main

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/atomicfile"
	"github.com/corridor-aml/corridor/policy"
)

// writePaymentReport writes the decisions of a file as one self-contained HTML page for
// people and paper: no script and nothing fetched, so it reads the same in an archive.
func writePaymentReport(path string, r *paymentFileResult) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return paymentReportTemplate.Execute(w, struct {
			*paymentFileResult
			Generated string
		}{r, time.Now().UTC().Format("2006-01-02 15:04 UTC")})
	})
}

var paymentReportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"upper":    func(d corridor.Disposition) string { return strings.ToUpper(string(d)) },
	"score":    func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"join":     strings.Join,
	"applied":  func(o policy.Outcome) []policy.LicenceOutcome { return o.Applied() },
	"hitOf":    func(res policy.Result, i int) policy.Outcome { return hitOutcome(res, i) },
	"partyRef": func(p corridor.Payment) string { return ref(&p) },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>corridor: payment decisions for {{.File}}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}
h1{font-size:20px}h2{font-size:16px;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}
.release{background:#d8f0d8}.review{background:#fff0c0}.block{background:#f8d0d0}
.badge{font-weight:bold;padding:2px 8px;border:1px solid #888}
.small{color:#555;font-size:12px}
section{page-break-inside:avoid}
@media print{body{margin:0}h2{page-break-after:avoid}}
</style></head><body>
<h1>Payment decisions: {{.File}}</h1>
<p>File decision: <span class="badge {{.Decision}}">{{upper .Decision}}</span> &middot; {{len .Payments}} payments &middot; generated {{.Generated}} by corridor</p>
<table><tr><th>#</th><th>Decision</th><th>Payment</th><th>Amount</th><th>Value date</th></tr>
{{range .Payments}}<tr><td>{{.Index}}</td><td class="{{.Verdict.Decision}}">{{upper .Verdict.Decision}}</td><td>{{partyRef .Payment}}</td><td>{{.Payment.Amount}}</td><td>{{.Payment.ValueDate}}</td></tr>
{{end}}</table>
{{range $d := .Payments}}<section>
<h2>{{$d.Index}}. <span class="badge {{$d.Verdict.Decision}}">{{upper $d.Verdict.Decision}}</span> {{partyRef $d.Payment}}</h2>
<p>{{$d.Verdict.Summary}}</p>
{{if $d.Verdict.Reasons}}<h3>Reasons</h3><ul>{{range $d.Verdict.Reasons}}<li><b>{{upper .Decision}}</b>: {{.Text}}{{if .Licences}} <span class="small">[{{join .Licences ", "}}]</span>{{end}}</li>{{end}}</ul>{{end}}
<h3>Parties</h3>
<table><tr><th>Role</th><th>Where</th><th>Name</th><th>BIC</th><th>Account</th><th>Country</th></tr>
{{range $d.Payment.Parties}}<tr><td>{{.Role}}</td><td>{{.Where}}</td><td>{{.Name}}</td><td>{{.BIC}}</td><td>{{.Account}}</td><td>{{.Country}}</td></tr>
{{end}}</table>
{{if $d.Screening.Hits}}<h3>Screening hits</h3>
<table><tr><th>Role</th><th>Where</th><th>Screened</th><th>Listed entity</th><th>Programmes</th><th>Score</th><th>Licences that applied</th></tr>
{{range $i, $h := $d.Screening.Hits}}<tr{{if $h.Match.Alert}} class="block"{{end}}><td>{{$h.Role}}</td><td>{{$h.Where}}</td><td>{{$h.Query}}</td><td>{{$h.Match.Entity.ID}}<br>{{$h.Match.Name}}</td><td>{{join $h.Match.Entity.Programs ", "}}</td><td>{{score $h.Match.Score}}{{if $h.Match.Alert}} (alert){{end}}</td><td>{{range applied (hitOf $d.Licences $i)}}{{.ID}} ({{.Effect}})<br>{{end}}</td></tr>
{{end}}</table>{{end}}
{{if applied $d.Licences.Payment}}<h3>Licences for the payment as a whole</h3><ul>{{range applied $d.Licences.Payment}}<li>{{.ID}} ({{.Effect}})</li>{{end}}</ul>{{end}}
<p class="small">Licences of pack {{$d.Licences.Pack.ID}} {{$d.Licences.Pack.Version}}, judged in force on {{$d.Licences.Date}}. {{$d.Licences.Pack.Disclaimer}}</p>
</section>
{{end}}</body></html>
`))

// hitOutcome returns what the licences said of hit i.
func hitOutcome(res policy.Result, i int) policy.Outcome {
	for _, h := range res.Hits {
		if h.Hit == i {
			return h.Outcome
		}
	}
	return policy.Outcome{}
}

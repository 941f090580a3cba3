package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/payment/jsonform"
	"github.com/corridor-aml/corridor/policy"
)

// The JSON of `payment screen --json`: snake_case, as corridor's other JSON, with the payment
// in its JSON form (docs/payments.md).
type paymentFileJSON struct {
	File     string               `json:"file"`
	Decision corridor.Disposition `json:"decision"` // the strongest of the payments'
	Payments []paymentJSON        `json:"payments"`
}

type paymentJSON struct {
	Index     int                  `json:"index"`
	Decision  corridor.Disposition `json:"decision"`
	Verdict   policy.Verdict       `json:"verdict"`
	Payment   json.Marshaler       `json:"payment"`
	Hits      []hitJSON            `json:"hits"`
	Countries []countryJSON        `json:"countries"`
	Licences  policy.Result        `json:"licences"`
	Lists     []listJSON           `json:"lists"`
}

type hitJSON struct {
	Role        corridor.Role     `json:"role,omitempty"`
	Where       string            `json:"where"`
	Query       string            `json:"query"`
	EntityID    string            `json:"entity_id"`
	List        corridor.ListID   `json:"list"`
	ListedName  string            `json:"listed_name"`
	Programs    []string          `json:"programs"`
	Score       float64           `json:"score"`
	Alert       bool              `json:"alert"`
	Threshold   float64           `json:"threshold"`
	Explanation match.Explanation `json:"explanation"`
}

type countryJSON struct {
	Country string        `json:"country"`
	Source  string        `json:"source"`
	Role    corridor.Role `json:"role,omitempty"`
	Where   string        `json:"where,omitempty"`
	Text    string        `json:"text,omitempty"`
}

func paymentJSONOf(d *paymentDecision) paymentJSON {
	out := paymentJSON{Index: d.Index, Decision: d.Verdict.Decision, Verdict: d.Verdict, Payment: jsonform.Marshaler(&d.Payment),
		Hits: []hitJSON{}, Countries: []countryJSON{}, Licences: d.Licences}
	for _, h := range d.Screening.Hits {
		out.Hits = append(out.Hits, hitJSON{Role: h.Role, Where: h.Where, Query: h.Query, EntityID: h.Match.Entity.ID,
			List: h.Match.List, ListedName: h.Match.Name, Programs: h.Match.Entity.Programs, Score: h.Match.Score,
			Alert: h.Match.Alert, Threshold: h.Threshold, Explanation: h.Explanation})
	}
	for _, c := range d.Screening.Countries {
		out.Countries = append(out.Countries, countryJSON(c))
	}
	for _, v := range d.Screening.Versions {
		out.Lists = append(out.Lists, listJSONOf(v))
	}
	return out
}

func (r *paymentFileResult) json() paymentFileJSON {
	out := paymentFileJSON{File: r.File, Decision: r.Decision, Payments: []paymentJSON{}}
	for i := range r.Payments {
		out.Payments = append(out.Payments, paymentJSONOf(&r.Payments[i]))
	}
	return out
}

// writePaymentText prints one line a payment, then each payment's summary.
func writePaymentText(w io.Writer, r *paymentFileResult) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tDECISION\tPAYMENT\tAMOUNT\tFROM\tTO\tHITS")
	for i := range r.Payments {
		d := &r.Payments[i]
		alerts := 0
		for _, h := range d.Screening.Hits {
			if h.Match.Alert {
				alerts++
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d alerts, %d below\n", d.Index, strings.ToUpper(string(d.Verdict.Decision)),
			ref(&d.Payment), d.Payment.Amount, clip(partyOf(&d.Payment, corridor.RoleDebtor), 30),
			clip(partyOf(&d.Payment, corridor.RoleCreditor), 30), alerts, len(d.Screening.Hits)-alerts)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i := range r.Payments {
		d := &r.Payments[i]
		fmt.Fprintf(w, "\n%d. %s\n", d.Index, d.Verdict.Summary)
	}
	_, err := fmt.Fprintf(w, "\nFile %s: %s.\n", r.File, strings.ToUpper(string(r.Decision)))
	return err
}

func ref(p *corridor.Payment) string {
	for _, s := range []string{p.EndToEndID, p.InstructionID, p.MessageID} {
		if s != "" && s != "NOTPROVIDED" {
			return s
		}
	}
	return "-"
}

func partyOf(p *corridor.Payment, role corridor.Role) string {
	for _, party := range p.Parties {
		if party.Role == role {
			if party.Name != "" {
				return party.Name
			}
			return party.BIC
		}
	}
	return "-"
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

package batch

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
)

//go:embed report.html.tmpl
var reportHTML string

var reportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(n, of int64) string {
		if of == 0 {
			return "0%"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
	},
	"score": func(f float64) string { return fmt.Sprintf("%.4f", f) },
}).Parse(reportHTML))

// report is what the HTML report shows. It is made from the results file's rows (see Run),
// never from how the batch ran, so that a resumed batch reports the same as a whole one.
type report struct {
	Job        Job
	Generated  string
	Sum        *Summary
	Lists      []reportList
	ByList     []Count
	ByProgram  []Count
	Chart      chart
	Alerts     []evidence
	MoreAlerts int64
	MoreBad    int64
}

type reportList struct {
	List, Version, Published, Source string
	Entities                         int
	Screened                         bool
}

type evidence struct {
	N           int
	Row         int64
	Facts       []fact // the row's name and facts, as the file writes them
	List        string
	EntityID    string
	ListedName  string
	PrimaryName string
	Programs    string
	Score       float64
	Reason      string
	Explanation string
}

type fact struct{ Label, Value string }

func newReport(res *Result, job Job, cfg Config, now time.Time) *report {
	r := &report{Job: job, Generated: now.UTC().Format("2006-01-02 15:04 UTC"), Sum: res.Summary,
		ByList: Sorted(res.ByList), ByProgram: Sorted(res.ByProgram)}
	for _, v := range cfg.Index.Versions() {
		l := reportList{List: string(v.List), Version: v.Hash, Source: v.Source, Entities: v.Entities}
		if !v.Published.IsZero() {
			l.Published = v.Published.Format(time.DateOnly)
		}
		for _, s := range job.Screened {
			l.Screened = l.Screened || s == l.List
		}
		r.Lists = append(r.Lists, l)
	}
	r.Chart = newChart(res.Summary, job.Threshold, job.MinScore)
	r.MoreAlerts = res.Alerts - int64(len(res.Evidence))
	r.MoreBad = res.Errors - int64(len(res.BadRows))
	rs := newRescreener(cfg, res.Header)
	for i := range res.Evidence {
		o := &res.Evidence[i]
		e := evidence{N: i + 1, Row: o.Row, Facts: rowFacts(res.Columns, res.Header, o.Fields), List: o.List,
			EntityID: o.EntityID, ListedName: o.EntityName, Score: o.Score, Reason: o.Reason}
		if q, m, ok := rs.find(o); ok {
			e.PrimaryName = m.Entity.PrimaryName()
			e.Programs = strings.Join(m.Entity.Programs, ", ")
			e.Explanation = rs.s.Explain(q, m).Text()
		} else {
			e.Explanation = "The match was not found again: the lists or the matcher changed since the row was screened."
		}
		r.Alerts = append(r.Alerts, e)
	}
	return r
}

func (r *report) write(w io.Writer) error { return reportTmpl.Execute(w, r) }

// rowFacts lists the columns batch read from a row, under their own headers.
func rowFacts(c Columns, header, fields []string) []fact {
	var out []fact
	add := func(i int) {
		if i >= 0 && i < len(fields) && i < len(header) && fields[i] != "" {
			out = append(out, fact{header[i], fields[i]})
		}
	}
	add(c.Ref)
	add(c.Name)
	add(c.First)
	add(c.Middle)
	add(c.Last)
	add(c.DOB)
	for _, i := range c.Nationality {
		add(i)
	}
	for _, i := range c.ID {
		add(i)
	}
	return out
}

// chart is the score distribution as an SVG bar chart: one bar per 0.05 of score from the
// reporting floor up, and the threshold marked.
type chart struct {
	Width, Height, Base int
	Bars                []bar
	ThresholdX          int
	Threshold           float64
	NoMatch             int64
}

type bar struct {
	X, Y, W, H int
	LabelX     int
	Label      string
	N          int64
	Alert      bool
}

func newChart(s *Summary, threshold, minScore float64) chart {
	const left, barW, gap, plotH, top = 40, 56, 8, 160, 20
	from := int(minScore * scoreBins) // the first bin that can hold a score
	c := chart{Height: top + plotH + 40, Base: top + plotH, Threshold: threshold, NoMatch: s.NoMatch}
	var most int64 = 1
	for _, n := range s.Histogram[from:] {
		most = max(most, n)
	}
	for i := from; i < scoreBins; i++ {
		n := s.Histogram[i]
		h := int(float64(plotH) * float64(n) / float64(most))
		if n > 0 {
			h = max(h, 1)
		}
		x := left + (i-from)*(barW+gap)
		c.Bars = append(c.Bars, bar{X: x, Y: c.Base - h, W: barW, H: h, LabelX: x + barW/2,
			Label: fmt.Sprintf("%.2f–%.2f", float64(i)/scoreBins, float64(i+1)/scoreBins), N: n,
			Alert: float64(i)/scoreBins >= threshold})
	}
	c.Width = left + (scoreBins-from)*(barW+gap) + left
	c.ThresholdX = left + int((threshold*scoreBins-float64(from))*(barW+gap))
	return c
}

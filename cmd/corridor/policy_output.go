package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/policy"
	"github.com/corridor-aml/corridor/screen"
)

// explainJSON is what policy explain prints with --json.
type explainJSON struct {
	Pack     policy.PackRef       `json:"pack"`
	File     string               `json:"file"`
	Payments []paymentExplainJSON `json:"payments"`
}

type paymentExplainJSON struct {
	Payment       int              `json:"payment"` // its place in the file, from 1
	MessageID     string           `json:"message_id,omitempty"`
	EndToEndID    string           `json:"end_to_end_id,omitempty"`
	Amount        string           `json:"amount,omitempty"`
	ValueDate     string           `json:"value_date,omitempty"`
	PurposeCode   string           `json:"purpose_code,omitempty"`
	CategoryCode  string           `json:"category_purpose_code,omitempty"`
	Date          string           `json:"date"`
	DateSource    string           `json:"date_source"`
	Countries     []string         `json:"countries"`
	PaymentEffect policy.Effect    `json:"payment_effect"`
	PaymentLics   []licenceJSON    `json:"payment_licences"`
	Hits          []hitExplainJSON `json:"hits"`
	result        policy.Result    // for the text form
	screened      screen.PaymentResult
}

type hitExplainJSON struct {
	Role       string        `json:"role,omitempty"`
	Where      string        `json:"where,omitempty"`
	Query      string        `json:"query"`
	EntityID   string        `json:"entity_id"`
	EntityName string        `json:"entity_name"`
	List       string        `json:"list"`
	Programs   []string      `json:"programs"`
	Score      float64       `json:"score"`
	Alert      bool          `json:"alert"`
	Effect     policy.Effect `json:"effect"`
	Licences   []licenceJSON `json:"licences"`
}

// licenceJSON is a licence's outcome with what a reader needs to judge it: its title,
// authority, condition and citations.
type licenceJSON struct {
	ID          string            `json:"id"`
	Authority   policy.Authority  `json:"authority"`
	Title       string            `json:"title"`
	Effect      policy.Effect     `json:"effect"`
	Status      policy.Status     `json:"status"`
	Error       string            `json:"error,omitempty"`
	When        string            `json:"when"`
	Explanation string            `json:"explanation,omitempty"` // for licences that applied
	Citations   []policy.Citation `json:"citations,omitempty"`   // for licences that applied
}

func paymentExplainOf(n int, p *corridor.Payment, res *screen.PaymentResult, r policy.Result) paymentExplainJSON {
	out := paymentExplainJSON{
		Payment: n, MessageID: p.MessageID, EndToEndID: p.EndToEndID, Amount: p.Amount.String(),
		ValueDate: p.ValueDate, PurposeCode: p.PurposeCode, CategoryCode: p.CategoryPurposeCode,
		Date: r.Date, DateSource: r.DateSource, Countries: r.Countries,
		PaymentEffect: r.Payment.Effect, PaymentLics: licencesJSON(r.Payment.Licences),
		Hits: []hitExplainJSON{}, result: r, screened: *res,
	}
	if out.Countries == nil {
		out.Countries = []string{}
	}
	for i, h := range r.Hits {
		m := res.Hits[i].Match
		out.Hits = append(out.Hits, hitExplainJSON{
			Role: h.Role, Where: h.Where, Query: res.Hits[i].Query, EntityID: h.EntityID,
			EntityName: m.Entity.PrimaryName(), List: h.List, Programs: m.Entity.Programs,
			Score: m.Score, Alert: m.Alert, Effect: h.Effect, Licences: licencesJSON(h.Licences),
		})
	}
	return out
}

func licencesJSON(os []policy.LicenceOutcome) []licenceJSON {
	out := []licenceJSON{}
	for _, o := range os {
		l := licenceJSON{ID: o.ID, Authority: o.Licence.Authority, Title: o.Licence.Title, Effect: o.Effect,
			Status: o.Status, Error: o.Error, When: oneLine(o.Licence.When)}
		if o.Status == policy.StatusApplied {
			l.Explanation, l.Citations = o.Licence.Explanation, o.Licence.Citations
		}
		out = append(out, l)
	}
	return out
}

func writeExplainText(w io.Writer, pack *policy.Pack, out explainJSON, all bool) error {
	fmt.Fprintf(w, "Pack %s: %s\n", pack, pack.Title)
	for _, p := range out.Payments {
		fmt.Fprintf(w, "\nPayment %d", p.Payment)
		if p.MessageID != "" {
			fmt.Fprintf(w, " (%s)", p.MessageID)
		}
		if p.Amount != "" {
			fmt.Fprintf(w, ", %s", p.Amount)
		}
		fmt.Fprintf(w, ", purpose %s / category %s\n", orDash(p.PurposeCode), orDash(p.CategoryCode))
		fmt.Fprintf(w, "  licences judged on %s (%s); countries involved: %s\n", p.Date, strings.ReplaceAll(p.DateSource, "_", " "), orDash(strings.Join(p.Countries, ", ")))
		fmt.Fprintf(w, "  the payment as a whole: %s\n", effectText(p.PaymentEffect))
		writeLicences(w, p.PaymentLics, all)
		if len(p.Hits) == 0 {
			fmt.Fprintln(w, "  no hits")
		}
		for i, h := range p.Hits {
			who := "free text"
			if h.Role != "" {
				who = h.Role
			}
			alert := ""
			if h.Alert {
				alert = " ALERT"
			}
			fmt.Fprintf(w, "  hit %d: %s at %s, %q -> %s %s [%s] score %.2f%s: %s\n", i+1, who, orDash(h.Where), h.Query,
				h.EntityID, h.EntityName, strings.Join(h.Programs, " "), h.Score, alert, effectText(h.Effect))
			writeLicences(w, h.Licences, all)
		}
	}
	_, err := fmt.Fprintf(w, "\n%s\n", out.Pack.Disclaimer)
	return err
}

// writeLicences writes the licences considered, those that applied with why and where they
// are published, then those left aside, by reason.
func writeLicences(w io.Writer, ls []licenceJSON, all bool) {
	aside := map[policy.Status][]string{}
	for _, l := range ls {
		switch l.Status {
		case policy.StatusApplied:
			fmt.Fprintf(w, "    applies     %-9s %s: %s\n", l.Effect, l.ID, l.Title)
			fmt.Fprintf(w, "%s", wrapText("when "+l.When, textWidth, "                "))
			fmt.Fprintf(w, "%s", wrapText(l.Explanation, textWidth, "                "))
			for _, c := range l.Citations {
				fmt.Fprintf(w, "                cites %s\n", citationText(c))
			}
		case policy.StatusConditionFalse:
			fmt.Fprintf(w, "    not met     %-9s %s: %s\n", l.Effect, l.ID, l.Title)
		case policy.StatusError:
			fmt.Fprintf(w, "    error       %-9s %s: %s (counts as review)\n", l.Effect, l.ID, l.Error)
		default:
			aside[l.Status] = append(aside[l.Status], l.ID)
		}
	}
	for _, s := range []struct {
		status policy.Status
		text   string
	}{
		{policy.StatusNotInForce, "not in force on the date"},
		{policy.StatusNoJurisdiction, "not in their jurisdictions"},
		{policy.StatusOutOfScope, "out of scope (programme or list)"},
	} {
		ids := aside[s.status]
		switch {
		case len(ids) == 0:
		case all || s.status != policy.StatusOutOfScope:
			fmt.Fprintf(w, "    %s: %s\n", s.text, strings.Join(ids, ", "))
		default:
			fmt.Fprintf(w, "    %d licences %s\n", len(ids), s.text)
		}
	}
}

func citationText(c policy.Citation) string {
	s := c.Document
	if c.Section != "" {
		s += ", " + c.Section
	}
	if c.URL != "" {
		s += " <" + c.URL + ">"
	}
	return s
}

func effectText(e policy.Effect) string {
	if e == policy.EffectNone {
		return "no licence applies"
	}
	return e.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// textWidth is where policy explain wraps conditions and explanations, which run long.
const textWidth = 100

// wrapText breaks s into lines of at most width characters where it can, each line
// starting with indent and ending with a newline.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	if len(line) > len(indent) {
		b.WriteString(line + "\n")
	}
	return b.String()
}

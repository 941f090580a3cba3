package policy

import (
	"encoding/json"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/payment/jsonform"
	"github.com/corridor-aml/corridor/screen"
)

// PaymentDecision is one payment with everything that decided it.
type PaymentDecision struct {
	Index     int
	Payment   corridor.Payment
	Screening screen.PaymentResult
	Licences  Result
	Verdict   Verdict
}

// FileDecision is the decisions on the payments of one message or file, and the strongest.
type FileDecision struct {
	Decision corridor.Disposition
	Payments []PaymentDecision
}

// DecideAll screens every payment with s, evaluates pack for it and decides it.
func DecideAll(s *screen.Screener, pack *Pack, payments []corridor.Payment, opt Options, reviewThreshold float64) FileDecision {
	out := FileDecision{Decision: corridor.Release}
	for i := range payments {
		p := &payments[i]
		res := s.Payment(p)
		pol := pack.Evaluate(p, &res, opt)
		v := Decide(p, &res, pol, reviewThreshold)
		out.Payments = append(out.Payments, PaymentDecision{Index: i + 1, Payment: *p, Screening: res, Licences: pol, Verdict: v})
		out.Decision = out.Decision.Worse(v.Decision)
	}
	return out
}

// The JSON of a decision: snake_case, as corridor's other JSON, with the payment in its
// JSON form (docs/payments.md). The CLI (`payment screen --json`) and the API
// (`POST /v1/payments/screen`) write the same.
type fileJSON struct {
	Decision corridor.Disposition `json:"decision"`
	Payments []paymentJSON        `json:"payments"`
}

type paymentJSON struct {
	Index     int                  `json:"index"`
	Decision  corridor.Disposition `json:"decision"`
	Verdict   Verdict              `json:"verdict"`
	Payment   json.Marshaler       `json:"payment"`
	Hits      []hitJSON            `json:"hits"`
	Countries []countryJSON        `json:"countries"`
	Licences  Result               `json:"licences"`
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

type listJSON struct {
	List      corridor.ListID `json:"list"`
	Version   string          `json:"version"`
	Published string          `json:"published,omitempty"`
	Entities  int             `json:"entities"`
}

// MarshalJSON writes the decisions in corridor's JSON.
func (f FileDecision) MarshalJSON() ([]byte, error) {
	out := fileJSON{Decision: f.Decision, Payments: []paymentJSON{}}
	for i := range f.Payments {
		out.Payments = append(out.Payments, f.Payments[i].json())
	}
	return json.Marshal(out)
}

func (d *PaymentDecision) json() paymentJSON {
	out := paymentJSON{Index: d.Index, Decision: d.Verdict.Decision, Verdict: d.Verdict, Payment: jsonform.Marshaler(&d.Payment),
		Hits: []hitJSON{}, Countries: []countryJSON{}, Licences: d.Licences, Lists: []listJSON{}}
	for _, h := range d.Screening.Hits {
		out.Hits = append(out.Hits, hitJSON{Role: h.Role, Where: h.Where, Query: h.Query, EntityID: h.Match.Entity.ID,
			List: h.Match.List, ListedName: h.Match.Name, Programs: h.Match.Entity.Programs, Score: h.Match.Score,
			Alert: h.Match.Alert, Threshold: h.Threshold, Explanation: h.Explanation})
	}
	for _, c := range d.Screening.Countries {
		out.Countries = append(out.Countries, countryJSON(c))
	}
	for _, v := range d.Screening.Versions {
		l := listJSON{List: v.List, Version: v.Hash, Entities: v.Entities}
		if !v.Published.IsZero() {
			l.Published = v.Published.Format(time.DateOnly)
		}
		out.Lists = append(out.Lists, l)
	}
	return out
}

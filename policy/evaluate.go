package policy

import (
	"slices"
	"time"

	"cel.dev/cel-go/interpreter"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/screen"
)

// Options tune an evaluation.
type Options struct {
	// Today is the date licences are judged in force on when the payment has no value date;
	// the zero value means the current date in UTC.
	Today time.Time
}

// Evaluate evaluates the pack for one payment and the result of screening it. It never
// fails: a condition that errs is reported as StatusError on its licence. res may be nil,
// for a payment not screened: then there are no hits, and no countries for scopes to match.
// Evaluate only reads the pack, so one Pack serves any number of goroutines.
func (p *Pack) Evaluate(pay *corridor.Payment, res *screen.PaymentResult, opt Options) Result {
	pv := paymentOf(pay, res)
	r := Result{
		Pack:      PackRef{ID: p.ID, Version: p.Version, Title: p.Title, Disclaimer: p.Disclaimer},
		Countries: pv.Countries,
	}
	r.Date, r.DateSource = pay.ValueDate, "value_date"
	if _, err := time.Parse(dateLayout, r.Date); err != nil {
		today := opt.Today
		if today.IsZero() {
			today = time.Now()
		}
		r.Date, r.DateSource = today.UTC().Format(dateLayout), "today"
	}
	v := &vars{payment: pv}
	nHit := 0
	for _, l := range p.Licences {
		if l.AppliesTo == SubjectHit {
			nHit++
		}
	}
	r.Payment.Licences = make([]LicenceOutcome, 0, len(p.Licences)-nHit)
	for _, l := range p.Licences {
		if l.AppliesTo == SubjectPayment {
			r.Payment.Licences = append(r.Payment.Licences, l.outcome(nil, pv, r.Date, v))
		}
	}
	r.Payment.Effect = combine(r.Payment.Licences)
	if res == nil {
		return r
	}
	r.Hits = make([]HitResult, len(res.Hits))
	for i := range res.Hits {
		h := &res.Hits[i]
		hv := hitOf(h)
		pa := partyOfHit(pv, h)
		hv2 := &vars{payment: pv, party: &pa, hit: hv}
		hr := HitResult{Hit: i, EntityID: hv.EntityID, List: hv.List, Role: hv.Role, Where: hv.Where}
		hr.Licences = make([]LicenceOutcome, 0, nHit)
		for _, l := range p.Licences {
			if l.AppliesTo == SubjectHit {
				hr.Licences = append(hr.Licences, l.outcome(hv, pv, r.Date, hv2))
			}
		}
		hr.Effect = combine(hr.Licences)
		r.Hits[i] = hr
	}
	return r
}

// outcome tests one licence: scope, jurisdiction, dates, then its condition.
func (l *Licence) outcome(h *hit, pv *payment, date string, v *vars) LicenceOutcome {
	o := LicenceOutcome{Licence: l, ID: l.ID, Effect: l.Effect}
	switch {
	case h != nil && !l.Scope.covers(h):
		o.Status = StatusOutOfScope
	case len(l.Scope.Jurisdictions) > 0 && !intersects(l.Scope.Jurisdictions, pv.Countries):
		o.Status = StatusNoJurisdiction
	case date < l.From || (l.To != "" && date > l.To): // YYYY-MM-DD compares as it sorts
		o.Status = StatusNotInForce
	default:
		ok, err := l.prog.eval(v)
		switch {
		case err != nil:
			o.Status, o.Error = StatusError, err.Error()
		case ok:
			o.Status = StatusApplied
		default:
			o.Status = StatusConditionFalse
		}
	}
	return o
}

// covers reports whether a hit's entity is in the scope's programmes and lists.
func (s *Scope) covers(h *hit) bool {
	if len(s.Programs) > 0 && !intersects(s.Programs, h.Programs) {
		return false
	}
	if len(s.Lists) > 0 && !slices.Contains(s.Lists, corridor.ListID(h.List)) {
		return false
	}
	return true
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func combine(os []LicenceOutcome) Effect {
	e := EffectNone
	for _, o := range os {
		switch o.Status {
		case StatusApplied:
			e = Combine(e, o.Effect)
		case StatusError:
			e = Combine(e, EffectReview)
		}
	}
	return e
}

// vars is the activation conditions are evaluated with: fixed names, no map to build.
type vars struct {
	payment *payment
	party   *party
	hit     *hit
}

func (v *vars) ResolveName(name string) (any, bool) {
	switch name {
	case "payment":
		return v.payment, v.payment != nil
	case "party":
		return v.party, v.party != nil
	case "hit":
		return v.hit, v.hit != nil
	}
	return nil, false
}

func (v *vars) Parent() interpreter.Activation { return nil }

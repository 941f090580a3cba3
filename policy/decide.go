package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/screen"
)

// DefaultReviewThreshold is the score from which a hit below its list's alert threshold still
// sends the payment to review: a near miss a person should look at. At 0.75 the evaluation's
// 50,000 names on no list reach it about 0.3% of the time (docs/matching.md).
const DefaultReviewThreshold = 0.75

// Verdict is the decision on one payment with its evidence: every hit and what the licences
// said of it, the payment's own licences, the versions decided on, and a summary an officer
// can paste into a file note.
type Verdict struct {
	Decision corridor.Disposition `json:"decision"`
	Reasons  []Reason             `json:"reasons"` // what made the decision, the strongest first
	Summary  string               `json:"summary"`
	// Disclaimer is the pack's: every decision that relies on a pack carries it.
	Disclaimer string `json:"disclaimer"`
}

// Reason is one finding behind a verdict.
type Reason struct {
	Decision corridor.Disposition `json:"decision"`
	Hit      int                  `json:"hit"` // the hit's place in the screening result, or -1 for the payment
	Text     string               `json:"text"`
	Licences []string             `json:"licences,omitempty"` // the licences that decided it
}

// Decide turns a payment's screening result and the pack's evaluation into a decision:
//
//   - a payment licence that denies blocks, and one that calls for review reviews;
//   - a hit at or above its list's alert threshold blocks unless a licence covering it
//     authorizes the payment; a licence that denies it blocks even then, and one that only
//     calls for review, or could not be evaluated, sends it to review;
//   - a hit between reviewThreshold and the alert threshold is a near miss: review, whatever
//     the licences say (they assume the hit is the listed party, which is the open question);
//   - anything else releases, with the licences that authorized it and the jurisdictions noted.
func Decide(pay *corridor.Payment, res *screen.PaymentResult, pol Result, reviewThreshold float64) Verdict {
	v := Verdict{Decision: corridor.Release, Disclaimer: pol.Pack.Disclaimer}
	add := func(d corridor.Disposition, hit int, text string, licences []LicenceOutcome) {
		r := Reason{Decision: d, Hit: hit, Text: text}
		for _, l := range licences {
			r.Licences = append(r.Licences, l.ID)
		}
		v.Reasons = append(v.Reasons, r)
		v.Decision = v.Decision.Worse(d)
	}
	switch applied := pol.Payment.Applied(); pol.Payment.Effect {
	case EffectDeny:
		add(corridor.Block, -1, "a licence limit denies the payment: "+explanations(applied, EffectDeny), only(applied, EffectDeny))
	case EffectReview:
		add(corridor.Review, -1, "the licences ask for review: "+explanations(applied, EffectReview), only(applied, EffectReview))
	case EffectAuthorize:
		add(corridor.Release, -1, "authorized as a whole: "+explanations(applied, EffectAuthorize), only(applied, EffectAuthorize))
	}
	for _, hr := range pol.Hits {
		h := &res.Hits[hr.Hit]
		who := describeHit(h)
		applied := hr.Applied()
		failed := errored(hr.Licences)
		switch {
		case !h.Match.Alert && h.Match.Score >= reviewThreshold:
			add(corridor.Review, hr.Hit, fmt.Sprintf("near miss: %s, under the alert threshold (%.2f) but over the review threshold (%.2f); a person must tell whether it is the listed party",
				who, h.Threshold, reviewThreshold), nil)
		case !h.Match.Alert:
			continue
		case hr.Effect == EffectDeny:
			add(corridor.Block, hr.Hit, who+": a licence limit denies it: "+explanations(applied, EffectDeny), only(applied, EffectDeny))
		case len(failed) > 0:
			add(corridor.Review, hr.Hit, who+": a licence condition could not be evaluated", failed)
		case hr.Effect == EffectAuthorize:
			add(corridor.Release, hr.Hit, who+": authorized: "+explanations(applied, EffectAuthorize), only(applied, EffectAuthorize))
		case hr.Effect == EffectReview:
			add(corridor.Review, hr.Hit, who+": the licences ask for review: "+explanations(applied, EffectReview), only(applied, EffectReview))
		default:
			add(corridor.Block, hr.Hit, who+": no licence of the pack covers it", nil)
		}
	}
	slices.SortStableFunc(v.Reasons, func(a, b Reason) int { return b.Decision.Rank() - a.Decision.Rank() })
	v.Summary = summary(pay, res, pol, v)
	return v
}

func describeHit(h *screen.Hit) string {
	where := "free text"
	if h.Role != "" {
		where = "the " + strings.ReplaceAll(string(h.Role), "_", " ")
	}
	programs := ""
	if len(h.Match.Entity.Programs) > 0 {
		programs = ", " + strings.Join(h.Match.Entity.Programs, "/")
	}
	return fmt.Sprintf("%s %q (%s) matches %s %q%s at %.2f", where, h.Query, h.Where, h.Match.Entity.ID, h.Match.Name, programs, h.Match.Score)
}

func only(os []LicenceOutcome, e Effect) []LicenceOutcome {
	var out []LicenceOutcome
	for _, o := range os {
		if o.Effect == e {
			out = append(out, o)
		}
	}
	return out
}

func errored(os []LicenceOutcome) []LicenceOutcome {
	var out []LicenceOutcome
	for _, o := range os {
		if o.Status == StatusError {
			out = append(out, o)
		}
	}
	return out
}

// explanations writes the licences of an effect with their citations.
func explanations(os []LicenceOutcome, e Effect) string {
	var parts []string
	for _, o := range only(os, e) {
		part := o.ID
		if o.Licence != nil {
			part = fmt.Sprintf("%s, %q (%s: %s)", o.ID, o.Licence.Title, o.Licence.Authority, citationText(o.Licence.Citations))
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

func citationText(cs []Citation) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Document)
	}
	return strings.Join(parts, ", ")
}

// summary writes the verdict as one paragraph for a file note.
func summary(pay *corridor.Payment, res *screen.PaymentResult, pol Result, v Verdict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s. Payment %s", strings.ToUpper(string(v.Decision)), paymentRef(pay))
	if !pay.Amount.IsZero() {
		fmt.Fprintf(&b, " of %s", pay.Amount)
	}
	if pay.ValueDate != "" {
		fmt.Fprintf(&b, " on %s", pay.ValueDate)
	}
	if from, to := partyName(pay, corridor.RoleDebtor), partyName(pay, corridor.RoleCreditor); from != "" || to != "" {
		fmt.Fprintf(&b, " from %s to %s", orUnnamed(from), orUnnamed(to))
	}
	b.WriteString(". ")
	switch {
	case len(v.Reasons) == 0:
		b.WriteString("No party or text of the payment reached the review threshold, and no licence limit applies. ")
	default:
		for _, r := range v.Reasons {
			b.WriteString(upperFirst(r.Text))
			b.WriteString(". ")
		}
	}
	if len(pol.Countries) > 0 {
		fmt.Fprintf(&b, "Jurisdictions involved: %s. ", strings.Join(pol.Countries, ", "))
	}
	var lists []string
	for _, lv := range res.Versions {
		h := strings.TrimPrefix(lv.Hash, "sha256:")
		if len(h) > 12 {
			h = h[:12]
		}
		lists = append(lists, string(lv.List)+" "+h)
	}
	fmt.Fprintf(&b, "Screened against %s; licences of pack %s %s, judged in force on %s. %s",
		strings.Join(lists, ", "), pol.Pack.ID, pol.Pack.Version, pol.Date, pol.Pack.Disclaimer)
	return b.String()
}

func paymentRef(p *corridor.Payment) string {
	for _, ref := range []string{p.EndToEndID, p.InstructionID, p.MessageID, p.UETR} {
		if ref != "" && ref != "NOTPROVIDED" {
			return ref
		}
	}
	return fmt.Sprintf("#%d", p.Index)
}

func partyName(p *corridor.Payment, role corridor.Role) string {
	for _, party := range p.Parties {
		if party.Role == role && party.Name != "" {
			return party.Name
		}
	}
	return ""
}

func orUnnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

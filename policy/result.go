package policy

// Result is what a pack says of one screened payment: for the payment as a whole and for
// each hit, every licence of the pack with what it yielded, and the effect they combine to.
type Result struct {
	Pack       PackRef     `json:"pack"`
	Date       string      `json:"date"`        // the date licences were judged in force on
	DateSource string      `json:"date_source"` // "value_date", or "today" when the payment has none
	Countries  []string    `json:"countries"`   // the jurisdictions the payment involves, as scopes saw them
	Payment    Outcome     `json:"payment"`     // the payment licences
	Hits       []HitResult `json:"hits"`        // one per hit of the screening result, in its order
}

// PackRef names the pack a Result comes from, with the disclaimer every decision that relies
// on it must carry.
type PackRef struct {
	ID         string `json:"id"`
	Version    string `json:"version"`
	Title      string `json:"title"`
	Disclaimer string `json:"disclaimer"`
}

// Outcome is the licences evaluated for one subject (the payment, or one hit) and the
// effect of those that applied, combined: deny over authorize over review; EffectNone when
// none applied.
type Outcome struct {
	Effect   Effect           `json:"effect"`
	Licences []LicenceOutcome `json:"licences"`
}

// HitResult is the Outcome for one hit.
type HitResult struct {
	Hit      int    `json:"hit"` // the hit's place in PaymentResult.Hits, from 0
	EntityID string `json:"entity_id"`
	List     string `json:"list"`
	Role     string `json:"role,omitempty"` // empty for a hit on free text
	Where    string `json:"where,omitempty"`
	Outcome
}

// Status says what became of a licence for one subject.
type Status string

// Statuses, in the order a licence is tested: scope, jurisdiction, dates, condition. Only
// StatusApplied contributes its effect; StatusError contributes review, since a condition
// that could not be evaluated has decided nothing and a person must look.
const (
	StatusOutOfScope     Status = "out_of_scope"    // the hit's programmes or list are not the licence's
	StatusNoJurisdiction Status = "no_jurisdiction" // the payment involves none of the licence's jurisdictions
	StatusNotInForce     Status = "not_in_force"    // the date is outside the licence's effective dates
	StatusConditionFalse Status = "condition_false" // in scope and in force, and the condition does not hold
	StatusApplied        Status = "applied"         // the condition holds: the licence's effect counts
	StatusError          Status = "error"           // the condition failed to evaluate
)

// LicenceOutcome is one licence's outcome for one subject.
type LicenceOutcome struct {
	Licence *Licence `json:"-"`
	ID      string   `json:"id"`
	Effect  Effect   `json:"effect"` // the licence's effect, whether or not it applied
	Status  Status   `json:"status"`
	Error   string   `json:"error,omitempty"`
}

// Considered reports whether the licence covers the subject: in scope, in its jurisdictions
// and in force, whatever its condition said.
func (o LicenceOutcome) Considered() bool {
	return o.Status == StatusApplied || o.Status == StatusConditionFalse || o.Status == StatusError
}

// Applied returns the outcomes of the licences that applied.
func (o Outcome) Applied() []LicenceOutcome {
	var out []LicenceOutcome
	for _, l := range o.Licences {
		if l.Status == StatusApplied {
			out = append(out, l)
		}
	}
	return out
}

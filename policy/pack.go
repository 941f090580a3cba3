package policy

import (
	"fmt"
	"slices"

	"github.com/corridor-aml/corridor"
)

// Pack is a versioned set of licences, loaded and type-checked.
type Pack struct {
	ID         string
	Version    string
	Title      string
	Disclaimer string
	Licences   []*Licence
}

// Licence is one rule of a pack: a general licence, an exemption or one of its limits.
type Licence struct {
	ID          string
	Authority   Authority
	Title       string
	Citations   []Citation
	From, To    string // YYYY-MM-DD, both inclusive; To is empty when the licence has no end
	AppliesTo   Subject
	Scope       Scope
	When        string // the CEL condition as written
	Effect      Effect
	Explanation string
	Line        int // where the licence starts in its file, for messages

	prog program
}

// Citation names the published source of a licence.
type Citation struct {
	Document string `json:"document"`
	Section  string `json:"section,omitempty"`
	URL      string `json:"url,omitempty"`
}

// Scope says what a licence covers. Each dimension that lists anything must match; an empty
// one matches everything.
type Scope struct {
	Programs      []string          // the hit's entity must carry one of these programmes
	Lists         []corridor.ListID // the hit's entity must come from one of these lists
	Jurisdictions []string          // the payment must involve one of these countries (ISO 3166-1 alpha-2)
}

// Authority is who issued a licence.
type Authority string

// The authorities a pack may cite.
const (
	AuthorityOFAC Authority = "OFAC"
	AuthorityUN   Authority = "UN"
	AuthorityUK   Authority = "UK"
	AuthorityEU   Authority = "EU"
)

var authorities = []Authority{AuthorityOFAC, AuthorityUN, AuthorityUK, AuthorityEU}

// Effect is what a licence yields when its condition holds.
type Effect string

// Effects, and the strength with which they combine: deny over authorize over review.
const (
	EffectNone      Effect = "" // no licence applied
	EffectReview    Effect = "review"
	EffectAuthorize Effect = "authorize"
	EffectDeny      Effect = "deny"
)

var effects = []Effect{EffectAuthorize, EffectDeny, EffectReview}

// rank orders effects for Combine: a limit that denies must win over any authorization,
// and an authorization settles what a mere call for review would leave open.
func (e Effect) rank() int {
	switch e {
	case EffectReview:
		return 1
	case EffectAuthorize:
		return 2
	case EffectDeny:
		return 3
	}
	return 0
}

// Combine returns the strongest of the effects: deny, else authorize, else review, else none.
func Combine(effs ...Effect) Effect {
	best := EffectNone
	for _, e := range effs {
		if e.rank() > best.rank() {
			best = e
		}
	}
	return best
}

// Subject is what a licence is evaluated for.
type Subject string

// Subjects. A hit licence is evaluated once for each hit in its scope, with the hit and its
// party; a payment licence once for the payment, which lets a pack speak of payments no list
// names (an account of a protectively blocked central bank, a jurisdiction alone).
const (
	SubjectHit     Subject = "hit"
	SubjectPayment Subject = "payment"
)

// Licence returns the licence with the given id, or nil.
func (p *Pack) Licence(id string) *Licence {
	i := slices.IndexFunc(p.Licences, func(l *Licence) bool { return l.ID == id })
	if i < 0 {
		return nil
	}
	return p.Licences[i]
}

// String names the pack as messages and reports do: "afghanistan-humanitarian 2026.11.1".
func (p *Pack) String() string { return fmt.Sprintf("%s %s", p.ID, p.Version) }

func (e Effect) String() string {
	if e == EffectNone {
		return "none"
	}
	return string(e)
}

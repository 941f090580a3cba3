package corridor

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// MonitoredParty is a party corridor keeps so that it can screen it again when a list
// changes: a payee, a customer, an employee on a payroll.
type MonitoredParty struct {
	ID  int64
	Ref string // the institution's own reference (customer number ...), unique in a store
	PartyData

	BlockedBy int64 // the confirmed true-match alert that blocked the party; 0 when not blocked
	CreatedAt time.Time
	CreatedBy string
	UpdatedAt time.Time
}

// PartyData is what a party is screened on. DataHash identifies it.
type PartyData struct {
	Name        string   `json:"name"`
	Kind        Kind     `json:"kind,omitempty"`
	BirthDate   string   `json:"birth_date,omitempty"` // YYYY, YYYY-MM or YYYY-MM-DD
	Countries   []string `json:"countries,omitempty"`  // ISO 3166-1 alpha-2
	Gender      Gender   `json:"gender,omitempty"`
	Identifiers []string `json:"identifiers,omitempty"`
}

// Normalize trims the fields and sorts the lists, so that the same facts given in another
// order hash the same.
func (d PartyData) Normalize() PartyData {
	d.Name = strings.TrimSpace(d.Name)
	d.BirthDate = strings.TrimSpace(d.BirthDate)
	d.Countries = sortedTrimmed(d.Countries, strings.ToUpper)
	d.Identifiers = sortedTrimmed(d.Identifiers, func(s string) string { return s })
	return d
}

func sortedTrimmed(in []string, f func(string) string) []string {
	var out []string
	for _, s := range in {
		if s = f(strings.TrimSpace(s)); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// DataHash is "sha256:<hex>" of the JSON of the normalized data. An alert keeps the hash of
// the party data it was raised for, so that a cleared false positive stops suppressing the
// moment the party's data change.
func (d PartyData) DataHash() string {
	b, err := json.Marshal(d.Normalize())
	if err != nil { // strings and string slices always marshal
		panic(fmt.Sprintf("party data: %v", err))
	}
	return sha256Prefixed(b)
}

// Validate checks what a store needs of a party.
func (p *MonitoredParty) Validate() error {
	if strings.TrimSpace(p.Ref) == "" {
		return fmt.Errorf("party: %w: a reference is required", ErrInvalid)
	}
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("party %s: %w: a name is required", p.Ref, ErrInvalid)
	}
	return nil
}

// EntityHash is "sha256:<hex>" of a listed entity's content: its JSON without where in the
// source file it was read (a record that only moved is not a change, as in lists.Compare).
// An alert keeps it, so that a cleared false positive stops suppressing once the entity
// changes.
func EntityHash(e Entity) string {
	e.Source = SourceRef{}
	b, err := json.Marshal(e)
	if err != nil {
		panic(fmt.Sprintf("entity %s: %v", e.ID, err))
	}
	return sha256Prefixed(b)
}

func sha256Prefixed(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

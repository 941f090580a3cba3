// Package ftm reads OpenSanctions datasets in their FollowTheMoney (FtM) JSON-lines forms:
// entities.ftm.json, one entity per line with references between entities by ID, and
// targets.nested.json, one target per line with its related entities nested as objects inside
// property values. Both give the same corridor entities; see docs/lists.md ("OpenSanctions FollowTheMoney JSON").
package ftm

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// File names of the two forms, as OpenSanctions publishes them; SourceRef.File takes the one
// the stream looked like (nested objects seen or not).
const (
	FlatFile   = "entities.ftm.json"
	NestedFile = "targets.nested.json"
)

// maxRecordErrors caps how many rejected records Parse reports one by one, so that a file
// broken on every line still yields a readable error.
const maxRecordErrors = 100

// RecordError is an entity Parse could not take into the snapshot: a line of valid JSON
// whose content breaks the format (no ID, a repeated ID, an impossible date ...).
type RecordError struct {
	Line   int    // 1-based line of the entity in the file
	ID     string // the FtM entity ID; "" when the line has none
	Schema string
	Err    error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ftm list: line %d", e.Line)
	if e.ID != "" {
		fmt.Fprintf(&b, ", entity %s", e.ID)
	}
	if e.Schema != "" {
		fmt.Fprintf(&b, " (%s)", e.Schema)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *RecordError) Unwrap() error { return e.Err }

// Parse reads FtM JSON lines for one OpenSanctions dataset (list =
// corridor.OpenSanctionsList(dataset)). Entities of schemas that are not parties (Sanction,
// Address, Identification, Passport, Ownership ...) are folded into the parties that
// reference them, not returned on their own. Version.Published is the newest last_change.
//
// Only targets are returned: a party with "target": false (a relative, an owner, a vessel's
// operator that is not itself listed) becomes a Link of the targets it relates to. A stream
// that never says "target" is taken as all targets.
//
// A line that is not valid UTF-8 or not a JSON object (a file cut short ends so) yields a nil
// snapshot and an error naming the line. An entity that is valid JSON but breaks the format
// is left out: Parse reads on and returns the snapshot of every other entity together with
// an error joining one *RecordError per rejected entity.
func Parse(list corridor.ListID, r io.Reader) (*corridor.ListSnapshot, error) {
	if err := list.Validate(); err != nil {
		return nil, fmt.Errorf("ftm list: %w", err)
	}
	if !strings.HasPrefix(string(list), string(corridor.OpenSanctionsList(""))) {
		return nil, fmt.Errorf("ftm list: list id %q: want an OpenSanctions list (opensanctions_<dataset>)", list)
	}
	g, err := readGraph(r)
	if err != nil {
		return nil, err
	}
	p := parser{list: list, graph: g, file: FlatFile}
	if g.nested {
		p.file = NestedFile
	}
	snap := &corridor.ListSnapshot{Version: corridor.ListVersion{List: list, Published: g.newest}}
	for i := range g.records {
		rec := &g.records[i]
		if !rec.returned {
			continue
		}
		ent, err := p.party(rec)
		if err != nil {
			p.reject(rec, err)
			continue
		}
		snap.Entities = append(snap.Entities, ent)
	}
	resolveLinks(snap.Entities)
	snap.Version.Entities = len(snap.Entities)
	return snap, p.err()
}

// parser maps the parties of one graph; it collects rejected records as it goes.
type parser struct {
	list     corridor.ListID
	graph    *graph
	file     string
	rejected []error
	dropped  int
}

func (p *parser) reject(rec *record, err error) {
	if len(p.rejected) >= maxRecordErrors {
		p.dropped++
		return
	}
	p.rejected = append(p.rejected, &RecordError{Line: rec.line, ID: rec.e.ID, Schema: rec.e.Schema, Err: err})
}

func (p *parser) err() error {
	errs := append(p.graph.rejected, p.rejected...)
	dropped := p.graph.dropped + p.dropped
	if dropped > 0 {
		errs = append(errs, fmt.Errorf("ftm list: %d more entities rejected", dropped))
	}
	return errors.Join(errs...)
}

// resolveLinks keeps a link's EntityID only when the linked party is in the snapshot: a
// related party that is not a target, or was rejected, is known by name alone.
func resolveLinks(entities []corridor.Entity) {
	present := make(map[string]bool, len(entities))
	for i := range entities {
		present[entities[i].ID] = true
	}
	for i := range entities {
		for j := range entities[i].Links {
			if link := &entities[i].Links[j]; !present[link.EntityID] {
				link.EntityID = ""
			}
		}
	}
}

// timestampLayouts are the forms OpenSanctions writes first_seen, last_seen and last_change
// in; a timestamp without a zone is UTC.
var timestampLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

func parseTimestamp(s string) (time.Time, error) {
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("last_change %q: not an ISO 8601 timestamp", s)
}

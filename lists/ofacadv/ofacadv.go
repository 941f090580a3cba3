// Package ofacadv reads OFAC's SDN Advanced XML (sdn_advanced.xml and its non-SDN twin
// cons_advanced.xml), the Advanced Sanctions Data Model format OFAC publishes beside its
// CSV files.
//
// See docs/lists.md ("OFAC SDN Advanced XML") for how the format maps onto corridor.Entity.
package ofacadv

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// SourceFile returns the name OFAC gives the advanced file of a list; it is what
// Entity.Source.File says.
func SourceFile(list corridor.ListID) string {
	if list == corridor.ListOFACNonSDN {
		return "cons_advanced.xml"
	}
	return "sdn_advanced.xml"
}

// Parse reads OFAC's SDN Advanced XML. list is corridor.ListOFACSDN or ListOFACNonSDN
// (the same format serves both). Version.Published = DateOfIssue.
func Parse(list corridor.ListID, r io.Reader) (*corridor.ListSnapshot, error) {
	if err := list.Validate(); err != nil {
		return nil, fmt.Errorf("ofac advanced xml: %w", err)
	}
	p := &parser{
		list:      list,
		dec:       xml.NewDecoder(r),
		locations: make(map[string]*xmlLocation),
		docs:      make(map[string][]*xmlIDRegDocument),
		byProfile: make(map[string]int),
		fixedRefs: make(map[string]bool),
		snap:      &corridor.ListSnapshot{Version: corridor.ListVersion{List: list}},
	}
	if err := p.run(); err != nil {
		return nil, fmt.Errorf("ofac advanced xml: %w", err)
	}
	p.snap.Version.Entities = len(p.snap.Entities)
	return p.snap, nil
}

type parser struct {
	list corridor.ListID
	dec  *xml.Decoder

	refs      *refs
	locations map[string]*xmlLocation
	docs      map[string][]*xmlIDRegDocument // by IdentityID

	// Entries and relationships follow the parties in the file; they are kept and applied
	// once every party is known.
	entries   []xmlSanctionsEntry
	relations []xmlProfileRelationship

	byProfile map[string]int // Profile ID -> index in snap.Entities
	fixedRefs map[string]bool
	snap      *corridor.ListSnapshot
	remarks   [][]string // per entity, joined into Entity.Remarks at the end
}

// sections lists the elements that may stand directly under <Sanctions>, with the element
// each holds one of per record ("" for a section decoded whole).
var sections = map[string]string{
	"DateOfIssue":          "",
	"ReferenceValueSets":   "",
	"Locations":            "Location",
	"IDRegDocuments":       "IDRegDocument",
	"DistinctParties":      "DistinctParty",
	"ProfileRelationships": "ProfileRelationship",
	"SanctionsEntries":     "SanctionsEntry",
	"SanctionsEntryLinks":  "SanctionsEntryLink",
}

func (p *parser) run() error {
	var (
		path    []string
		sawRoot bool
		counts  = make(map[string]int)
	)
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := p.dec.InputPos()
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch len(path) {
			case 0:
				if sawRoot {
					return fmt.Errorf("line %d: second root element <%s>", line, name)
				}
				if name != "Sanctions" {
					return fmt.Errorf("line %d: root element is <%s>, want <Sanctions>", line, name)
				}
				sawRoot = true
			case 1:
				record, ok := sections[name]
				if !ok {
					return fmt.Errorf("line %d: unexpected element <%s> in <Sanctions>", line, name)
				}
				if record == "" {
					if err := p.readSection(t, line); err != nil {
						return err
					}
					continue // decoded whole, end element consumed
				}
			case 2:
				if want := sections[path[1]]; name != want {
					return fmt.Errorf("line %d: unexpected element <%s> in <%s>, want <%s>", line, name, path[1], want)
				}
				counts[name]++
				if err := p.readRecord(t, line, counts[name]); err != nil {
					return err
				}
				continue
			}
			path = append(path, name)
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
	if !sawRoot {
		return errors.New("no <Sanctions> element: not an OFAC advanced XML file")
	}
	return p.finish()
}

func (p *parser) readSection(start xml.StartElement, line int) error {
	switch start.Name.Local {
	case "DateOfIssue":
		var d xmlDate
		if err := p.dec.DecodeElement(&d, &start); err != nil {
			return fmt.Errorf("DateOfIssue at line %d: %w", line, err)
		}
		y, m, day, err := parseDate(d)
		if err != nil || m == 0 || day == 0 {
			return fmt.Errorf("DateOfIssue at line %d: %+v is not a full date", line, d)
		}
		p.snap.Version.Published = time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	case "ReferenceValueSets":
		if p.refs != nil {
			return fmt.Errorf("line %d: second <ReferenceValueSets>", line)
		}
		var x xmlReferenceValueSets
		if err := p.dec.DecodeElement(&x, &start); err != nil {
			return fmt.Errorf("ReferenceValueSets at line %d: %w", line, err)
		}
		refs, err := newRefs(&x)
		if err != nil {
			return err
		}
		p.refs = refs
	}
	return nil
}

func (p *parser) readRecord(start xml.StartElement, line, n int) error {
	name := start.Name.Local
	decode := func(v any) error {
		if err := p.dec.DecodeElement(v, &start); err != nil {
			return fmt.Errorf("%s #%d at line %d: %w", name, n, line, err)
		}
		return nil
	}
	switch name {
	case "Location":
		var loc xmlLocation
		if err := decode(&loc); err != nil {
			return err
		}
		p.locations[loc.ID] = &loc
	case "IDRegDocument":
		var doc xmlIDRegDocument
		if err := decode(&doc); err != nil {
			return err
		}
		p.docs[doc.IdentityID] = append(p.docs[doc.IdentityID], &doc)
	case "DistinctParty":
		var party xmlDistinctParty
		if err := decode(&party); err != nil {
			return err
		}
		return p.addParty(&party, line, n)
	case "ProfileRelationship":
		var rel xmlProfileRelationship
		if err := decode(&rel); err != nil {
			return err
		}
		p.relations = append(p.relations, rel)
	case "SanctionsEntry":
		var entry xmlSanctionsEntry
		if err := decode(&entry); err != nil {
			return err
		}
		p.entries = append(p.entries, entry)
	default: // SanctionsEntryLink: links between entries, nothing screening uses
		return p.dec.Skip()
	}
	return nil
}

func (p *parser) addParty(party *xmlDistinctParty, line, n int) error {
	label := fmt.Sprintf("DistinctParty %s", party.FixedRef)
	if party.FixedRef == "" {
		label = fmt.Sprintf("DistinctParty #%d at line %d", n, line)
	}
	if p.refs == nil {
		return fmt.Errorf("%s: comes before <ReferenceValueSets>", label)
	}
	e, profileID, err := p.buildParty(party)
	if err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	if _, dup := p.byProfile[profileID]; dup {
		return fmt.Errorf("%s: Profile %s appears twice", label, profileID)
	}
	if p.fixedRefs[e.NativeID] {
		return fmt.Errorf("%s: FixedRef appears twice", label)
	}
	p.fixedRefs[e.NativeID] = true
	p.byProfile[profileID] = len(p.snap.Entities)
	p.snap.Entities = append(p.snap.Entities, e.Entity)
	p.remarks = append(p.remarks, e.remarks)
	return nil
}

// finish applies the sanctions entries and relationships to the parties they name.
func (p *parser) finish() error {
	for _, entry := range p.entries {
		i, ok := p.byProfile[entry.ProfileID]
		if !ok {
			return fmt.Errorf("SanctionsEntry %s: ProfileID %q is not a DistinctParty of the file", entry.ID, entry.ProfileID)
		}
		if err := p.applyEntry(i, &entry); err != nil {
			return fmt.Errorf("SanctionsEntry %s (DistinctParty %s): %w", entry.ID, p.snap.Entities[i].NativeID, err)
		}
	}
	for _, rel := range p.relations {
		if err := p.applyRelation(&rel); err != nil {
			return fmt.Errorf("ProfileRelationship %s: %w", rel.ID, err)
		}
	}
	for i := range p.snap.Entities {
		p.snap.Entities[i].Remarks = strings.Join(p.remarks[i], "\n")
	}
	return nil
}

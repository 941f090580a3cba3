package ofacadv

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// applyEntry adds a SanctionsEntry to the entity at index i: the programmes (the Comment of
// each SanctionsMeasure whose type is "Program"), the listing date (the earliest
// EntryEvent) and, as remarks, the legal basis and any measure beyond the plain block.
func (p *parser) applyEntry(i int, entry *xmlSanctionsEntry) error {
	e := &p.snap.Entities[i]
	b := &built{remarks: p.remarks[i]}
	defer func() { p.remarks[i] = b.remarks }()

	listName, err := p.refs.lists.get(entry.ListID)
	if err != nil {
		return err
	}
	for _, ev := range entry.Events {
		y, m, d, err := parseDate(ev.Date)
		if err != nil {
			return fmt.Errorf("EntryEvent date: %w", err)
		}
		listed := listedOn(y, m, d)
		if e.ListedOn == "" || listed < e.ListedOn {
			e.ListedOn = listed
		}
		if ev.LegalBasisID != "" {
			basis, err := p.refs.legalBases.get(ev.LegalBasisID)
			if err != nil {
				return err
			}
			if !strings.EqualFold(basis, "Unknown") {
				b.remark("Legal basis", basis)
			}
		}
		b.remark("Listing", ev.Comment)
	}
	programs := 0
	for _, m := range entry.Measures {
		measure, err := p.refs.sanctionsTypes.get(m.TypeID)
		if err != nil {
			return err
		}
		comment := clean(m.Comment)
		switch {
		case strings.EqualFold(measure, "Program") && comment != "":
			e.Programs = appendUnique(e.Programs, comment)
			programs++
		case strings.EqualFold(measure, "Block") && comment == "":
		default:
			b.remark("Sanctions measure", strings.TrimSpace(measure+" "+parenthesised(comment)))
		}
	}
	if programs == 0 {
		// Non-SDN lists name no programme in their measures: the list is the programme.
		e.Programs = appendUnique(e.Programs, listName)
	}
	if listName != "SDN List" {
		b.remark("List", listName)
	}
	return nil
}

func listedOn(y, m, d int) string {
	switch {
	case d > 0:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case m > 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d", y)
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// applyRelation links the "from" party to the "to" party ("Associate Of", "Owned or
// Controlled By" ...). A relationship whose "from" party is not in the file concerns no
// entity of this list and is left out; one whose "to" party is not in the file (a non-SDN
// party tied to an SDN one) is kept as a remark with OFAC's profile number.
func (p *parser) applyRelation(rel *xmlProfileRelationship) error {
	relation, err := p.refs.relationTypes.get(rel.RelationTypeID)
	if err != nil {
		return err
	}
	from, ok := p.byProfile[rel.FromProfileID]
	if !ok {
		return nil
	}
	e := &p.snap.Entities[from]
	b := &built{remarks: p.remarks[from]}
	defer func() { p.remarks[from] = b.remarks }()
	to, ok := p.byProfile[rel.ToProfileID]
	if !ok {
		b.remark(relation, "OFAC profile "+rel.ToProfileID+" (not in this file) "+parenthesised(clean(rel.Comment)))
		return nil
	}
	target := &p.snap.Entities[to]
	e.Links = append(e.Links, corridor.Link{Name: target.PrimaryName(), EntityID: target.ID})
	b.remark(relation, target.PrimaryName()+" "+parenthesised(clean(rel.Comment)))
	return nil
}

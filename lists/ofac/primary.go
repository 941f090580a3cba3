package ofac

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Columns of the primary file (sdn.csv, cons_prim.csv).
const (
	colEntNum = iota
	colName
	colType
	colPrograms
	colTitle
	colCallSign
	colVesselType
	colTonnage
	colGRT
	colVesselFlag
	colVesselOwner
	colRemarks
)

// primary reads one record of the primary file into a new entity.
func (p *parser) primary(line int, f []string) error {
	num, err := entNum(f[colEntNum])
	if err != nil {
		return err
	}
	if i, dup := p.byNum[num]; dup {
		return fmt.Errorf("ent_num %s already on %s", num, p.entities[i].Source.Record)
	}
	kind, err := entityKind(f[colType])
	if err != nil {
		return err
	}
	name := value(f[colName])
	if name == "" {
		return fmt.Errorf("ent_num %s: empty name", num)
	}
	id := corridor.EntityID(p.list, num)
	e := corridor.Entity{
		ID:       id,
		List:     p.list,
		NativeID: num,
		Kind:     kind,
		Names:    []corridor.Name{newName(name, corridor.NamePrimary, kind, false)},
		Programs: programs(f[colPrograms]),
		Vessel:   vessel(p.countries, kind, f),
		Source:   corridor.SourceRef{File: p.names[filePrimary], Record: fmt.Sprintf("line %d", line)},
	}
	if e.Vessel != nil && e.Vessel.CallSign != "" {
		e.Identifiers = append(e.Identifiers, corridor.Identifier{Kind: corridor.IDCallSign, Type: "Call Sign", Number: e.Vessel.CallSign})
	}
	var pend pending
	if title := value(f[colTitle]); title != "" {
		pend.notes = append(pend.notes, "Title: "+title)
	}
	// Not trimmed: OFAC cuts long remarks at 1,000 characters wherever that falls, a space
	// included, and sdn_comments.csv goes on from the very next character.
	if raw := f[colRemarks]; strings.TrimSpace(raw) != empty {
		pend.remarks = raw
	}

	if prev, seen := p.primaryIDs[name]; seen && prev != id {
		p.primaryIDs[name] = "" // two entities share this name: a link to it is ambiguous
	} else {
		p.primaryIDs[name] = id
	}
	p.byNum[num] = len(p.entities)
	p.entities = append(p.entities, e)
	p.pending = append(p.pending, pend)
	return nil
}

// entNum checks OFAC's entity number: a decimal integer.
func entNum(field string) (string, error) {
	num := strings.TrimSpace(field)
	if num == "" || len(num) > 12 || strings.Trim(num, "0123456789") != "" {
		return "", fmt.Errorf("ent_num %q is not a number", field)
	}
	return num, nil
}

// entityKind maps the type column: OFAC leaves it empty ("-0-") for organizations.
func entityKind(field string) (corridor.Kind, error) {
	switch value(field) {
	case "individual":
		return corridor.KindPerson, nil
	case "vessel":
		return corridor.KindVessel, nil
	case "aircraft":
		return corridor.KindAircraft, nil
	case "":
		return corridor.KindOrganization, nil
	}
	return "", fmt.Errorf("unknown type %q (want individual, vessel, aircraft or -0-)", field)
}

// programs splits OFAC's program column, written "FTO] [SDGT" (the outer brackets are
// dropped by the export).
func programs(field string) []string {
	v := strings.Trim(value(field), "[] ")
	if v == "" {
		return nil
	}
	var out []string
	for prog := range strings.SplitSeq(v, "] [") {
		if prog = strings.Trim(prog, "[] "); prog != "" {
			out = append(out, prog)
		}
	}
	return out
}

// vessel reads the vessel columns. Vessels and aircraft always get details; another kind
// gets them only when OFAC fills a vessel column for it.
func vessel(c countryCache, kind corridor.Kind, f []string) *corridor.Vessel {
	v := corridor.Vessel{
		CallSign: value(f[colCallSign]),
		Type:     value(f[colVesselType]),
		Tonnage:  value(f[colTonnage]),
		GRT:      value(f[colGRT]),
		Flag:     c.codeOrText(value(f[colVesselFlag])),
		Owner:    value(f[colVesselOwner]),
	}
	if kind != corridor.KindVessel && kind != corridor.KindAircraft && v == (corridor.Vessel{}) {
		return nil
	}
	return &v
}

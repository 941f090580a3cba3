package ofacadv

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor/country"
)

// refs holds the file's ReferenceValueSets: every ...ID attribute in a party resolves
// through one of these tables. An ID a table lacks is an error, never a guess.
type refs struct {
	aliasTypes      table
	detailRefs      table
	docNameStatuses table
	featureTypes    table
	docDateTypes    table
	docTypes        table
	legalBases      table
	lists           table
	locPartTypes    table
	namePartTypes   table
	partyTypes      table
	relationTypes   table
	reliabilities   table
	sanctionsTypes  table
	validities      table

	countries     map[string]xmlCountryRef
	areaCodes     map[string]xmlAreaCodeRef
	partySubTypes map[string]xmlPartySubTypeRef
	scripts       map[string]string // ID -> ISO 15924 code, "" for Latin
}

// table maps a reference ID to its value, and knows its own name for error messages.
type table struct {
	name   string
	values map[string]string
}

func (t table) get(id string) (string, error) {
	v, ok := t.values[id]
	if !ok {
		return "", fmt.Errorf("%s ID %q is not in the ReferenceValueSets", t.name, id)
	}
	return v, nil
}

func newTable(name string, values []xmlRef) (table, error) {
	t := table{name: name, values: make(map[string]string, len(values))}
	for _, v := range values {
		if _, dup := t.values[v.ID]; dup {
			return t, fmt.Errorf("ReferenceValueSets: %s ID %q defined twice", name, v.ID)
		}
		t.values[v.ID] = strings.TrimSpace(v.Value)
	}
	return t, nil
}

func newRefs(x *xmlReferenceValueSets) (*refs, error) {
	r := &refs{
		countries:     make(map[string]xmlCountryRef, len(x.Countries)),
		areaCodes:     make(map[string]xmlAreaCodeRef, len(x.AreaCodes)),
		partySubTypes: make(map[string]xmlPartySubTypeRef, len(x.PartySubTypes)),
		scripts:       make(map[string]string, len(x.Scripts)),
	}
	tables := []struct {
		dst    *table
		name   string
		values []xmlRef
	}{
		{&r.aliasTypes, "AliasType", x.AliasTypes},
		{&r.detailRefs, "DetailReference", x.DetailReferences},
		{&r.docNameStatuses, "DocNameStatus", x.DocNameStatuses},
		{&r.featureTypes, "FeatureType", x.FeatureTypes},
		{&r.docDateTypes, "IDRegDocDateType", x.IDRegDocDateTypes},
		{&r.docTypes, "IDRegDocType", x.IDRegDocTypes},
		{&r.legalBases, "LegalBasis", x.LegalBases},
		{&r.lists, "List", x.Lists},
		{&r.locPartTypes, "LocPartType", x.LocPartTypes},
		{&r.namePartTypes, "NamePartType", x.NamePartTypes},
		{&r.partyTypes, "PartyType", x.PartyTypes},
		{&r.relationTypes, "RelationType", x.RelationTypes},
		{&r.reliabilities, "Reliability", x.Reliabilities},
		{&r.sanctionsTypes, "SanctionsType", x.SanctionsTypes},
		{&r.validities, "Validity", x.Validities},
	}
	for _, t := range tables {
		var err error
		if *t.dst, err = newTable(t.name, t.values); err != nil {
			return nil, err
		}
	}
	for _, c := range x.Countries {
		r.countries[c.ID] = c
	}
	for _, a := range x.AreaCodes {
		r.areaCodes[a.ID] = a
	}
	for _, p := range x.PartySubTypes {
		r.partySubTypes[p.ID] = p
	}
	for _, s := range x.Scripts {
		r.scripts[s.ID] = scriptCode(s.ScriptCode)
	}
	return r, nil
}

// scriptCode turns the file's ScriptCode into ISO 15924: most are already ("Arab", "Cyrl"),
// a few are names. Latin gives "" because Name.Lang is left empty for Latin names.
func scriptCode(code string) string {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "latin", "latn":
		return ""
	case "hebrew":
		return "Hebr"
	case "japanese":
		return "Jpan"
	case "korean":
		return "Kore"
	}
	return strings.TrimSpace(code)
}

// script resolves a ScriptID; a value without one is taken as Latin.
func (r *refs) script(id string) (string, error) {
	if id == "" {
		return "", nil
	}
	code, ok := r.scripts[id]
	if !ok {
		return "", fmt.Errorf("Script ID %q is not in the ReferenceValueSets", id)
	}
	return code, nil
}

// country resolves a CountryID to its ISO 3166-1 alpha-2 code and name. "undetermined"
// (OFAC's placeholder for an unknown country) gives no code.
func (r *refs) country(id string) (code, name string, err error) {
	c, ok := r.countries[id]
	if !ok {
		return "", "", fmt.Errorf("Country ID %q is not in the ReferenceValueSets", id)
	}
	name = strings.TrimSpace(c.Value)
	if iso := strings.ToUpper(strings.TrimSpace(c.ISO2)); len(iso) == 2 {
		return iso, name, nil
	}
	code, _ = country.Code(name)
	return code, name, nil
}

// areaCode resolves an AreaCodeID the same way.
func (r *refs) areaCode(id string) (code, name string, err error) {
	a, ok := r.areaCodes[id]
	if !ok {
		return "", "", fmt.Errorf("AreaCode ID %q is not in the ReferenceValueSets", id)
	}
	name = strings.TrimSpace(a.Description)
	if iso := strings.ToUpper(strings.TrimSpace(a.Value)); len(iso) == 2 {
		return iso, name, nil
	}
	code, _ = country.Code(name)
	return code, name, nil
}

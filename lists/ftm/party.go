package ftm

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// party maps one returned record: its own properties, then the entities related to it.
func (p *parser) party(rec *record) (corridor.Entity, error) {
	e := rec.e
	ent := corridor.Entity{
		ID:       corridor.EntityID(p.list, e.ID),
		List:     p.list,
		NativeID: e.ID,
		Kind:     partySchemas[e.Schema],
		Source:   corridor.SourceRef{File: p.file, Record: fmt.Sprintf("line %d", rec.line)},
	}
	var notes remarks
	notes.lines = e.texts("notes")
	var err error
	if ent.Names, err = names(e, &notes); err != nil {
		return ent, err
	}
	for _, v := range e.texts("birthDate") {
		d, err := birthDate(v)
		if err != nil {
			return ent, fmt.Errorf("birthDate: %w", err)
		}
		ent.BirthDates = appendUnique(ent.BirthDates, d)
	}
	ent.BirthPlaces = birthPlaces(e, &notes)
	ent.Nationalities = countryList(e, "nationality", &notes)
	ent.Citizenships = countryList(e, "citizenship", &notes)
	for _, code := range countryList(e, "jurisdiction", &notes) {
		ent.Nationalities = appendUnique(ent.Nationalities, code)
	}
	ent.Gender = gender(e.first("gender"))
	for _, v := range e.texts("address") {
		code, _ := country.InText(v)
		ent.Addresses = addAddress(ent.Addresses, corridor.Address{Text: v, Country: code})
	}
	ent.Identifiers = ownIdentifiers(e)
	for _, program := range e.texts("program") {
		ent.Programs = appendUnique(ent.Programs, program)
	}
	if ent.Kind == corridor.KindVessel || ent.Kind == corridor.KindAircraft {
		ent.Vessel = vessel(e, &notes)
	}

	f := folder{parser: p, self: e, ent: &ent, notes: &notes, seen: map[string]bool{e.ID: true}}
	if err := f.fold(); err != nil {
		return ent, err
	}

	// A bare country association is a place the party is tied to; it is an Address unless
	// a fuller address already names that country.
	for _, prop := range []string{"country", "mainCountry"} {
		for _, code := range countryList(e, prop, &notes) {
			ent.Addresses = addCountryAddress(ent.Addresses, code)
		}
	}
	for _, v := range e.texts("position") {
		notes.add("Position: " + v)
	}
	if topics := e.texts("topics"); len(topics) > 0 {
		notes.add("Topics: " + strings.Join(topics, ", "))
	}
	ent.Remarks = notes.String()
	return ent, nil
}

func gender(v string) corridor.Gender {
	switch strings.ToLower(v) {
	case "male", "m":
		return corridor.GenderMale
	case "female", "f":
		return corridor.GenderFemale
	}
	return corridor.GenderUnknown
}

// countryList maps a country property's values to ISO codes; values with no ISO code
// (FtM's "suhh", "zz" ...) go to the remarks.
func countryList(e *entity, prop string, notes *remarks) []string {
	var codes []string
	for _, v := range e.texts(prop) {
		code, ok := countryCode(v)
		if !ok {
			notes.unmappedCountry(prop, v)
			continue
		}
		codes = appendUnique(codes, code)
	}
	return codes
}

// birthPlaces maps birthPlace, taking the country from the text or, failing that, from a
// single birthCountry; a birthCountry that no place carries becomes a place of its own.
func birthPlaces(e *entity, notes *remarks) []corridor.Place {
	countries := countryList(e, "birthCountry", notes)
	var places []corridor.Place
	for _, text := range e.texts("birthPlace") {
		code, ok := country.InText(text)
		if !ok && len(countries) == 1 {
			code = countries[0]
		}
		places = appendUnique(places, corridor.Place{Text: text, Country: code})
	}
	for _, code := range countries {
		covered := false
		for _, pl := range places {
			covered = covered || pl.Country == code
		}
		if !covered {
			places = append(places, corridor.Place{Text: country.Name(code), Country: code})
		}
	}
	return places
}

func ownIdentifiers(e *entity) []corridor.Identifier {
	var ids []corridor.Identifier
	for _, p := range identifierProps {
		kind := p.kind
		if p.prop == "registrationNumber" && e.Schema == "Airplane" {
			kind = corridor.IDAircraftTail
		}
		for _, v := range e.texts(p.prop) {
			ids = addIdentifier(ids, corridor.Identifier{Kind: kind, Type: p.label, Number: v, Country: p.country})
		}
	}
	return ids
}

// addIdentifier adds id unless the same kind and number is there already, in which case it
// fills in what the earlier one lacked: a Passport entity and a passportNumber property
// often give the same number, one with its country and one without.
func addIdentifier(ids []corridor.Identifier, id corridor.Identifier) []corridor.Identifier {
	key := normalizeNumber(id.Number)
	for i := range ids {
		if ids[i].Kind == id.Kind && normalizeNumber(ids[i].Number) == key {
			if ids[i].Country == "" {
				ids[i].Country = id.Country
			}
			if ids[i].Note == "" {
				ids[i].Note = id.Note
			}
			return ids
		}
	}
	return append(ids, id)
}

func normalizeNumber(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// addAddress adds a unless an address with the same text is there already, in which case
// it fills in the structured parts: OpenSanctions gives most addresses both as "address"
// text and as an Address entity.
func addAddress(addrs []corridor.Address, a corridor.Address) []corridor.Address {
	for i := range addrs {
		if a.Text != "" && strings.EqualFold(addrs[i].Text, a.Text) {
			fill(&addrs[i].Street, a.Street)
			fill(&addrs[i].City, a.City)
			fill(&addrs[i].Region, a.Region)
			fill(&addrs[i].PostalCode, a.PostalCode)
			fill(&addrs[i].Country, a.Country)
			return addrs
		}
	}
	return append(addrs, a)
}

func addCountryAddress(addrs []corridor.Address, code string) []corridor.Address {
	for _, a := range addrs {
		if a.Country == code {
			return addrs
		}
	}
	return append(addrs, corridor.Address{Country: code, Text: country.Name(code)})
}

func fill(dst *string, src string) {
	if *dst == "" {
		*dst = src
	}
}

// vessel maps Vessel and Airplane details; owners are added when relations are folded.
func vessel(e *entity, notes *remarks) *corridor.Vessel {
	v := &corridor.Vessel{
		Type:     e.first("type"),
		Tonnage:  e.first("tonnage"),
		GRT:      e.first("grossRegisteredTonnage"),
		CallSign: e.first("callSign"),
		Model:    e.first("model"),
		Built:    e.first("buildDate"),
	}
	if v.Tonnage == "" {
		v.Tonnage = e.first("deadweightTonnage")
	}
	if v.Model == "" {
		v.Model = e.first("icaoCode")
	}
	if v.Type == "" {
		v.Type = e.first("manufacturer")
	}
	if flag := e.first("flag"); flag != "" {
		if code, ok := countryCode(flag); ok {
			v.Flag = code
		} else {
			v.Flag = flag
		}
	}
	var past []string
	for _, f := range e.texts("pastFlags") {
		if code, ok := countryCode(f); ok {
			f = code
		}
		past = appendUnique(past, f)
	}
	if len(past) > 0 {
		notes.add("Past flags: " + strings.Join(past, ", "))
	}
	if types := e.texts("pastTypes"); len(types) > 0 {
		notes.add("Past types: " + strings.Join(types, ", "))
	}
	return v
}

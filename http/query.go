package http

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// maxNameBytes bounds a name: no real name is longer, and the matcher cuts long ones anyway.
const maxNameBytes = 1024

// party is what both APIs ask about, before validation; field names are those of the native
// API, so that an error names the field the client wrote.
type party struct {
	name        string
	kind        string
	birthDate   string
	countries   []string
	gender      string
	identifiers []string
	lists       []string
}

// fieldNames lets the OpenSanctions API name its own properties in errors.
type fieldNames struct {
	name, kind, birthDate, countries, gender, identifiers, lists string
}

var nativeFields = fieldNames{
	name: "name", kind: "type", birthDate: "birthDate", countries: "nationality",
	gender: "gender", identifiers: "identifiers", lists: "lists",
}

// query validates p with the parsers the command line uses and returns the query. loaded are
// the lists of the index the query will run on: a list asked for must be one of them.
func (p *party) query(f fieldNames, loaded []corridor.ListVersion) (*match.Query, *apiError) {
	name := strings.TrimSpace(p.name)
	switch {
	case name == "":
		return nil, badRequest(codeMissingName, f.name, "%s is required and must not be blank", f.name)
	case !utf8.ValidString(name):
		return nil, badRequest(codeBadName, f.name, "%s is not valid UTF-8", f.name)
	case len(name) > maxNameBytes:
		return nil, badRequest(codeBadName, f.name, "%s is longer than %d bytes", f.name, maxNameBytes)
	}
	q := &match.Query{Name: name}
	var err error
	if q.Kind, err = match.ParseKind(p.kind); err != nil {
		return nil, badRequest(codeBadType, f.kind, "%v", err)
	}
	if strings.TrimSpace(p.birthDate) != "" {
		if q.BirthDate, err = match.ParseBirthDate(p.birthDate); err != nil {
			return nil, badRequest(codeBadBirthDate, f.birthDate, "%v", err)
		}
	}
	for _, c := range p.countries {
		code, err := match.ParseCountry(c)
		if err != nil {
			return nil, badRequest(codeBadCountry, f.countries, "%v", err)
		}
		if !slices.Contains(q.Countries, code) {
			q.Countries = append(q.Countries, code)
		}
	}
	gender, err := match.ParseGender(p.gender)
	if err != nil {
		return nil, badRequest(codeBadGender, f.gender, "%v", err)
	}
	q.Gender = gender
	for _, id := range p.identifiers {
		if strings.TrimSpace(id) == "" || !utf8.ValidString(id) || len(id) > maxNameBytes {
			return nil, badRequest(codeBadIdentifier, f.identifiers, "identifiers must be non-blank UTF-8 strings of at most %d bytes", maxNameBytes)
		}
		q.Identifiers = append(q.Identifiers, id)
	}
	lists, ae := selectLists(p.lists, f.lists, loaded)
	if ae != nil {
		return nil, ae
	}
	q.Lists = lists
	return q, nil
}

// selectLists validates list IDs and checks that each is loaded.
func selectLists(raw []string, field string, loaded []corridor.ListVersion) ([]corridor.ListID, *apiError) {
	var ids []corridor.ListID
	for _, s := range raw {
		id := corridor.ListID(strings.TrimSpace(s))
		if err := id.Validate(); err != nil {
			return nil, badRequest(codeBadList, field, "%v", err)
		}
		if !slices.ContainsFunc(loaded, func(v corridor.ListVersion) bool { return v.List == id }) {
			return nil, badRequest(codeUnknownList, field, "list %s is not loaded (loaded: %s)", id, loadedNames(loaded))
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

func loadedNames(loaded []corridor.ListVersion) string {
	names := make([]string, len(loaded))
	for i, v := range loaded {
		names[i] = string(v.List)
	}
	return strings.Join(names, ", ")
}

package custom

import (
	"errors"
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
	"github.com/corridor-aml/corridor/names"
)

// row is one data row with the header it is read under.
type row struct {
	cols   columns
	fields []string
	pos    func(field int) (line, column int) // csv.Reader.FieldPos
}

// get returns a column's trimmed value, "" when the header has no such column.
func (r row) get(col string) string {
	if i, ok := r.cols.index[col]; ok {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// list returns a column's "|"-separated values, trimmed, without empty ones.
func (r row) list(col string) []string {
	var out []string
	for _, v := range strings.Split(r.get(col), "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// fail names the line the column's field starts on, and the column.
func (r row) fail(col, id string, err error) *RecordError {
	line, _ := r.pos(0)
	if i, ok := r.cols.index[col]; ok {
		line, _ = r.pos(i)
	}
	return &RecordError{Line: line, Column: col, ID: id, Err: err}
}

// personOnly are the columns that only a person has.
var personOnly = []string{colBirthDate, colBirthPlace, colGender}

func (r row) entity(list corridor.ListID) (corridor.Entity, error) {
	if i := invalidUTF8(r.fields); i >= 0 {
		return corridor.Entity{}, r.fail(r.cols.names[i], "", errors.New("not UTF-8 text (save the file as CSV UTF-8)"))
	}
	id := r.get(colID)
	switch {
	case id == "":
		return corridor.Entity{}, r.fail(colID, "", errors.New("empty id"))
	case strings.ContainsFunc(id, func(c rune) bool { return c < 0x20 || c == 0x7f }):
		return corridor.Entity{}, r.fail(colID, "", fmt.Errorf("id %q has control characters", id))
	}
	e := corridor.Entity{ID: corridor.EntityID(list, id), List: list, NativeID: id}
	name := r.get(colName)
	if name == "" {
		return e, r.fail(colName, id, errors.New("empty name"))
	}
	var err error
	if e.Kind, err = parseKind(r.get(colKind)); err != nil {
		return e, r.fail(colKind, id, err)
	}
	if e.Kind != corridor.KindPerson {
		for _, col := range personOnly {
			if r.get(col) != "" {
				return e, r.fail(col, id, fmt.Errorf("%s is for persons, and this row's kind is %s", col, e.Kind))
			}
		}
	}

	e.Names = []corridor.Name{{Full: name, Kind: corridor.NamePrimary}}
	seen := map[string]bool{name: true}
	for _, col := range []string{colAliases, colWeakAliases} {
		for _, alias := range r.list(col) {
			if !seen[alias] {
				seen[alias] = true
				kind := corridor.NameAKA
				if !names.MostlyLatin(alias) {
					kind = corridor.NameOriginalScript
				}
				e.Names = append(e.Names, corridor.Name{Full: alias, Kind: kind, Weak: col == colWeakAliases})
			}
		}
	}
	for _, v := range r.list(colBirthDate) {
		d, err := parseBirthDate(v)
		if err != nil {
			return e, r.fail(colBirthDate, id, err)
		}
		e.BirthDates = append(e.BirthDates, d)
	}
	for _, v := range r.list(colBirthPlace) {
		code, _ := country.InText(v)
		e.BirthPlaces = append(e.BirthPlaces, corridor.Place{Text: v, Country: code})
	}
	for _, v := range r.list(colNationality) {
		code, ok := country.Code(v)
		if !ok {
			return e, r.fail(colNationality, id, fmt.Errorf("unknown country %q (give an ISO 3166 code or an English name)", v))
		}
		if !contains(e.Nationalities, code) {
			e.Nationalities = append(e.Nationalities, code)
		}
	}
	if e.Gender, err = parseGender(r.get(colGender)); err != nil {
		return e, r.fail(colGender, id, err)
	}
	for _, v := range r.list(colIDNumbers) {
		ident, err := parseIdentifier(v)
		if err != nil {
			return e, r.fail(colIDNumbers, id, err)
		}
		e.Identifiers = append(e.Identifiers, ident)
	}
	e.Programs = r.list(colPrograms)
	if v := r.get(colListedOn); v != "" {
		if e.ListedOn, err = parseListedOn(v); err != nil {
			return e, r.fail(colListedOn, id, err)
		}
	}
	e.Remarks = r.get(colRemarks)
	if e.Kind == corridor.KindVessel || e.Kind == corridor.KindAircraft {
		e.Vessel = vesselDetails(e)
	}
	return e, nil
}

// vesselDetails gives a vessel or aircraft its flag (its nationality) and call sign.
func vesselDetails(e corridor.Entity) *corridor.Vessel {
	v := &corridor.Vessel{}
	if len(e.Nationalities) > 0 {
		v.Flag = e.Nationalities[0]
	}
	for _, id := range e.Identifiers {
		if id.Kind == corridor.IDCallSign && v.CallSign == "" {
			v.CallSign = id.Number
		}
	}
	return v
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

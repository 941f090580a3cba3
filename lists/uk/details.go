package uk

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

var genders = map[string]corridor.Gender{
	"male":   corridor.GenderMale,
	"female": corridor.GenderFemale,
}

// addIndividual maps IndividualDetails: birth dates and places, gender, nationalities,
// positions, passports and national identifiers.
func addIndividual(e *corridor.Entity, ind xmlIndividual, notes *readutil.Remarks) error {
	for _, raw := range ind.DOBs {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		d, err := parseDOB(raw)
		if err != nil {
			return err
		}
		if !readutil.ContainsDate(e.BirthDates, d) {
			e.BirthDates = append(e.BirthDates, d)
		}
	}
	for _, loc := range ind.BirthLocations {
		town, land := strings.TrimSpace(loc.Town), strings.TrimSpace(loc.Country)
		p := corridor.Place{Text: readutil.JoinNonEmpty(", ", town, land)}
		if p.Text == "" {
			continue
		}
		p.Country, _ = country.Code(land)
		if !readutil.ContainsPlace(e.BirthPlaces, p) {
			e.BirthPlaces = append(e.BirthPlaces, p)
		}
	}
	for _, g := range ind.Genders {
		if gender, ok := genders[strings.ToLower(strings.TrimSpace(g))]; ok && e.Gender == corridor.GenderUnknown {
			e.Gender = gender
		} else if !ok {
			notes.Add("Gender", g)
		}
	}
	for _, n := range ind.Nationalities {
		if code, ok := country.Code(n); ok {
			e.Nationalities = readutil.AppendUnique(e.Nationalities, code)
		} else {
			notes.Add("Nationality", n)
		}
	}
	for _, p := range ind.Positions {
		notes.Add("Position", p)
	}
	for _, p := range ind.Passports {
		addDocument(e, notes, corridor.IDPassport, "Passport", p.Number, p.Info)
	}
	for _, n := range ind.NationalIDs {
		addDocument(e, notes, corridor.IDNationalID, "National identifier", n.Number, n.Info)
	}
	return nil
}

// addDocument keeps a numbered document as an identifier, and a document described without
// a number as a remark.
func addDocument(e *corridor.Entity, notes *readutil.Remarks, kind corridor.IdentifierKind, label, number, info string) {
	number, info = strings.TrimSpace(number), strings.TrimSpace(info)
	if number == "" {
		notes.Add(label, info)
		return
	}
	e.Identifiers = append(e.Identifiers, corridor.Identifier{
		Kind: kind, Type: label, Number: number, Country: leadingCountry(info), Note: info,
	})
}

// leadingCountry reads the issuing country where the additional information starts with it,
// as in "Afghanistan diplomatic passport number D0009720". Only names are taken, not two- or
// three-letter words, which could be codes by accident ("No.", "ID", "CAN").
func leadingCountry(info string) string {
	words := strings.Fields(info)
	for n := min(len(words), 5); n >= 1; n-- {
		candidate := strings.Join(words[:n], " ")
		if len(strings.Trim(candidate, ".,;:()")) <= 3 {
			continue
		}
		if code, ok := country.Code(candidate); ok {
			return code
		}
	}
	return ""
}

func addEntityDetails(e *corridor.Entity, ent xmlEntity, notes *readutil.Remarks) {
	for _, n := range ent.RegistrationNumbers {
		if n = strings.TrimSpace(n); n != "" {
			e.Identifiers = append(e.Identifiers, corridor.Identifier{
				Kind: corridor.IDRegistration, Type: "Business registration number", Number: n})
		}
	}
	for _, t := range ent.Types {
		notes.Add("Type of entity", t)
	}
	for _, p := range ent.ParentCompanies {
		addLink(e, notes, "Parent company", p)
	}
	for _, s := range ent.Subsidiaries {
		addLink(e, notes, "Subsidiary", s)
	}
}

func addLink(e *corridor.Entity, notes *readutil.Remarks, relation, name string) {
	if name = strings.TrimSpace(name); name == "" {
		return
	}
	e.Links = append(e.Links, corridor.Link{Name: name})
	notes.Add(relation, name) // Link has no field for the relation
}

var imoNumber = regexp.MustCompile(`^(?i:IMO)?\s*(\d{7})$`)

// addShip maps ShipDetails. The model holds one value per vessel fact; where the list gives
// several (owners, flags), Vessel holds them joined by "; " and the current flag's code.
func addShip(e *corridor.Entity, ship xmlShip, notes *readutil.Remarks) {
	for _, raw := range ship.IMONumbers {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		number := raw
		if m := imoNumber.FindStringSubmatch(raw); m != nil {
			number = m[1] // "IMO9562233" and "9562233" are one number
		}
		e.Identifiers = append(e.Identifiers, corridor.Identifier{Kind: corridor.IDIMO, Type: "IMO number", Number: number})
	}
	v := e.Vessel
	if v == nil {
		v = &corridor.Vessel{}
	}
	v.Type = joinValues(v.Type, ship.Types)
	v.Tonnage = joinValues(v.Tonnage, ship.Tonnages)
	v.Owner = joinValues(v.Owner, ship.CurrentOwnerOperators)
	v.Built = joinValues(v.Built, ship.YearsBuilt)
	for _, f := range ship.CurrentFlags {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		flag := f
		if code, ok := country.Code(f); ok {
			flag = code
		}
		if v.Flag == "" {
			v.Flag = flag
		} else if v.Flag != flag {
			notes.Add("Also flag", f)
		}
	}
	for _, f := range ship.PreviousFlags {
		notes.Add("Previous flag", f)
	}
	for _, o := range ship.PreviousOwnerOperators {
		notes.Add("Previous owner or operator", o)
	}
	for _, l := range ship.Lengths {
		notes.Add("Length", l)
	}
	if *v != (corridor.Vessel{}) || e.Kind == corridor.KindVessel {
		e.Vessel = v
	}
}

func joinValues(have string, values []string) string {
	parts := []string{}
	if have != "" {
		parts = append(parts, have)
	}
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}

// parseDOB reads a DOB as the FCDO writes it: dd/mm/yyyy, with "dd" and "mm" standing for
// an unknown day or month ("dd/mm/1968", "dd/09/1958"), or a bare year ("1985").
func parseDOB(raw string) (corridor.BirthDate, error) {
	text := strings.TrimSpace(raw)
	parts := strings.Split(text, "/")
	var day, month, year string
	switch len(parts) {
	case 1:
		year = parts[0]
	case 2:
		month, year = parts[0], parts[1]
	case 3:
		day, month, year = parts[0], parts[1], parts[2]
	default:
		return corridor.BirthDate{}, fmt.Errorf("DOB %q is not dd/mm/yyyy", text)
	}
	d := corridor.BirthDate{Kind: corridor.DateExact, Text: text}
	var err error
	if d.Year, err = dobPart(year, "", 4); err != nil || d.Year == 0 {
		return d, fmt.Errorf("DOB %q: the year is not four digits", text)
	}
	if d.Month, err = dobPart(month, "mm", 2); err != nil {
		return d, fmt.Errorf("DOB %q: %w", text, err)
	}
	if d.Day, err = dobPart(day, "dd", 2); err != nil {
		return d, fmt.Errorf("DOB %q: %w", text, err)
	}
	switch {
	case d.Month == 0:
		d.Kind, d.Day = corridor.DateYear, 0 // a day without its month says nothing
	case d.Day > daysIn(d.Month, d.Year):
		return d, fmt.Errorf("DOB %q: no such day", text)
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	return d, nil
}

// dobPart reads one part of a DOB: width digits, or the placeholder for "unknown" (0).
func dobPart(s, placeholder string, width int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || (placeholder != "" && strings.EqualFold(s, placeholder)) {
		return 0, nil
	}
	if len(s) > width {
		return 0, fmt.Errorf("%q has more than %d digits", s, width)
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not a number", s)
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

package un

import (
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// gender maps GENDER; a value other than Male or Female is kept as a remark.
func (b *builder) gender(g string) {
	switch g = clean(g); strings.ToLower(g) {
	case "":
	case "male":
		b.e.Gender = corridor.GenderMale
	case "female":
		b.e.Gender = corridor.GenderFemale
	default:
		b.remark("Gender", g)
	}
}

// notACountry are NATIONALITY values that say "not known" rather than name a country.
var notACountry = map[string]bool{"na": true, "n/a": true, "unknown": true}

// nationalities maps NATIONALITY values to ISO codes; one that names no country goes to the
// remarks.
func (b *builder) nationalities(values []string) {
	for _, v := range values {
		v = clean(v)
		if v == "" || notACountry[strings.ToLower(v)] {
			continue
		}
		code, ok := country.Code(v)
		if !ok {
			b.remark("Nationality", v)
			continue
		}
		if !contains(b.e.Nationalities, code) {
			b.e.Nationalities = append(b.e.Nationalities, code)
		}
	}
}

func (b *builder) addBirthDate(d corridor.BirthDate) {
	for _, have := range b.e.BirthDates {
		if have.Kind == d.Kind && have.Year == d.Year && have.Month == d.Month && have.Day == d.Day &&
			have.FromYear == d.FromYear && have.ToYear == d.ToYear {
			return
		}
	}
	b.e.BirthDates = append(b.e.BirthDates, d)
}

// place builds a place of birth; the zero Place means the element was an empty placeholder.
func place(street, city, state, countryName, note string) corridor.Place {
	countryName = clean(countryName)
	text := joinClean([]string{street, city, state, countryName}, ", ")
	text = withNote(text, note)
	p := corridor.Place{Text: text}
	if code, ok := country.Code(countryName); ok {
		p.Country = code
	} else if code, ok := country.InText(text); ok {
		p.Country = code
	}
	return p
}

func (b *builder) addPlace(p corridor.Place) {
	if p.Text == "" {
		return
	}
	for _, have := range b.e.BirthPlaces {
		if have.Text == p.Text {
			return
		}
	}
	b.e.BirthPlaces = append(b.e.BirthPlaces, p)
}

func (b *builder) address(a xmlAddress) {
	addr := corridor.Address{
		Street:     clean(a.Street),
		City:       clean(a.City),
		Region:     clean(a.State),
		PostalCode: clean(a.Zip),
	}
	countryName := clean(a.Country)
	addr.Text = joinClean([]string{addr.Street, addr.City, addr.Region, addr.PostalCode, countryName}, ", ")
	addr.Text = withNote(addr.Text, a.Note)
	if addr.Text == "" {
		return
	}
	if code, ok := country.Code(countryName); ok {
		addr.Country = code
	} else if countryName != "" {
		b.remark("Address country", countryName)
	}
	b.e.Addresses = append(b.e.Addresses, addr)
}

// document maps an INDIVIDUAL_DOCUMENT. One without a NUMBER (the UN then writes the number,
// if any, into NOTE as prose) goes to the remarks: an identifier without a number cannot
// match anything.
func (b *builder) document(d xmlDoc) {
	label := clean(d.Type)
	if t2 := clean(d.Type2); t2 != "" && !strings.EqualFold(strings.TrimRight(t2, ": "), label) {
		label = strings.TrimSpace(label + " (" + strings.TrimRight(t2, ": ") + ")")
	}
	var notes []string
	if v := clean(d.DateOfIssue); v != "" {
		notes = append(notes, "issued "+v)
	}
	if v := clean(d.CityOfIssue); v != "" {
		notes = append(notes, "in "+v)
	}
	if v := clean(d.Note); v != "" {
		notes = append(notes, v)
	}
	issuer := clean(d.IssuingCountry)
	if issuer == "" {
		issuer = clean(d.CountryOfIssue)
	}
	code, known := country.Code(issuer)
	if issuer != "" && !known {
		notes = append(notes, "issued by "+issuer)
	}
	number := clean(d.Number)
	if number == "" {
		text := strings.Join(append([]string{issuer}, notes...), "; ")
		if label == "" {
			label = "Document"
		}
		b.remark(label, strings.Trim(text, "; "))
		return
	}
	b.e.Identifiers = append(b.e.Identifiers, corridor.Identifier{
		Kind:    documentKind(clean(d.Type)),
		Type:    label,
		Number:  number,
		Country: code,
		Note:    strings.Join(notes, "; "),
	})
}

// documentKind maps TYPE_OF_DOCUMENT, which the UN writes in English and, for a few
// records, in French or Spanish.
func documentKind(t string) corridor.IdentifierKind {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "passport"), strings.Contains(t, "passeport"), strings.Contains(t, "pasaporte"):
		return corridor.IDPassport
	case strings.Contains(t, "national identification"), strings.Contains(t, "identity"):
		return corridor.IDNationalID
	}
	return corridor.IDOther
}

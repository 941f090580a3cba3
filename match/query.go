package match

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// Query is a party to screen. Only Name is required; every other fact, when given, can raise
// or lower a match's score, and a fact left out changes nothing.
type Query struct {
	Name        string
	Kind        corridor.Kind // "" or KindUnknown: any kind
	BirthDate   corridor.BirthDate
	Countries   []string // nationality, citizenship or residence, ISO 3166-1 alpha-2
	Gender      corridor.Gender
	Identifiers []string          // passport, national ID, IMO ... numbers, any formatting
	Lists       []corridor.ListID // screen only these lists; empty means all
}

// ParseBirthDate reads a query birth date written YYYY, YYYY-MM or YYYY-MM-DD.
func ParseBirthDate(s string) (corridor.BirthDate, error) {
	s = strings.TrimSpace(s)
	year, month, day, err := corridor.ParseDate(s)
	if err != nil {
		return corridor.BirthDate{}, fmt.Errorf("birth date %w", err)
	}
	d := corridor.BirthDate{Kind: corridor.DateYear, Year: year, Month: month, Day: day, Text: s}
	if day > 0 {
		d.Kind = corridor.DateExact
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	return d, nil
}

// ParseCountry reads a country given as an ISO code or an English name.
func ParseCountry(s string) (string, error) {
	code, ok := country.Code(s)
	if !ok {
		return "", fmt.Errorf("country %q: not an ISO 3166 code or a country name corridor knows", s)
	}
	return code, nil
}

// ParseKind reads a party kind: person, organization (or company, entity), vessel, aircraft
// or any.
func ParseKind(s string) (corridor.Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "any":
		return corridor.KindUnknown, nil
	case "person", "individual":
		return corridor.KindPerson, nil
	case "organization", "organisation", "company", "entity", "legalentity":
		return corridor.KindOrganization, nil
	case "vessel", "ship":
		return corridor.KindVessel, nil
	case "aircraft", "airplane":
		return corridor.KindAircraft, nil
	}
	return "", fmt.Errorf("kind %q: want person, organization, vessel, aircraft or any", s)
}

// ParseGender reads a query gender: male or female (m, f), any case; "" is not given.
func ParseGender(s string) (corridor.Gender, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "male", "m":
		return corridor.GenderMale, nil
	case "female", "f":
		return corridor.GenderFemale, nil
	}
	return "", fmt.Errorf("gender %q: want male or female", s)
}

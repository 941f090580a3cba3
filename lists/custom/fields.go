package custom

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

func parseKind(v string) (corridor.Kind, error) {
	switch k := corridor.Kind(strings.ToLower(v)); k {
	case "":
		return corridor.KindPerson, nil
	case corridor.KindPerson, corridor.KindOrganization, corridor.KindVessel, corridor.KindAircraft:
		return k, nil
	}
	return "", fmt.Errorf("kind %q: want person, organization, vessel or aircraft", v)
}

func parseGender(v string) (corridor.Gender, error) {
	switch strings.ToLower(v) {
	case "":
		return corridor.GenderUnknown, nil
	case "male", "m":
		return corridor.GenderMale, nil
	case "female", "f":
		return corridor.GenderFemale, nil
	}
	return "", fmt.Errorf("gender %q: want male, female (or m, f), or nothing", v)
}

// year reads a year written YYYY.
func year(s string) (int, bool) {
	y, m, _, err := corridor.ParseDate(s)
	return y, err == nil && m == 0
}

// parseBirthDate reads YYYY, YYYY-MM, YYYY-MM-DD, a range YYYY..YYYY or a circa year ~YYYY.
func parseBirthDate(v string) (corridor.BirthDate, error) {
	d := corridor.BirthDate{Text: v}
	switch from, to, isRange := strings.Cut(v, ".."); {
	case isRange:
		f, okF := year(strings.TrimSpace(from))
		t, okT := year(strings.TrimSpace(to))
		if !okF || !okT {
			return d, fmt.Errorf("birth date %q: a range is YYYY..YYYY", v)
		}
		d.Kind, d.FromYear, d.ToYear = corridor.DateRange, f, t
	case strings.HasPrefix(v, "~"):
		y, ok := year(strings.TrimSpace(v[1:]))
		if !ok {
			return d, fmt.Errorf("birth date %q: a circa year is ~YYYY", v)
		}
		d.Kind, d.Year = corridor.DateCirca, y
	default:
		y, m, day, err := corridor.ParseDate(v)
		if err != nil {
			return d, fmt.Errorf("birth date %w", err)
		}
		d.Kind, d.Year, d.Month, d.Day = corridor.DateExact, y, m, day
		if m == 0 {
			d.Kind = corridor.DateYear
		}
	}
	return d, d.Validate()
}

// parseListedOn reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseListedOn(v string) (string, error) {
	if _, _, _, err := corridor.ParseDate(v); err != nil {
		return "", fmt.Errorf("listing date %w", err)
	}
	return v, nil
}

// identifierKinds maps the id_numbers types corridor knows, compared without case and with
// "-" and " " read as "_", to their kind. Any other type is kept as written, of kind other.
var identifierKinds = map[string]corridor.IdentifierKind{
	"passport":      corridor.IDPassport,
	"national_id":   corridor.IDNationalID,
	"id_card":       corridor.IDNationalID,
	"ssn":           corridor.IDNationalID,
	"tax":           corridor.IDTax,
	"tin":           corridor.IDTax,
	"tax_id":        corridor.IDTax,
	"inn":           corridor.IDTax,
	"vat":           corridor.IDTax,
	"registration":  corridor.IDRegistration,
	"ogrn":          corridor.IDRegistration,
	"lei":           corridor.IDRegistration,
	"duns":          corridor.IDRegistration,
	"imo":           corridor.IDIMO,
	"call_sign":     corridor.IDCallSign,
	"bic":           corridor.IDBIC,
	"swift":         corridor.IDBIC,
	"crypto":        corridor.IDCrypto,
	"aircraft_tail": corridor.IDAircraftTail,
	"tail":          corridor.IDAircraftTail,
	"msn":           corridor.IDMSN,
	"other":         corridor.IDOther,
}

// parseIdentifier reads type:number or type:number:country. A number that holds ":" itself
// (some crypto addresses) needs the country part, empty if unknown: the type runs to the
// first ":", the country from the last.
func parseIdentifier(v string) (corridor.Identifier, error) {
	typ, rest, ok := strings.Cut(v, ":")
	typ, rest = strings.TrimSpace(typ), strings.TrimSpace(rest)
	if !ok || typ == "" {
		return corridor.Identifier{}, fmt.Errorf("id_numbers entry %q: want type:number or type:number:country", v)
	}
	number, issuer := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		number, issuer = strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+1:])
	}
	if number == "" {
		return corridor.Identifier{}, fmt.Errorf("id_numbers entry %q: no number", v)
	}
	id := corridor.Identifier{Kind: corridor.IDOther, Type: typ, Number: number}
	if kind, ok := identifierKinds[canonicalColumn(typ)]; ok {
		id.Kind = kind
	}
	if issuer != "" {
		code, ok := country.Code(issuer)
		if !ok {
			return id, fmt.Errorf("id_numbers entry %q: unknown country %q (a number holding \":\" needs a country part, empty if unknown: type:number:)", v, issuer)
		}
		id.Country = code
	}
	return id, nil
}

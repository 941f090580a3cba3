package ofacadv

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// place is a resolved Location.
type place struct {
	text    string // the whole location as one line
	country string // ISO 3166-1 alpha-2, "" when OFAC says "undetermined" or gives none
	address corridor.Address
}

// location resolves a Location: its country from LocationCountry (or LocationAreaCode),
// its parts by LocPartType. A part of type "Unknown" is often just a country name
// ("Egypt"), and is read as one when nothing else names the country.
func (p *parser) location(id string) (*place, error) {
	loc, ok := p.locations[id]
	if !ok {
		return nil, fmt.Errorf("Location ID %q is not among the file's Locations", id)
	}
	var code, countryName string
	for _, c := range loc.Countries {
		cc, name, err := p.refs.country(c.ID)
		if err != nil {
			return nil, fmt.Errorf("Location %s: %w", id, err)
		}
		if code == "" {
			code, countryName = cc, name
		}
	}
	for _, a := range loc.AreaCodes {
		cc, name, err := p.refs.areaCode(a.ID)
		if err != nil {
			return nil, fmt.Errorf("Location %s: %w", id, err)
		}
		if code == "" {
			code, countryName = cc, name
		}
	}
	if strings.EqualFold(countryName, "undetermined") {
		countryName = ""
	}
	var street, region, other []string
	var addr corridor.Address
	for _, part := range loc.Parts {
		partType, err := p.refs.locPartTypes.get(part.TypeID)
		if err != nil {
			return nil, fmt.Errorf("Location %s: %w", id, err)
		}
		value := primaryValue(part)
		if value == "" {
			continue
		}
		switch strings.ToUpper(partType) {
		case "ADDRESS1", "ADDRESS2", "ADDRESS3":
			street = append(street, value)
		case "CITY":
			addr.City = value
		case "STATE/PROVINCE", "REGION":
			region = append(region, value)
		case "POSTAL CODE":
			addr.PostalCode = value
		default:
			other = append(other, value)
		}
	}
	if code == "" && len(other) == 1 {
		if cc, ok := country.Code(other[0]); ok {
			code, countryName, other = cc, other[0], nil
		}
	}
	addr.Street = strings.Join(street, ", ")
	addr.Region = strings.Join(region, ", ")
	addr.Country = code
	var line []string
	line = append(line, street...)
	line = append(line, nonEmpty(addr.City)...)
	line = append(line, region...)
	line = append(line, nonEmpty(addr.PostalCode)...)
	line = append(line, other...)
	line = append(line, nonEmpty(countryName)...)
	addr.Text = strings.Join(line, ", ")
	return &place{text: addr.Text, country: code, address: addr}, nil
}

// primaryValue is the LocationPartValue marked Primary, else the first.
func primaryValue(part xmlLocationPart) string {
	for _, v := range part.Values {
		if v.Primary == "true" {
			return clean(v.Value)
		}
	}
	if len(part.Values) > 0 {
		return clean(part.Values[0].Value)
	}
	return ""
}

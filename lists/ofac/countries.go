package ofac

import (
	"strings"

	"github.com/corridor-aml/corridor/country"
)

// countryCache remembers the country names one parse has looked up, "" for those that are
// not countries: OFAC repeats the same few hundred names thousands of times.
type countryCache map[string]string

// code returns the ISO 3166-1 alpha-2 code of a country name.
func (c countryCache) code(name string) (string, bool) {
	code, seen := c[name]
	if !seen {
		code, _ = country.Code(name)
		c[name] = code
	}
	return code, code != ""
}

// codeOrText returns the ISO code of a country name, or the name as written when it is not
// one the country package knows.
func (c countryCache) codeOrText(name string) string {
	if code, ok := c.code(name); ok {
		return code
	}
	return name
}

// place finds the country that ends a place. The longest matching tail is tried first
// because OFAC's country names hold commas themselves: "Goma, Congo, Democratic Republic of
// the" is CD, not the "Congo" (CG) a last-part-first search would find.
func (c countryCache) place(place string) string {
	for tail := place; tail != ""; {
		if code, ok := c.code(tail); ok {
			return code
		}
		_, rest, ok := strings.Cut(tail, ",")
		if !ok {
			break
		}
		tail = rest
	}
	code, _ := country.InText(place)
	return code
}

// Package country maps the country names that sanctions lists write ("Iran (Islamic Republic
// of)", "Korea, North", "Syrian Arab Republic") to ISO 3166-1 alpha-2 codes.
package country

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// byName maps a folded country name to its alpha-2 code. Built once from the CLDR English
// region names that golang.org/x/text ships, plus the variants the lists use.
var byName = buildIndex()

// Code returns the ISO 3166-1 alpha-2 code of a country name or code, and false when the
// name is not a country it knows. Case, punctuation and a leading "the" do not matter.
func Code(name string) (string, bool) {
	key := fold(name)
	if key == "" {
		return "", false
	}
	code, ok := byName[key]
	return code, ok
}

// Name returns the English name of an alpha-2 code, or "" when it is not a country.
func Name(code string) string {
	region, err := language.ParseRegion(strings.ToUpper(code))
	if err != nil || !region.IsCountry() {
		return ""
	}
	return display.English.Regions().Name(region)
}

// InText returns the code of the country that ends a free-text place such as
// "Danda, Miramshah, Afghanistan", trying the last comma-separated part first.
func InText(place string) (string, bool) {
	parts := strings.Split(place, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		if code, ok := Code(parts[i]); ok {
			return code, true
		}
	}
	return "", false
}

func buildIndex() map[string]string {
	index := make(map[string]string, 600)
	namer := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			region, err := language.ParseRegion(code)
			if err != nil || !region.IsCountry() || region.String() != code || region.Canonicalize().String() != code {

				continue
			}
			// First wins: withdrawn codes (FX, PZ, ZR ...) sort after the current ones and
			// share their names.
			if _, taken := index[fold(namer.Name(region))]; !taken {
				index[fold(namer.Name(region))] = code
			}

			index[fold(code)] = code
			if iso3 := region.ISO3(); iso3 != "" {
				index[fold(iso3)] = code
			}
		}
	}
	for name, code := range variants {
		index[fold(name)] = code
	}
	return index
}

// fold lower-cases, drops punctuation and a leading "the", and squeezes spaces.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

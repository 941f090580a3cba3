package eu

import (
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor/country"
)

// countryCode returns the ISO alpha-2 code of a country the file gives as countryIso2Code
// and countryDescription. "00" / "UNKNOWN" is the EU's "not known".
func countryCode(iso, description string) (string, bool) {
	iso = strings.ToUpper(strings.TrimSpace(iso))
	if iso != "" && iso != "00" && len(iso) == 2 && country.Name(iso) != "" {
		return iso, true
	}
	if description = countryText(description); description != "" {
		return country.Code(description)
	}
	return "", false
}

func unknownCountry(iso, description string) bool {
	iso = strings.TrimSpace(iso)
	return (iso == "" || iso == "00") && countryText(description) == ""
}

// countryText is the country's description unless it is the "UNKNOWN" placeholder.
func countryText(description string) string {
	description = strings.TrimSpace(description)
	if strings.EqualFold(description, "unknown") {
		return ""
	}
	return description
}

// isoDate checks an optional xs:date and returns it as YYYY-MM-DD.
func isoDate(field, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	t, err := time.Parse(time.DateOnly, raw)
	if err != nil {
		return "", fmt.Errorf("%s %q is not a date (want YYYY-MM-DD)", field, raw)
	}
	return t.Format(time.DateOnly), nil
}

// parseBool reads an xs:boolean, which also allows 1 and 0; empty is def.
func parseBool(field, raw string, def bool) (bool, error) {
	switch strings.TrimSpace(raw) {
	case "":
		return def, nil
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("%s %q is not true or false", field, raw)
}

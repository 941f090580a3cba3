package eu

import (
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor/country"
)

// remarks collects the labelled lines that become Entity.Remarks, each once.
type remarks struct {
	lines []string
}

// add appends "label: value", or the value alone when label is empty; blank values are
// nothing to keep.
func (r *remarks) add(label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	line := value
	if label != "" {
		line = label + ": " + value
	}
	for _, have := range r.lines {
		if have == line {
			return
		}
	}
	r.lines = append(r.lines, line)
}

func (r *remarks) String() string { return strings.Join(r.lines, "\n") }

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

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

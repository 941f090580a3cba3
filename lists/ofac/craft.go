package ofac

import (
	"strconv"
	"strings"

	"github.com/corridor-aml/corridor"
)

// craftDetails are the remarks items that describe a vessel or an aircraft beyond the
// primary file's vessel columns. Identifiers (IMO, MMSI, tail number, MSN ...) are in idLabels.
var craftDetails = []struct {
	label string
	set   func(c countryCache, v *corridor.Vessel, value string) bool
}{
	{"Aircraft Model", func(_ countryCache, v *corridor.Vessel, s string) bool { return setOnce(&v.Model, s) }},
	{"Aircraft Manufacture Date", setBuilt},
	{"Vessel Year of Build", setBuilt},
	// The model has no operator field; the operator is the party that runs the aircraft,
	// which is what Owner means to screening.
	{"Aircraft Operator", func(_ countryCache, v *corridor.Vessel, s string) bool { return setOnce(&v.Owner, s) }},
	{"Nationality of Registration", func(c countryCache, v *corridor.Vessel, s string) bool { return setOnce(&v.Flag, c.codeOrText(s)) }},
}

// applyCraftDetail maps an item of craftDetails onto the entity's Vessel. Only vessels and
// aircraft have one; the first value wins and a later one ("alt. Aircraft Operator ...")
// stays in Remarks.
func applyCraftDetail(c countryCache, e *corridor.Entity, item string) bool {
	if e.Vessel == nil {
		return false
	}
	for _, d := range craftDetails {
		if rest, ok := strings.CutPrefix(item, d.label+" "); ok {
			return d.set(c, e.Vessel, trimPeriod(rest))
		}
	}
	return false
}

func setOnce(field *string, value string) bool {
	if *field != "" || value == "" {
		return false
	}
	*field = value
	return true
}

// setBuilt keeps the year of "1992", "Sep 1984" or "01 Jun 1992".
func setBuilt(_ countryCache, v *corridor.Vessel, s string) bool {
	year, _, _, ok := parseDate(s)
	if !ok || year == 0 || v.Built != "" {
		return false
	}
	v.Built = strconv.Itoa(year)
	return true
}

package ftm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// parseDate reads an FtM date: a prefix of an ISO 8601 date-time, YYYY, YYYY-MM or
// YYYY-MM-DD, possibly followed by a time that is of no use here. Month and day are 0 when
// the value does not give them.
func parseDate(s string) (year, month, day int, err error) {
	v := s
	if i := strings.IndexAny(v, "T "); i >= 0 {
		v = v[:i]
	}
	return corridor.ParseDate(v)
}

func birthDate(s string) (corridor.BirthDate, error) {
	y, m, d, err := parseDate(s)
	if err != nil {
		return corridor.BirthDate{}, err
	}
	bd := corridor.BirthDate{Kind: corridor.DateExact, Year: y, Month: m, Day: d, Text: s}
	if m == 0 {
		bd.Kind = corridor.DateYear
	}
	return bd, bd.Validate()
}

// shortDate renders a date as YYYY, YYYY-MM or YYYY-MM-DD, the precision it was given in.
func shortDate(s string) (string, error) {
	y, m, d, err := parseDate(s)
	switch {
	case err != nil:
		return "", err
	case d > 0:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
	case m > 0:
		return fmt.Sprintf("%04d-%02d", y, m), nil
	default:
		return fmt.Sprintf("%04d", y), nil
	}
}

// countryCode maps an FtM country value (a lower-case ISO code, or one of FtM's own codes
// such as "suhh" for the Soviet Union) to an ISO 3166-1 alpha-2 code.
func countryCode(v string) (string, bool) { return country.Code(v) }

// remarks gathers what the model has no field for, one line per fact.
type remarks struct {
	lines    []string
	unmapped []string // "prop value" of country values with no ISO code
}

func (r *remarks) add(line string) {
	if line != "" && !slices.Contains(r.lines, line) {
		r.lines = append(r.lines, line)
	}
}

func (r *remarks) addf(format string, args ...any) { r.add(fmt.Sprintf(format, args...)) }

func (r *remarks) unmappedCountry(prop, v string) {
	r.unmapped = append(r.unmapped, prop+" "+v)
}

func (r *remarks) String() string {
	lines := r.lines
	if len(r.unmapped) > 0 {
		lines = append(lines, "Countries without an ISO code: "+strings.Join(r.unmapped, ", "))
	}
	return strings.Join(lines, "\n")
}

func appendUnique[T comparable](list []T, v T) []T {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

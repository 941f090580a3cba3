package corridor

import (
	"fmt"
	"strconv"
)

// DateKind says how precisely a birth date is known.
type DateKind string

// Date kinds.
const (
	DateExact DateKind = "exact" // Year, and Month and Day when the list gives them
	DateYear  DateKind = "year"  // only Year is known
	DateRange DateKind = "range" // between FromYear and ToYear, inclusive
	DateCirca DateKind = "circa" // about Year
)

// BirthDate is a listed date of birth.
type BirthDate struct {
	Kind     DateKind
	Year     int // 0 when unknown
	Month    int // 0 when unknown
	Day      int // 0 when unknown
	FromYear int // DateRange only
	ToYear   int // DateRange only
	Text     string
}

// CircaYears is how far either side of a "circa" year a birth year may fall and still agree.
const CircaYears = 2

// Years returns the inclusive range of birth years the date allows.
func (d BirthDate) Years() (from, to int) {
	switch d.Kind {
	case DateRange:
		return d.FromYear, d.ToYear
	case DateCirca:
		return d.Year - CircaYears, d.Year + CircaYears
	default:
		return d.Year, d.Year
	}
}

// String renders the date as YYYY, YYYY-MM, YYYY-MM-DD, "YYYY-YYYY" or "circa YYYY".
func (d BirthDate) String() string {
	switch d.Kind {
	case DateRange:
		return fmt.Sprintf("%04d-%04d", d.FromYear, d.ToYear)
	case DateCirca:
		return "circa " + strconv.Itoa(d.Year)
	}
	switch {
	case d.Day > 0:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case d.Month > 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		return fmt.Sprintf("%04d", d.Year)
	}
}

// Validate reports a date that cannot be a birth date.
func (d BirthDate) Validate() error {
	from, to := d.Years()
	if from < 1800 || to > 2100 || from > to {
		return fmt.Errorf("birth date %q: implausible year range %d-%d", d.Text, from, to)
	}
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
		return fmt.Errorf("birth date %q: invalid month or day", d.Text)
	}
	return nil
}

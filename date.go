package corridor

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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

// ParseDate reads a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 and its prefixes, as
// the custom list format, FollowTheMoney and corridor's own interfaces write dates). Month
// and day are 0 when not given; a month or day that does not exist is an error.
func ParseDate(s string) (year, month, day int, err error) {
	bad := fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return 0, 0, 0, bad
	}
	var nums [3]int
	for i, p := range parts {
		width := 2
		if i == 0 {
			width = 4
		}
		n, ok := fixedDigits(p, width)
		if !ok {
			return 0, 0, 0, bad
		}
		nums[i] = n
	}
	year, month, day = nums[0], nums[1], nums[2]
	if len(parts) > 1 && (month < 1 || month > 12) {
		return 0, 0, 0, fmt.Errorf("%q: no month %d", s, month)
	}
	if len(parts) > 2 && (day < 1 || day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()) {
		return 0, 0, 0, fmt.Errorf("%q: no day %d in %04d-%02d", s, day, year, month)
	}
	return year, month, day, nil
}

func fixedDigits(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

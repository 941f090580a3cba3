package ofacadv

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// parseDate reads a Year/Month/Day element; Month and Day may be absent (0).
func parseDate(d xmlDate) (year, month, day int, err error) {
	year, err = strconv.Atoi(strings.TrimSpace(d.Year))
	if err != nil || year < 1 || year > 9999 {
		return 0, 0, 0, fmt.Errorf("year %q", d.Year)
	}
	if s := strings.TrimSpace(d.Month); s != "" {
		if month, err = strconv.Atoi(s); err != nil || month < 1 || month > 12 {
			return 0, 0, 0, fmt.Errorf("month %q", d.Month)
		}
	}
	if s := strings.TrimSpace(d.Day); s != "" {
		day, err = strconv.Atoi(s)
		if err != nil || month == 0 || day < 1 || day > daysIn(year, month) {
			return 0, 0, 0, fmt.Errorf("day %q of %d-%02d", d.Day, year, month)
		}
	}
	return year, month, day, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ymd is a calendar day; comparing two as integers orders them.
type ymd struct{ y, m, d int }

func (a ymd) String() string { return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, a.d) }

// bound reads one end of a DatePeriod boundary, filling a missing month or day with the
// earliest (low) or latest (high) value it could have.
func bound(d *xmlDate, high bool) (ymd, error) {
	y, m, day, err := parseDate(*d)
	if err != nil {
		return ymd{}, err
	}
	if m == 0 {
		m = 1
		if high {
			m = 12
		}
	}
	if day == 0 {
		day = 1
		if high {
			day = daysIn(y, m)
		}
	}
	return ymd{y, m, day}, nil
}

// periodDate turns a DatePeriod into a BirthDate. OFAC writes every date as a period: an
// exact date starts and ends on the same day, a year runs from 1 January to 31 December, a
// month from its first to its last day, a range of years from 1 January of the first to
// 31 December of the last; Approximate="true" on the boundaries means "circa".
func periodDate(p xmlDatePeriod) (corridor.BirthDate, error) {
	first := firstOf(p.Start, p.End)
	last := lastOf(p.End, p.Start)
	if first == nil || last == nil {
		return corridor.BirthDate{}, fmt.Errorf("DatePeriod without a date")
	}
	lo, err := bound(first, false)
	if err != nil {
		return corridor.BirthDate{}, fmt.Errorf("DatePeriod: %w", err)
	}
	hi, err := bound(last, true)
	if err != nil {
		return corridor.BirthDate{}, fmt.Errorf("DatePeriod: %w", err)
	}
	if hi.String() < lo.String() {
		return corridor.BirthDate{}, fmt.Errorf("DatePeriod ends (%s) before it starts (%s)", hi, lo)
	}
	approximate := (p.Start != nil && p.Start.Approximate == "true") || (p.End != nil && p.End.Approximate == "true")

	var bd corridor.BirthDate
	wholeYears := lo.m == 1 && lo.d == 1 && hi.m == 12 && hi.d == 31
	switch {
	case lo.y != hi.y:
		// Whole years, or a span across a new year where the years are all that matters.
		bd = corridor.BirthDate{Kind: corridor.DateRange, FromYear: lo.y, ToYear: hi.y}
	case lo == hi:
		bd = corridor.BirthDate{Kind: corridor.DateExact, Year: lo.y, Month: lo.m, Day: lo.d}
	case lo.m == hi.m && lo.d == 1 && hi.d == daysIn(hi.y, hi.m):
		bd = corridor.BirthDate{Kind: corridor.DateExact, Year: lo.y, Month: lo.m}
	default:
		bd = corridor.BirthDate{Kind: corridor.DateYear, Year: lo.y}
	}
	if approximate && bd.Kind != corridor.DateRange {
		bd = corridor.BirthDate{Kind: corridor.DateCirca, Year: bd.Year}
	}
	bd.Text = bd.String()
	if bd.Kind == corridor.DateYear && !wholeYears {
		bd.Text = lo.String() + " to " + hi.String()
	}
	return bd, nil
}

// firstOf returns the earliest date a boundary allows, trying the boundaries in order.
func firstOf(boundaries ...*xmlDateBoundary) *xmlDate {
	for _, b := range boundaries {
		if b == nil {
			continue
		}
		if b.From != nil {
			return b.From
		}
		if b.To != nil {
			return b.To
		}
	}
	return nil
}

// lastOf returns the latest date a boundary allows, trying the boundaries in order.
func lastOf(boundaries ...*xmlDateBoundary) *xmlDate {
	for _, b := range boundaries {
		if b == nil {
			continue
		}
		if b.To != nil {
			return b.To
		}
		if b.From != nil {
			return b.From
		}
	}
	return nil
}

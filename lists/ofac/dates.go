package ofac

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/corridor-aml/corridor"
)

// parseBirthDate reads the value of a "DOB" item as OFAC writes it: "1977", "Aug 1966",
// "15 Aug 1966", "circa 1960", "circa 07 Jul 1966", "1955 to 1957", "01 Jan 1961 to 31 Dec
// 1962", "Mar 1962 to Feb 1963" or "circa 1979-1982". A range keeps its years only; Text
// keeps the value as written.
func parseBirthDate(text string) (corridor.BirthDate, bool) {
	v := trimPeriod(text)
	d := corridor.BirthDate{Text: v}
	switch circa, isCirca := strings.CutPrefix(v, "circa "); {
	case isCirca:
		if from, to, ok := strings.Cut(circa, "-"); ok {
			if !yearRange(&d, from, to) {
				return d, false
			}
			break
		}
		y, m, day, ok := parseDate(circa)
		if !ok {
			return d, false
		}
		d.Kind, d.Year, d.Month, d.Day = corridor.DateCirca, y, m, day
	default:
		if from, to, ok := strings.Cut(v, " to "); ok {
			if !yearRange(&d, from, to) {
				return d, false
			}
			break
		}
		y, m, day, ok := parseDate(v)
		if !ok {
			return d, false
		}
		d.Kind, d.Year, d.Month, d.Day = corridor.DateExact, y, m, day
		if m == 0 {
			d.Kind = corridor.DateYear
		}
	}
	return d, d.Validate() == nil
}

// yearRange sets d to the range between two dates, of which it keeps the years.
func yearRange(d *corridor.BirthDate, from, to string) bool {
	fromYear, _, _, ok1 := parseDate(from)
	toYear, _, _, ok2 := parseDate(to)
	if !ok1 || !ok2 {
		return false
	}
	d.Kind, d.FromYear, d.ToYear = corridor.DateRange, fromYear, toYear
	return true
}

// parseDate reads "1966", "Aug 1966" or "15 Aug 1966" (full month names too).
func parseDate(s string) (year, month, day int, ok bool) {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return 0, 0, 0, false
	}
	year, ok = number(f[len(f)-1], 4)
	if !ok {
		return 0, 0, 0, false
	}
	if len(f) >= 2 {
		if month = monthNumber(f[len(f)-2]); month == 0 {
			return 0, 0, 0, false
		}
	}
	if len(f) == 3 {
		if day, ok = number(f[0], 2); !ok || day < 1 || day > 31 {
			return 0, 0, 0, false
		}
	}
	return year, month, day, true
}

// isoDate turns "24 Feb 2022" (or "Feb 2022", "2022") into "2022-02-24" ("2022-02", "2022").
func isoDate(s string) (string, bool) {
	y, m, d, ok := parseDate(s)
	switch {
	case !ok:
		return "", false
	case d > 0:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
	case m > 0:
		return fmt.Sprintf("%04d-%02d", y, m), true
	}
	return fmt.Sprintf("%04d", y), true
}

// number reads an unsigned decimal of at most width digits.
func number(s string, width int) (int, bool) {
	if s == "" || len(s) > width || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthNumber returns 1-12 for "Aug", "AUG", "August" or "Sept", else 0.
func monthNumber(s string) int {
	if len(s) < 3 {
		return 0
	}
	lower := strings.ToLower(s)
	for i, m := range months {
		if strings.HasPrefix(lower, m) {
			if len(lower) == 3 || lower == "sept" || strings.HasPrefix(fullMonths[i], lower) {
				return i + 1
			}
		}
	}
	return 0
}

var fullMonths = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

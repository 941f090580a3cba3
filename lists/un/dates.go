package un

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// birthDate maps one INDIVIDUAL_DATE_OF_BIRTH. It returns no date and a remark when the UN
// gives the date only as free text that is not a plain month and year ("30-35 years old",
// a Hijri date), and no date and no remark for the empty placeholder element.
func birthDate(d xmlDate) (date *corridor.BirthDate, remark string, err error) {
	kind := clean(d.Type)
	note := clean(d.Note)
	value, year := clean(d.Date), clean(d.Year)
	from, to := clean(d.FromYear), clean(d.ToYear)
	if kind == "" && value == "" && year == "" && from == "" && to == "" && note == "" {
		return nil, "", nil
	}
	var bd corridor.BirthDate
	switch kind {
	case "EXACT":
		switch {
		case value != "":
			bd, err = exactDate(value)
		case year != "":
			bd.Kind = corridor.DateYear
			bd.Year, err = parseYear(year)
			if month := monthOf(note); month > 0 && err == nil {
				// "Sep." beside YEAR 1958: the note completes the date.
				bd.Kind, bd.Month = corridor.DateExact, month
			}
		default:
			parsed, ok := dateInText(note)
			if !ok {
				return nil, "Date of birth: " + note, nil
			}
			bd = parsed
		}
	case "APPROXIMATELY":
		switch {
		case year != "":
			bd.Year, err = parseYear(year)
		case value != "":
			var exact corridor.BirthDate
			exact, err = exactDate(value)
			bd.Year = exact.Year
		default:
			return nil, "Date of birth: approximately " + note, nil
		}
		bd.Kind = corridor.DateCirca
	case "BETWEEN":
		bd.Kind = corridor.DateRange
		if bd.FromYear, err = parseYear(from); err == nil {
			bd.ToYear, err = parseYear(to)
		}
	case "":
		return nil, "", fmt.Errorf("date of birth without TYPE_OF_DATE (DATE %q YEAR %q FROM_YEAR %q TO_YEAR %q)", value, year, from, to)
	default:
		return nil, "", fmt.Errorf("date of birth: unknown TYPE_OF_DATE %q", kind)
	}
	if err != nil {
		return nil, "", fmt.Errorf("date of birth (%s): %w", kind, err)
	}
	bd.Text = bd.String()
	if note != "" {
		bd.Text += " (" + note + ")"
	}
	if err := bd.Validate(); err != nil {
		return nil, "", err
	}
	return &bd, "", nil
}

// exactDate parses the YYYY-MM-DD of a DATE element.
func exactDate(s string) (corridor.BirthDate, error) {
	t, err := xsdDate(s)
	if err != nil {
		return corridor.BirthDate{}, err
	}
	bd := corridor.BirthDate{Kind: corridor.DateExact, Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	bd.Text = bd.String()
	return bd, nil
}

// xsdDate parses an xs:date: YYYY-MM-DD, optionally with a time zone ("2015-04-07-04:00",
// which a few LISTED_ON values carry). The zone is dropped: a calendar date is meant.
func xsdDate(s string) (time.Time, error) {
	day := s
	if len(s) > len(time.DateOnly) {
		day = s[:len(time.DateOnly)]
		if zone := s[len(day):]; zone != "Z" {
			if _, err := time.Parse("-07:00", zone); err != nil {
				return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
			}
		}
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return t, nil
}

// aliasBirthDate parses an alias's DATE_OF_BIRTH: YYYY-MM-DD or a bare YYYY.
func aliasBirthDate(s string) (corridor.BirthDate, error) {
	if len(s) == 4 {
		y, err := parseYear(s)
		bd := corridor.BirthDate{Kind: corridor.DateYear, Year: y}
		bd.Text = bd.String()
		return bd, err
	}
	return exactDate(s)
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return 0, fmt.Errorf("year %q is not four digits", s)
	}
	return y, nil
}

// dateInText reads the dates the UN writes only as a note: "Nov. 1973", "August 1961",
// "Between Aug. and Sep. 1977" (a month range: only the year is certain).
func dateInText(note string) (corridor.BirthDate, bool) {
	words := strings.Fields(note)
	if len(words) == 0 {
		return corridor.BirthDate{}, false
	}
	year, err := parseYear(words[len(words)-1])
	if err != nil {
		return corridor.BirthDate{}, false
	}
	switch {
	case len(words) == 2 && monthOf(words[0]) > 0:
		return corridor.BirthDate{Kind: corridor.DateExact, Year: year, Month: monthOf(words[0])}, true
	case len(words) == 5 && strings.EqualFold(words[0], "between") && strings.EqualFold(words[2], "and") &&
		monthOf(words[1]) > 0 && monthOf(words[3]) > 0:
		return corridor.BirthDate{Kind: corridor.DateYear, Year: year}, true
	}
	return corridor.BirthDate{}, false
}

// monthOf returns the month a word names in English, full or abbreviated ("Sep.", "Sept",
// "September"), or 0.
func monthOf(word string) int {
	w := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(word), "."))
	if len(w) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if strings.HasPrefix(name, w) {
			return int(m)
		}
	}
	return 0
}

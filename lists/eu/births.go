package eu

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

// mapBirths reads the birthdate elements, each of which may hold a date, a place or both.
// Repeats are dropped: the extract gives the same day once in the Gregorian calendar and once
// converted from the Hijri one.
func mapBirths(births []xmlBirthDate, notes *readutil.Remarks) ([]corridor.BirthDate, []corridor.Place, error) {
	var (
		dates  []corridor.BirthDate
		places []corridor.Place
	)
	for _, b := range births {
		date, ok, err := birthDate(b, notes)
		if err != nil {
			return nil, nil, fmt.Errorf("birthdate %s: %w", strings.TrimSpace(b.LogicalID), err)
		}
		if ok && !readutil.ContainsDate(dates, date) {
			dates = append(dates, date)
		}
		if place, ok := birthPlace(b); ok && !readutil.ContainsPlace(places, place) {
			places = append(places, place)
		}
		for _, r := range b.Remarks {
			notes.Add("Birth", r)
		}
	}
	return dates, places, nil
}

// birthDate reads one date. The schema gives a full date in birthdate, or parts in year,
// monthOfYear and dayOfMonth, or a range in yearRangeFrom/To; circa="true" marks any of them
// approximate. For a non-Gregorian calendar the parts are in that calendar while birthdate
// holds the Gregorian day, so only birthdate is used.
func birthDate(b xmlBirthDate, notes *readutil.Remarks) (corridor.BirthDate, bool, error) {
	circa, err := parseBool("circa", b.Circa, false)
	if err != nil {
		return corridor.BirthDate{}, false, err
	}
	calendar := strings.ToUpper(strings.TrimSpace(b.CalendarType))
	gregorian := calendar == "" || calendar == "GREGORIAN"
	full, err := isoDate("birthdate", b.BirthDate)
	if err != nil {
		return corridor.BirthDate{}, false, err
	}
	var d corridor.BirthDate
	switch {
	case full != "":
		t, _ := time.Parse(time.DateOnly, full)
		d = corridor.BirthDate{Kind: corridor.DateExact, Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Text: full}
		if !gregorian {
			notes.Add(fmt.Sprintf("Birth date %s in the %s calendar", full, strings.ToLower(calendar)), calendarParts(b))
		}
	case !gregorian:
		notes.Add(fmt.Sprintf("Birth date in the %s calendar", strings.ToLower(calendar)), calendarParts(b))
		return d, false, nil
	case strings.TrimSpace(b.YearRangeFrom) != "" || strings.TrimSpace(b.YearRangeTo) != "":
		from, err := number("yearRangeFrom", b.YearRangeFrom)
		if err != nil {
			return d, false, err
		}
		to, err := number("yearRangeTo", b.YearRangeTo)
		if err != nil {
			return d, false, err
		}
		if from == 0 {
			from = to
		}
		if to == 0 {
			to = from
		}
		d = corridor.BirthDate{Kind: corridor.DateRange, FromYear: from, ToYear: to, Text: fmt.Sprintf("%d-%d", from, to)}
		if from == to {
			d = corridor.BirthDate{Kind: corridor.DateYear, Year: from, Text: strconv.Itoa(from)}
		}
	case strings.TrimSpace(b.Year) != "":
		year, err := number("year", b.Year)
		if err != nil {
			return d, false, err
		}
		month, err := number("monthOfYear", b.MonthOfYear)
		if err != nil {
			return d, false, err
		}
		day, err := number("dayOfMonth", b.DayOfMonth)
		if err != nil {
			return d, false, err
		}
		d = corridor.BirthDate{Kind: corridor.DateExact, Year: year, Month: month, Day: day}
		if month == 0 {
			d.Kind, d.Day = corridor.DateYear, 0
		}
		d.Text = d.String()
	default:
		return d, false, nil
	}
	if circa {
		d.Text = "circa " + d.Text
		// A circa range keeps its bounds: widening them too would claim more than the list.
		if d.Kind != corridor.DateRange {
			d = corridor.BirthDate{Kind: corridor.DateCirca, Year: d.Year, Text: d.Text}
		}
	}
	if err := d.Validate(); err != nil {
		return d, false, err
	}
	return d, true, nil
}

// calendarParts writes the year, month and day as the list gives them, in their calendar.
func calendarParts(b xmlBirthDate) string {
	return readutil.JoinNonEmpty("-", strings.TrimSpace(b.Year), strings.TrimSpace(b.MonthOfYear), strings.TrimSpace(b.DayOfMonth))
}

func birthPlace(b xmlBirthDate) (corridor.Place, bool) {
	city := strings.TrimSpace(b.City)
	if city == "-" { // the EU's placeholder for "no city"
		city = ""
	}
	p := corridor.Place{Text: readutil.JoinNonEmpty(", ", strings.TrimSpace(b.Place), city, strings.TrimSpace(b.ZipCode),
		strings.TrimSpace(b.Region), countryText(b.CountryDescription))}
	p.Country, _ = countryCode(b.CountryISO2Code, b.CountryDescription)
	return p, p.Text != ""
}

// number reads an optional whole number; empty is 0.
func number(field, raw string) (int, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s %q is not a number", field, raw)
	}
	return n, nil
}

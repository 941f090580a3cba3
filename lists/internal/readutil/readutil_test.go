package readutil

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestRemarks(t *testing.T) {
	var r Remarks
	r.Add("Title", " Maulavi ")
	r.Add("Title", "Maulavi")
	r.Add("", "seen in Kabul")
	r.Add("Note", "  ")
	if got := r.String(); got != "Title: Maulavi\nseen in Kabul" {
		t.Errorf("remarks = %q", got)
	}
}

func TestContainsDateComparesRanges(t *testing.T) {
	dates := []corridor.BirthDate{{Kind: corridor.DateRange, FromYear: 1950, ToYear: 1955}}
	if ContainsDate(dates, corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1960, ToYear: 1965}) {
		t.Error("a different range counted as the same date")
	}
	if !ContainsDate(dates, corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1950, ToYear: 1955, Text: "other text"}) {
		t.Error("the same range in other words not found")
	}
}

func TestExpectEnd(t *testing.T) {
	for in, ok := range map[string]bool{
		"<a/>":                 true,
		"<a/>\n<!-- c -->\n  ": true,
		"<a/>text":             false,
		"<a/><b/>":             false,
	} {
		dec := xml.NewDecoder(strings.NewReader(in))
		for range 2 { // <a/> is a start and an end element
			if _, err := dec.Token(); err != nil {
				t.Fatal(err)
			}
		}

		err := ExpectEnd(dec, "test list", "</a>")
		if (err == nil) != ok {
			t.Errorf("%q: %v", in, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "test list: line") {
			t.Errorf("%q: error %q does not name the list and line", in, err)
		}
	}
}

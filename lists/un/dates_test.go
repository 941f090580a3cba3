package un

import (
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestBirthDate(t *testing.T) {
	tests := []struct {
		in     xmlDate
		want   *corridor.BirthDate
		remark string
	}{
		{xmlDate{}, nil, ""},
		{xmlDate{Type: "EXACT", Date: "1978-04-28"}, &corridor.BirthDate{Kind: corridor.DateExact, Year: 1978, Month: 4, Day: 28, Text: "1978-04-28"}, ""},
		{xmlDate{Type: "EXACT", Year: "1971"}, &corridor.BirthDate{Kind: corridor.DateYear, Year: 1971, Text: "1971"}, ""},
		{xmlDate{Type: "EXACT", Year: "1958", Note: "Sep."}, &corridor.BirthDate{Kind: corridor.DateExact, Year: 1958, Month: 9, Text: "1958-09 (Sep.)"}, ""},
		{xmlDate{Type: "EXACT", Note: "Nov. 1973 "}, &corridor.BirthDate{Kind: corridor.DateExact, Year: 1973, Month: 11, Text: "1973-11 (Nov. 1973)"}, ""},
		{xmlDate{Type: "EXACT", Note: "August 1961"}, &corridor.BirthDate{Kind: corridor.DateExact, Year: 1961, Month: 8, Text: "1961-08 (August 1961)"}, ""},
		{xmlDate{Type: "EXACT", Note: "Between Aug. and Sep. 1977"}, &corridor.BirthDate{Kind: corridor.DateYear, Year: 1977, Text: "1977 (Between Aug. and Sep. 1977)"}, ""},
		{xmlDate{Type: "EXACT", Note: "24/06/1402 (Hijri Calendar)"}, nil, "Date of birth: 24/06/1402 (Hijri Calendar)"},
		{xmlDate{Type: "EXACT", Date: "1979-03-03", Note: "from false passport"}, &corridor.BirthDate{Kind: corridor.DateExact, Year: 1979, Month: 3, Day: 3, Text: "1979-03-03 (from false passport)"}, ""},
		{xmlDate{Type: "APPROXIMATELY", Year: "1966"}, &corridor.BirthDate{Kind: corridor.DateCirca, Year: 1966, Text: "circa 1966"}, ""},
		{xmlDate{Type: "APPROXIMATELY", Note: "30-35 years old"}, nil, "Date of birth: approximately 30-35 years old"},
		{xmlDate{Type: "BETWEEN", FromYear: "1973", ToYear: "1974"}, &corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1973, ToYear: 1974, Text: "1973-1974"}, ""},
	}
	for _, tt := range tests {
		got, remark, err := birthDate(tt.in)
		if err != nil {
			t.Errorf("birthDate(%+v): %v", tt.in, err)
			continue
		}
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) || remark != tt.remark {
			t.Errorf("birthDate(%+v) = %+v, %q; want %+v, %q", tt.in, got, remark, tt.want, tt.remark)
		}
	}
}

func TestBirthDateErrors(t *testing.T) {
	for _, in := range []xmlDate{
		{Type: "EXACT", Date: "1978-13-01"},
		{Type: "EXACT", Date: "1978"},
		{Type: "EXACT", Year: "19x1"},
		{Type: "EXACT", Year: "1492"},
		{Type: "BETWEEN", FromYear: "1980", ToYear: "1970"},
		{Type: "BETWEEN", FromYear: "1980"},
		{Type: "SOMETIME", Year: "1980"},
		{Year: "1980"},
	} {
		if got, _, err := birthDate(in); err == nil {
			t.Errorf("birthDate(%+v) = %+v, want an error", in, got)
		}
	}
}

func TestXSDDate(t *testing.T) {
	for in, want := range map[string]string{"2015-04-07": "2015-04-07", "2015-04-07-04:00": "2015-04-07", "2015-04-07Z": "2015-04-07", "2015-04-07+05:30": "2015-04-07"} {
		got, err := xsdDate(in)
		if err != nil || got.Format("2006-01-02") != want {
			t.Errorf("xsdDate(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"2015-04-07x", "07/04/2015", "2015-04-07-4", ""} {
		if _, err := xsdDate(in); err == nil {
			t.Errorf("xsdDate(%q): no error", in)
		}
	}
}

package ofacadv

import (
	"testing"

	"github.com/corridor-aml/corridor"
)

func period(approx bool, from, to [3]string) xmlDatePeriod {
	a := "false"
	if approx {
		a = "true"
	}
	d := func(v [3]string) *xmlDate { return &xmlDate{Year: v[0], Month: v[1], Day: v[2]} }
	return xmlDatePeriod{
		Start: &xmlDateBoundary{Approximate: a, From: d(from), To: d(from)},
		End:   &xmlDateBoundary{Approximate: a, From: d(to), To: d(to)},
	}
}

func TestPeriodDate(t *testing.T) {
	tests := []struct {
		name string
		in   xmlDatePeriod
		want corridor.BirthDate
	}{
		{"exact", period(false, [3]string{"1947", "4", "19"}, [3]string{"1947", "4", "19"}),
			corridor.BirthDate{Kind: corridor.DateExact, Year: 1947, Month: 4, Day: 19, Text: "1947-04-19"}},
		{"year", period(false, [3]string{"1991", "1", "1"}, [3]string{"1991", "12", "31"}),
			corridor.BirthDate{Kind: corridor.DateYear, Year: 1991, Text: "1991"}},
		{"month", period(false, [3]string{"1960", "2", "1"}, [3]string{"1960", "2", "29"}),
			corridor.BirthDate{Kind: corridor.DateExact, Year: 1960, Month: 2, Text: "1960-02"}},
		{"range", period(false, [3]string{"1962", "1", "1"}, [3]string{"1963", "12", "31"}),
			corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1962, ToYear: 1963, Text: "1962-1963"}},
		{"circa", period(true, [3]string{"1948", "1", "1"}, [3]string{"1948", "12", "31"}),
			corridor.BirthDate{Kind: corridor.DateCirca, Year: 1948, Text: "circa 1948"}},
		{"part of a year", period(false, [3]string{"1977", "8", "1"}, [3]string{"1977", "9", "30"}),
			corridor.BirthDate{Kind: corridor.DateYear, Year: 1977, Text: "1977-08-01 to 1977-09-30"}},
		{"year only", period(false, [3]string{"1970", "", ""}, [3]string{"1970", "", ""}),
			corridor.BirthDate{Kind: corridor.DateYear, Year: 1970, Text: "1970"}},
		{"start only", xmlDatePeriod{Start: &xmlDateBoundary{From: &xmlDate{Year: "1955", Month: "3", Day: "2"}}},
			corridor.BirthDate{Kind: corridor.DateExact, Year: 1955, Month: 3, Day: 2, Text: "1955-03-02"}},
	}
	for _, tt := range tests {
		got, err := periodDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s: periodDate = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []xmlDatePeriod{
		{},
		period(false, [3]string{"1947", "13", "1"}, [3]string{"1947", "12", "31"}),
		period(false, [3]string{"1947", "2", "30"}, [3]string{"1947", "12", "31"}),
		period(false, [3]string{"19x7", "1", "1"}, [3]string{"1947", "12", "31"}),
		period(false, [3]string{"1950", "1", "1"}, [3]string{"1940", "12", "31"}),
		period(false, [3]string{"1950", "", "3"}, [3]string{"1950", "12", "31"}),
	} {
		if got, err := periodDate(bad); err == nil {
			t.Errorf("periodDate(%+v) = %+v, want an error", bad, got)
		}
	}
}

package corridor

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in               string
		year, month, day int
		ok               bool
	}{
		{"1977", 1977, 0, 0, true},
		{"1977-08", 1977, 8, 0, true},
		{"1977-08-15", 1977, 8, 15, true},
		{"2000-02-29", 2000, 2, 29, true},
		{"1999-02-29", 0, 0, 0, false},
		{"1977-13", 0, 0, 0, false},
		{"77", 0, 0, 0, false},
		{"1977-8-15", 0, 0, 0, false},
		{"1977-08-15-01", 0, 0, 0, false},
		{"", 0, 0, 0, false},
		{"abcd", 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || y != tt.year || m != tt.month || d != tt.day {
			t.Errorf("ParseDate(%q) = %d, %d, %d, %v", tt.in, y, m, d, err)
		}
	}
}

func TestBirthDateYears(t *testing.T) {
	tests := []struct {
		d        BirthDate
		from, to int
	}{
		{BirthDate{Kind: DateYear, Year: 1977}, 1977, 1977},
		{BirthDate{Kind: DateRange, FromYear: 1950, ToYear: 1955}, 1950, 1955},
		{BirthDate{Kind: DateCirca, Year: 1960}, 1960 - CircaYears, 1960 + CircaYears},
	}
	for _, tt := range tests {
		if from, to := tt.d.Years(); from != tt.from || to != tt.to {
			t.Errorf("%v.Years() = %d, %d, want %d, %d", tt.d, from, to, tt.from, tt.to)
		}
	}
}

func TestListIDValidate(t *testing.T) {
	for _, ok := range []ListID{ListOFACSDN, ListUN, OpenSanctionsList("sanctions"), CustomList("staff_watch")} {
		if err := ok.Validate(); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []ListID{"", "ofac", "custom_", "opensanctions_Bad-Name"} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if list, native, err := SplitEntityID("un:TAi.144"); err != nil || list != ListUN || native != "TAi.144" {
		t.Errorf("SplitEntityID = %q, %q, %v", list, native, err)
	}
}

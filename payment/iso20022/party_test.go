package iso20022

import (
	"reflect"
	"testing"
)

func TestNumberedAddressLines(t *testing.T) {
	tests := []struct {
		in      []string
		lines   []string
		country string
	}{
		{[]string{"2/High Street", "3/GB/Epping"}, []string{"High Street", "Epping"}, "GB"},
		{[]string{"3/FI"}, []string{""}, "FI"},
		{[]string{"2/3 George Street"}, []string{"2/3 George Street"}, ""},
		{[]string{"2/3 George Street", "Sydney"}, []string{"2/3 George Street", "Sydney"}, ""},
		{[]string{"2/Main St", "3/US/New York", "3/CA/Toronto"}, []string{"Main St", "New York", "3/CA/Toronto"}, "US"},
		{nil, nil, ""},
	}
	for _, tt := range tests {
		lines, country := numbered(tt.in)
		if !reflect.DeepEqual(lines, tt.lines) || country != tt.country {
			t.Errorf("numbered(%q) = %q, %q; want %q, %q", tt.in, lines, country, tt.lines, tt.country)
		}
	}
}

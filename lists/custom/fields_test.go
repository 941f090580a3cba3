package custom

import (
	"reflect"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func parseString(t *testing.T, in string) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(testList, strings.NewReader(in))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return snap
}

func TestHeaderForms(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"canonical", "id,name,birth_date,nationality\nA1,Ann Lee,1970,US\n"},
		{"any order", "nationality,birth_date,name,id\nUS,1970,Ann Lee,A1\n"},
		{"case, space and dashes", " ID ,Name,Birth Date,NATIONALITY\nA1,Ann Lee,1970,US\n"},
		{"byte-order mark", "\uFEFFid,name,birth-date,nationality\nA1,Ann Lee,1970,US\n"},
		{"CR LF", "id,name,birth_date,nationality\r\nA1,Ann Lee,1970,US\r\n"},
		{"no final newline", "id,name,birth_date,nationality\nA1,Ann Lee,1970,US"},
		{"blank rows", "id,name,birth_date,nationality\n\n,,,\nA1,Ann Lee,1970,US\n, , ,\n"},
		{"spaces around values", "id,name,birth_date,nationality\n A1 ,  Ann Lee , 1970 , us \n"},
	}
	want := corridor.Entity{ID: "custom_bank_watchlist:A1", List: testList, NativeID: "A1", Kind: corridor.KindPerson,
		Names:         []corridor.Name{{Full: "Ann Lee", Kind: corridor.NamePrimary}},
		BirthDates:    []corridor.BirthDate{{Kind: corridor.DateYear, Year: 1970, Text: "1970"}},
		Nationalities: []string{"US"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := parseString(t, tt.in)
			if len(snap.Entities) != 1 {
				t.Fatalf("%d entities", len(snap.Entities))
			}
			got := snap.Entities[0]
			got.Source = corridor.SourceRef{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestBirthDateForms(t *testing.T) {
	tests := []struct {
		in   string
		want []corridor.BirthDate
	}{
		{"1970", []corridor.BirthDate{{Kind: corridor.DateYear, Year: 1970, Text: "1970"}}},
		{"1970-07", []corridor.BirthDate{{Kind: corridor.DateExact, Year: 1970, Month: 7, Text: "1970-07"}}},
		{"1970-07-31", []corridor.BirthDate{{Kind: corridor.DateExact, Year: 1970, Month: 7, Day: 31, Text: "1970-07-31"}}},
		{"1960..1965", []corridor.BirthDate{{Kind: corridor.DateRange, FromYear: 1960, ToYear: 1965, Text: "1960..1965"}}},
		{"~1958", []corridor.BirthDate{{Kind: corridor.DateCirca, Year: 1958, Text: "~1958"}}},
		{"1972-02-29 | ~1970 | ", []corridor.BirthDate{
			{Kind: corridor.DateExact, Year: 1972, Month: 2, Day: 29, Text: "1972-02-29"},
			{Kind: corridor.DateCirca, Year: 1970, Text: "~1970"}}},
	}
	for _, tt := range tests {
		e := parseString(t, "id,name,birth_date\nA1,Ann Lee,"+tt.in+"\n").Entities[0]
		if !reflect.DeepEqual(e.BirthDates, tt.want) {
			t.Errorf("%q: %+v, want %+v", tt.in, e.BirthDates, tt.want)
		}
	}
}

func TestFieldValues(t *testing.T) {
	tests := []struct {
		name, header, row string
		check             func(corridor.Entity) bool
	}{
		{"kind in capitals", "id,name,kind", "A1,Acme,ORGANIZATION",
			func(e corridor.Entity) bool { return e.Kind == corridor.KindOrganization && e.Vessel == nil }},
		{"empty kind is a person", "id,name,kind", "A1,Ann,",
			func(e corridor.Entity) bool { return e.Kind == corridor.KindPerson }},
		{"genders", "id,name,gender", "A1,Ann,Female",
			func(e corridor.Entity) bool { return e.Gender == corridor.GenderFemale }},
		{"nationality by name, code and repeat", "id,name,nationality", `A1,Ann,"Iran (Islamic Republic of)|ir|Korea, North"`,
			func(e corridor.Entity) bool { return reflect.DeepEqual(e.Nationalities, []string{"IR", "KP"}) }},
		{"alias equal to the name is not repeated", "id,name,aliases,weak_aliases", "A1,Ann Lee,Ann Lee|A. Lee,A. Lee|Annie",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Names, []corridor.Name{{Full: "Ann Lee", Kind: "primary"}, {Full: "A. Lee", Kind: "aka"}, {Full: "Annie", Kind: "aka", Weak: true}})
			}},
		{"aliases in other scripts", "id,name,aliases,weak_aliases", "A1,Li Wei,李伟|Lee Wai,伟",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Names, []corridor.Name{{Full: "Li Wei", Kind: "primary"}, {Full: "李伟", Kind: "original_script"},
					{Full: "Lee Wai", Kind: "aka"}, {Full: "伟", Kind: "original_script", Weak: true}})
			}},
		{"birth place without a known country", "id,name,birth_place", "A1,Ann,Springfield",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.BirthPlaces, []corridor.Place{{Text: "Springfield"}})
			}},
		{"identifier type labels", "id,name,id_numbers", "A1,Ann,SSN:123-45-6789:United States|Driving licence:D123|Tax ID:99|VAT:DE811",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Identifiers, []corridor.Identifier{
					{Kind: corridor.IDNationalID, Type: "SSN", Number: "123-45-6789", Country: "US"},
					{Kind: corridor.IDOther, Type: "Driving licence", Number: "D123"},
					{Kind: corridor.IDTax, Type: "Tax ID", Number: "99"},
					{Kind: corridor.IDTax, Type: "VAT", Number: "DE811"}})
			}},
		{"a number holding a colon needs the country part", "id,name,id_numbers", "A1,Ann,crypto:bitcoincash:qq9x4f:",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Identifiers, []corridor.Identifier{{Kind: corridor.IDCrypto, Type: "crypto", Number: "bitcoincash:qq9x4f"}})
			}},
		{"programs and listing date", "id,name,programs,listed_on", "A1,Ann,PEP-RCA | FRAUD ,2021-12",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Programs, []string{"PEP-RCA", "FRAUD"}) && e.ListedOn == "2021-12"
			}},
		{"vessel flag and call sign", "id,name,kind,nationality,id_numbers", "V1,NORDIC ICE,vessel,Liberia|PA,imo:9300012|call sign:A8XY3",
			func(e corridor.Entity) bool {
				return reflect.DeepEqual(e.Vessel, &corridor.Vessel{Flag: "LR", CallSign: "A8XY3"})
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := parseString(t, tt.header+"\n"+tt.row+"\n")
			if len(snap.Entities) != 1 || !tt.check(snap.Entities[0]) {
				t.Errorf("got %+v", snap.Entities)
			}
		})
	}
}

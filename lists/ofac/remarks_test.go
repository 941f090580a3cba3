package ofac

import (
	"reflect"
	"slices"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestSplitRemarks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"DOB 1977; alt. DOB 1978; POB Danda, Miramshah, Afghanistan.",
			[]string{"DOB 1977", "alt. DOB 1978", "POB Danda, Miramshah, Afghanistan."}},
		{"a.k.a. 'ABU; ALI'; DOB 1960.", []string{"a.k.a. 'ABU; ALI'", "DOB 1960."}},
		{"a.k.a. 'AL-QA'IDA'; a.k.a. ''ABD'.", []string{"a.k.a. 'AL-QA'IDA'", "a.k.a. ''ABD'."}},
		{"Note (a; b) here; DOB 1960", []string{"Note (a; b) here", "DOB 1960"}},
		{"nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'NOOR'.",
			[]string{"nationality possibly Palestinian", "arrested 23 Apr 2002", "a.k.a. 'NOOR'."}},
		// Cut short: an unclosed quote or parenthesis does not swallow what follows.
		{"a.k.a. 'WHOIS HACKIN; DOB 1960", []string{"a.k.a. 'WHOIS HACKIN", "DOB 1960"}},
		{"Listing Date (EO 14024 Direct; DOB 1960", []string{"Listing Date (EO 14024 Direct", "DOB 1960"}},
		{"a) b; c", []string{"a) b", "c"}},
		{"; ;x;", []string{"x"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitRemarks(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitRemarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseBirthDate(t *testing.T) {
	tests := []struct {
		in   string
		want corridor.BirthDate
		ok   bool
	}{
		{"1977", corridor.BirthDate{Kind: corridor.DateYear, Year: 1977, Text: "1977"}, true},
		{"15 Aug 1966", corridor.BirthDate{Kind: corridor.DateExact, Year: 1966, Month: 8, Day: 15, Text: "15 Aug 1966"}, true},
		{"Aug 1966.", corridor.BirthDate{Kind: corridor.DateExact, Year: 1966, Month: 8, Text: "Aug 1966"}, true},
		{"circa 1960", corridor.BirthDate{Kind: corridor.DateCirca, Year: 1960, Text: "circa 1960"}, true},
		{"circa 07 Jul 1966", corridor.BirthDate{Kind: corridor.DateCirca, Year: 1966, Month: 7, Day: 7, Text: "circa 07 Jul 1966"}, true},
		{"1955 to 1957", corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1955, ToYear: 1957, Text: "1955 to 1957"}, true},
		{"01 Jan 1961 to 31 Dec 1962", corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1961, ToYear: 1962, Text: "01 Jan 1961 to 31 Dec 1962"}, true},
		{"Mar 1962 to Feb 1963", corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1962, ToYear: 1963, Text: "Mar 1962 to Feb 1963"}, true},
		{"circa 1979-1982", corridor.BirthDate{Kind: corridor.DateRange, FromYear: 1979, ToYear: 1982, Text: "circa 1979-1982"}, true},
		{"10 October 1969", corridor.BirthDate{Kind: corridor.DateExact, Year: 1969, Month: 10, Day: 10, Text: "10 October 1969"}, true},
		{"1957 to 1955", corridor.BirthDate{}, false},
		{"32 Aug 1966", corridor.BirthDate{}, false},
		{"15 Foo 1966", corridor.BirthDate{}, false},
		{"1066", corridor.BirthDate{}, false},
		{"19777", corridor.BirthDate{}, false},
		{"unknown", corridor.BirthDate{}, false},
		{"", corridor.BirthDate{}, false},
	}
	for _, tt := range tests {
		got, ok := parseBirthDate(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("parseBirthDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSplitIDValue(t *testing.T) {
	tests := []struct{ in, number, country, note string }{
		{"1084010 (Egypt)", "1084010", "EG", ""},
		{"C284181 (Saudi Arabia) issued 12 Aug 2000 expires 19 Jun 2005", "C284181", "SA", "issued 12 Aug 2000 expires 19 Jun 2005"},
		{"G025057 issued 23 Jun 1999 expires 05 Feb 2004", "G025057", "", "issued 23 Jun 1999 expires 05 Feb 2004"},
		{"HRA 738077 (Stuttgart) (Germany)", "HRA 738077", "DE", "(Stuttgart)"},
		{"800146749-7 (Colombia).", "800146749-7", "CO", ""},
		{"467323, Doc. 694710 (Panama).", "467323, Doc. 694710", "PA", ""},
		{"14063277.", "14063277", "", ""},
		{"AB 12 (Korea, North)", "AB 12", "KP", ""},
	}
	for _, tt := range tests {
		number, country, note := splitIDValue(countryCache{}, tt.in)
		if number != tt.number || country != tt.country || note != tt.note {
			t.Errorf("splitIDValue(%q) = %q, %q, %q; want %q, %q, %q", tt.in, number, country, note, tt.number, tt.country, tt.note)
		}
	}
}

// TestApplyItem checks what each kind of remarks item adds to an entity, and that an item the
// parser does not know is reported unmapped (it stays in Remarks).
func TestApplyItem(t *testing.T) {
	p := newParser(corridor.ListOFACSDN, SDNFiles())
	p.primaryIDs["HAMAS"] = "us_ofac_sdn:1"
	p.primaryIDs["X CO., LTD."] = "us_ofac_sdn:2"
	p.primaryIDs["TWIN"] = "" // two entities share the name
	tests := []struct {
		kind   corridor.Kind
		item   string
		mapped bool
		want   corridor.Entity
	}{
		{corridor.KindPerson, "nationality Korea, North", true, corridor.Entity{Nationalities: []string{"KP"}}},
		{corridor.KindPerson, "alt. citizen Congo, Democratic Republic of the.", true, corridor.Entity{Citizenships: []string{"CD"}}},
		{corridor.KindPerson, "nationality possibly Palestinian", false, corridor.Entity{}},
		{corridor.KindPerson, "Gender Female.", true, corridor.Entity{Gender: corridor.GenderFemale}},
		{corridor.KindPerson, "POB Goma, Congo, Democratic Republic of the", true,
			corridor.Entity{BirthPlaces: []corridor.Place{{Text: "Goma, Congo, Democratic Republic of the", Country: "CD"}}}},
		{corridor.KindPerson, "POB Shati", true, corridor.Entity{BirthPlaces: []corridor.Place{{Text: "Shati"}}}},
		{corridor.KindPerson, "f.k.a. 'AL-WARD, 'Abd'.", true, corridor.Entity{Names: []corridor.Name{{Full: "AL-WARD, 'Abd", Kind: corridor.NameFKA, Weak: true,
			Parts: []corridor.NamePart{{Type: corridor.PartFamily, Value: "AL-WARD"}, {Type: corridor.PartGiven, Value: "'Abd"}}}}}},
		{corridor.KindOrganization, "n.k.a. 'NEW NAME, LLC'", true, corridor.Entity{Names: []corridor.Name{{Full: "NEW NAME, LLC", Kind: corridor.NameNKA, Weak: true}}}},
		{corridor.KindPerson, "a.k.a. ''", false, corridor.Entity{}},
		{corridor.KindPerson, "Linked To: HAMAS.", true, corridor.Entity{Links: []corridor.Link{{Name: "HAMAS", EntityID: "us_ofac_sdn:1"}}}},
		{corridor.KindPerson, "Linked To: X CO., LTD.", true, corridor.Entity{Links: []corridor.Link{{Name: "X CO., LTD.", EntityID: "us_ofac_sdn:2"}}}},
		{corridor.KindPerson, "Linked To: TWIN", true, corridor.Entity{Links: []corridor.Link{{Name: "TWIN"}}}},
		{corridor.KindPerson, "Linked To: NOBODY.", true, corridor.Entity{Links: []corridor.Link{{Name: "NOBODY"}}}},
		{corridor.KindOrganization, "Listing Date (EO 14024 Directive 3): 24 Feb 2022", true, corridor.Entity{ListedOn: "2022-02-24"}},
		{corridor.KindOrganization, "Listing Date (CMIC) 03 Jun 2021.", true, corridor.Entity{ListedOn: "2021-06-03"}},
		{corridor.KindPerson, "SSN 523-33-8386 (United States)", true, corridor.Entity{Identifiers: []corridor.Identifier{
			{Kind: corridor.IDNationalID, Type: "SSN", Number: "523-33-8386", Country: "US"}}}},
		{corridor.KindOrganization, "Identification Number IMO 5342883.", true, corridor.Entity{Identifiers: []corridor.Identifier{
			{Kind: corridor.IDIMO, Type: "Identification Number IMO", Number: "5342883"}}}},
		{corridor.KindPerson, "Identification Number 2.194.575 (Paraguay)", true, corridor.Entity{Identifiers: []corridor.Identifier{
			{Kind: corridor.IDNationalID, Type: "Identification Number", Number: "2.194.575", Country: "PY"}}}},
		{corridor.KindPerson, "alt. Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96", true, corridor.Entity{Identifiers: []corridor.Identifier{
			{Kind: corridor.IDCrypto, Type: "Digital Currency Address - ETH", Number: "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"}}}},
		{corridor.KindOrganization, "C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968.", true, corridor.Entity{Identifiers: []corridor.Identifier{
			{Kind: corridor.IDNationalID, Type: "C.U.R.P.", Number: "AIMM67125HCHRRG06", Country: "MX", Note: "issued 1968"}}}},
		{corridor.KindAircraft, "Aircraft Tail Number YV3360.", true, corridor.Entity{Vessel: &corridor.Vessel{}, Identifiers: []corridor.Identifier{
			{Kind: corridor.IDAircraftTail, Type: "Aircraft Tail Number", Number: "YV3360"}}}},
		{corridor.KindAircraft, "Aircraft Manufacture Date Sep 1984", true, corridor.Entity{Vessel: &corridor.Vessel{Built: "1984"}}},
		{corridor.KindAircraft, "Nationality of Registration Korea, North", true, corridor.Entity{Vessel: &corridor.Vessel{Flag: "KP"}}},
		{corridor.KindVessel, "Vessel Year of Build 1999", true, corridor.Entity{Vessel: &corridor.Vessel{Built: "1999"}}},
		{corridor.KindOrganization, "Aircraft Operator Iran Air", false, corridor.Entity{}},
		{corridor.KindOrganization, "Passport", false, corridor.Entity{}},
		{corridor.KindOrganization, "Website www.example.com", false, corridor.Entity{}},
		{corridor.KindOrganization, "Email Address a@b.c", false, corridor.Entity{}},
		{corridor.KindOrganization, "Organization Established Date 17 Dec 2016", false, corridor.Entity{}},
		{corridor.KindPerson, "DOB unknown", false, corridor.Entity{}},
	}
	for _, tt := range tests {
		e := corridor.Entity{Kind: tt.kind}
		tt.want.Kind = tt.kind
		if tt.kind == corridor.KindVessel || tt.kind == corridor.KindAircraft {
			e.Vessel = &corridor.Vessel{}
		}
		if mapped := p.applyItem(&e, tt.item); mapped != tt.mapped {
			t.Errorf("applyItem(%q) mapped = %v, want %v", tt.item, mapped, tt.mapped)
		}
		if !reflect.DeepEqual(e, tt.want) {
			t.Errorf("applyItem(%q) = %+v\nwant %+v", tt.item, e, tt.want)
		}
	}
}

func TestPrograms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"SDGT", []string{"SDGT"}},
		{"FTO] [SDGT", []string{"FTO", "SDGT"}},
		{"DPRK3] [CYBER2] [IRAN", []string{"DPRK3", "CYBER2", "IRAN"}},
		{"[SDGT]", []string{"SDGT"}},
		{"-0- ", nil},
	}
	for _, tt := range tests {
		if got := programs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("programs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

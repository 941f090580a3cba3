package ftm

// Mapping tests on small FtM lines written here by hand, after the documented format.

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// parseLines parses one JSON line per argument; an argument written over several lines here
// for reading is joined into one.
func parseLines(t *testing.T, lines ...string) *corridor.ListSnapshot {
	t.Helper()
	joined := make([]string, len(lines))
	for i, l := range lines {
		joined[i] = unwrap.Replace(l)
	}
	snap, err := Parse(testList, strings.NewReader(strings.Join(joined, "\n")))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return snap
}

var unwrap = strings.NewReplacer("\n\t\t\t", "", "\n\t\t", "", "\n\t", "")

// only parses lines and returns the one entity they yield.
func only(t *testing.T, lines ...string) corridor.Entity {
	t.Helper()
	snap := parseLines(t, lines...)
	if len(snap.Entities) != 1 {
		t.Fatalf("got %d entities, want 1: %+v", len(snap.Entities), snap.Entities)
	}
	return snap.Entities[0]
}

func TestSchemaKinds(t *testing.T) {
	tests := []struct {
		schema string
		want   corridor.Kind // "" when the schema is not a party
	}{
		{"Person", corridor.KindPerson},
		{"Organization", corridor.KindOrganization},
		{"Company", corridor.KindOrganization},
		{"LegalEntity", corridor.KindOrganization},
		{"PublicBody", corridor.KindOrganization},
		{"Vessel", corridor.KindVessel},
		{"Airplane", corridor.KindAircraft},
		{"Address", ""},
		{"Sanction", ""},
		{"CryptoWallet", ""},
		{"Security", ""},
		{"Vehicle", ""},
		{"SomeFutureSchema", ""},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			snap := parseLines(t, `{"id":"x1","schema":"`+tt.schema+`","properties":{"name":["Example Name"]},"target":true}`)
			if tt.want == "" {
				if len(snap.Entities) != 0 {
					t.Errorf("got %+v, want no entity", snap.Entities)
				}
				return
			}
			if len(snap.Entities) != 1 || snap.Entities[0].Kind != tt.want {
				t.Fatalf("got %+v, want one %s", snap.Entities, tt.want)
			}
			e := snap.Entities[0]
			if e.ID != "opensanctions_sanctions:x1" || e.NativeID != "x1" || e.List != testList {
				t.Errorf("ids = %q %q %q", e.ID, e.NativeID, e.List)
			}
			if hasDetails := e.Vessel != nil; hasDetails != (tt.want == corridor.KindVessel || tt.want == corridor.KindAircraft) {
				t.Errorf("Vessel details = %+v", e.Vessel)
			}
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string // see nameList
	}{
		{"caption picks the primary",
			`{"id":"p","schema":"Person","caption":"Ivan PETROV","properties":{"name":["Иван ПЕТРОВ","Ivan PETROV"]}}`,
			[]string{"Ivan PETROV", "original_script:Иван ПЕТРОВ"}},
		{"first Latin name when the caption is no name",
			`{"id":"p","schema":"Person","caption":"p","properties":{"name":["Иван Петров","Ivan Petrov","Iwan Petrow"]}}`,
			[]string{"Ivan Petrov", "original_script:Иван Петров", "Iwan Petrow"}},
		{"first name when none is Latin",
			`{"id":"p","schema":"Person","properties":{"name":["محمد رضا","Мухаммад Реза"],"alias":["Muhammad Reza"],"weakAlias":["رضا"]}}`,
			[]string{"محمد رضا", "original_script:Мухаммад Реза", "Muhammad Reza", "weak:original_script:رضا"}},
		{"kinds and weakness",
			`{"id":"c","schema":"Company","properties":{"name":["Acme Trading LLC"],"alias":["Acme"],"abbreviation":["ATL"],"previousName":["Acme Import Export"],"weakAlias":["AT"]}}`,
			[]string{"Acme Trading LLC", "Acme", "ATL", "fka:Acme Import Export", "weak:AT"}},
		{"a name given weak and strong is strong, and kept once",
			`{"id":"c","schema":"Organization","properties":{"name":["Al-Amal"],"weakAlias":["Amal","Al-Amal"],"alias":["Amal"]}}`,
			[]string{"Al-Amal", "Amal"}},
		{"values are trimmed and empty ones dropped",
			`{"id":"c","schema":"Organization","properties":{"name":["  Blue Sky Ltd "," "],"alias":[""]}}`,
			[]string{"Blue Sky Ltd"}},
		{"built from parts when there is no name",
			`{"id":"p","schema":"Person","properties":{"firstName":["Olena"],"middleName":["M."],"lastName":["Kovalenko"]}}`,
			[]string{"Olena M. Kovalenko"}},
		{"the caption when there is neither name nor parts",
			`{"id":"a","schema":"Airplane","caption":"UR-82072","properties":{"registrationNumber":["UR-82072"]}}`,
			[]string{"UR-82072"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := only(t, tt.line)
			if got := nameList(&e); !slices.Equal(got, tt.want) {
				t.Errorf("names = %q, want %q", got, tt.want)
			}
			if e.Names[0].Kind != corridor.NamePrimary {
				t.Errorf("Names[0].Kind = %q", e.Names[0].Kind)
			}
		})
	}
}

func TestNameParts(t *testing.T) {
	e := only(t, `{"id":"p","schema":"Person","caption":"Said Ali AL-HASHIMI","properties":{
		"name":["Said Ali AL-HASHIMI","سعيد علي الهاشمي"],"firstName":["Said","سعيد"],"lastName":["al-hashimi"],
		"fatherName":["Ali"],"title":["Haji"],"nameSuffix":["Jr."]}}`)
	want := []corridor.Name{
		{Full: "Said Ali AL-HASHIMI", Kind: corridor.NamePrimary, Parts: []corridor.NamePart{
			{Type: "given", Value: "Said"}, {Type: "patronymic", Value: "Ali"}, {Type: "family", Value: "al-hashimi"}}},
		{Full: "سعيد علي الهاشمي", Kind: corridor.NameOriginalScript, Parts: []corridor.NamePart{{Type: "given", Value: "سعيد"}}},
	}
	if !reflect.DeepEqual(e.Names, want) {
		t.Errorf("names = %+v\nwant %+v", e.Names, want)
	}
	if e.Remarks != "Title: Haji\nName suffix: Jr." {
		t.Errorf("remarks = %q", e.Remarks)
	}
}

func TestBirthDates(t *testing.T) {
	tests := []struct {
		value string
		want  corridor.BirthDate
	}{
		{"1971", corridor.BirthDate{Kind: corridor.DateYear, Year: 1971, Text: "1971"}},
		{"1971-07", corridor.BirthDate{Kind: corridor.DateExact, Year: 1971, Month: 7, Text: "1971-07"}},
		{"1971-07-03", corridor.BirthDate{Kind: corridor.DateExact, Year: 1971, Month: 7, Day: 3, Text: "1971-07-03"}},
		{"1971-07-03T00:00:00", corridor.BirthDate{Kind: corridor.DateExact, Year: 1971, Month: 7, Day: 3, Text: "1971-07-03T00:00:00"}},
		{"2000-02-29", corridor.BirthDate{Kind: corridor.DateExact, Year: 2000, Month: 2, Day: 29, Text: "2000-02-29"}},
	}
	for _, tt := range tests {
		e := only(t, `{"id":"p","schema":"Person","properties":{"name":["N"],"birthDate":["`+tt.value+`"]}}`)
		if !reflect.DeepEqual(e.BirthDates, []corridor.BirthDate{tt.want}) {
			t.Errorf("%s: %+v, want %+v", tt.value, e.BirthDates, tt.want)
		}
	}
}

func TestCountries(t *testing.T) {
	e := only(t, `{"id":"p","schema":"Person","properties":{"name":["N"],"nationality":["ru","RU","zz"],
		"citizenship":["by"],"country":["ua","csxx"],"birthPlace":["Minsk"],"birthCountry":["by"],"gender":["female"]}}`)
	if !slices.Equal(e.Nationalities, []string{"RU"}) || !slices.Equal(e.Citizenships, []string{"BY"}) {
		t.Errorf("nationalities %v citizenships %v", e.Nationalities, e.Citizenships)
	}
	if want := []corridor.Place{{Text: "Minsk", Country: "BY"}}; !reflect.DeepEqual(e.BirthPlaces, want) {
		t.Errorf("birth places = %+v", e.BirthPlaces)
	}
	if want := []corridor.Address{{Country: "UA", Text: "Ukraine"}}; !reflect.DeepEqual(e.Addresses, want) {
		t.Errorf("addresses = %+v", e.Addresses)
	}
	if e.Gender != corridor.GenderFemale {
		t.Errorf("gender = %q", e.Gender)
	}
	if e.Remarks != "Countries without an ISO code: nationality zz, country csxx" {
		t.Errorf("remarks = %q", e.Remarks)
	}

	org := only(t, `{"id":"c","schema":"Company","properties":{"name":["N"],"jurisdiction":["cy"],"mainCountry":["ru"],
		"address":["3 Arch. Makarios Ave, Limassol, Cyprus"]}}`)
	if !slices.Equal(org.Nationalities, []string{"CY"}) {
		t.Errorf("company nationalities = %v", org.Nationalities)
	}
	wantAddr := []corridor.Address{{Country: "CY", Text: "3 Arch. Makarios Ave, Limassol, Cyprus"}, {Country: "RU", Text: "Russia"}}
	if !reflect.DeepEqual(org.Addresses, wantAddr) {
		t.Errorf("company addresses = %+v", org.Addresses)
	}
}

func TestIdentifierProperties(t *testing.T) {
	e := only(t, `{"id":"c","schema":"Company","properties":{"name":["N"],"registrationNumber":["HE 123456"],
		"taxNumber":["12345678X"],"vatCode":["CY12345678X"],"leiCode":["5493001KJTIIGC8Y1R12"],"swiftBic":["ABCDCY2N"],
		"socialSecurityNumber":["123-45-6789"],"uscCode":["91310000MA1FL1234X"],"wikidataId":["Q42"],"idNumber":["HE 123456"]}}`)
	want := []corridor.Identifier{
		{Kind: corridor.IDNationalID, Type: "ID number", Number: "HE 123456"},
		{Kind: corridor.IDNationalID, Type: "Social security number", Number: "123-45-6789"},
		{Kind: corridor.IDTax, Type: "Tax number", Number: "12345678X"},
		{Kind: corridor.IDTax, Type: "VAT number", Number: "CY12345678X"},
		{Kind: corridor.IDRegistration, Type: "Registration number", Number: "HE 123456"},
		{Kind: corridor.IDRegistration, Type: "LEI", Number: "5493001KJTIIGC8Y1R12"},
		{Kind: corridor.IDRegistration, Type: "USCC", Number: "91310000MA1FL1234X", Country: "CN"},
		{Kind: corridor.IDBIC, Type: "SWIFT/BIC", Number: "ABCDCY2N"},
	}
	if !reflect.DeepEqual(e.Identifiers, want) {
		t.Errorf("identifiers = %+v\nwant %+v", e.Identifiers, want)
	}
}

func TestIdentificationEntities(t *testing.T) {
	tests := []struct {
		schema, typ string
		want        corridor.IdentifierKind
		wantType    string
	}{
		{"Passport", "", corridor.IDPassport, "Passport"},
		{"Passport", "Diplomatic passport", corridor.IDPassport, "Diplomatic passport"},
		{"Identification", "Passport No.", corridor.IDPassport, "Passport No."},
		{"Identification", "Tax Identification Number", corridor.IDTax, "Tax Identification Number"},
		{"Identification", "Registration Number", corridor.IDRegistration, "Registration Number"},
		{"Identification", "National ID No.", corridor.IDNationalID, "National ID No."},
		{"Identification", "Cedula No.", corridor.IDOther, "Cedula No."},
		{"Identification", "", corridor.IDOther, "Identification"},
	}
	for _, tt := range tests {
		t.Run(tt.schema+" "+tt.typ, func(t *testing.T) {
			e := only(t,
				`{"id":"p","schema":"Person","properties":{"name":["N"]}}`,
				`{"id":"d","schema":"`+tt.schema+`","properties":{"holder":["p"],"number":["X 1"],"type":["`+tt.typ+`"],"country":["co"],"authority":["Registraduria"]}}`)
			want := []corridor.Identifier{{Kind: tt.want, Type: tt.wantType, Number: "X 1", Country: "CO", Note: "issued by Registraduria"}}
			if !reflect.DeepEqual(e.Identifiers, want) {
				t.Errorf("identifiers = %+v, want %+v", e.Identifiers, want)
			}
		})
	}
}

func TestTargets(t *testing.T) {
	snap := parseLines(t,
		`{"id":"t","schema":"Person","properties":{"name":["Listed One"]},"target":true}`,
		`{"id":"n","schema":"Person","properties":{"name":["Relative Two"]},"target":false}`,
		`{"id":"u","schema":"Person","properties":{"name":["Unflagged Three"]}}`,
		`{"id":"f","schema":"Family","properties":{"person":["t"],"relative":["n"]}}`,
		`{"id":"a","schema":"Associate","properties":{"person":["t"],"associate":["u"]}}`)
	var got []string
	for _, e := range snap.Entities {
		got = append(got, e.NativeID)
	}
	if !slices.Equal(got, []string{"t", "u"}) {
		t.Fatalf("entities = %v, want t and u", got)
	}
	wantLinks := []corridor.Link{{Name: "Relative Two"}, {Name: "Unflagged Three", EntityID: "opensanctions_sanctions:u"}}
	if links := snap.Entities[0].Links; !reflect.DeepEqual(links, wantLinks) {
		t.Errorf("links = %+v, want %+v", links, wantLinks)
	}
}

func TestSanctions(t *testing.T) {
	tests := []struct {
		name         string
		sanctions    []string
		wantPrograms []string
		wantListed   string
	}{
		{"earliest listing date",
			[]string{`"program":["B"],"listingDate":["2021-06-01"],"startDate":["2019-01-01"]`, `"program":["A","B"],"listingDate":["2020-03"]`},
			[]string{"B", "A"}, "2020-03"},
		{"start date when no listing date",
			[]string{`"programId":["EU-SYR"],"startDate":["2012-05-24T00:00:00"]`},
			[]string{"EU-SYR"}, "2012-05-24"},
		{"authority when no program",
			[]string{`"authority":["Swiss SECO"]`},
			[]string{"Swiss SECO"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{`{"id":"p","schema":"Person","properties":{"name":["N"]}}`}
			for i, s := range tt.sanctions {
				lines = append(lines, `{"id":"s`+string(rune('0'+i))+`","schema":"Sanction","properties":{"entity":["p"],`+s+`}}`)
			}
			e := only(t, lines...)
			if !slices.Equal(e.Programs, tt.wantPrograms) || e.ListedOn != tt.wantListed {
				t.Errorf("programs %q listed %q, want %q %q", e.Programs, e.ListedOn, tt.wantPrograms, tt.wantListed)
			}
		})
	}
}

func TestAddresses(t *testing.T) {
	e := only(t,
		`{"id":"c","schema":"Company","properties":{"name":["N"],"address":["Office 5, 12 Nile St, Khartoum, Sudan"],"addressEntity":["a1","a2","gone"]}}`,
		`{"id":"a1","schema":"Address","properties":{"full":["Office 5, 12 Nile St, Khartoum, Sudan"],"street":["12 Nile St"],"city":["Khartoum"],"country":["sd"]}}`,
		`{"id":"a2","schema":"Address","properties":{"postOfficeBox":["PO Box 77"],"city":["Dubai"],"state":["Dubai"],"country":["ae"]}}`)
	want := []corridor.Address{
		{Street: "12 Nile St", City: "Khartoum", Country: "SD", Text: "Office 5, 12 Nile St, Khartoum, Sudan"},
		{City: "Dubai", Region: "Dubai", Country: "AE", Text: "PO Box 77, Dubai, Dubai, United Arab Emirates"},
	}
	if !reflect.DeepEqual(e.Addresses, want) {
		t.Errorf("addresses = %+v\nwant %+v", e.Addresses, want)
	}
}

// TestNestedParties: parties nested directly in a property are links; a vessel's (deprecated)
// owner property also names its owner.
func TestNestedParties(t *testing.T) {
	e := only(t, `{"id":"v","schema":"Vessel","properties":{"name":["AURORA"],"flag":["Panama"],
		"owner":[{"id":"o","schema":"Company","caption":"Aurora Maritime SA","properties":{"name":["Aurora Maritime SA"]}}],
		"ownershipAsset":[{"id":"own","schema":"Ownership","properties":{"owner":[{"id":"o2","schema":"Person","properties":{"name":["Jon Doe"]}}]}}],
		"sanctions":[{"id":"s","schema":"Sanction","properties":{"program":["IRAN"],"listingDate":["2020"]}}]},"target":true}`)
	if e.Vessel == nil || e.Vessel.Owner != "Aurora Maritime SA; Jon Doe" || e.Vessel.Flag != "PA" {
		t.Errorf("vessel = %+v", e.Vessel)
	}
	if want := []corridor.Link{{Name: "Aurora Maritime SA"}, {Name: "Jon Doe"}}; !reflect.DeepEqual(e.Links, want) {
		t.Errorf("links = %+v", e.Links)
	}
	if !slices.Equal(e.Programs, []string{"IRAN"}) || e.ListedOn != "2020" {
		t.Errorf("programs %v listed %q", e.Programs, e.ListedOn)
	}
	if e.Source.File != NestedFile {
		t.Errorf("Source.File = %q", e.Source.File)
	}
}

// TestLineForms: a byte-order mark, CR LF endings, blank lines and a last line without a
// newline are all read.
func TestLineForms(t *testing.T) {
	in := "\uFEFF" + `{"id":"a","schema":"Person","properties":{"name":["A"]},"last_change":"2024-01-02T03:04:05"}` + "\r\n\r\n" +
		`{"id":"b","schema":"Person","properties":{"name":["B"]},"last_change":"2024-05-06T07:08:09.123"}` + "\r\n  \n" +
		`{"id":"c","schema":"Person","properties":{"name":["C"]}}`
	snap, err := Parse(testList, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Entities) != 3 || snap.Entities[2].Source.Record != "line 5" {
		t.Errorf("entities = %+v", snap.Entities)
	}
	if got := snap.Version.Published.Format("2006-01-02T15:04:05.000Z07:00"); got != "2024-05-06T07:08:09.123Z" {
		t.Errorf("Published = %s", got)
	}
}

// TestLongLine: a line of several megabytes, as OpenSanctions writes for parties with many
// names, is read whole.
func TestLongLine(t *testing.T) {
	aliases := make([]string, 40000)
	for i := range aliases {
		aliases[i] = `"Alias number ` + strings.Repeat("x", 100) + string(rune('a'+i%26)) + `"`
	}
	line := `{"id":"big","schema":"Organization","properties":{"name":["Big Org"],"alias":[` + strings.Join(aliases, ",") + `]}}`
	if len(line) < 4<<20 {
		t.Fatalf("line is only %d bytes", len(line))
	}
	e := only(t, line, `{"id":"small","schema":"Sanction","properties":{"entity":["big"],"program":["X"]}}`)
	if len(e.Names) != 27 || !slices.Equal(e.Programs, []string{"X"}) { // Big Org and 26 distinct aliases
		t.Errorf("%d names, programs %v", len(e.Names), e.Programs)
	}
}

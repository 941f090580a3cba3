package ofacadv

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

const extractFile = "testdata/sdn_advanced-extract-2026-09-09.xml"

func readExtract(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(extractFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseExtract(t *testing.T) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(readExtract(t)))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func byNative(t *testing.T, snap *corridor.ListSnapshot, native string) corridor.Entity {
	t.Helper()
	for _, e := range snap.Entities {
		if e.NativeID == native {
			return e
		}
	}
	t.Fatalf("no entity %s", native)
	return corridor.Entity{}
}

func TestParseExtractVersion(t *testing.T) {
	snap := parseExtract(t)
	want := corridor.ListVersion{List: corridor.ListOFACSDN, Published: time.Date(2026, 9, 9, 0, 0, 0, 0, time.UTC), Entities: 4}
	if !reflect.DeepEqual(snap.Version, want) {
		t.Errorf("version = %+v, want %+v", snap.Version, want)
	}
	var ids []string
	for _, e := range snap.Entities {
		ids = append(ids, e.ID+" "+string(e.Kind))
	}
	wantIDs := []string{"us_ofac_sdn:36 organization", "us_ofac_sdn:2677 person", "us_ofac_sdn:4238 vessel", "us_ofac_sdn:15432 aircraft"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("entities = %q, want %q", ids, wantIDs)
	}
}

func TestParseExtractAirline(t *testing.T) {
	e := byNative(t, parseExtract(t), "36")
	want := corridor.Entity{
		ID: "us_ofac_sdn:36", List: corridor.ListOFACSDN, NativeID: "36", Kind: corridor.KindOrganization,
		Names: []corridor.Name{
			{Full: "AEROCARIBBEAN AIRLINES", Kind: corridor.NamePrimary},
			{Full: "AERO-CARIBBEAN", Kind: corridor.NameAKA},
		},
		Addresses: []corridor.Address{{City: "Havana", Country: "CU", Text: "Havana, Cuba"}},
		Programs:  []string{"CUBA"},
		ListedOn:  "1986-12-10",
		Source:    corridor.SourceRef{File: "sdn_advanced.xml", Record: "DistinctParty 36"},
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("got  %+v\nwant %+v", e, want)
	}
}

func TestParseExtractPerson(t *testing.T) {
	e := byNative(t, parseExtract(t), "2677")
	person := func(family, given string) []corridor.NamePart {
		return []corridor.NamePart{{Type: corridor.PartGiven, Value: given}, {Type: corridor.PartFamily, Value: family}}
	}
	wantNames := []corridor.Name{
		{Full: "Al-Zomor, Abboud Abdul Latif Hassan", Kind: corridor.NamePrimary, Parts: person("Al-Zomor", "Abboud Abdul Latif Hassan")},
		{Full: "ZUMAR, Abbud", Kind: corridor.NameAKA, Parts: person("ZUMAR", "Abbud")},
		{Full: "عبود عبداللطيف حسن الزمر", Kind: corridor.NameOriginalScript, Lang: "Arab", Parts: person("الزمر", "عبود عبداللطيف حسن")},
		{Full: "AL-Zumar, Abbud", Kind: corridor.NameAKA, Parts: person("AL-Zumar", "Abbud")},
		{Full: "El-Zomor, Aboud Abdul Latif Hasan", Kind: corridor.NameAKA, Parts: person("El-Zomor", "Aboud Abdul Latif Hasan")},
		{Full: "Al-Zumur, Abood Abdul Latif Hassan", Kind: corridor.NameAKA, Parts: person("Al-Zumur", "Abood Abdul Latif Hassan")},
		{Full: "Al-Zamur, Abboud Abdul Latif Hassan", Kind: corridor.NameAKA, Parts: person("Al-Zamur", "Abboud Abdul Latif Hassan")},
	}
	if !reflect.DeepEqual(e.Names, wantNames) {
		t.Errorf("names = %+v\nwant %+v", e.Names, wantNames)
	}
	if !reflect.DeepEqual(e.BirthDates, []corridor.BirthDate{{Kind: corridor.DateExact, Year: 1947, Month: 4, Day: 19, Text: "1947-04-19"}}) {
		t.Errorf("birth dates = %+v", e.BirthDates)
	}
	if !reflect.DeepEqual(e.BirthPlaces, []corridor.Place{{Text: "Nahia, Giza, Egypt", Country: "EG"}}) {
		t.Errorf("birth places = %+v", e.BirthPlaces)
	}
	if !reflect.DeepEqual(e.Nationalities, []string{"EG"}) || e.Gender != corridor.GenderMale || e.Kind != corridor.KindPerson {
		t.Errorf("nationalities %v gender %q kind %q", e.Nationalities, e.Gender, e.Kind)
	}
	if !reflect.DeepEqual(e.Addresses, []corridor.Address{{Country: "EG", Text: "Egypt"}}) {
		t.Errorf("addresses = %+v", e.Addresses)
	}
	if len(e.Identifiers) != 0 {
		t.Errorf("identifiers = %+v, the extract gives this party none", e.Identifiers)
	}
	if !reflect.DeepEqual(e.Programs, []string{"SDGT"}) || e.ListedOn != "1995-01-23" {
		t.Errorf("programs %v listed %q", e.Programs, e.ListedOn)
	}
	wantRemarks := "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886\n" +
		"Legal basis: Executive Order 13224 (Terrorism)"
	if e.Remarks != wantRemarks {
		t.Errorf("remarks = %q", e.Remarks)
	}
}

func TestParseExtractVessel(t *testing.T) {
	e := byNative(t, parseExtract(t), "4238")
	if e.Kind != corridor.KindVessel || !reflect.DeepEqual(e.Names, []corridor.Name{{Full: "MAR AZUL", Kind: corridor.NamePrimary}}) {
		t.Errorf("kind %q names %+v", e.Kind, e.Names)
	}
	wantVessel := corridor.Vessel{Type: "Tug", Flag: "CU", GRT: "212", Owner: "Samir de Navegacion S.A.", CallSign: "CL2192"}
	if e.Vessel == nil || *e.Vessel != wantVessel {
		t.Errorf("vessel = %+v, want %+v", e.Vessel, wantVessel)
	}
	wantIDs := []corridor.Identifier{{Kind: corridor.IDCallSign, Type: "Vessel Call Sign", Number: "CL2192"}}
	if !reflect.DeepEqual(e.Identifiers, wantIDs) {
		t.Errorf("identifiers = %+v", e.Identifiers)
	}
	// The vessel's Location is "undetermined": no address.
	if len(e.Addresses) != 0 || len(e.BirthDates) != 0 || !reflect.DeepEqual(e.Programs, []string{"CUBA"}) || e.ListedOn != "1989-01-05" {
		t.Errorf("addresses %+v dates %+v programs %v listed %q", e.Addresses, e.BirthDates, e.Programs, e.ListedOn)
	}
}

func TestParseExtractAircraft(t *testing.T) {
	e := byNative(t, parseExtract(t), "15432")
	if e.Kind != corridor.KindAircraft || e.PrimaryName() != "EP-GOL" || len(e.Names) != 1 {
		t.Errorf("kind %q names %+v", e.Kind, e.Names)
	}
	wantVessel := corridor.Vessel{Model: "IL-76TD", Built: "1991"}
	if e.Vessel == nil || *e.Vessel != wantVessel {
		t.Errorf("vessel = %+v, want %+v", e.Vessel, wantVessel)
	}
	wantIDs := []corridor.Identifier{
		{Kind: corridor.IDOther, Type: "Aircraft Construction Number (also called L/N or S/N or F/N)", Number: "8305"},
		{Kind: corridor.IDMSN, Type: "Aircraft Manufacturer's Serial Number (MSN)", Number: "1013409297"},
	}
	if !reflect.DeepEqual(e.Identifiers, wantIDs) {
		t.Errorf("identifiers = %+v", e.Identifiers)
	}
	if len(e.BirthDates) != 0 {
		t.Errorf("an aircraft's manufacture date is no birth date: %+v", e.BirthDates)
	}
	if !strings.Contains(e.Remarks, "Aircraft Operator: YAS AIR") || !reflect.DeepEqual(e.Programs, []string{"SDGT"}) {
		t.Errorf("remarks %q programs %v", e.Remarks, e.Programs)
	}
}

func TestParseNonSDN(t *testing.T) {
	snap, err := Parse(corridor.ListOFACNonSDN, bytes.NewReader(readExtract(t)))
	if err != nil {
		t.Fatal(err)
	}
	e := snap.Entities[1]
	if e.ID != "us_ofac_nonsdn:2677" || e.List != corridor.ListOFACNonSDN || e.Source.File != "cons_advanced.xml" || snap.Version.List != corridor.ListOFACNonSDN {
		t.Errorf("entity %s list %s source %+v version %+v", e.ID, e.List, e.Source, snap.Version)
	}
}

func BenchmarkParse(b *testing.B) {
	data := readExtract(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(corridor.ListOFACSDN, bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

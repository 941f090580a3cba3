package un

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

const realFile = "testdata/consolidated.xml"

var (
	realOnce sync.Once
	realData []byte
	realSnap *corridor.ListSnapshot
	realErr  error
)

// real parses the real UN file once for all tests.
func real(t testing.TB) ([]byte, *corridor.ListSnapshot) {
	t.Helper()
	realOnce.Do(func() {
		realData, realErr = os.ReadFile(realFile)
		if realErr == nil {
			realSnap, realErr = Parse(bytes.NewReader(realData))
		}
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realData, realSnap
}

func entityByID(t *testing.T, snap *corridor.ListSnapshot, native string) corridor.Entity {
	t.Helper()
	for _, e := range snap.Entities {
		if e.NativeID == native {
			return e
		}
	}
	t.Fatalf("no entity %s", native)
	return corridor.Entity{}
}

func TestParseRealFileCounts(t *testing.T) {
	_, snap := real(t)
	kinds := map[corridor.Kind]int{}
	programs := map[string]int{}
	for _, e := range snap.Entities {
		kinds[e.Kind]++
		for _, p := range e.Programs {
			programs[p]++
		}
		if e.ID != corridor.EntityID(corridor.ListUN, e.NativeID) || e.List != corridor.ListUN {
			t.Errorf("%s: ID %q list %q", e.NativeID, e.ID, e.List)
		}
		if len(e.Names) == 0 || e.Names[0].Kind != corridor.NamePrimary || e.Names[0].Full == "" {
			t.Errorf("%s: no primary name first: %+v", e.ID, e.Names)
		}
		for _, n := range e.Names[1:] {
			if n.Kind == corridor.NamePrimary {
				t.Errorf("%s: second primary name %q", e.ID, n.Full)
			}
		}
		for _, d := range e.BirthDates {
			if err := d.Validate(); err != nil {
				t.Errorf("%s: %v", e.ID, err)
			}
		}
	}
	if kinds[corridor.KindPerson] != 730 || kinds[corridor.KindOrganization] != 273 || len(kinds) != 2 {
		t.Errorf("kinds = %v, want 730 persons and 273 organizations", kinds)
	}
	if programs["Taliban"] != 140 || programs["Al-Qaida"] != 341 || programs["DPRK"] != 155 {
		t.Errorf("programs = %v, want Taliban 140, Al-Qaida 341, DPRK 155", programs)
	}
	for p := range programs {
		if _, ok := RegimeName(p); !ok {
			t.Errorf("programme %q has no regime name", p)
		}
	}
	want := corridor.ListVersion{
		List:      corridor.ListUN,
		Published: time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC),
		Entities:  1003,
	}
	if !reflect.DeepEqual(snap.Version, want) {
		t.Errorf("version = %+v, want %+v", snap.Version, want)
	}
}

func TestParseRealFileHaqqani(t *testing.T) {
	_, snap := real(t)
	e := entityByID(t, snap, "TAi.144")
	if e.ID != "un:TAi.144" || e.Kind != corridor.KindPerson {
		t.Fatalf("ID %q kind %q", e.ID, e.Kind)
	}
	wantPrimary := corridor.Name{
		Full: "SIRAJUDDIN JALLALOUDINE HAQQANI",
		Kind: corridor.NamePrimary,
		Parts: []corridor.NamePart{
			{Type: corridor.PartGiven, Value: "SIRAJUDDIN"},
			{Type: corridor.PartMiddle, Value: "JALLALOUDINE"},
			{Type: corridor.PartFamily, Value: "HAQQANI"},
		},
	}
	if !reflect.DeepEqual(e.Names[0], wantPrimary) {
		t.Errorf("primary = %+v\nwant %+v", e.Names[0], wantPrimary)
	}
	original := corridor.Name{Full: "سراج الدين جلال الدين حقانى", Kind: corridor.NameOriginalScript, Lang: "Arab"}
	if !reflect.DeepEqual(e.Names[1], original) {
		t.Errorf("original script = %+v, want %+v", e.Names[1], original)
	}
	khalifa := corridor.Name{Full: "Khalifa", Kind: corridor.NameAKA, Weak: true}
	if !hasName(e, khalifa) || !hasName(e, corridor.Name{Full: "Siraj Haqqani", Kind: corridor.NameAKA}) {
		t.Errorf("aliases = %+v", e.Names)
	}
	if len(e.Names) != 7 {
		t.Errorf("%d names, want primary + original + 5 aliases: %+v", len(e.Names), e.Names)
	}
	wantDOB := []corridor.BirthDate{{Kind: corridor.DateRange, FromYear: 1977, ToYear: 1978, Text: "1977-1978 (Approximately)"}}
	if !reflect.DeepEqual(e.BirthDates, wantDOB) {
		t.Errorf("birth dates = %+v", e.BirthDates)
	}
	if len(e.BirthPlaces) != 4 || e.BirthPlaces[0] != (corridor.Place{Text: "Danda, Miramshah, North Waziristan, Pakistan", Country: "PK"}) {
		t.Errorf("birth places = %+v", e.BirthPlaces)
	}
	if !reflect.DeepEqual(e.Nationalities, []string{"AF"}) || !reflect.DeepEqual(e.Programs, []string{"Taliban"}) {
		t.Errorf("nationalities %v programs %v", e.Nationalities, e.Programs)
	}
	if e.ListedOn != "2007-09-13" || len(e.Addresses) != 3 || e.Addresses[0].Country != "PK" || e.Addresses[0].Region != "North Waziristan" {
		t.Errorf("listed %q addresses %+v", e.ListedOn, e.Addresses)
	}
	if !strings.Contains(e.Remarks, "Designation: Na'ib Amir (Deputy Commander)") || !strings.Contains(e.Remarks, "Son of Jalaluddin Haqqani (TAi.040)") {
		t.Errorf("remarks = %q", e.Remarks)
	}
	if e.Source != (corridor.SourceRef{File: "consolidated.xml", Record: "INDIVIDUAL TAi.144"}) {
		t.Errorf("source = %+v", e.Source)
	}
}

func TestParseRealFileDetails(t *testing.T) {
	_, snap := real(t)

	// Document, gender, title and an exact date of birth.
	e := entityByID(t, snap, "QDi.291")
	if len(e.Identifiers) == 0 || e.Identifiers[0] != (corridor.Identifier{
		Kind: corridor.IDPassport, Type: "Passport", Number: "F654645", Country: "SA",
		Note: "issued 2005-04-30; expired on 7 Mar. 2010. Issue date in Hijri Calendar 24/06/1426. Expiry date in Hijri Calendar 21/03/1431.",
	}) {
		t.Errorf("QDi.291 identifiers = %+v", e.Identifiers)
	}
	if !hasDate(e, corridor.BirthDate{Kind: corridor.DateExact, Year: 1982, Month: 4, Day: 18, Text: "1982-04-18"}) ||
		!strings.Contains(e.Remarks, "Date of birth: 24/06/1402 (Hijri Calendar)") {
		t.Errorf("QDi.291 dates %+v remarks %q", e.BirthDates, e.Remarks)
	}

	// APPROXIMATELY -> circa; Latin spellings of an Arabic-script alias kept in its NOTE.
	e = entityByID(t, snap, "QDi.298")
	if !reflect.DeepEqual(e.BirthDates, []corridor.BirthDate{{Kind: corridor.DateCirca, Year: 1981, Text: "circa 1981"}}) {
		t.Errorf("QDi.298 dates = %+v", e.BirthDates)
	}
	if !hasName(e, corridor.Name{Full: "شيخ يونس الموريتاني", Kind: corridor.NameAKA, Lang: "Arab"}) ||
		!hasName(e, corridor.Name{Full: "Shaykh Yunis the Mauritanian", Kind: corridor.NameAKA}) {
		t.Errorf("QDi.298 names = %+v", e.Names)
	}

	// EXACT with YEAR -> year; Low -> weak; alias f.k.a. on an entity; packed names split.
	e = entityByID(t, snap, "CDi.003")
	if !hasDate(e, corridor.BirthDate{Kind: corridor.DateYear, Year: 1948, Text: "1948"}) {
		t.Errorf("CDi.003 dates = %+v", e.BirthDates)
	}
	if !hasName(e, corridor.Name{Full: "Rumuli", Kind: corridor.NameAKA, Weak: true}) {
		t.Errorf("CDi.003 names = %+v", e.Names)
	}
	e = entityByID(t, snap, "CDe.003")
	if e.Names[0].Full != "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)" ||
		!hasName(e, corridor.Name{Full: "GREAT LAKES BUSINESS COMPANY (GLBC)", Kind: corridor.NameAKA}) {
		t.Errorf("CDe.003 names = %+v", e.Names)
	}
	e = entityByID(t, snap, "QDe.137")
	for _, want := range []corridor.Name{
		{Full: "هيئة تحرير الشام", Kind: corridor.NameAKA, Lang: "Arab"},
		{Full: "Jabhat al-Nusrah", Kind: corridor.NameAKA},
		{Full: "Hay’at Tahrir al-Sham (HTS)", Kind: corridor.NameAKA},
	} {
		if !hasName(e, want) {
			t.Errorf("QDe.137 lacks %+v", want)
		}
	}
	e = entityByID(t, snap, "QDe.014")
	if !hasName(e, corridor.Name{Full: "Salafist Group For Call and Combat", Kind: corridor.NameFKA}) {
		t.Errorf("QDe.014 names = %+v", e.Names)
	}

	// Gender; a nationality the UN writes as "Congo"; one that is no longer a country.
	e = entityByID(t, snap, "CFi.013")
	if !reflect.DeepEqual(e.Nationalities, []string{"TD", "CF", "CG"}) {
		t.Errorf("CFi.013 nationalities %v", e.Nationalities)
	}
	if e = entityByID(t, snap, "QDi.356"); e.Gender != corridor.GenderFemale {
		t.Errorf("QDi.356 gender %q", e.Gender)
	}
	if e = entityByID(t, snap, "CDi.001"); e.Gender != corridor.GenderMale {
		t.Errorf("CDi.001 gender %q", e.Gender)
	}
	e = entityByID(t, snap, "QDi.290")
	if !strings.Contains(e.Remarks, "Nationality: former Soviet Union") || !reflect.DeepEqual(e.Nationalities, []string{"RU"}) {
		t.Errorf("QDi.290 nationalities %v remarks %q", e.Nationalities, e.Remarks)
	}
	if !hasName(e, corridor.Name{Full: "Умаров Доку Хаматович", Kind: corridor.NameOriginalScript, Lang: "Cyrl"}) {
		t.Errorf("QDi.290 names = %+v", e.Names)
	}
}

func hasName(e corridor.Entity, want corridor.Name) bool {
	for _, n := range e.Names {
		if reflect.DeepEqual(n, want) {
			return true
		}
	}
	return false
}

func hasDate(e corridor.Entity, want corridor.BirthDate) bool {
	for _, d := range e.BirthDates {
		if d == want {
			return true
		}
	}
	return false
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(realFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

package custom

// testdata/example.csv is hand-written: a fictional bank's internal watchlist in the format
// docs/lists.md ("An institution's own list") defines (an institution's own list has no public original).

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

var testList = corridor.CustomList("bank_watchlist")

func parseExample(t testing.TB) *corridor.ListSnapshot {
	t.Helper()
	f, err := os.Open("testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := Parse(testList, f)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return snap
}

func byID(t *testing.T, snap *corridor.ListSnapshot, id string) corridor.Entity {
	t.Helper()
	for _, e := range snap.Entities {
		if e.NativeID == id {
			return e
		}
	}
	t.Fatalf("no entity %s", id)
	return corridor.Entity{}
}

func TestExampleFile(t *testing.T) {
	snap := parseExample(t)
	if snap.Version.List != testList || snap.Version.Entities != 9 || len(snap.Entities) != 9 || !snap.Version.Published.IsZero() {
		t.Fatalf("version %+v, %d entities", snap.Version, len(snap.Entities))
	}
	kinds := map[corridor.Kind]int{}
	for _, e := range snap.Entities {
		kinds[e.Kind]++
	}
	if want := map[corridor.Kind]int{"person": 5, "organization": 2, "vessel": 1, "aircraft": 1}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds = %v, want %v", kinds, want)
	}

	want := corridor.Entity{
		ID:       "custom_bank_watchlist:HSB-0001",
		List:     testList,
		NativeID: "HSB-0001",
		Kind:     corridor.KindPerson,
		Names: []corridor.Name{
			{Full: "Marek Kowalczyk", Kind: corridor.NamePrimary},
			{Full: "Marek Kowalczik", Kind: corridor.NameAKA},
			{Full: "Mark Kowalczyk", Kind: corridor.NameAKA},
			{Full: "Maro", Kind: corridor.NameAKA, Weak: true},
		},
		BirthDates:    []corridor.BirthDate{{Kind: corridor.DateExact, Year: 1978, Month: 4, Day: 12, Text: "1978-04-12"}},
		BirthPlaces:   []corridor.Place{{Text: "Gdańsk, Poland", Country: "PL"}},
		Nationalities: []string{"PL"},
		Gender:        corridor.GenderMale,
		Identifiers: []corridor.Identifier{
			{Kind: corridor.IDPassport, Type: "passport", Number: "EK4471234", Country: "PL"},
			{Kind: corridor.IDNationalID, Type: "national_id", Number: "78041201234", Country: "PL"},
		},
		Programs: []string{"FRAUD-EXIT"},
		ListedOn: "2023-09-14",
		Remarks:  "Account closed after confirmed cheque fraud; do not onboard.",
		Source:   corridor.SourceRef{Record: "line 2"},
	}
	if got := byID(t, snap, "HSB-0001"); !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("HSB-0001:\n got %s\nwant %s", g, w)
	}

	haddad := byID(t, snap, "HSB-0002")
	if want := []corridor.BirthDate{{Kind: corridor.DateRange, FromYear: 1985, ToYear: 1987, Text: "1985..1987"}}; !reflect.DeepEqual(haddad.BirthDates, want) {
		t.Errorf("Haddad birth dates = %+v", haddad.BirthDates)
	}
	if !slices.Equal(haddad.Nationalities, []string{"LB"}) || haddad.Gender != corridor.GenderFemale || haddad.ListedOn != "2024-02" ||
		!reflect.DeepEqual(haddad.Names[1], corridor.Name{Full: "نادية حداد", Kind: corridor.NameOriginalScript}) {
		t.Errorf("Haddad = %+v", haddad)
	}

	ogunleye := byID(t, snap, "HSB-0003") // quoted name with a comma, circa year, remarks over two lines
	if ogunleye.Names[0].Full != "Ogunleye, Babatunde Adewale" ||
		!reflect.DeepEqual(ogunleye.BirthDates, []corridor.BirthDate{{Kind: corridor.DateCirca, Year: 1969, Text: "~1969"}}) ||
		!slices.Equal(ogunleye.Nationalities, []string{"NG", "GB"}) ||
		!slices.Equal(ogunleye.Programs, []string{"FRAUD-EXIT", "MULE-NETWORK"}) || ogunleye.ListedOn != "2022" ||
		ogunleye.Remarks != "Referred by a correspondent bank.\nSee case 2022-117." || ogunleye.Source.Record != "line 4" {
		t.Errorf("Ogunleye = %+v", ogunleye)
	}
	if byID(t, snap, "HSB-0004").Source.Record != "line 6" { // the row after a two-line row
		t.Errorf("HSB-0004 record = %q", byID(t, snap, "HSB-0004").Source.Record)
	}

	meridian := byID(t, snap, "HSB-0004")
	wantIDs := []corridor.Identifier{
		{Kind: corridor.IDRegistration, Type: "registration", Number: "FZE-20117", Country: "AE"},
		{Kind: corridor.IDRegistration, Type: "lei", Number: "984500D8A1B2C3D4E5F6"},
	}
	if meridian.Kind != corridor.KindOrganization || !reflect.DeepEqual(meridian.Identifiers, wantIDs) || meridian.Vessel != nil ||
		!reflect.DeepEqual(meridian.Names[3], corridor.Name{Full: "MST", Kind: corridor.NameAKA, Weak: true}) {
		t.Errorf("Meridian = %+v", meridian)
	}

	vessel := byID(t, snap, "HSB-0006")
	if !reflect.DeepEqual(vessel.Vessel, &corridor.Vessel{Flag: "KM", CallSign: "D6FR2"}) {
		t.Errorf("vessel details = %+v", vessel.Vessel)
	}
	wantVesselIDs := []corridor.Identifier{
		{Kind: corridor.IDIMO, Type: "imo", Number: "9187421"},
		{Kind: corridor.IDCallSign, Type: "call_sign", Number: "D6FR2"},
		{Kind: corridor.IDOther, Type: "mmsi", Number: "616999123"},
	}
	if !reflect.DeepEqual(vessel.Identifiers, wantVesselIDs) {
		t.Errorf("vessel identifiers = %+v", vessel.Identifiers)
	}

	plane := byID(t, snap, "HSB-0007")
	if plane.Kind != corridor.KindAircraft || !reflect.DeepEqual(plane.Vessel, &corridor.Vessel{Flag: "KZ"}) ||
		plane.Identifiers[0] != (corridor.Identifier{Kind: corridor.IDAircraftTail, Type: "aircraft_tail", Number: "UP-I7621", Country: "KZ"}) {
		t.Errorf("aircraft = %+v", plane)
	}

	li := byID(t, snap, "HSB-0008")
	if len(li.BirthDates) != 2 || li.Identifiers[0] != (corridor.Identifier{Kind: corridor.IDCrypto, Type: "crypto", Number: "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"}) ||
		!reflect.DeepEqual(li.BirthPlaces, []corridor.Place{{Text: "Shenzhen, Guangdong, China", Country: "CN"}}) {
		t.Errorf("Li Wei = %+v", li)
	}

	bare := byID(t, snap, "HSB-0009") // id and name only: a person by default
	if want := (corridor.Entity{ID: "custom_bank_watchlist:HSB-0009", List: testList, NativeID: "HSB-0009", Kind: corridor.KindPerson,
		Names: []corridor.Name{{Full: "Elena Sorokina", Kind: corridor.NamePrimary}}, Source: corridor.SourceRef{Record: "line 11"}}); !reflect.DeepEqual(bare, want) {
		t.Errorf("HSB-0009 = %+v", bare)
	}
}

// TestEveryNameIsInTheModel reads the example with encoding/csv alone, apart from the
// reader, and finds every name and alias among its entity's names.
func TestEveryNameIsInTheModel(t *testing.T) {
	f, err := os.Open("testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	snap := parseExample(t)
	count := 0
	for _, row := range rows[1:] {
		ent := byID(t, snap, row[col["id"]])
		have := map[string]bool{}
		for _, n := range ent.Names {
			have[n.Full] = true
		}
		names := []string{row[col["name"]]}
		for _, c := range []string{"aliases", "weak_aliases"} {
			if row[col[c]] != "" {
				names = append(names, strings.Split(row[col[c]], "|")...)
			}
		}
		for _, name := range names {
			count++
			if !have[name] {
				t.Errorf("%s: name %q is not in the model", row[col["id"]], name)
			}
		}
	}
	if count != 22 {
		t.Errorf("%d names counted, want 22", count)
	}
}

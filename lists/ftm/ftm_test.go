package ftm

// The files in testdata/ are hand-written: no real OpenSanctions export is bundled with
// corridor. They follow the FtM format as OpenSanctions documents it (schemas Person,
// Company, Organization, LegalEntity, PublicBody, Vessel, Airplane, Sanction, Passport,
// Identification, CryptoWallet, Address, Ownership, Family, Membership, UnknownLink,
// Position, Occupancy) and hold fictional parties. targets.nested.json is the same data as
// entities.ftm.json in the nested form: each target on one line, entities pointing at it
// nested under the reverse property name (sanctions, identification, ownershipAsset ...),
// the references back to it dropped, as yente's nesting does.

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

var testList = corridor.OpenSanctionsList("sanctions")

func parseFile(t testing.TB, name string) *corridor.ListSnapshot {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap, err := Parse(testList, f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return snap
}

func byNativeID(t *testing.T, snap *corridor.ListSnapshot, id string) *corridor.Entity {
	t.Helper()
	for i := range snap.Entities {
		if snap.Entities[i].NativeID == id {
			return &snap.Entities[i]
		}
	}
	t.Fatalf("no entity %s", id)
	return nil
}

func TestParseFlatFile(t *testing.T) {
	snap := parseFile(t, "testdata/entities.ftm.json")
	wantVersion := corridor.ListVersion{
		List:      testList,
		Published: time.Date(2025, 1, 14, 9, 31, 27, 0, time.UTC),
		Entities:  10,
	}
	if !reflect.DeepEqual(snap.Version, wantVersion) {
		t.Errorf("Version = %+v, want %+v", snap.Version, wantVersion)
	}
	kinds := map[corridor.Kind]int{}
	for _, e := range snap.Entities {
		kinds[e.Kind]++
		if e.Source.File != FlatFile {
			t.Errorf("%s: Source.File = %q", e.ID, e.Source.File)
		}
	}
	wantKinds := map[corridor.Kind]int{"person": 3, "organization": 5, "vessel": 1, "aircraft": 1}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("kinds = %v, want %v", kinds, wantKinds)
	}

	volkov := byNativeID(t, snap, "NK-7cQzUeVt8Hk2mXwRbPj3sA")
	want := corridor.Entity{
		ID:       "opensanctions_sanctions:NK-7cQzUeVt8Hk2mXwRbPj3sA",
		List:     testList,
		NativeID: "NK-7cQzUeVt8Hk2mXwRbPj3sA",
		Kind:     corridor.KindPerson,
		Names: []corridor.Name{
			{Full: "Arkady Semyonovich VOLKOV", Kind: corridor.NamePrimary, Parts: []corridor.NamePart{
				{Type: "given", Value: "Arkady"}, {Type: "patronymic", Value: "Semyonovich"}, {Type: "family", Value: "VOLKOV"}}},
			{Full: "Аркадий Семёнович ВОЛКОВ", Kind: corridor.NameOriginalScript, Parts: []corridor.NamePart{
				{Type: "given", Value: "Аркадий"}, {Type: "patronymic", Value: "Семёнович"}, {Type: "family", Value: "ВОЛКОВ"}}},
			{Full: "Arkadii Semenovich Volkov", Kind: corridor.NameAKA, Parts: []corridor.NamePart{
				{Type: "given", Value: "Arkadii"}, {Type: "patronymic", Value: "Semenovich"}, {Type: "family", Value: "Volkov"}}},
			{Full: "Arkadij Semjonovitj Volkov", Kind: corridor.NameAKA, Parts: []corridor.NamePart{
				{Type: "given", Value: "Arkadij"}, {Type: "patronymic", Value: "Semjonovitj"}, {Type: "family", Value: "Volkov"}}},
			{Full: "Arkady Volkov", Kind: corridor.NameAKA, Parts: []corridor.NamePart{
				{Type: "given", Value: "Arkady"}, {Type: "family", Value: "Volkov"}}},
			{Full: "Arkasha", Kind: corridor.NameAKA, Weak: true},
		},
		BirthDates:    []corridor.BirthDate{{Kind: corridor.DateExact, Year: 1964, Month: 3, Day: 17, Text: "1964-03-17"}},
		BirthPlaces:   []corridor.Place{{Text: "Sverdlovsk, Russian Federation", Country: "RU"}},
		Nationalities: []string{"RU", "CY"},
		Citizenships:  []string{"RU"},
		Gender:        corridor.GenderMale,
		Identifiers: []corridor.Identifier{
			{Kind: corridor.IDPassport, Type: "Passport number", Number: "4509123456", Country: "RU", Note: "issued by MVD 77, until 2028-05-01"},
			{Kind: corridor.IDTax, Type: "INN", Number: "771234567890", Country: "RU"},
			{Kind: corridor.IDNationalID, Type: "National ID card", Number: "889231", Country: "CY"},
			{Kind: corridor.IDCrypto, Type: "Crypto wallet XBT", Number: "bc1qz8w4xsn3v0l5p2k7d9r6t3y8u1m4n7q2e5h9gx"},
		},
		Programs: []string{"Russia - Ukraine territorial integrity", "RUSSIA-EO14024"},
		ListedOn: "2022-04-08",
		Links: []corridor.Link{
			{Name: "Irina Pavlovna VOLKOVA"}, // his spouse: related, not a target
			{Name: "JSC Uralvolt", EntityID: "opensanctions_sanctions:NK-Ue8sKq3Zx7VbN1mLr5TgPa"},
		},
		Remarks: "Russian businessman with interests in the electrical equipment sector.\nTitle: Dr.\n" +
			"Position: Chairman of the Board of Directors of JSC Uralvolt\nTopics: sanction",
		Source: corridor.SourceRef{File: FlatFile, Record: "line 1"},
	}
	if !reflect.DeepEqual(*volkov, want) {
		g, _ := json.MarshalIndent(volkov, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("Volkov:\n got %s\nwant %s", g, w)
	}

	vessel := byNativeID(t, snap, "NK-Vs9Tq2Hn6Wb3Xk8Ld4Pm7R")
	wantVessel := &corridor.Vessel{Type: "Crude Oil Tanker", Flag: "RU", Tonnage: "115340", GRT: "62775",
		Owner: "Baltic Horizon Shipping LLC", CallSign: "UBKL7", Built: "2006"}
	if !reflect.DeepEqual(vessel.Vessel, wantVessel) {
		t.Errorf("vessel details = %+v, want %+v", vessel.Vessel, wantVessel)
	}
	if got := nameList(vessel); !slices.Equal(got, []string{"OCEAN PRESTIGE", "fka:NORDIC STAR", "fka:SEA TULIP"}) {
		t.Errorf("vessel names = %v", got)
	}
	wantIDs := []corridor.Identifier{
		{Kind: corridor.IDIMO, Type: "IMO number", Number: "IMO9321457"},
		{Kind: corridor.IDOther, Type: "MMSI", Number: "273451890"},
		{Kind: corridor.IDCallSign, Type: "Call sign", Number: "UBKL7"},
	}
	if !reflect.DeepEqual(vessel.Identifiers, wantIDs) {
		t.Errorf("vessel identifiers = %+v", vessel.Identifiers)
	}
	if vessel.Remarks != "Past flags: PA, KM\nTopics: sanction" {
		t.Errorf("vessel remarks = %q", vessel.Remarks)
	}

	plane := byNativeID(t, snap, "NK-Ap4Zr7Yx2Kq9Tb5Wn3Hs8F")
	if plane.Kind != corridor.KindAircraft || plane.Vessel == nil || plane.Vessel.Type != "Airbus A340-300" ||
		plane.Vessel.Owner != "Simurgh Air Cargo Company" || plane.Vessel.Built != "1996-05-14" {
		t.Errorf("airplane = %+v, details %+v", plane, plane.Vessel)
	}
	if !slices.Equal(plane.Programs, []string{"IRAN", "SDGT"}) || plane.ListedOn != "2019-03-26" {
		t.Errorf("airplane programs %v listed %q", plane.Programs, plane.ListedOn)
	}
	wantTail := []corridor.Identifier{
		{Kind: corridor.IDAircraftTail, Type: "Registration number", Number: "EP-SMA"},
		{Kind: corridor.IDMSN, Type: "Serial number", Number: "1154"},
	}
	if !reflect.DeepEqual(plane.Identifiers, wantTail) {
		t.Errorf("airplane identifiers = %+v", plane.Identifiers)
	}

	dahri := byNativeID(t, snap, "NK-Kd6Rb3Tz8Wq2Xm5Hv9Np4J")
	wantDahriIDs := []corridor.Identifier{ // the properties' numbers, completed by the Passport and Identification entities
		{Kind: corridor.IDPassport, Type: "Passport number", Number: "A2294471", Country: "IQ", Note: "until 2019-06-30"},
		{Kind: corridor.IDNationalID, Type: "ID number", Number: "00419862", Country: "IQ"},
	}
	if !reflect.DeepEqual(dahri.Identifiers, wantDahriIDs) {
		t.Errorf("al-Dahri identifiers = %+v", dahri.Identifiers)
	}
	wantDates := []corridor.BirthDate{{Kind: corridor.DateYear, Year: 1975, Text: "1975"}, {Kind: corridor.DateYear, Year: 1977, Text: "1977"}}
	if !reflect.DeepEqual(dahri.BirthDates, wantDates) {
		t.Errorf("al-Dahri birth dates = %+v", dahri.BirthDates)
	}

	sidorenko := byNativeID(t, snap, "ua-nsdc-33410") // no name property: built from its parts
	if got := nameList(sidorenko); !slices.Equal(got, []string{"Viktor Olegovich Sidorenko"}) {
		t.Errorf("Sidorenko names = %v", got)
	}
	if !reflect.DeepEqual(sidorenko.BirthPlaces, []corridor.Place{{Text: "Ukraine", Country: "UA"}}) ||
		sidorenko.Nationalities != nil || !slices.Equal(sidorenko.Citizenships, []string{"UA"}) ||
		sidorenko.Gender != corridor.GenderUnknown || sidorenko.ListedOn != "2023-12" {
		t.Errorf("Sidorenko = %+v", sidorenko)
	}
	if !strings.Contains(sidorenko.Remarks, "Countries without an ISO code: nationality suhh") {
		t.Errorf("Sidorenko remarks = %q", sidorenko.Remarks)
	}

	office := byNativeID(t, snap, "NK-Pb2Mx6Tq9Zr4Kw7Vd3Hn8S") // PublicBody, Address without "full", startDate only
	wantAddr := []corridor.Address{{Street: "Sosong-guyok", City: "Pyongyang", Country: "KP", Text: "Sosong-guyok, Pyongyang, North Korea"}}
	if office.Kind != corridor.KindOrganization || !reflect.DeepEqual(office.Addresses, wantAddr) || office.ListedOn != "2017-06-02" {
		t.Errorf("procurement office = %+v", office)
	}

	front := byNativeID(t, snap, "ofac-31877") // LegalEntity with a program property and no Sanction
	if front.Kind != corridor.KindOrganization || !slices.Equal(front.Programs, []string{"SDGT"}) || front.ListedOn != "" ||
		!reflect.DeepEqual(front.Links, []corridor.Link{{Name: "Harakat al-Nur al-Jihadi", EntityID: "opensanctions_sanctions:NK-Hn7Jd2Wq5Xz9Kr3Bt6Vm8C"}}) {
		t.Errorf("front company = %+v", front)
	}
}

// nameList lists an entity's names as "full", with "kind:" before other than primary and
// aka, and "weak:" before weak ones.
func nameList(e *corridor.Entity) []string {
	var out []string
	for _, n := range e.Names {
		s := n.Full
		if n.Kind != corridor.NamePrimary && n.Kind != corridor.NameAKA {
			s = string(n.Kind) + ":" + s
		}
		if n.Weak {
			s = "weak:" + s
		}
		out = append(out, s)
	}
	return out
}

// TestNestedMatchesFlat: both forms of one export give the same entities; only where each
// came from and the order of folded facts may differ.
func TestNestedMatchesFlat(t *testing.T) {
	flat := parseFile(t, "testdata/entities.ftm.json")
	nested := parseFile(t, "testdata/targets.nested.json")
	if !reflect.DeepEqual(flat.Version, nested.Version) {
		t.Errorf("versions differ: flat %+v, nested %+v", flat.Version, nested.Version)
	}
	if len(flat.Entities) != len(nested.Entities) {
		t.Fatalf("flat has %d entities, nested %d", len(flat.Entities), len(nested.Entities))
	}
	for i := range flat.Entities {
		f, n := canonical(flat.Entities[i]), canonical(nested.Entities[i])
		if n.Source.File != NestedFile {
			t.Errorf("%s: nested Source.File = %q", n.ID, n.Source.File)
		}
		f.Source, n.Source = corridor.SourceRef{}, corridor.SourceRef{}
		if !reflect.DeepEqual(f, n) {
			g, _ := json.MarshalIndent(n, "", " ")
			w, _ := json.MarshalIndent(f, "", " ")
			t.Errorf("entity %d differs:\nnested %s\n  flat %s", i, g, w)
		}
	}
}

func canonical(e corridor.Entity) corridor.Entity {
	e.Identifiers = slices.Clone(e.Identifiers)
	slices.SortFunc(e.Identifiers, func(a, b corridor.Identifier) int { return strings.Compare(a.Number, b.Number) })
	e.Links = slices.Clone(e.Links)
	slices.SortFunc(e.Links, func(a, b corridor.Link) int { return strings.Compare(a.Name, b.Name) })
	e.Programs = slices.Sorted(slices.Values(e.Programs))
	e.Addresses = slices.Clone(e.Addresses)
	slices.SortFunc(e.Addresses, func(a, b corridor.Address) int { return strings.Compare(a.Text, b.Text) })
	return e
}

// rawEntity is a minimal decode of an FtM line, independent of the reader's own types.
type rawEntity struct {
	ID         string                     `json:"id"`
	Schema     string                     `json:"schema"`
	Target     bool                       `json:"target"`
	Properties map[string]json.RawMessage `json:"properties"`
}

var nameProps = []string{"name", "alias", "weakAlias", "previousName", "abbreviation"}

// rawNames returns the name strings of a raw line's top-level entity.
func rawNames(t *testing.T, raw rawEntity) []string {
	var out []string
	for _, prop := range nameProps {
		var values []string
		if msg, ok := raw.Properties[prop]; ok {
			if err := json.Unmarshal(msg, &values); err != nil {
				t.Fatalf("%s.%s: %v", raw.ID, prop, err)
			}
		}
		out = append(out, values...)
	}
	return out
}

// TestEveryNameIsInTheModel counts the names of every target in the raw files, decoded
// apart from the reader, and finds each among its entity's names; a non-target party's name
// must be a link of some target.
func TestEveryNameIsInTheModel(t *testing.T) {
	partySchema := map[string]bool{"Person": true, "Organization": true, "Company": true,
		"LegalEntity": true, "PublicBody": true, "Vessel": true, "Airplane": true}
	for _, file := range []string{"testdata/entities.ftm.json", "testdata/targets.nested.json"} {
		content, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		snap := parseFile(t, file)
		linked := map[string]bool{}
		for _, e := range snap.Entities {
			for _, l := range e.Links {
				linked[l.Name] = true
			}
		}
		targetNames, related := 0, 0
		for _, line := range strings.Split(strings.TrimSpace(string(content)), "\n") {
			var raw rawEntity
			if err := json.Unmarshal([]byte(line), &raw); err != nil {
				t.Fatal(err)
			}
			if !partySchema[raw.Schema] {
				continue
			}
			if !raw.Target {
				related++
				if rn := rawNames(t, raw); len(rn) == 0 || !linked[rn[0]] {
					t.Errorf("%s: related party %s (%v) is no target's link", file, raw.ID, rn)
				}
				continue
			}
			ent := byNativeID(t, snap, raw.ID)
			have := map[string]bool{}
			for _, n := range ent.Names {
				have[n.Full] = true
			}
			for _, name := range rawNames(t, raw) {
				targetNames++
				if !have[name] {
					t.Errorf("%s: %s: name %q is not in the model", file, raw.ID, name)
				}
			}
		}
		if targetNames != 34 {
			t.Errorf("%s: %d target names counted, want 34", file, targetNames)
		}
		if file == "testdata/entities.ftm.json" && related != 2 {
			t.Errorf("%s: %d related parties, want 2", file, related)
		}
	}
}

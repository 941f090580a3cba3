package uk

import (
	"bytes"
	"errors"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

const extractFile = "testdata/uk-sanctions-list-extract-2026-08-14.xml"

// The extract's fifth Designation is synthetic and has no UniqueID; see its XML comment.
const syntheticName = "No Unique Id"

func readExtract(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile(extractFile)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// realRecords is the extract without its synthetic fifth record: four whole real records.
func realRecords(t testing.TB) string {
	t.Helper()
	raw := string(readExtract(t))
	start := strings.Index(raw, "<!-- Synthetic edge case")
	end := strings.Index(raw, "</Designations>")
	if start < 0 || end < start {
		t.Fatal("extract layout changed")
	}
	return raw[:start] + raw[end:]
}

func parseReal(t *testing.T) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(strings.NewReader(realRecords(t)))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return snap
}

func byID(t *testing.T, snap *corridor.ListSnapshot, id string) *corridor.Entity {
	t.Helper()
	for i := range snap.Entities {
		if snap.Entities[i].ID == id {
			return &snap.Entities[i]
		}
	}
	t.Fatalf("no entity %s", id)
	return nil
}

// TestRecordWithoutUniqueID is the choice for a Designation without a UniqueID: not dropped
// in silence (a missed person), not given an invented ID (unstable across versions), but an
// error that names it by position, line and name, while the snapshot of the other records
// still comes back for a caller that knowingly loads without it.
func TestRecordWithoutUniqueID(t *testing.T) {
	snap, err := Parse(bytes.NewReader(readExtract(t)))

	// The strict reading: the file does not load without someone seeing why.
	if err == nil {
		t.Fatal("a record without UniqueID was accepted")
	}
	const want = `uk list: Designation #5 (line 353, "No Unique Id"): no UniqueID`
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	var rec *RecordError
	if !errors.As(err, &rec) || rec.Position != 5 || rec.Line != 353 || rec.Name != syntheticName || rec.UniqueID != "" {
		t.Fatalf("err = %#v, want a RecordError for #5 at line 353", err)
	}
	if !errors.Is(err, ErrNoUniqueID) {
		t.Error("errors.Is(err, ErrNoUniqueID) = false")
	}

	// The knowing reading: the four real records, none with an invented ID, and the
	// synthetic name nowhere in the model.
	if snap == nil {
		t.Fatal("no snapshot of the other records")
	}
	var ids []string
	for _, e := range snap.Entities {
		ids = append(ids, e.ID)
		for _, n := range e.Names {
			if n.Full == syntheticName {
				t.Errorf("%s carries the rejected record's name", e.ID)
			}
		}
	}
	if want := []string{"uk:AFG0011", "uk:AQD0128", "uk:AQD0377", "uk:DPR0075"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
	if snap.Version.Entities != 4 {
		t.Errorf("Version.Entities = %d", snap.Version.Entities)
	}
	whole := parseReal(t)
	for i := range whole.Entities {
		if !slices.EqualFunc(whole.Entities[i].Names, snap.Entities[i].Names, func(a, b corridor.Name) bool { return a.Full == b.Full }) {
			t.Errorf("%s differs when read beside the rejected record", whole.Entities[i].ID)
		}
	}
}

func TestParseVersion(t *testing.T) {
	snap := parseReal(t)
	if snap.Version.List != corridor.ListUK {
		t.Errorf("List = %q", snap.Version.List)
	}
	if want := time.Date(2026, 8, 14, 0, 0, 0, 0, time.UTC); !snap.Version.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", snap.Version.Published, want)
	}
	// Without the DateGenerated element the root's dateGenerated attribute stands in.
	doc := strings.Replace(realRecords(t), "<DateGenerated>14/08/2026</DateGenerated>", "", 1)
	snap, err := Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 8, 14, 23, 0, 4, 744e6, time.UTC); !snap.Version.Published.Equal(want) {
		t.Errorf("Published from the attribute = %v, want %v", snap.Version.Published, want)
	}
}

type entityWant struct {
	kind          corridor.Kind
	names         []string // Full, in order
	weak          []string
	originalNames []string
	birthDates    []string // BirthDate.String()
	birthPlaces   []corridor.Place
	nationalities []string
	gender        corridor.Gender
	identifiers   []corridor.Identifier // Note checked apart
	programs      []string
	listedOn      string
	addresses     []corridor.Address
	vessel        *corridor.Vessel
	remarksHave   []string
	source        string
}

func TestParseEntities(t *testing.T) {
	snap := parseReal(t)
	tests := map[string]entityWant{
		"uk:AFG0011": {
			kind:          corridor.KindPerson,
			names:         []string{"ABDUL LATIF MANSUR", "Abdul Latif MANSOOR", "Wali MOHAMMAD", "عبد اللطيف منصور"},
			originalNames: []string{"عبد اللطيف منصور"},
			birthDates:    []string{"1968", "1967-11-12"},
			birthPlaces: []corridor.Place{
				{Text: "Zurmat District, Paktia Province, Afghanistan", Country: "AF"},
				{Text: "Garda Saray District, Paktia Province, Afghanistan", Country: "AF"},
				{Text: "Afghanistan", Country: "AF"},
			},
			nationalities: []string{"AF"},
			identifiers: []corridor.Identifier{
				{Kind: corridor.IDPassport, Type: "Passport", Number: "D0009720", Country: "AF"},
				{Kind: corridor.IDPassport, Type: "Passport", Number: "D0010442", Country: "AF"},
			},
			programs:  []string{"The Afghanistan (Sanctions) (EU Exit) Regulations 2020"},
			listedOn:  "2001-01-31",
			addresses: []corridor.Address{{Street: "Darul Aman, Kabul", Country: "AF", Text: "Darul Aman, Kabul, Afghanistan"}},
			remarksHave: []string{"Taliban Shadow Governor for Logar Province", "UN reference: TAi.007", "OFSI group ID: 7270",
				"Sanctions imposed: Asset freeze; Travel Ban", "Last updated: 2026-04-29",
				"Position: Minister of Agriculture under the previous Taliban regime  (1996-2001)"},
			source: "Designation AFG0011, line 25",
		},
		"uk:AQD0128": {
			kind:          corridor.KindPerson,
			names:         []string{"AKRAM TURKI HISHAN AL-MAZIDIH", "Abu Akram", "Akram Turki Al-Hishan", "Abu Jarrah", "أكرم تركي هاشم المزيده"},
			weak:          []string{"Abu Akram", "Abu Jarrah"},
			originalNames: []string{"أكرم تركي هاشم المزيده"},
			birthDates:    []string{"1974", "1975", "1979", "1958-09", "1985"},
			identifiers:   []corridor.Identifier{{Kind: corridor.IDNationalID, Type: "National identifier", Number: "0075258"}},
			programs:      []string{"Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019"},
			listedOn:      "2010-03-11",
			addresses: []corridor.Address{
				{Country: "IQ", Text: "Iraq"},
				{City: "Deir ez-Zor Governorate", Country: "SY", Text: "Deir ez-Zor Governorate, Syria"},
			},
			remarksHave: []string{"UN reference: QDi.276", "Other possible date of birth: 1979."},
			source:      "Designation AQD0128, line 130",
		},
		"uk:AQD0377": {
			kind:          corridor.KindOrganization,
			names:         []string{"Khatiba al-Tawhid wal-Jihad (KTJ)", "Jama'at al-Tawhid wal-Jihad", "Jannat Oshiklari", "Катиба ат-Таухид валь-Джихад"},
			originalNames: []string{"Катиба ат-Таухид валь-Джихад"},
			programs:      []string{"Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019"},
			listedOn:      "2022-03-07",
			remarksHave:   []string{"Type of entity: Terrorist Group", "UN reference: QDe.168", "(formerly known as Jannat Oshiklari)"},
		},
		"uk:DPR0075": {
			kind:        corridor.KindVessel,
			names:       []string{"Petrel 8", "Jal Vahini", "Jal_Vahini", "Tian Tai 36"},
			identifiers: []corridor.Identifier{{Kind: corridor.IDIMO, Type: "IMO number", Number: "9562233"}},
			programs:    []string{"The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"},
			listedOn:    "2017-10-03",
			vessel: &corridor.Vessel{Type: "Bulk Carrier", Flag: "KM", Tonnage: "7078",
				Owner: "Global United Shipping India", Built: "2011"},
			remarksHave: []string{"Previous flag: India", "Length: 134.5", "Sanctions imposed: Prohibition of port entry"},
		},
	}
	for id, want := range tests {
		t.Run(id, func(t *testing.T) {
			checkEntity(t, byID(t, snap, id), want)
		})
	}
}

func checkEntity(t *testing.T, e *corridor.Entity, want entityWant) {
	t.Helper()
	if e.Kind != want.kind {
		t.Errorf("Kind = %q, want %q", e.Kind, want.kind)
	}
	var names, weak, original []string
	for i, n := range e.Names {
		names = append(names, n.Full)
		if n.Weak {
			weak = append(weak, n.Full)
		}
		if n.Kind == corridor.NameOriginalScript {
			original = append(original, n.Full)
		}
		if (i == 0) != (n.Kind == corridor.NamePrimary) {
			t.Errorf("name %d %q has kind %q", i, n.Full, n.Kind)
		}
	}
	if !slices.Equal(names, want.names) {
		t.Errorf("names = %q, want %q", names, want.names)
	}
	if !slices.Equal(weak, want.weak) {
		t.Errorf("weak = %q, want %q", weak, want.weak)
	}
	if !slices.Equal(original, want.originalNames) {
		t.Errorf("original-script = %q, want %q", original, want.originalNames)
	}
	var dates []string
	for _, d := range e.BirthDates {
		dates = append(dates, d.String())
	}
	if !slices.Equal(dates, want.birthDates) {
		t.Errorf("birth dates = %q, want %q", dates, want.birthDates)
	}
	if !slices.Equal(e.BirthPlaces, want.birthPlaces) {
		t.Errorf("birth places = %+v, want %+v", e.BirthPlaces, want.birthPlaces)
	}
	if !slices.Equal(e.Nationalities, want.nationalities) {
		t.Errorf("nationalities = %v, want %v", e.Nationalities, want.nationalities)
	}
	if e.Gender != want.gender {
		t.Errorf("gender = %q, want %q", e.Gender, want.gender)
	}
	var ids []corridor.Identifier
	for _, id := range e.Identifiers {
		id.Note = ""
		ids = append(ids, id)
	}
	if !slices.Equal(ids, want.identifiers) {
		t.Errorf("identifiers = %+v, want %+v", ids, want.identifiers)
	}
	if !slices.Equal(e.Programs, want.programs) {
		t.Errorf("programs = %q, want %q", e.Programs, want.programs)
	}
	if e.ListedOn != want.listedOn {
		t.Errorf("ListedOn = %q, want %q", e.ListedOn, want.listedOn)
	}
	if !slices.Equal(e.Addresses, want.addresses) {
		t.Errorf("addresses = %+v, want %+v", e.Addresses, want.addresses)
	}
	if (e.Vessel == nil) != (want.vessel == nil) || (e.Vessel != nil && *e.Vessel != *want.vessel) {
		t.Errorf("vessel = %+v, want %+v", e.Vessel, want.vessel)
	}
	for _, s := range want.remarksHave {
		if !strings.Contains(e.Remarks, s) {
			t.Errorf("Remarks lack %q:\n%s", s, e.Remarks)
		}
	}
	if want.source != "" && e.Source.Record != want.source {
		t.Errorf("Source.Record = %q, want %q", e.Source.Record, want.source)
	}
}

func TestParseDetails(t *testing.T) {
	snap := parseReal(t)
	mansur := byID(t, snap, "uk:AFG0011")
	wantParts := []corridor.NamePart{{Type: corridor.PartTitle, Value: "Maulavi"}, {Type: corridor.PartGiven, Value: "ABDUL"},
		{Type: corridor.PartMiddle, Value: "LATIF"}, {Type: corridor.PartFamily, Value: "MANSUR"}}
	if !slices.Equal(mansur.Names[0].Parts, wantParts) {
		t.Errorf("AFG0011 primary parts = %+v", mansur.Names[0].Parts)
	}
	if d := mansur.BirthDates[0]; d.Kind != corridor.DateYear || d.Text != "dd/mm/1968" {
		t.Errorf("AFG0011 placeholder DOB = %+v", d)
	}
	if note := mansur.Identifiers[0].Note; !strings.HasPrefix(note, "Afghanistan diplomatic passport number D0009720") {
		t.Errorf("passport note = %q", note)
	}
	akram := byID(t, snap, "uk:AQD0128")
	if id := akram.Identifiers[0]; id.Note != "Ration card no." {
		t.Errorf("national ID note = %q", id.Note)
	}
	ktj := byID(t, snap, "uk:AQD0377")
	if len(ktj.Names[0].Parts) != 0 {
		t.Errorf("an entity's Name6 is not a family name: %+v", ktj.Names[0].Parts)
	}
}

// TestEveryNameInModel counts the names of the raw file with regular expressions, not with
// the parser, and checks that each record's names are exactly its entity's names, and that
// the one name not in the model belongs to the record the error names.
func TestEveryNameInModel(t *testing.T) {
	raw := string(readExtract(t))
	designations := regexp.MustCompile(`(?s)<Designation>.*?</Designation>`).FindAllString(raw, -1)
	nameBlock := regexp.MustCompile(`(?s)<Name>(.*?)</Name>`)
	namePart := regexp.MustCompile(`<Name[1-6]>([^<]*)</Name[1-6]>`)
	nonLatin := regexp.MustCompile(`<NameNonLatinScript>([^<]*)</NameNonLatinScript>`)
	uniqueID := regexp.MustCompile(`<UniqueID>([^<]*)</UniqueID>`)

	snap, err := Parse(bytes.NewReader(readExtract(t)))
	var rec *RecordError
	if !errors.As(err, &rec) {
		t.Fatalf("err = %v", err)
	}
	if len(designations) != 5 {
		t.Fatalf("the file has %d Designations, want 5", len(designations))
	}
	total := 0
	for i, d := range designations {
		var want []string
		for _, block := range nameBlock.FindAllStringSubmatch(d, -1) {
			var parts []string
			for _, p := range namePart.FindAllStringSubmatch(block[1], -1) {
				parts = append(parts, strings.TrimSpace(html.UnescapeString(p[1])))
			}
			want = append(want, strings.Join(parts, " "))
		}
		for _, m := range nonLatin.FindAllStringSubmatch(d, -1) {
			want = append(want, strings.TrimSpace(html.UnescapeString(m[1])))
		}
		total += len(want)
		id := uniqueID.FindStringSubmatch(d)
		if id == nil {
			if i+1 != rec.Position || !slices.Equal(want, []string{rec.Name}) {
				t.Errorf("Designation #%d without UniqueID has names %q; the error names #%d %q", i+1, want, rec.Position, rec.Name)
			}
			continue
		}
		e := byID(t, snap, "uk:"+id[1])
		var got []string
		for _, n := range e.Names {
			got = append(got, n.Full)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: names in the model %q, in the file %q", e.ID, got, want)
		}
	}
	if total != 18 {
		t.Errorf("the file has %d names, want 18", total)
	}
}

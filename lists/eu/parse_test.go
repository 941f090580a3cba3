package eu

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

const extractFile = "testdata/fsf-extract-2026-08-05.xml"

func readExtract(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile(extractFile)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func parseExtract(t *testing.T) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(bytes.NewReader(readExtract(t)))
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

func TestParseExtractVersion(t *testing.T) {
	snap := parseExtract(t)
	v := snap.Version
	if v.List != corridor.ListEU {
		t.Errorf("List = %q", v.List)
	}
	want := time.Date(2026, 8, 5, 16, 47, 4, 449e6, time.FixedZone("", 2*3600))
	if !v.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", v.Published, want)
	}
	if v.Entities != 5 || len(snap.Entities) != 5 {
		t.Errorf("Entities = %d, len = %d, want 5", v.Entities, len(snap.Entities))
	}
	var ids []string
	for _, e := range snap.Entities {
		ids = append(ids, e.ID)
		if e.List != corridor.ListEU || e.ID != "eu:"+e.NativeID {
			t.Errorf("%s: List %q NativeID %q", e.ID, e.List, e.NativeID)
		}
	}
	if want := []string{"eu:191", "eu:521", "eu:3822", "eu:6106", "eu:6177"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
}

// entityWant is what a test asserts of one record of the extract.
type entityWant struct {
	kind          corridor.Kind
	primary       string
	names         int
	birthDates    []string // BirthDate.String()
	birthPlaces   []corridor.Place
	citizenships  []string
	identifiers   []corridor.Identifier // Kind, Type, Number, Country; Note checked apart
	programs      []string
	listedOn      string
	gender        corridor.Gender
	addresses     int
	remarksHave   []string
	sourceRecord  string
	originalNames []string
	weakNames     []string
}

func TestParseExtractEntities(t *testing.T) {
	snap := parseExtract(t)
	tests := map[string]entityWant{
		"eu:191": {
			kind: corridor.KindPerson, primary: "Khalid Sheikh MOHAMMED", names: 7,
			birthDates:  []string{"1965-04-14", "1964-03-01"},
			birthPlaces: []corridor.Place{{Text: "PAKISTAN", Country: "PK"}},
			identifiers: []corridor.Identifier{{Kind: corridor.IDPassport, Type: "National passport", Number: "488555"}},
			programs:    []string{"TERR"}, listedOn: "2025-02-01", gender: corridor.GenderMale,
			remarksHave:  []string{"EU reference: EU.3579.2", "Regulation: 2025/206 (L 202500206) (TERR, amendment, published 2025-01-31, in force 2025-02-01)"},
			sourceRecord: "sanctionEntity 191, line 3",
		},
		"eu:521": {
			kind: corridor.KindPerson, primary: "Haji Ahmad Jan", names: 3,
			birthDates: []string{"1953-1958"},
			birthPlaces: []corridor.Place{
				{Text: "Tirin Kot District, Uruzgan Province, AFGHANISTAN", Country: "AF"},
				{Text: "Kandahar province, AFGHANISTAN", Country: "AF"},
			},
			citizenships: []string{"AF"}, programs: []string{"AFG"}, listedOn: "2001-01-25",
			remarksHave: []string{"Believed to be in Afghanistan/ Pakistan border area.",
				"Function: Minister of Water and Electricity under the Taliban regime", "Birth: between 1953 and 1958"},
			sourceRecord: "sanctionEntity 521, line 39",
		},
		"eu:3822": {
			kind: corridor.KindOrganization, primary: "Parchin Chemical Industries (PCI)", names: 16,
			identifiers: []corridor.Identifier{{Kind: corridor.IDRegistration, Type: "Registration Number", Number: "892"}},
			programs:    []string{"IRN"}, listedOn: "2008-06-23", addresses: 6,
			remarksHave: []string{"Designation details: UN designation:24/03/2007 (no longer valid)",
				`Name "PCF": Parchin Chemical Factories`, "Contact WEB: http://icig.ir/",
				"Contact PHONE: +98 21 2258929; +98 21 35243153; +98 21 3130626"},
			originalNames: []string{"صنایع شیمیایی پارچین"},
		},
		"eu:6106": {
			kind: corridor.KindPerson, primary: "Abu Zayd Umar DORDA", names: 4,
			birthDates:  []string{"1944-04-04"},
			birthPlaces: []corridor.Place{{Text: "Alrhaybat"}},
			identifiers: []corridor.Identifier{{Kind: corridor.IDPassport, Type: "National passport", Number: "FK117RK0", Country: "LY"}},
			programs:    []string{"LBY"}, listedOn: "2011-02-26", addresses: 1,
			remarksHave: []string{"UN reference: LYi.006", "Address LIBYA: Libya (Believed status/location: residing in Egypt)"},
		},
		"eu:6177": {
			kind: corridor.KindPerson, primary: "Ibrahim Hassan Tali Al-Asiri", names: 15,
			birthDates:   []string{"1982-04-18", "1982-04-19"},
			birthPlaces:  []corridor.Place{{Text: "Riyadh, SAUDI ARABIA", Country: "SA"}},
			citizenships: []string{"SA"},
			identifiers: []corridor.Identifier{
				{Kind: corridor.IDNationalID, Type: "National identification card", Number: "1028745097", Country: "SA"},
				{Kind: corridor.IDPassport, Type: "National passport", Number: "F654645", Country: "SA"},
			},
			programs: []string{"TAQA"}, listedOn: "2011-03-24", addresses: 1,
			remarksHave:   []string{"Birth date 1982-04-19 in the islamic calendar: 1402-6-24", "Birth: hijri calendar"},
			originalNames: []string{"إبراهيم حسن طالع عسيري", "إبراهيم حسن طالع العسيري"},
			weakNames:     []string{"Abu-Salaah", "Abosslah", "Abu Saleh"},
		},
	}
	for id, want := range tests {
		t.Run(id, func(t *testing.T) {
			e := byID(t, snap, id)
			checkEntity(t, e, want)
		})
	}
}

func checkEntity(t *testing.T, e *corridor.Entity, want entityWant) {
	t.Helper()
	if e.Kind != want.kind {
		t.Errorf("Kind = %q, want %q", e.Kind, want.kind)
	}
	if e.PrimaryName() != want.primary || e.Names[0].Kind != corridor.NamePrimary || e.Names[0].Weak {
		t.Errorf("primary = %+v, want %q", e.Names[0], want.primary)
	}
	if len(e.Names) != want.names {
		t.Errorf("%d names, want %d", len(e.Names), want.names)
	}
	var dates []string
	for _, d := range e.BirthDates {
		dates = append(dates, d.String())
		if err := d.Validate(); err != nil {
			t.Error(err)
		}
	}
	if !slices.Equal(dates, want.birthDates) {
		t.Errorf("birth dates = %v, want %v", dates, want.birthDates)
	}
	if !slices.Equal(e.BirthPlaces, want.birthPlaces) {
		t.Errorf("birth places = %+v, want %+v", e.BirthPlaces, want.birthPlaces)
	}
	if !slices.Equal(e.Citizenships, want.citizenships) {
		t.Errorf("citizenships = %v, want %v", e.Citizenships, want.citizenships)
	}
	if len(e.Nationalities) != 0 {
		t.Errorf("nationalities = %v; the EU gives citizenship only", e.Nationalities)
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
		t.Errorf("programs = %v, want %v", e.Programs, want.programs)
	}
	if e.ListedOn != want.listedOn {
		t.Errorf("ListedOn = %q, want %q", e.ListedOn, want.listedOn)
	}
	if e.Gender != want.gender {
		t.Errorf("Gender = %q, want %q", e.Gender, want.gender)
	}
	if len(e.Addresses) != want.addresses {
		t.Errorf("%d addresses, want %d", len(e.Addresses), want.addresses)
	}
	for _, s := range want.remarksHave {
		if !strings.Contains(e.Remarks, s) {
			t.Errorf("Remarks lack %q:\n%s", s, e.Remarks)
		}
	}
	if want.sourceRecord != "" && e.Source.Record != want.sourceRecord {
		t.Errorf("Source.Record = %q, want %q", e.Source.Record, want.sourceRecord)
	}
	var original, weak []string
	for _, n := range e.Names {
		if n.Kind == corridor.NameOriginalScript {
			original = append(original, n.Full)
		}
		if n.Weak {
			weak = append(weak, n.Full)
		}
	}
	if !slices.Equal(original, want.originalNames) {
		t.Errorf("original-script names = %q, want %q", original, want.originalNames)
	}
	if !slices.Equal(weak, want.weakNames) {
		t.Errorf("weak names = %q, want %q", weak, want.weakNames)
	}
}

func TestParseExtractDetails(t *testing.T) {
	snap := parseExtract(t)

	khalid := byID(t, snap, "eu:191")
	if n := khalid.Names[0]; n.Lang != "en" || !slices.Equal(n.Parts, []corridor.NamePart{
		{Type: corridor.PartGiven, Value: "Khalid Sheikh"}, {Type: corridor.PartFamily, Value: "MOHAMMED"}}) {
		t.Errorf("191 primary = %+v", n)
	}
	if n := khalid.Names[1]; n.Full != "Bin Khalid Fahd Bin Adballah" || n.Kind != corridor.NameAKA || n.Lang != "fr" {
		t.Errorf("191 second name = %+v (the file's first alias, kept as an a.k.a.)", n)
	}

	haji := byID(t, snap, "eu:521")
	if d := haji.BirthDates[0]; d.Kind != corridor.DateRange || d.FromYear != 1953 || d.ToYear != 1958 || d.Text != "circa 1953-1958" {
		t.Errorf("521 birth date = %+v", d)
	}
	if n := haji.Names[2]; n.Full != "Ahmed Jan Akhundzada Wazir" ||
		!slices.Equal(n.Parts, []corridor.NamePart{{Type: corridor.PartTitle, Value: "Maulavi"}}) {
		t.Errorf("521 titled name = %+v", n)
	}

	parchin := byID(t, snap, "eu:3822")
	for _, n := range parchin.Names {
		if n.Full == "صنایع شیمیایی پارچین" && n.Lang != "fa" {
			t.Errorf("Farsi name Lang = %q", n.Lang)
		}
	}
	wantAddr := corridor.Address{Street: "Pasdaran Square", City: "Tehran", Country: "IR",
		Text: "Pasdaran Square, P.O. Box 16765/358, Tehran, IRAN (ISLAMIC REPUBLIC OF)"}
	if parchin.Addresses[0] != wantAddr {
		t.Errorf("3822 first address = %+v, want %+v", parchin.Addresses[0], wantAddr)
	}
	if a := parchin.Addresses[5]; a.PostalCode != "15765-358" {
		t.Errorf("3822 last address = %+v", a)
	}
	if id := parchin.Identifiers[0]; !strings.Contains(id.Note, "Cooperative Company") {
		t.Errorf("3822 registration note = %q", id.Note)
	}

	dorda := byID(t, snap, "eu:6106")
	if id := dorda.Identifiers[0]; id.Note != "issued 2018-11-25; valid to 2026-11-24; region Tripoli" {
		t.Errorf("6106 passport note = %q", id.Note)
	}

	asiri := byID(t, snap, "eu:6177")
	if id := asiri.Identifiers[1]; !strings.HasPrefix(id.Note, "known expired; issued 2005-04-30; valid to 2010-03-07; Saudi Arabian passport") {
		t.Errorf("6177 passport note = %q", id.Note)
	}
	for _, r := range []string{"low quality alias", "good quality alias"} {
		if strings.Contains(strings.ToLower(asiri.Remarks), r) {
			t.Errorf("bare quality mark %q copied into remarks", r)
		}
	}
}

// TestEveryNameInModel counts the names of the raw file with a regular expression, not with
// the parser, and checks that each record's names are exactly its entity's names.
func TestEveryNameInModel(t *testing.T) {
	raw := string(readExtract(t))
	records := regexp.MustCompile(`(?s)<sanctionEntity\b[^>]*\blogicalId="(\d+)".*?</sanctionEntity>`).FindAllStringSubmatch(raw, -1)
	wholeName := regexp.MustCompile(`<nameAlias\b[^>]*\bwholeName="([^"]*)"`)
	snap := parseExtract(t)
	if len(records) != len(snap.Entities) {
		t.Fatalf("file has %d records, model %d", len(records), len(snap.Entities))
	}
	total := 0
	for _, rec := range records {
		e := byID(t, snap, "eu:"+rec[1])
		want := map[string]bool{}
		for _, m := range wholeName.FindAllStringSubmatch(rec[0], -1) {
			want[strings.TrimSpace(html.UnescapeString(m[1]))] = true
			total++
		}
		got := map[string]bool{}
		for _, n := range e.Names {
			got[n.Full] = true
		}
		for name := range want {
			if !got[name] {
				t.Errorf("%s: name %q of the file is not in the model", e.ID, name)
			}
		}
		for name := range got {
			if !want[name] {
				t.Errorf("%s: name %q is in the model but not in the file", e.ID, name)
			}
		}
	}
	if total != 45 {
		t.Errorf("the file has %d nameAlias names, want 45", total)
	}
}

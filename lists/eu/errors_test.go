package eu

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// replaceOnce edits the real extract in one place, failing the test when the text is not
// there (so a changed test file cannot make a bad-input test pass vacuously).
func replaceOnce(t *testing.T, doc, old, new string) string {
	t.Helper()
	if !strings.Contains(doc, old) {
		t.Fatalf("test file lacks %q", old)
	}
	return strings.Replace(doc, old, new, 1)
}

func TestTruncatedFileIsAnError(t *testing.T) {
	raw := string(readExtract(t))
	end := strings.LastIndex(raw, "</export>") + len("</export>")
	for cut := 0; cut < end; cut += 89 {
		snap, err := Parse(strings.NewReader(raw[:cut]))
		if err == nil {
			t.Fatalf("cut at byte %d: no error, %d entities", cut, len(snap.Entities))
		}
		if snap != nil {
			t.Fatalf("cut at byte %d: a snapshot came back with the error %v", cut, err)
		}
	}
	// A cut inside the third record names it.
	cut := strings.Index(raw, "Parcsini Vegyipari")
	_, err := Parse(strings.NewReader(raw[:cut]))
	var rec *RecordError
	if !errors.As(err, &rec) || rec.Position != 3 || rec.LogicalID != "3822" || rec.Line != 65 {
		t.Fatalf("err = %v, want a RecordError for record #3 logicalId 3822 at line 65", err)
	}
	if !strings.Contains(err.Error(), "eu list: sanctionEntity #3 (line 65, logicalId 3822): XML syntax error on line 73: unexpected EOF") {
		t.Errorf("message = %q", err)
	}
	// Cut between records: every record read is whole, but </export> is missing.
	cut = strings.Index(raw, `<sanctionEntity designationDate="2011-02-26"`)
	if _, err = Parse(strings.NewReader(raw[:cut])); err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Errorf("cut between records: err = %v", err)
	}
}

func TestMalformedInput(t *testing.T) {
	raw := string(readExtract(t))
	tests := []struct {
		name string
		doc  string
		want string // in the error message
	}{
		{"empty file", "", "no <export> element"},
		{"not XML", "this is not a sanctions list", "text \"this is not a sanctions list\" before the root element"},
		{"mismatched tag", replaceOnce(t, raw, "</nameAlias>", "</nameAliax>"),
			"sanctionEntity #1 (line 3, logicalId 191): XML syntax error on line 10: element <nameAlias> closed by </nameAliax>"},
		{"invalid UTF-8", replaceOnce(t, raw, "Haji Ahmad Jan", "Haji \xffAhmad Jan"),
			"sanctionEntity #2 (line 39, logicalId 521): XML syntax error on line 45: invalid UTF-8"},
		{"NUL byte", replaceOnce(t, raw, "Parchin Military Base", "Parchin\x00Military Base"),
			"logicalId 3822): XML syntax error on line 137: illegal character code U+0000"},
		{"other encoding", replaceOnce(t, raw, `encoding="UTF-8"`, `encoding="ISO-8859-1"`),
			`line 1: xml: encoding "ISO-8859-1" declared but Decoder.CharsetReader is nil`},
		{"wrong root", `<?xml version="1.0"?><CONSOLIDATED_LIST/>`,
			`root element is <CONSOLIDATED_LIST> in namespace "", want <export>`},
		{"wrong namespace", replaceOnce(t, raw, Namespace, "http://example.com/other"),
			`root element is <export> in namespace "http://example.com/other"`},
		{"bad generationDate", replaceOnce(t, raw, `generationDate="2026-08-05T16:47:04.449+02:00"`, `generationDate="05/08/2026"`),
			`<export generationDate="05/08/2026">: not an ISO 8601 date-time`},
		{"second document", raw + "<export/>", "content after </export>"},
		{"text after root", raw + "garbage", `text "garbage" after </export>`},
		{"text in root", replaceOnce(t, raw, "<sanctionEntity designationDetails", "stray<sanctionEntity designationDetails"),
			`text "stray" directly inside <export>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatalf("no error; %d entities", len(snap.Entities))
			}
			if snap != nil {
				t.Errorf("a snapshot came back with a file-level error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nlacks %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "eu list: ") {
				t.Errorf("error %q does not say which list", err)
			}
		})
	}
}

// TestRejectedRecord covers records that are well-formed XML but break the list's rules: the
// error names each, and the snapshot holds every other record.
func TestRejectedRecord(t *testing.T) {
	raw := string(readExtract(t))
	tests := []struct {
		name     string
		doc      string
		position int
		want     string
	}{
		{"no logicalId", replaceOnce(t, raw, `euReferenceNumber="EU.502.12" logicalId="521"`, `euReferenceNumber="EU.502.12"`),
			2, `eu list: sanctionEntity #2 (line 39, "Haji Ahmad Jan"): no logicalId`},
		{"logicalId not a number", replaceOnce(t, raw, `logicalId="521">`, `logicalId="x521">`),
			2, `sanctionEntity #2 (line 39, logicalId x521, "Haji Ahmad Jan"): logicalId "x521" is not a number`},
		{"repeated logicalId", replaceOnce(t, raw, `logicalId="3822"`, `logicalId="521"`),
			3, `sanctionEntity #3 (line 65, logicalId 521, "Tionscail  Ceimiceán Parchin"): logicalId 521 repeats record #2`},
		{"no name", regexp.MustCompile(`(?s)(logicalId="6106">.*?)<nameAlias.*</nameAlias>(\s*<birthdate)`).
			ReplaceAllString(raw, "$1$2"), 4, `(line 171, logicalId 6106): no name`},
		{"bad designationDate", replaceOnce(t, raw, `designationDate="2001-01-25"`, `designationDate="25/01/2001"`),
			2, `designationDate "25/01/2001" is not a date (want YYYY-MM-DD)`},
		{"bad birth year", replaceOnce(t, raw, `yearRangeFrom="1953"`, `yearRangeFrom="19S3"`),
			2, `birthdate 1865: yearRangeFrom "19S3" is not a number`},
		{"impossible birth date", replaceOnce(t, raw, `birthdate="1944-04-04"`, `birthdate="1044-04-04"`),
			4, `birthdate 111613: birth date "1044-04-04": implausible year range`},
		{"bad strong", replaceOnce(t, raw, `wholeName="PCI Group" function="" title="" nameLanguage="EN" strong="true"`,
			`wholeName="PCI Group" function="" title="" nameLanguage="EN" strong="yes"`),
			3, `nameAlias strong "yes" is not true or false`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nlacks %q", err, tt.want)
			}
			var rec *RecordError
			if !errors.As(err, &rec) || rec.Position != tt.position {
				t.Fatalf("err = %v, want a RecordError for record #%d", err, tt.position)
			}
			if snap == nil || len(snap.Entities) != 4 || snap.Version.Entities != 4 {
				t.Fatalf("want the 4 other records alongside the error, got %+v", snap)
			}
			for _, e := range snap.Entities {
				if e.PrimaryName() == "" || !strings.HasPrefix(e.ID, "eu:") {
					t.Errorf("bad entity %+v", e)
				}
			}
		})
	}
}

func TestSmallDocuments(t *testing.T) {
	const head = `<export xmlns="` + Namespace + `" generationDate="2026-01-02T03:04:05Z">`
	tests := []struct {
		name   string
		record string
		check  func(t *testing.T, e corridor.Entity)
	}{
		{"parts only, weak by flag, year and month", `<sanctionEntity logicalId="7">
			<subjectType code="vessel"/>
			<nameAlias firstName="Ann" lastName="Lee" strong="false" logicalId="2"/>
			<nameAlias wholeName="Ann B. Lee" logicalId="3"/>
			<birthdate year="1970" monthOfYear="5"/>
			<birthdate year="1971" circa="true"/>
			<birthdate yearRangeTo="1980"/>
			<birthdate calendarType="ISLAMIC" year="1390"/>
			<identification identificationTypeCode="newcode" identificationTypeDescription="New thing" number="А123" latinNumber="A123" countryIso2Code="ZZ" countryDescription="Serbia and Montenegro"/>
			<citizenship countryIso2Code="00" countryDescription="Atlantis"/>
			</sanctionEntity>`,
			func(t *testing.T, e corridor.Entity) {
				if e.Kind != corridor.KindVessel || e.PrimaryName() != "Ann B. Lee" || !e.Names[1].Weak || e.Names[1].Full != "Ann Lee" {
					t.Errorf("names %+v kind %q", e.Names, e.Kind)
				}
				var dates []string
				for _, d := range e.BirthDates {
					dates = append(dates, d.String())
				}
				if strings.Join(dates, " ") != "1970-05 circa 1971 1980" {
					t.Errorf("dates %q", dates)
				}
				if len(e.Identifiers) != 2 || e.Identifiers[0].Kind != corridor.IDOther || e.Identifiers[0].Type != "New thing" ||
					e.Identifiers[1].Number != "A123" || e.Identifiers[0].Country != "CS" {
					t.Errorf("identifiers %+v", e.Identifiers)
				}
				for _, s := range []string{"Birth date in the islamic calendar: 1390", "Citizenship: Atlantis 00"} {
					if !strings.Contains(e.Remarks, s) {
						t.Errorf("remarks %q lack %q", e.Remarks, s)
					}
				}
			}},
		{"unknown subject type, only weak names", `<sanctionEntity logicalId="8">
			<subjectType code="spaceship"/>
			<nameAlias wholeName="Zed" strong="false" logicalId="9"/>
			<nameAlias wholeName="Zee" strong="false" logicalId="4"/>
			</sanctionEntity>`,
			func(t *testing.T, e corridor.Entity) {
				if e.Kind != corridor.KindUnknown || !strings.Contains(e.Remarks, "Subject type: spaceship") {
					t.Errorf("kind %q remarks %q", e.Kind, e.Remarks)
				}
				if e.PrimaryName() != "Zee" || e.Names[0].Kind != corridor.NamePrimary {
					t.Errorf("names %+v", e.Names)
				}
			}},
		{"repeated name in two languages", `<sanctionEntity logicalId="9">
			<nameAlias wholeName="Same Name" nameLanguage="DE" strong="false" logicalId="1"/>
			<nameAlias wholeName="Same Name" nameLanguage="FR" logicalId="2"/>
			<nameAlias wholeName="Other" logicalId="3"/>
			</sanctionEntity>`,
			func(t *testing.T, e corridor.Entity) {
				if len(e.Names) != 2 || e.PrimaryName() != "Same Name" || e.Names[0].Weak {
					t.Errorf("names %+v", e.Names)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(head + tt.record + "</export>"))
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.Entities) != 1 {
				t.Fatalf("%d entities", len(snap.Entities))
			}
			tt.check(t, snap.Entities[0])
		})
	}
}

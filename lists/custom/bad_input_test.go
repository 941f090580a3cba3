package custom

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// TestBrokenFiles: a file that cannot be read as this CSV format yields no snapshot and an
// error naming the line (and column where there is one).
func TestBrokenFiles(t *testing.T) {
	example, err := os.ReadFile("testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	cut := strings.Index(string(example), "See case") // inside the quoted two-line remark
	tests := []struct {
		name, in, want string
	}{
		{"empty file", "", "empty file: the header row is required"},
		{"file cut inside a quoted field", string(example[:cut]), `parse error on line 4, column 239: extraneous or missing " in quoted-field`},
		{"bare quote", "id,name\nA1,Ann \"the\" Lee\n", `parse error on line 2, column 8: bare " in non-quoted-field`},
		{"UTF-16", "\xff\xfei\x00d\x00", "line 1: the file is UTF-16; save it as CSV UTF-8"},
		{"unknown column", "id,name,birthdate\n", `line 1, column 3: unknown column "birthdate" (did you mean birth_date?); the columns are id, name, kind`},
		{"unknown column, nothing close", "id,name,customer_segment\n", `line 1, column 3: unknown column "customer_segment"; the columns are`},
		{"repeated column", "id,name,Aliases,aliases\n", "line 1, column 4: column aliases repeats column 3"},
		{"empty header cell", "id,name,,remarks\n", "line 1, column 3: the header cell is empty"},
		{"no id column", "name,kind\nAnn,person\n", "line 1: the header has no id column (required)"},
		{"no name column", "id,kind\nA1,person\n", "line 1: the header has no name column (required)"},
		{"semicolons", "id;name;kind\nA1;Ann;person\n", "the file looks semicolon-separated"},
		{"tabs", "id\tname\nA1\tAnn\n", "the file looks tab-separated"},
		{"invalid UTF-8 header", "id,n\xe4me\n", `unknown column "n\xe4me"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(testList, strings.NewReader(tt.in))
			if err == nil || snap != nil {
				t.Fatalf("got %+v, %v; want no snapshot", snap, err)
			}
			if !strings.HasPrefix(err.Error(), "custom list: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestWrongList(t *testing.T) {
	for _, list := range []corridor.ListID{"un", "opensanctions_sanctions", "custom_", "custom_Staff", ""} {
		if _, err := Parse(list, strings.NewReader("id,name\n")); err == nil {
			t.Errorf("Parse(%q) accepted the list id", list)
		}
	}
	snap, err := Parse(testList, strings.NewReader("id,name\n"))
	if err != nil || len(snap.Entities) != 0 {
		t.Errorf("header only: %+v, %v", snap, err)
	}
}

// TestRejectedRows: a row that breaks the format costs only that row; the error names its
// line, the column and, where it has a good one, its id.
func TestRejectedRows(t *testing.T) {
	header := "id,name,kind,birth_date,birth_place,nationality,gender,id_numbers,listed_on,remarks"
	good := `G1,Still Here,person,1970,,,,,,"first line
second line"`
	tests := []struct {
		name, row      string
		line           int
		column, id     string
		want           string
		wantInsteadErr string // a different error text check, when the column is ""
	}{
		{"empty id", ",Ann,,,,,,,,", 4, "id", "", "empty id", ""},
		{"id with a control character", "A\x01,Ann,,,,,,,,", 4, "id", "", "control characters", ""},
		{"repeated id", "G1,Ann,,,,,,,,", 4, "id", "", `id "G1" repeats the row on line 2`, ""},
		{"empty name", "A1, ,,,,,,,,", 4, "name", "A1", "empty name", ""},
		{"bad kind", "A1,Ann,individual,,,,,,,", 4, "kind", "A1", `kind "individual": want person, organization, vessel or aircraft`, ""},
		{"bad month", "A1,Ann,,1970-13,,,,,,", 4, "birth_date", "A1", `birth date "1970-13": no month 13`, ""},
		{"bad day", "A1,Ann,,1971-02-29,,,,,,", 4, "birth_date", "A1", "no day 29 in 1971-02", ""},
		{"day-first date", "A1,Ann,,12/04/1970,,,,,,", 4, "birth_date", "A1", "want YYYY, YYYY-MM or YYYY-MM-DD", ""},
		{"bad range", "A1,Ann,,1970..70,,,,,,", 4, "birth_date", "A1", "a range is YYYY..YYYY", ""},
		{"backwards range", "A1,Ann,,1975..1970,,,,,,", 4, "birth_date", "A1", "implausible year range 1975-1970", ""},
		{"bad circa", "A1,Ann,,~70s,,,,,,", 4, "birth_date", "A1", "a circa year is ~YYYY", ""},
		{"implausible year", "A1,Ann,,1066,,,,,,", 4, "birth_date", "A1", "implausible year", ""},
		{"birth date on an organization", "A1,Acme,organization,1999,,,,,,", 4, "birth_date", "A1", "birth_date is for persons, and this row's kind is organization", ""},
		{"gender on a vessel", "A1,AURORA,vessel,,,,female,,,", 4, "gender", "A1", "gender is for persons", ""},
		{"unknown country", "A1,Ann,,,,Atlantis,,,,", 4, "nationality", "A1", `unknown country "Atlantis"`, ""},
		{"bad gender", "A1,Ann,,,,,x,,,", 4, "gender", "A1", `gender "x"`, ""},
		{"id number without type", "A1,Ann,,,,,,12345,,", 4, "id_numbers", "A1", `id_numbers entry "12345": want type:number`, ""},
		{"id number without number", "A1,Ann,,,,,,passport::FR,,", 4, "id_numbers", "A1", "no number", ""},
		{"id number with unknown country", "A1,Ann,,,,,,crypto:bitcoincash:qq9x4f,,", 4, "id_numbers", "A1", `unknown country "qq9x4f"`, ""},
		{"bad listing date", "A1,Ann,,,,,,,14.09.2023,", 4, "listed_on", "A1", "listing date", ""},
		{"not UTF-8", "A1,Ann,,,\"Z\xfcrich\",,,,,", 4, "birth_place", "", "not UTF-8 text", ""},
		{"too few columns", "A1,Ann,person", 4, "", "", "wrong number of columns: 3, the header has 10", ""},
		{"too many columns", "A1,Ann,,,,,,,,,extra", 4, "", "", "wrong number of columns: 11, the header has 10", ""},
		{"error in a field on a later line", "A1,Ann,,,,,,,,\"line one\nline two\"\nA2,Bob,,,,,,,2020-00,", 6, "listed_on", "A2", "no month 0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := header + "\n" + good + "\n" + tt.row + "\n"
			snap, err := Parse(testList, strings.NewReader(in))
			if snap == nil {
				t.Fatalf("no snapshot: %v", err)
			}
			if snap.Entities[0].NativeID != "G1" {
				t.Fatalf("entities %+v: want G1 first", snap.Entities)
			}
			var rec *RecordError
			if !errors.As(err, &rec) {
				t.Fatalf("error %v is no *RecordError", err)
			}
			if rec.Line != tt.line || rec.Column != tt.column || rec.ID != tt.id || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q (line %d, column %q, id %q); want line %d, column %q, id %q, saying %q",
					err, rec.Line, rec.Column, rec.ID, tt.line, tt.column, tt.id, tt.want)
			}
		})
	}
}

func TestRejectedRowsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,birth_date\n")
	for i := range 130 {
		fmt.Fprintf(&b, "P%d,Name %d,not a date\n", i, i)
	}
	snap, err := Parse(testList, strings.NewReader(b.String()))
	if snap == nil || len(snap.Entities) != 0 {
		t.Fatalf("snapshot %+v", snap)
	}
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	if len(errs) != maxRecordErrors+1 || errs[maxRecordErrors].Error() != "custom list: 30 more rows rejected" {
		t.Errorf("%d errors, last %v", len(errs), errs[len(errs)-1])
	}
	if first := errs[0].Error(); first != `custom list: line 2, column birth_date (id P0): birth date "not a date": want YYYY, YYYY-MM or YYYY-MM-DD` {
		t.Errorf("first error = %q", first)
	}
}

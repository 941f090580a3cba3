package ftm

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/corridor-aml/corridor"
)

// TestBrokenFiles: input that cannot be read as JSON lines yields no snapshot and an error
// naming the line.
func TestBrokenFiles(t *testing.T) {
	real, err := os.ReadFile("testdata/entities.ftm.json")
	if err != nil {
		t.Fatal(err)
	}
	good := `{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\n"
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"file cut short", string(real[:len(real)-40]), "line 38: invalid JSON at byte"},
		{"file cut inside a string", good + `{"id":"b","schema":"Person","properties":{"name":["Bo`, "line 2: invalid JSON"},
		{"invalid UTF-8", good + "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Jos\xe9\"]}}\n", "line 2: invalid UTF-8"},
		{"UTF-16", "\xff\xfe{\x00\"\x00", "line 1: invalid UTF-8"},
		{"not an object", good + `["a","b"]`, `line 2: want a JSON object per line, got "[\"a\",\"b\"]"`},
		{"plain text", "id,name\n1,Ivan\n", "line 1: want a JSON object per line"},
		{"two objects on a line", good + good[:len(good)-1] + good, "line 2: invalid JSON"},
		{"HTML error page", "<html><body>502 Bad Gateway</body></html>", "line 1: want a JSON object per line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(testList, strings.NewReader(tt.input))
			if err == nil || snap != nil {
				t.Fatalf("got snapshot %v, error %v; want no snapshot", snap, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "ftm list: ") {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// TestReadError: a read that fails mid-file (the second read times out) is an error, not an
// early end.
func TestReadError(t *testing.T) {
	r := iotest.TimeoutReader(strings.NewReader(`{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\n" + `{"id":"b"`))
	snap, err := Parse(testList, r)
	if err == nil || snap != nil || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("got %v, %v; want the read error", snap, err)
	}
}

func TestWrongList(t *testing.T) {
	for _, list := range []corridor.ListID{"un", "custom_staff", "opensanctions_", "opensanctions_Bad-Name", ""} {
		if _, err := Parse(list, strings.NewReader("")); err == nil {
			t.Errorf("Parse(%q) accepted the list id", list)
		}
	}
	snap, err := Parse(corridor.OpenSanctionsList("ru_rupep"), strings.NewReader(""))
	if err != nil || len(snap.Entities) != 0 || snap.Version.List != "opensanctions_ru_rupep" {
		t.Errorf("empty file: %+v, %v", snap, err)
	}
}

// TestRejectedEntities: a line of valid JSON that breaks the format costs only that entity;
// the error names its line and ID.
func TestRejectedEntities(t *testing.T) {
	good := `{"id":"ok","schema":"Person","properties":{"name":["Still Here"]}}`
	tests := []struct {
		name  string
		lines []string
		line  int
		id    string
		want  string
	}{
		{"no id", []string{`{"schema":"Person","properties":{"name":["A"]}}`}, 2, "", "no id"},
		{"blank id", []string{`{"id":"  ","schema":"Person","properties":{"name":["A"]}}`}, 2, "  ", "no id"},
		{"id with a newline", []string{`{"id":"a\nb","schema":"Person","properties":{"name":["A"]}}`}, 2, "a\nb", "control characters"},
		{"no schema", []string{`{"id":"a","properties":{"name":["A"]}}`}, 2, "a", "no schema"},
		{"repeated id", []string{`{"id":"ok","schema":"Person","properties":{"name":["Again"]}}`}, 2, "ok", "id repeats the entity on line 1"},
		{"no name", []string{`{"id":"a","schema":"Company","caption":"a","properties":{"country":["ru"]}}`}, 2, "a", "no name"},
		{"month 13", []string{`{"id":"a","schema":"Person","properties":{"name":["A"],"birthDate":["1970-13-01"]}}`}, 2, "a", `birthDate: "1970-13-01": no month 13`},
		{"February 30", []string{`{"id":"a","schema":"Person","properties":{"name":["A"],"birthDate":["1970-02-30"]}}`}, 2, "a", "no day 30 in 1970-02"},
		{"not a date", []string{`{"id":"a","schema":"Person","properties":{"name":["A"],"birthDate":["circa 1970"]}}`}, 2, "a", "want YYYY, YYYY-MM or YYYY-MM-DD"},
		{"implausible year", []string{`{"id":"a","schema":"Person","properties":{"name":["A"],"birthDate":["0197"]}}`}, 2, "a", "implausible year"},
		{"bad listing date", []string{
			`{"id":"a","schema":"Person","properties":{"name":["A"]}}`,
			`{"id":"s","schema":"Sanction","properties":{"entity":["a"],"listingDate":["2022-02-31"]}}`}, 2, "a",
			"Sanction s (line 3): listingDate"},
		{"bad nested listing date", []string{
			`{"id":"a","schema":"Person","properties":{"name":["A"],"sanctions":[{"id":"s","schema":"Sanction","properties":{"startDate":["22-01-01"]}}]}}`}, 2, "a",
			"nested Sanction s: startDate"},
		{"bad last_change", []string{`{"id":"a","schema":"Person","properties":{"name":["A"]},"last_change":"yesterday"}`}, 2, "a", `last_change "yesterday"`},
		{"number as value", []string{`{"id":"a","schema":"Person","properties":{"name":[42]}}`}, 2, "a", "property value 42: want a string or an entity object"},
		{"null as value", []string{`{"id":"a","schema":"Person","properties":{"name":[null]}}`}, 2, "a", "property value null"},
		{"value not in a list", []string{`{"id":"a","schema":"Person","properties":{"name":"A"}}`}, 2, "a", "cannot unmarshal"},
		{"properties a list", []string{`{"id":"a","schema":"Person","properties":[]}`}, 2, "a", "cannot unmarshal"},
		{"id a number", []string{`{"id":7,"schema":"Person","properties":{"name":["A"]}}`}, 2, "", "cannot unmarshal"},
		{"nested without schema", []string{`{"id":"a","schema":"Person","properties":{"name":["A"],"sanctions":[{"id":"s","properties":{}}]}}`}, 2, "a",
			"properties.sanctions[0]: nested entity: no schema"},
		{"nested too deep", []string{deepLine(12)}, 2, "d", "nested more than 8 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Join(append([]string{good}, tt.lines...), "\n")
			snap, err := Parse(testList, strings.NewReader(in))
			if snap == nil || len(snap.Entities) != 1 || snap.Entities[0].Names[0].Full != "Still Here" {
				t.Fatalf("snapshot %+v: want the good entity alone", snap)
			}
			var rec *RecordError
			if !errors.As(err, &rec) {
				t.Fatalf("error %v is no *RecordError", err)
			}
			if rec.Line != tt.line || rec.ID != tt.id || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q (line %d, id %q); want line %d, id %q, saying %q", err, rec.Line, rec.ID, tt.line, tt.id, tt.want)
			}
		})
	}
}

// deepLine nests Ownership entities n deep under one Person.
func deepLine(n int) string {
	inner := `{"id":"leaf","schema":"Person","properties":{"name":["Leaf"]}}`
	for i := range n {
		inner = fmt.Sprintf(`{"id":"o%d","schema":"Ownership","properties":{"owner":[%s]}}`, i, inner)
	}
	return `{"id":"d","schema":"Person","properties":{"name":["Deep"],"ownershipAsset":[` + inner + `]}}`
}

func TestRejectedEntitiesAreCapped(t *testing.T) {
	var lines []string
	for i := range 150 {
		lines = append(lines, fmt.Sprintf(`{"id":"p%d","schema":"Person","properties":{"name":["N"],"birthDate":["bad"]}}`, i))
	}
	snap, err := Parse(testList, strings.NewReader(strings.Join(lines, "\n")))
	if snap == nil || len(snap.Entities) != 0 {
		t.Fatalf("snapshot %+v", snap)
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v is not a joined error", err)
	}
	errs := joined.Unwrap()
	if len(errs) != maxRecordErrors+1 || errs[maxRecordErrors].Error() != "ftm list: 50 more entities rejected" {
		t.Errorf("%d errors, last %v", len(errs), errs[len(errs)-1])
	}
}

package ftm

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// FuzzParse feeds the reader arbitrary input, seeded with every line of the hand-written
// test files alone, the files whole, and broken variants. On any input Parse must not panic;
// whatever it returns must hold only well-formed entities.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/entities.ftm.json", "testdata/targets.nested.json"} {
		content, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
		f.Add(content[:len(content)/2])
		for _, line := range bytes.Split(content, []byte("\n")) {
			f.Add(line)
		}
	}
	f.Add([]byte(`{"id":"p","schema":"Person","properties":{"name":["A"],"birthDate":["1970-02-29"]}}`))
	f.Add([]byte("{\"id\":\"p\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xff\"]}}"))
	f.Add([]byte(deepLine(3)))
	f.Add([]byte(`{"id":"a","schema":"Person","properties":{"name":["A"],"addressEntity":["a"]},"target":true}`))

	list := corridor.OpenSanctionsList("fuzz")
	f.Fuzz(func(t *testing.T, data []byte) {
		snap, err := Parse(list, bytes.NewReader(data))
		if snap == nil {
			if err == nil {
				t.Fatal("no snapshot and no error")
			}
			return
		}
		if snap.Version.List != list || snap.Version.Entities != len(snap.Entities) {
			t.Fatalf("version %+v for %d entities", snap.Version, len(snap.Entities))
		}
		ids := map[string]bool{}
		for _, e := range snap.Entities {
			if e.NativeID == "" || e.ID != corridor.EntityID(list, e.NativeID) || !strings.HasPrefix(e.ID, string(list)+":") {
				t.Fatalf("bad ids %q %q", e.ID, e.NativeID)
			}
			if ids[e.ID] {
				t.Fatalf("entity %s twice", e.ID)
			}
			ids[e.ID] = true
			if len(e.Names) == 0 || strings.TrimSpace(e.Names[0].Full) == "" || e.Names[0].Kind != corridor.NamePrimary {
				t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
			}
			if _, ok := map[corridor.Kind]bool{"person": true, "organization": true, "vessel": true, "aircraft": true}[e.Kind]; !ok {
				t.Fatalf("%s: kind %q", e.ID, e.Kind)
			}
			for _, d := range e.BirthDates {
				if err := d.Validate(); err != nil {
					t.Fatalf("%s: %v", e.ID, err)
				}
			}
			for _, c := range append(append([]string{}, e.Nationalities...), e.Citizenships...) {
				if len(c) != 2 || strings.ToUpper(c) != c {
					t.Fatalf("%s: country %q", e.ID, c)
				}
			}
		}
		for _, e := range snap.Entities {
			for _, l := range e.Links {
				if l.EntityID != "" && !ids[l.EntityID] {
					t.Fatalf("%s: link to absent %s", e.ID, l.EntityID)
				}
			}
		}
	})
}

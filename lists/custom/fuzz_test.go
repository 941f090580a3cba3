package custom

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// FuzzParse feeds the reader arbitrary input, seeded with the example file, each of its rows
// under its header, and broken variants. On any input Parse must not panic; whatever it
// returns must hold only well-formed entities.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("testdata/example.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add(example[:len(example)/2])
	header, rows, _ := bytes.Cut(example, []byte("\n"))
	for _, row := range bytes.Split(rows, []byte("\n")) {
		f.Add(append(append(append([]byte{}, header...), '\n'), row...))
	}
	f.Add([]byte("\uFEFFid,name,kind,birth_date\nA1,Ann,person,1970..1975|~1960\n"))
	f.Add([]byte("id,name,id_numbers\nA1,Ann,crypto:bitcoincash:qq9x4f:|passport:X1:FR\n"))
	f.Add([]byte("id,name\nA1,\"Ann\nLee\"\nA1,Bob\n"))

	list := corridor.CustomList("fuzz")
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
			switch e.Kind {
			case corridor.KindPerson, corridor.KindOrganization, corridor.KindVessel, corridor.KindAircraft:
			default:
				t.Fatalf("%s: kind %q", e.ID, e.Kind)
			}
			for _, d := range e.BirthDates {
				if err := d.Validate(); err != nil {
					t.Fatalf("%s: %v", e.ID, err)
				}
			}
			for _, c := range e.Nationalities {
				if len(c) != 2 || strings.ToUpper(c) != c {
					t.Fatalf("%s: country %q", e.ID, c)
				}
			}
			for _, id := range e.Identifiers {
				if id.Number == "" || id.Type == "" {
					t.Fatalf("%s: identifier %+v", e.ID, id)
				}
			}
		}
	})
}

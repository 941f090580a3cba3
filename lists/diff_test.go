package lists

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// The two real successive versions of OFAC's sdn.csv kept by the OFAC reader's tests.
const (
	historyOld = "ofac/testdata/history/sdn-2024-04-26.csv"
	historyNew = "ofac/testdata/history/sdn-2024-05-03.csv"
)

func loadSDNFile(t testing.TB, path string) *corridor.ListSnapshot {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, err := SourceFor(corridor.ListOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Load(src, map[string][]byte{"sdn.csv": content}, path)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestCompareRealSDNHistory(t *testing.T) {
	old, new := loadSDNFile(t, historyOld), loadSDNFile(t, historyNew)
	if old.Version.Entities != 14668 || new.Version.Entities != 14965 {
		t.Fatalf("entities %d -> %d, want 14668 -> 14965 (the data README counts the 0x1A end-of-file line too)", old.Version.Entities, new.Version.Entities)
	}
	d := Compare(old, new)
	got := d.Summary()
	// No entity present in both versions changed: their sdn.csv rows are byte for byte the same
	// (checked independently of the reader).
	want := Summary{Added: 305, Removed: 8, Changed: 0}
	if got != want {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
	if d.Old.Hash != old.Version.Hash || d.New.Hash != new.Version.Hash {
		t.Error("diff does not carry the versions it compares")
	}
	for _, c := range d.Changed {
		if len(c.Fields) == 0 || c.Old.ID != c.ID || c.New.ID != c.ID {
			t.Errorf("change %s: fields %v, ids %s/%s", c.ID, c.Fields, c.Old.ID, c.New.ID)
		}
		for _, f := range c.Fields {
			if ignoredFields[f] {
				t.Errorf("change %s reports ignored field %s", c.ID, f)
			}
		}
	}
	// Every added entity is absent from the old version and every removed one from the new.
	oldIDs, newIDs := ids(old), ids(new)
	for _, e := range d.Added {
		if oldIDs[e.ID] || !newIDs[e.ID] {
			t.Errorf("added %s: in old %v, in new %v", e.ID, oldIDs[e.ID], newIDs[e.ID])
		}
	}
	for _, e := range d.Removed {
		if !oldIDs[e.ID] || newIDs[e.ID] {
			t.Errorf("removed %s: in old %v, in new %v", e.ID, oldIDs[e.ID], newIDs[e.ID])
		}
	}
	if same := Compare(new, new); len(same.Added)+len(same.Removed)+len(same.Changed) != 0 {
		t.Errorf("a version compared with itself differs: %+v", same.Summary())
	}
}

// A real record edited the way OFAC amends entries shows up as changed, with the fields that
// differ.
func TestCompareFindsEditedRecord(t *testing.T) {
	content, err := os.ReadFile(historyOld)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(content), "\r\n")
	edited := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "36,") {
			edited = i
			lines[i] = strings.Replace(l, `"CUBA"`, `"CUBA] [SDGT"`, 1)
			break
		}
	}
	if edited < 0 || lines[edited] == "" {
		t.Fatal("record 36 not found")
	}
	src, _ := SourceFor(corridor.ListOFACSDN)
	old := loadSDNFile(t, historyOld)
	new, err := Load(src, map[string][]byte{"sdn.csv": []byte(strings.Join(lines, "\r\n"))}, "edited")
	if err != nil {
		t.Fatal(err)
	}
	d := Compare(old, new)
	if s := d.Summary(); s != (Summary{Changed: 1}) {
		t.Fatalf("Summary = %+v, want 1 changed", s)
	}
	if c := d.Changed[0]; c.ID != "us_ofac_sdn:36" || !slices.Equal(c.Fields, []string{"Programs"}) {
		t.Errorf("change = %s %v, want us_ofac_sdn:36 [Programs]", c.ID, c.Fields)
	}
}

func ids(s *corridor.ListSnapshot) map[string]bool {
	m := make(map[string]bool, len(s.Entities))
	for _, e := range s.Entities {
		m[e.ID] = true
	}
	return m
}

func TestChangedFields(t *testing.T) {
	a := corridor.Entity{ID: "un:1", List: corridor.ListUN, NativeID: "1", Kind: corridor.KindPerson,
		Names:    []corridor.Name{{Full: "A", Kind: corridor.NamePrimary}},
		Programs: []string{"SDGT"}, Source: corridor.SourceRef{File: "f", Record: "line 1"}}
	b := a
	b.Names = []corridor.Name{{Full: "A", Kind: corridor.NamePrimary}}
	b.Programs = []string{"SDGT", "IRGC"}
	b.BirthDates = []corridor.BirthDate{} // empty equals nil
	b.Source.Record = "line 9"            // a moved record is not a change
	b.Vessel = &corridor.Vessel{Flag: "PA"}
	got := ChangedFields(&a, &b)
	if want := []string{"Programs", "Vessel"}; !slices.Equal(got, want) {
		t.Errorf("ChangedFields = %v, want %v", got, want)
	}
	if got := ChangedFields(&a, &a); len(got) != 0 {
		t.Errorf("ChangedFields(a, a) = %v", got)
	}
}

func TestContentHash(t *testing.T) {
	h1 := ContentHash(map[string][]byte{"a": []byte("xy"), "b": []byte("z")})
	h2 := ContentHash(map[string][]byte{"b": []byte("z"), "a": []byte("xy")})
	h3 := ContentHash(map[string][]byte{"a": []byte("x"), "b": []byte("yz")})
	if h1 != h2 {
		t.Error("hash depends on map order")
	}
	if h1 == h3 {
		t.Error("moving bytes between files does not change the hash")
	}
	if len(h1) != len(HashPrefix)+64 || h1[:len(HashPrefix)] != HashPrefix {
		t.Errorf("hash %q: want sha256:<64 hex>", h1)
	}
}

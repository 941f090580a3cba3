package bundled

import (
	"runtime"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestLoad(t *testing.T) {
	snaps, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest()
	if err != nil {
		t.Fatal(err)
	}
	want := map[corridor.ListID]int{corridor.ListOFACSDN: 8976, corridor.ListOFACNonSDN: 442, corridor.ListUN: 1003}
	if len(snaps) != len(want) {
		t.Fatalf("%d lists embedded, want %d", len(snaps), len(want))
	}
	for i, s := range snaps {
		v := s.Version
		if v.Entities != want[v.List] || len(s.Entities) != v.Entities {
			t.Errorf("%s: %d entities (version says %d), want %d", v.List, len(s.Entities), v.Entities, want[v.List])
		}
		if v.Source != Origin || v.Hash != m.Lists[i].Hash || !v.LoadedAt.Equal(m.SnapshotAt) {
			t.Errorf("%s: version %+v, manifest %+v at %v", v.List, v, m.Lists[i], m.SnapshotAt)
		}
	}
	if un := snaps[2]; un.Version.Published.Format("2006-01-02") != "2026-02-27" {
		t.Errorf("UN published %v, want 2026-02-27", un.Version.Published)
	}
}

func TestLoadList(t *testing.T) {
	un, err := LoadList(corridor.ListUN)
	if err != nil {
		t.Fatal(err)
	}
	tai144 := findEntity(un.Entities, "un:TAi.144")
	if tai144 == nil || !hasName(tai144, corridor.NameOriginalScript, "سراج الدين جلال الدين حقانى") {
		t.Errorf("un:TAi.144 missing or without its original-script name: %+v", tai144)
	}
	sdn, err := LoadList(corridor.ListOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	if e := findEntity(sdn.Entities, "us_ofac_sdn:10743"); e == nil || e.PrimaryName() != "MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa" {
		t.Errorf("us_ofac_sdn:10743 = %+v", e)
	}
	if _, err := LoadList(corridor.ListEU); err == nil {
		t.Error("LoadList(eu): no error, but EU is not embedded")
	}
}

func findEntity(entities []corridor.Entity, id string) *corridor.Entity {
	for i := range entities {
		if entities[i].ID == id {
			return &entities[i]
		}
	}
	return nil
}

func hasName(e *corridor.Entity, kind corridor.NameKind, full string) bool {
	for _, n := range e.Names {
		if n.Kind == kind && n.Full == full {
			return true
		}
	}
	return false
}

func TestFilesMatchManifest(t *testing.T) {
	m, err := ReadManifest()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range m.Lists {
		files, err := Files(l.List)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(l.Files) {
			t.Errorf("%s: %d files, manifest lists %d", l.List, len(files), len(l.Files))
		}
	}
}

// The loaded model of every embedded list (OFAC SDN, OFAC non-SDN, UN) must stay well under
// 200 MB of heap, so that corridor runs on small machines.
func TestHeapOfLoadedModel(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	snaps, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	entities := 0
	for _, s := range snaps {
		entities += len(s.Entities)
	}
	runtime.KeepAlive(snaps)
	t.Logf("heap of the loaded OFAC + UN model: %.1f MB for %d entities", float64(heap)/(1<<20), entities)
	if heap > 200<<20 {
		t.Errorf("loaded model takes %d bytes of heap, limit 200 MB", heap)
	}
}

// Parse and load every embedded list; must stay under 1 s per op on one core:
// go test ./lists/bundled -run '^$' -bench LoadBundled -cpu 1
func BenchmarkLoadBundled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// One embedded list at a time, to see where the time of BenchmarkLoadBundled goes.
func BenchmarkLoadList(b *testing.B) {
	ids, err := Lists()
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range ids {
		b.Run(string(id), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := LoadList(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

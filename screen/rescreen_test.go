package screen

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
)

var (
	historyOnce    sync.Once
	historyIdx     *match.Index
	historyAdded   []corridor.Entity
	historyChanged map[string]bool
	historyKept    []corridor.Entity // entities of both versions
)

// history indexes the newer of two real successive versions of OFAC's sdn.csv (305 entities
// added) and returns what the update changed.
func history(t testing.TB) (*match.Index, map[string]bool) {
	t.Helper()
	historyOnce.Do(func() {
		load := func(path string) *corridor.ListSnapshot {
			content, err := os.ReadFile(path)
			if err != nil {
				panic(err)
			}
			src, err := lists.SourceFor(corridor.ListOFACSDN)
			if err != nil {
				panic(err)
			}
			snap, err := lists.Load(src, map[string][]byte{"sdn.csv": content}, path)
			if err != nil {
				panic(err)
			}
			return snap
		}
		old := load("../lists/ofac/testdata/history/sdn-2024-04-26.csv")
		snap := load("../lists/ofac/testdata/history/sdn-2024-05-03.csv")
		d := lists.Compare(old, snap)
		historyChanged = map[string]bool{}
		for _, e := range d.Added {
			historyChanged[e.ID] = true
		}
		for _, c := range d.Changed {
			historyChanged[c.ID] = true
		}
		historyAdded = d.Added
		for _, e := range snap.Entities {
			if !historyChanged[e.ID] {
				historyKept = append(historyKept, e)
			}
		}
		var err error
		if historyIdx, err = match.Build([]*corridor.ListSnapshot{snap}, match.Config{}); err != nil {
			panic(err)
		}
	})
	return historyIdx, historyChanged
}

func yieldAll(ps []Monitored) func(func(Monitored) bool) {
	return func(yield func(Monitored) bool) {
		for _, p := range ps {
			if !yield(p) {
				return
			}
		}
	}
}

// Re-screening after the real update of 2024-05-03 reports, for every party, exactly the
// alerts a full screen against the new version gives on the 305 added entities, and nothing
// on the entities the update left alone.
func TestRescreenFindsWhatAFullScreenFindsOnChangedEntities(t *testing.T) {
	idx, changed := history(t)
	if len(historyAdded) != 305 {
		t.Fatalf("%d entities added, want 305", len(historyAdded))
	}
	var parties []Monitored
	add := func(name string) {
		parties = append(parties, Monitored{ID: int64(len(parties) + 1), Query: match.Query{Name: name}})
	}
	for _, e := range historyAdded {
		add(e.PrimaryName())
	}
	for _, e := range historyKept[:2000] {
		add(e.PrimaryName())
	}
	negatives, err := eval.BundledNegatives()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range negatives[:5000] {
		add(n)
	}
	got := map[int64][]string{}
	n, err := Rescreen(context.Background(), idx, yieldAll(parties), changed, func(p Monitored, m match.Match) {
		got[p.ID] = append(got[p.ID], m.Entity.ID)
	})
	if err != nil || n != len(parties) {
		t.Fatalf("%d of %d parties screened, %v", n, len(parties), err)
	}
	s := match.NewSearcher(idx)
	for _, p := range parties {
		var want []string
		for _, m := range s.Screen(&p.Query, nil) {
			if m.Alert && changed[m.Entity.ID] {
				want = append(want, m.Entity.ID)
			}
		}
		g := got[p.ID]
		slices.Sort(g)
		slices.Sort(want)
		if !slices.Equal(g, want) {
			t.Errorf("party %d %q: re-screen found %v, a full screen %v", p.ID, p.Query.Name, g, want)
		}
	}
	for i, e := range historyAdded {
		if !slices.Contains(got[int64(i+1)], e.ID) {
			t.Errorf("the added entity's own name %q did not alert on %s: %v", e.PrimaryName(), e.ID, got[int64(i+1)])
		}
	}
}

func TestRescreenStopsWithItsContext(t *testing.T) {
	idx, changed := history(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n, err := Rescreen(ctx, idx, yieldAll([]Monitored{{ID: 1, Query: match.Query{Name: "x"}}}), changed, func(Monitored, match.Match) {})
	if err == nil || n != 0 {
		t.Errorf("%d parties, %v: want 0 and the context's error", n, err)
	}
}

// BenchmarkRescreen re-screens 1,000,000 monitored parties (the bundled negatives, recombined,
// half of them with nationality AF and a birth year) after the real update of 2024-05-03.
func BenchmarkRescreen(b *testing.B) {
	idx, changed := history(b)
	negatives, err := eval.BundledNegatives()
	if err != nil {
		b.Fatal(err)
	}
	const size = 1_000_000
	parties := make([]Monitored, size)
	for i := range parties {
		name := negatives[i%len(negatives)]
		if i >= len(negatives) {
			name = fmt.Sprintf("%s %s", firstWord(negatives[i%len(negatives)]), lastWord(negatives[(i*7919)%len(negatives)]))
		}
		parties[i] = Monitored{ID: int64(i + 1), Query: match.Query{Name: name}}
		if i%2 == 0 {
			parties[i].Query.Countries = []string{"AF"}
			parties[i].Query.BirthDate = corridor.BirthDate{Kind: corridor.DateYear, Year: 1950 + i%50}
		}
	}
	alerts := 0
	b.ResetTimer()
	for b.Loop() {
		alerts = 0
		if _, err := Rescreen(context.Background(), idx, yieldAll(parties), changed, func(Monitored, match.Match) { alerts++ }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)*float64(b.N)/b.Elapsed().Seconds(), "parties/s")
	b.ReportMetric(float64(alerts), "alerts")
}

func firstWord(s string) string {
	for i := range s {
		if s[i] == ' ' {
			return s[:i]
		}
	}
	return s
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

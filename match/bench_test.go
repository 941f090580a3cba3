package match_test

import (
	"runtime"
	"sync"

	"sync/atomic"

	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
)

var (
	benchOnce  sync.Once
	benchSnaps []*corridor.ListSnapshot
	benchIdx   *match.Index
	benchNames []string
)

// benchSetup loads the bundled lists, builds the index and makes the query mix: the 50,000
// persons on no list and, interleaved, every tenth listed name, as a payroll file that
// contains a few listed people would look.
func benchSetup(b testing.TB) {
	benchOnce.Do(func() {
		var err error
		if benchSnaps, err = bundled.Load(); err != nil {
			panic(err)
		}
		if benchIdx, err = match.Build(benchSnaps, match.Config{}); err != nil {
			panic(err)
		}
		negatives, err := eval.BundledNegatives()
		if err != nil {
			panic(err)
		}
		benchNames = append(benchNames, negatives...)
		n := 0
		for _, s := range benchSnaps {
			for _, e := range s.Entities {
				for _, name := range e.Names {
					if n++; n%10 == 0 {
						benchNames = append(benchNames, name.Full)
					}
				}
			}
		}
	})
}

func BenchmarkScreen(b *testing.B) {
	benchSetup(b)
	s := match.NewSearcher(benchIdx)
	var buf []match.Match
	var q match.Query
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q.Name = benchNames[i%len(benchNames)]
		buf = s.Screen(&q, buf[:0])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// afghanPayroll is the query mix of the brief: names of Afghan staff, nearly all made of a
// handful of very common tokens, with nationality AF on every row as a payroll file has it.
// Every pair and triple of the tokens below: 8,400 names on no list.
func afghanPayroll() []match.Query {
	given := []string{"Mohammad", "Ahmad", "Abdul Rahman", "Gul", "Noor", "Ali", "Abdullah", "Hamid",
		"Mohammad Ismail", "Zainab", "Fatima", "Rahim", "Karim", "Shah", "Jan", "Ahmad Shah", "Bibi", "Mir", "Sayed", "Hassan"}
	family := []string{"Ahmadzai", "Stanikzai", "Karimi", "Rahimi", "Popal", "Wardak", "Safi", "Hotak",
		"Noori", "Sultani", "Haidari", "Jalali", "Amiri", "Hashimi", "Khan", "Jan", "Mohammadi", "Ahmadi", "Zadran", "Kakar"}
	var qs []match.Query
	for _, g := range given {
		for _, f := range family {
			qs = append(qs, match.Query{Name: g + " " + f, Countries: []string{"AF"}})
			for _, m := range given {
				qs = append(qs, match.Query{Name: g + " " + m + " " + f, Countries: []string{"AF"}})
			}
		}
	}
	return qs
}

func BenchmarkScreenAfghanPayroll(b *testing.B) {
	benchSetup(b)
	qs := afghanPayroll()
	s := match.NewSearcher(benchIdx)
	var buf []match.Match
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = s.Screen(&qs[i%len(qs)], buf[:0])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

func BenchmarkScreenParallel(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		s := match.NewSearcher(benchIdx)
		var buf []match.Match
		var q match.Query
		for pb.Next() {
			q.Name = benchNames[int(next.Add(1))%len(benchNames)]
			buf = s.Screen(&q, buf[:0])
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

func BenchmarkBuild(b *testing.B) {
	benchSetup(b)
	b.ReportAllocs()
	var idx *match.Index
	for i := 0; i < b.N; i++ {
		var err error
		if idx, err = match.Build(benchSnaps, match.Config{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// What one index keeps, beyond the entities it references.
	var before, after runtime.MemStats
	idx = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	idx, _ = match.Build(benchSnaps, match.Config{})
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(idx)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
}

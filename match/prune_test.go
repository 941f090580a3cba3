package match

import (
	"sync"
	"testing"

	"github.com/corridor-aml/corridor/lists/bundled"
)

// bundledIndex is the index of the bundled lists, built once for the package's own tests.
var bundledIndex = func() func(testing.TB) *Index {
	var once sync.Once
	var idx *Index
	var err error
	return func(t testing.TB) *Index {
		once.Do(func() {
			snaps, lerr := bundled.Load()
			if lerr != nil {
				err = lerr
				return
			}
			idx, err = Build(snaps, Config{})
		})
		if err != nil {
			t.Fatal(err)
		}
		return idx
	}
}()

// A name of very common tokens reaches thousands of listed names through them ("Mohammad"
// alone is in some 2,000), but touches and aligns only the few that enough of its tokens
// reach for a score above the reporting floor. Before candidates were counted once per
// listed token, and names by how many tokens reach them, "Mohammad Ismail Ahmadzai"
// aligned 1,837 names.
func TestCommonNamesAlignFewNames(t *testing.T) {
	idx := bundledIndex(t)
	if id, ok := idx.tokenID([]byte("muhammad")); !ok || len(idx.toks[id].postings) < 1000 {
		t.Fatal("muhammad is no longer in 1,000 listed names: the test no longer shows the pruning")
	}
	s := NewSearcher(idx)
	for _, name := range []string{"Mohammad Ismail Ahmadzai", "Mohammad Ismail", "Gul Ahmad Karimi", "Abdul Rahman Mohammadi"} {
		s.Screen(&Query{Name: name, Countries: []string{"AF"}}, nil)
		if len(s.touched) > 1000 || len(s.scored) > 150 {
			t.Errorf("%s: %d names touched and %d aligned, want at most 1,000 and 150", name, len(s.touched), len(s.scored))
		}
	}
}

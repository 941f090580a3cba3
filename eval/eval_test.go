package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/bundled"
)

// The evaluation of the matcher on the bundled lists, as `corridor eval` runs it, on every
// fifth alias (the full run is in docs/performance.md). The floors are the figures measured
// when the matcher last changed, less a small margin: a change that makes the matcher worse
// fails here. The bars (99% damaged recall, 90% other-script recall, at most 0.1%
// alerts) are higher; docs/matching.md says where the matcher stands against them.
func TestEvaluation(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation screens about 100,000 names")
	}
	snaps, err := bundled.Load()
	if err != nil {
		t.Fatal(err)
	}
	negatives, err := BundledNegatives()
	if err != nil {
		t.Fatal(err)
	}
	if len(negatives) != 50000 {
		t.Fatalf("%d bundled negatives, want 50000", len(negatives))
	}
	rep, err := Run(snaps, negatives, Config{Sample: 5})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + text.String())
	if rep.ByDamage[Exact].Rate() < 0.995 {
		t.Errorf("exact alias recall %.4f < 0.995", rep.ByDamage[Exact].Rate())
	}
	// Floors a little under what the sample measures (99.00% and 91.96% when written), so
	// that a change which costs recall fails here; issue #3's bars are checked on every
	// alias by `corridor eval`.
	if rep.Damaged.Rate() < 0.985 {
		t.Errorf("damaged recall %.4f < 0.985", rep.Damaged.Rate())
	}
	if rep.OtherScript.Queries < 300 || rep.OtherScript.Rate() < 0.90 {
		t.Errorf("other-script recall %.4f over %d queries, want >= 0.90 over >= 300", rep.OtherScript.Rate(), rep.OtherScript.Queries)
	}
	if rep.Negatives.Rate() > 0.001 {
		t.Errorf("alert rate %.5f on the negatives > 0.001", rep.Negatives.Rate())
	}
	if !strings.Contains(text.String(), "worst false alerts") || len(rep.Sweep) == 0 {
		t.Error("report lacks its sections")
	}
}

func TestDamageIsReproducible(t *testing.T) {
	un, err := bundled.LoadList("un")
	if err != nil {
		t.Fatal(err)
	}
	snaps := []*corridor.ListSnapshot{un}
	a := damagedPositives(snaps, Config{Seed: 7, Sample: 3})
	b := damagedPositives(snaps, Config{Seed: 7, Sample: 3})
	c := damagedPositives(snaps, Config{Seed: 8, Sample: 3})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d and %d positives", len(a), len(b))
	}
	same := true
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("positive %d differs between runs with one seed: %+v, %+v", i, a[i], b[i])
		}
		if i < len(c) && a[i] != c[i] {
			same = false
		}
	}
	if same {
		t.Error("seeds 7 and 8 made the same damage")
	}
}

func TestReadNegativesErrors(t *testing.T) {
	if _, err := ReadNegatives(strings.NewReader("name\nX\n"), "n.csv"); err == nil || !strings.Contains(err.Error(), "n.csv") {
		t.Errorf("missing full_name column: %v", err)
	}
	if _, err := ReadNegatives(strings.NewReader("full_name,x\nA,1\n,2\n"), "n.csv"); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("empty name: %v", err)
	}
	if _, err := ReadNegatives(strings.NewReader("full_name,x\nA,1,2\n"), "n.csv"); err == nil {
		t.Error("wrong column count accepted")
	}
}

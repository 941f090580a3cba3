package match

import (
	"fmt"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/names"
	"testing"
)

func TestTryIdx(t *testing.T) {
	snaps, _ := bundled.Load()
	idx, _ := Build(snaps, Config{MinScore: 0.1})
	s := NewSearcher(idx)
	var a names.Analyzer
	for _, n := range []string{"WILAYATAL-HARAMAYN", "GREEN ISLANDS.A.", "AliABDULKARIM", "Hamzaal-Darnawi"} {
		toks := a.Analyze(n, "")
		fmt.Printf("%q %d\n", toks, a.Family())
		ms := s.Screen(&Query{Name: n}, nil)
		for _, c := range s.cands {
			if c.sim > 0.9 {
				fmt.Printf("%d:%s/%.2f ", c.pos, idx.toks[c.tok].text, c.sim)
			}
		}
		fmt.Println(s.splits)
		for i, m := range ms {
			if i > 2 {
				break
			}
			fmt.Printf("  %.3f %.3f %v %s %s\n", m.Score, m.NameScore, m.Alert, m.Entity.ID, m.Name)
		}
	}
}

package match
import ("testing";"fmt";"github.com/corridor-aml/corridor/lists/bundled";"github.com/corridor-aml/corridor/names")
func TestTryIdx(t *testing.T) {
	snaps, _ := bundled.Load()
	idx, _ := Build(snaps, Config{MinScore: 0.1})
	s := NewSearcher(idx)
	var a names.Analyzer
	for _, n := range []string{"MuhammadAHSAN","AHSAN, Muhammad","Abu Usmah al-Masri","Abu Usamah al-Masri"} {
		fmt.Printf("%q %d\n", a.Analyze(n, ""), a.Family())
		ms := s.Screen(&Query{Name:n}, nil)
		fmt.Println(s.cands, s.splits)
		for i, m := range ms { if i>2 {break}; fmt.Printf("  %.3f %.3f %v %s %s\n", m.Score, m.NameScore, m.Alert, m.Entity.ID, m.Name) }
	}
}

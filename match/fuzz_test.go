package match_test

import (
	"testing"

	"github.com/corridor-aml/corridor/match"
)

// Any query name, against the bundled lists: no panic, scores in [0,1], best first, alerts
// exactly the matches at or above the threshold, and every match explainable.
func FuzzScreen(f *testing.F) {
	for _, seed := range []string{
		"Sirajuddin Haqqani", "سراج الدين جلال الدين حقانى", "Mohammad Ismail", "HAQQANI, Siraj",
		"Abdulhakimhaqqani", "Ullah Najib", "Salim Abu", "EP-MOB", "a b c d e f g h i j k l m n o p q r",
		"", " ", "\x00", "ــــ", "Kathryn Barr",
	} {
		f.Add(seed)
	}
	benchSetup(f)
	s := match.NewSearcher(benchIdx)
	threshold := benchIdx.Config().Threshold
	f.Fuzz(func(t *testing.T, name string) {
		q := match.Query{Name: name}
		ms := s.Screen(&q, nil)
		for i, m := range ms {
			if m.Score < 0 || m.Score > 1 || (i > 0 && m.Score > ms[i-1].Score) {
				t.Fatalf("%q: match %d score %v out of order or range", name, i, m.Score)
			}
			if m.Alert != (m.Score >= threshold) {
				t.Fatalf("%q: %s score %v alert %v", name, m.Entity.ID, m.Score, m.Alert)
			}
			if ex := s.Explain(&q, m); ex.Score != m.Score {
				t.Fatalf("%q: explanation of %s says %v, match %v", name, m.Entity.ID, ex.Score, m.Score)
			}
		}
	})
}

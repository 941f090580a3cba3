package names

import (
	"testing"

	"github.com/corridor-aml/corridor"
)

// Every name from outside goes through the analyzer: whatever the bytes, it must not panic,
// and its tokens must be non-empty runs of lower-case Latin letters and digits.
func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		"MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa", "سراج الدين جلال الدين حقانى",
		"Сергей Лавров", "Αλέξης Τσίπρας", "花子 田中", "Abd al-Rahman", "S.A.S.", "EP-MOB",
		"ګل محمد ځدراڼ", "SA’D", ",,,", "\xff\xfe", "Haji", "a-b-c-d-e-f-g",
	} {
		f.Add(seed)
	}
	var a, b Analyzer
	f.Fuzz(func(t *testing.T, name string) {
		toks := a.Analyze(name, corridor.KindUnknown)
		first := make([]string, len(toks))
		for i, tok := range toks {
			if len(tok) == 0 {
				t.Fatalf("%q: empty token %d", name, i)
			}
			for _, c := range tok {
				if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
					t.Fatalf("%q: token %q has byte %q", name, tok, c)
				}
			}
			first[i] = string(tok)
			if len(Skeleton(nil, tok)) > 2*len(tok) {
				t.Fatalf("%q: skeleton of %q too long", name, tok)
			}
		}
		again := b.Analyze(name, corridor.KindUnknown)
		if len(again) != len(first) {
			t.Fatalf("%q: analyzed twice, %d then %d tokens", name, len(first), len(again))
		}
		for i := range again {
			if string(again[i]) != first[i] {
				t.Fatalf("%q: analyzed twice, token %d %q then %q", name, i, first[i], again[i])
			}
		}
	})
}

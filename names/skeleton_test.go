package names

import (
	"testing"

	"github.com/corridor-aml/corridor"
)

// Names of the same person in Arabic script and in the Latin spelling the lists use share a
// consonant skeleton.
func TestSkeletonAcrossScripts(t *testing.T) {
	pairs := [][2]string{
		{"حقانى", "Haqqani"},
		{"حسين", "Hussein"},
		{"التكريتي", "al-Tikriti"},
		{"محمد", "Mohammad"},
		{"آخوندزاده", "Akhundzada"},
		{"عكاشة", "Akkacha"},
		{"لونيسي", "Lounici"},
		{"ثروت", "Tharwat"},
		{"كاظم", "Kathim"},
	}
	var a, b Analyzer
	for _, p := range pairs {
		ta := a.Analyze(p[0], corridor.KindPerson)
		tb := b.Analyze(p[1], corridor.KindPerson)
		if len(ta) != 1 || len(tb) != 1 {
			t.Fatalf("%q, %q: want one token each, got %q and %q", p[0], p[1], ta, tb)
		}
		if sa, sb := string(Skeleton(nil, ta[0])), string(Skeleton(nil, tb[0])); sa != sb {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q; want equal", p[0], sa, p[1], sb)
		}
	}
}

func TestSkeletonKeepsDifferentNamesApart(t *testing.T) {
	for _, p := range [][2]string{{"ahmad", "mahmud"}, {"karim", "rahim"}, {"jalal", "khalil"}} {
		if sa, sb := string(Skeleton(nil, []byte(p[0]))), string(Skeleton(nil, []byte(p[1]))); sa == sb {
			t.Errorf("%s and %s share skeleton %q", p[0], p[1], sa)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"haqqani", "haqqani", 1},
		{"haqqani", "haqani", 0.92},       // a doubled letter dropped
		{"haqqani", "haqqnai", 0.92},      // two letters swapped
		{"sirajuddin", "sirajudin", 0.95}, // long token, one slip
		{"akhundzada", "akhundzadeh", 0.85},
		{"barr", "bar", 0.85},
		{"ali", "aly", 0}, // three letters: equal or nothing
		{"ali", "ali", 1},
		{"jones", "smith", 0},
	}
	for _, tt := range tests {
		if got := Similarity([]byte(tt.a), []byte(tt.b)); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Similarity([]byte(tt.b), []byte(tt.a)); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, not symmetric", tt.b, tt.a, got)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"haqqani", "haqqnai", 2, 1},
		{"abc", "abc", 0, 0},
		{"abcdef", "a", 2, 3}, // over the limit: limit+1
		{"", "abc", 5, 3},
	}
	for _, tt := range tests {
		if got := Distance([]byte(tt.a), []byte(tt.b), tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestSimilarityNearAgreesWithSimilarity(t *testing.T) {
	words := []string{"haqqani", "haqani", "haqqnai", "haqqanii", "hakkani", "sirajuddin", "sirajudin", "sirajdin", "ali", "aly", "barr", "bar", "abcd", "abdc", "bacd"}
	for _, a := range words {
		for _, b := range words {
			if Distance([]byte(a), []byte(b), 2) > 2 {
				continue
			}
			if got, want := SimilarityNear([]byte(a), []byte(b)), Similarity([]byte(a), []byte(b)); got != want {
				t.Errorf("SimilarityNear(%q, %q) = %v, Similarity = %v", a, b, got, want)
			}
		}
	}
}

// Latin writes as one digraph what Arabic script writes as two letters: "Ishaq" is اسحاق
// (s, h), "Mazhari" is مظهری (z, h). SkeletonApart reads the Latin h on its own.
func TestSkeletonApart(t *testing.T) {
	var a, b Analyzer
	for _, p := range [][2]string{{"اسحاق", "Ishaq"}, {"مظهری", "Mazhari"}} {
		script := Skeleton(nil, a.Analyze(p[0], corridor.KindPerson)[0])
		latin := b.Analyze(p[1], corridor.KindPerson)[0]
		if string(Skeleton(nil, latin)) == string(script) {
			t.Errorf("%s: Skeleton already agrees (%q); the test no longer shows the gap", p[1], script)
		}
		apart, ok := SkeletonApart(nil, latin)
		if !ok || string(apart) != string(script) {
			t.Errorf("SkeletonApart(%q) = %q, %v; want %q", latin, apart, ok, script)
		}
	}
	if _, ok := SkeletonApart(nil, []byte("haqqani")); ok {
		t.Error("SkeletonApart(haqqani): no digraph to read apart, want false")
	}
}

// Arabic writes ض and ظ for a d sound that Persian says as z; the variant reads them as د.
func TestDentalVariant(t *testing.T) {
	got, ok := DentalVariant(nil, "نضال الربيعي")
	if !ok || string(got) != "ندال الربيعي" {
		t.Errorf("DentalVariant = %q, %v", got, ok)
	}
	if _, ok := DentalVariant(nil, "محمد"); ok {
		t.Error("DentalVariant(محمد): nothing to read, want false")
	}
}

// A final i makes another Persian or Arabic name, a family name from a given one.
func TestNisbaIsNotATypo(t *testing.T) {
	for _, p := range [][2]string{{"muhammadi", "muhammad"}, {"karim", "karimi"}, {"rahimi", "rahim"}} {
		a, b := []byte(p[0]), []byte(p[1])
		if got, near := Similarity(a, b), SimilarityNear(a, b); got != nisbaSim || near != nisbaSim {
			t.Errorf("%s ~ %s: Similarity %.2f, SimilarityNear %.2f, want %.2f", p[0], p[1], got, near, nisbaSim)
		}
	}
	if got := Similarity([]byte("hamidi"), []byte("hamidy")); got != 0.92 {
		t.Errorf("hamidi ~ hamidy: %.2f, want a plain slip 0.92", got)
	}
}

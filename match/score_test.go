package match

import "testing"

func TestCombineBound(t *testing.T) {
	for x := float32(0.01); x <= 1; x += 0.01 {
		for y := float32(0.01); y <= 1; y += 0.01 {
			if b, c := combineBound(x, y), combine(x, y); b < c-1e-12 {
				t.Fatalf("combineBound(%v, %v) = %v < combine = %v", x, y, b, c)
			}
		}
	}
}

func TestFactVerdict(t *testing.T) {
	for _, tt := range []struct {
		f    FactEffect
		want string
	}{
		{FactEffect{Agrees: true, Delta: dobYearBonus}, "agrees"},
		{FactEffect{Delta: dobConflictMalus}, "conflicts"},
		{FactEffect{}, "is near"}, // a birth year 1 to 3 years off: no effect
	} {
		if got := tt.f.Verdict(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
}

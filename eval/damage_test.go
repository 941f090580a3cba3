package eval

import (
	"math/rand/v2"
	"testing"
)

func TestApply(t *testing.T) {
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
	tests := []struct {
		d     Damage
		name  string
		check func(string) bool
	}{
		{Exact, "HAQQANI, Siraj", func(s string) bool { return s == "HAQQANI, Siraj" }},
		{NoDiacritics, "José García", func(s string) bool { return s == "Jose Garcia" }},
		{Reorder, "Siraj Haqqani", func(s string) bool { return s == "Haqqani Siraj" }},
		{SurnameFirst, "Siraj Haqqani", func(s string) bool { return s == "HAQQANI, Siraj" }},
		{DropMiddle, "MUHAMMAD, Sirajuddin Haqqani Jalaluddin", func(s string) bool {
			return s == "Sirajuddin Jalaluddin MUHAMMAD" || s == "Sirajuddin Haqqani MUHAMMAD"
		}},
		{AddTitle, "Siraj Haqqani", func(s string) bool { return len(s) > len("Siraj Haqqani") }},
		{DropLetter, "Haqqani", func(s string) bool { return len(s) == len("Haqqani")-1 && s[0] == 'H' }},
		{DoubleLetter, "Haqqani", func(s string) bool { return len(s) == len("Haqqani")+1 && s[0] == 'H' }},
	}
	for _, tt := range tests {
		got, ok := Apply(tt.d, tt.name, rng())
		if !ok || !tt.check(got) {
			t.Errorf("Apply(%s, %q) = %q, %v", tt.d, tt.name, got, ok)
		}
	}
	if _, ok := Apply(NoDiacritics, "Siraj Haqqani", rng()); ok {
		t.Error("dropping diacritics from a name without any applied")
	}
	if _, ok := Apply(DropMiddle, "Siraj Haqqani", rng()); ok {
		t.Error("a two-token name lost a middle name")
	}
	if _, ok := Apply(SwapLetters, "'ALI, Abu", rng()); ok {
		t.Error("letters swapped in words shorter than five letters")
	}
}

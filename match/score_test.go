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

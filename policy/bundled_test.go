package policy

import "testing"

func TestBundledLoads(t *testing.T) {
	p, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if p.Disclaimer == "" || len(p.Licences) < 10 {
		t.Fatalf("pack = %s, %d licences", p, len(p.Licences))
	}
	for _, l := range p.Licences {
		if len(l.Citations) == 0 || l.Explanation == "" {
			t.Errorf("licence %s: no citation or explanation", l.ID)
		}
	}
}

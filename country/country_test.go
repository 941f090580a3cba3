package country

import "testing"

func TestCode(t *testing.T) {
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"Afghanistan", "AF", true},
		{"AFGHANISTAN", "AF", true},
		{"Iran (Islamic Republic of)", "IR", true},
		{"Korea, North", "KP", true},
		{"Democratic Republic of the Congo", "CD", true},
		{"Syrian Arab Republic", "SY", true},
		{"the Netherlands", "NL", true},
		{"Russian Federation", "RU", true},
		{"AF", "AF", true},
		{"afg", "AF", true},
		{"Pakistani", "PK", true},
		{"United Kingdom of Great Britain and Northern Ireland", "GB", true},
		{"Atlantis", "", false},
		{"", "", false},
		{"  ", "", false},
	}
	for _, tt := range tests {
		got, ok := Code(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Code(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInText(t *testing.T) {
	got, ok := InText("Srana Village, Garda Saray District, Paktya Province, Afghanistan")
	if !ok || got != "AF" {
		t.Fatalf("InText = %q, %v; want AF", got, ok)
	}
	if _, ok := InText("Shati"); ok {
		t.Fatal("InText(Shati) found a country")
	}
}

func TestName(t *testing.T) {
	if got := Name("af"); got != "Afghanistan" {
		t.Fatalf("Name(af) = %q", got)
	}
	if got := Name("ZZ"); got != "" {
		t.Fatalf("Name(ZZ) = %q, want empty", got)
	}
}

func TestCurrentCodesWinOverWithdrawn(t *testing.T) {
	for name, want := range map[string]string{"Panama": "PA", "France": "FR", "Benin": "BJ", "Burkina Faso": "BF", "Congo - Kinshasa": "CD"} {
		if got, _ := Code(name); got != want {
			t.Errorf("Code(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestWithdrawnCodesDoNotTakeNames(t *testing.T) {
	if got, _ := Code("Germany"); got != "DE" {
		t.Errorf("Code(Germany) = %q, want DE", got)
	}
}

package corridor

import "testing"

func TestCanonicalAmount(t *testing.T) {
	for _, tt := range []struct{ whole, frac, want string }{
		{"15669", "38", "15669.38"},
		{"0015669", "380", "15669.38"},
		{"5000", "00", "5000"},
		{"19999", "", "19999"},
		{"", "5", "0.5"},
		{"000", "000", "0"},
	} {
		if got := CanonicalAmount(tt.whole, tt.frac); got != tt.want {
			t.Errorf("CanonicalAmount(%q, %q) = %q, want %q", tt.whole, tt.frac, got, tt.want)
		}
	}
}

func TestPaymentValidate(t *testing.T) {
	ok := Payment{
		Amount:  Amount{Value: "10.5", Currency: "EUR"},
		Parties: []Party{{Role: RoleDebtor, Name: "A"}, {Role: RoleDebtorAgent, BIC: "DEUTDEFF"}},
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid payment: %v", err)
	}
	for _, tt := range []struct {
		name string
		edit func(*Payment)
	}{
		{"bad currency", func(p *Payment) { p.Amount.Currency = "eur" }},
		{"bad value", func(p *Payment) { p.Amount.Value = "1,5" }},
		{"two points", func(p *Payment) { p.InstructedAmount = Amount{Value: "1.2.3", Currency: "EUR"} }},
		{"unknown role", func(p *Payment) { p.Parties[0].Role = "beneficiary" }},
		{"empty party", func(p *Payment) { p.Parties[1] = Party{Role: RoleCreditor} }},
	} {
		p := ok
		p.Parties = append([]Party(nil), ok.Parties...)
		tt.edit(&p)
		if err := p.Validate(); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

package screen

import (
	"os"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/payment/mt103"
)

var (
	indexOnce sync.Once
	current   *match.Current
)

// screener screens against the bundled OFAC and UN lists.
func screener(t testing.TB) *Screener {
	t.Helper()
	indexOnce.Do(func() {
		snaps, err := bundled.Load()
		if err != nil {
			panic(err)
		}
		idx, err := match.Build(snaps, match.Config{})
		if err != nil {
			panic(err)
		}
		current = match.NewCurrent(idx)
	})
	return NewScreener(current, Options{})
}

func hitsOf(res PaymentResult, id string) []Hit {
	var out []Hit
	for _, h := range res.Hits {
		if h.Match.Entity.ID == id {
			out = append(out, h)
		}
	}
	return out
}

// A salary payment to a listed person: the creditor alerts, with its role and field; the
// debtor and the banks do not.
func TestPaymentPartyHit(t *testing.T) {
	p := &corridor.Payment{
		Amount: corridor.Amount{Value: "250", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "World Food Programme", Where: ":50K:"},
			{Role: corridor.RoleDebtorAgent, BIC: "DEUTDEFFXXX", Where: ":52A:"},
			{Role: corridor.RoleCreditor, Name: "HAQQANI, Siraj", BirthDate: "1977-01-01", Country: "AF", Where: ":59F:"},
		},
	}
	res := screener(t).Payment(p)
	if !res.Alert {
		t.Fatalf("no alert: %+v", res.Hits)
	}
	hits := hitsOf(res, "us_ofac_sdn:10743")
	if len(hits) == 0 || !hits[0].Match.Alert || hits[0].Role != corridor.RoleCreditor || hits[0].Where != ":59F:" {
		t.Fatalf("Sirajuddin Haqqani as creditor: %+v", hits)
	}
	if len(hits[0].Explanation.Facts) == 0 {
		t.Error("the creditor's birth date and country were not weighed")
	}
	for _, h := range res.Hits {
		if h.Match.Alert && h.Role != corridor.RoleCreditor {
			t.Errorf("%s at %s alerts on %s %q", h.Role, h.Where, h.Match.Entity.ID, h.Match.Name)
		}
	}
}

// An agent given only by BIC: the lists give the bank's BIC with 8 characters, the payment
// with 11; the identifier decides. The BIC also ties the payment to the bank's country.
func TestPaymentAgentBIC(t *testing.T) {
	p := &corridor.Payment{Parties: []corridor.Party{
		{Role: corridor.RoleIntermediaryAgent, BIC: "KDBKKPPYXXX", Where: "CdtTrfTxInf[1]/IntrmyAgt1"},
	}}
	res := screener(t).Payment(p)
	hits := hitsOf(res, "us_ofac_sdn:12312") // KOREA DAESONG BANK
	if len(hits) != 1 || hits[0].Match.Score != 1 || hits[0].Role != corridor.RoleIntermediaryAgent {
		t.Fatalf("Korea Daesong Bank by BIC: %+v", hits)
	}
	if !hasCountry(res, "KP", "bic") {
		t.Errorf("countries %+v lack KP from the BIC", res.Countries)
	}
}

// Free text: a listed organization named in the remittance information alerts once, with
// the words that named it; jurisdictions are found by name and by regulatory code word.
func TestPaymentText(t *testing.T) {
	p := &corridor.Payment{
		Parties:        []corridor.Party{{Role: corridor.RoleCreditor, Name: "Ahmad Karimi", Where: ":59:"}},
		RemittanceInfo: []corridor.Text{{Text: "SUPPORT FOR THE HAQQANI NETWORK\nOFFICE IN KABUL", Where: ":70:"}},
		Instructions:   []corridor.Text{{Text: "/BENEFRES/AF//KABUL", Where: ":77B:"}},
	}
	res := screener(t).Payment(p)
	var found *Hit
	for i, h := range res.Hits {
		if h.Where == ":70:" && h.Match.Alert && h.Match.Entity.Kind == corridor.KindOrganization {
			found = &res.Hits[i]
		}
	}
	if found == nil {
		t.Fatalf("the Haqqani Network in field 70 did not alert: %+v", res.Hits)
	}
	if n := len(hitsOf(res, found.Match.Entity.ID)); n != 1 {
		t.Errorf("%s reported %d times, want once", found.Match.Entity.ID, n)
	}
	if !hasCountry(res, "AF", "text") || !hasCountry(res, "AF", "residence") {
		t.Errorf("countries %+v: want AF from the text and from /BENEFRES/", res.Countries)
	}
}

// The real CBPR+ sample, read by the MT103 reader: nothing on it is listed, and its
// countries come from the addresses and BICs.
func TestPaymentRealMessageIsClear(t *testing.T) {
	f, err := os.Open("../payment/mt103/testdata/mt103-p_2_1_1_C_D.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := mt103.Read(f, "sample")
	if err != nil {
		t.Fatal(err)
	}
	res := screener(t).Payment(&ps[0])
	if res.Alert {
		t.Errorf("a plain payment alerts: %+v", res.Hits)
	}
	for _, want := range []struct{ cc, source string }{{"GB", "address"}, {"FI", "address"}, {"GB", "bic"}, {"FI", "bic"}, {"NL", "bic"}} {
		if !hasCountry(res, want.cc, want.source) {
			t.Errorf("countries %+v lack %s from %s", res.Countries, want.cc, want.source)
		}
	}
	if len(res.Versions) == 0 {
		t.Error("no list versions in the result")
	}
}

func hasCountry(res PaymentResult, cc, source string) bool {
	for _, c := range res.Countries {
		if c.Country == cc && c.Source == source {
			return true
		}
	}
	return false
}

func TestIBANCountry(t *testing.T) {
	for _, tt := range []struct {
		account, want string
	}{
		{"DE89370400440532013000", "DE"},
		{"DE89 3704 0044 0532 0130 00", "DE"},
		{"GB82WEST12345698765432", "GB"},
		{"DE88370400440532013000", ""}, // wrong check digits
		{"AF12345", ""},                // too short: Afghanistan has no IBAN
		{"00123456789012345678", ""},
	} {
		got, ok := IBANCountry(tt.account)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("IBANCountry(%q) = %q, %v; want %q", tt.account, got, ok, tt.want)
		}
	}
}

func TestJurisdictionsInText(t *testing.T) {
	idx := newPhraseIndex(DefaultJurisdictions)
	codes, phrases := idx.find("Transfer to Mazar-i-Sharif, then on to the Islamic Republic; not Iranian, not IRAN-X but Iran")
	if len(codes) != 2 || codes[0] != "AF" || codes[1] != "IR" || phrases[0] != "mazar isharif" {
		t.Errorf("codes %v, phrases %v", codes, phrases)
	}
	if codes, _ := idx.find("Herath Street, Colombo"); len(codes) != 0 {
		t.Errorf("Herath is not Herat: %v", codes)
	}
}

func BenchmarkPayment(b *testing.B) {
	s := screener(b)
	p := &corridor.Payment{
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "World Food Programme", Where: ":50K:"},
			{Role: corridor.RoleDebtorAgent, BIC: "DEUTDEFFXXX", Where: ":52A:"},
			{Role: corridor.RoleCreditorAgent, BIC: "AFIBAFKAXXX", Where: ":57A:"},
			{Role: corridor.RoleCreditor, Name: "Mohammad Ismail Ahmadzai", Country: "AF", Where: ":59F:"},
		},
		RemittanceInfo: []corridor.Text{{Text: "SALARY NOVEMBER 2026 TEACHER\nGHAZNI PROVINCE SCHOOL 12", Where: ":70:"}},
	}
	b.ReportAllocs()
	for b.Loop() {
		if res := s.Payment(p); res.Alert {
			b.Fatal("alert")
		}
	}
}

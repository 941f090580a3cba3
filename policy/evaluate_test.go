package policy

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

// packOf builds a pack of the licences given as YAML items.
func packOf(t *testing.T, licences ...string) *Pack {
	t.Helper()
	src := "pack: {id: t, version: '1', title: T, disclaimer: Not legal advice.}\nlicences:\n" + strings.Join(licences, "")
	p, err := Load([]byte(src), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// lic writes one licence item; scope and when are YAML flow text.
func lic(id, effect, scope, when string, extra ...string) string {
	s := fmt.Sprintf(`  - id: %s
    authority: OFAC
    title: %s
    citations: [{document: doc}]
    effective: {from: 2022-01-01, to: 2030-12-31}
    scope: %s
    when: %q
    effect: %s
    explanation: because
`, id, id, scope, when, effect)
	for _, e := range extra {
		s += "    " + e + "\n"
	}
	return s
}

var (
	sdgt = &corridor.Entity{ID: "us_ofac_sdn:1", List: corridor.ListOFACSDN, Kind: corridor.KindPerson,
		Programs: []string{"SDGT"}, Names: []corridor.Name{{Full: "HAQQANI, Test"}},
		BirthPlaces: []corridor.Place{{Text: "Khost, Afghanistan", Country: "AF"}}}
	unTaliban = &corridor.Entity{ID: "un:TAi.1", List: corridor.ListUN, Kind: corridor.KindPerson,
		Programs: []string{"Taliban"}, Names: []corridor.Name{{Full: "TEST NAME"}}}
)

func synthetic() (*corridor.Payment, *screen.PaymentResult) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", PurposeCode: "CHAR", Amount: corridor.Amount{Value: "1500.5", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Relief NGO", Country: "US", Where: "Dbtr"},
			{Role: corridor.RoleCreditorAgent, BIC: "AFIBAFKAXXX", Where: "CdtrAgt"},
			{Role: corridor.RoleCreditor, Name: "Test Haqqani", Country: "AF", Where: "Cdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Office furniture and supplies", Where: "RmtInf"}},
	}
	res := &screen.PaymentResult{
		Hits: []screen.Hit{
			{Role: corridor.RoleCreditor, Where: "Cdtr", Query: "Test Haqqani", Match: match.Match{Entity: sdgt, List: sdgt.List, Score: 0.97, Alert: true, Name: "HAQQANI, Test"}},
			{Where: "RmtInf", Query: "Test Name", Match: match.Match{Entity: unTaliban, List: unTaliban.List, Score: 0.9, Alert: true}},
		},
		Countries: []screen.CountryFact{{Country: "US", Source: "address"}, {Country: "AF", Source: "bic"}, {Country: "AF", Source: "address"}},
	}
	return p, res
}

func TestEvaluateScopeAndStatus(t *testing.T) {
	pk := packOf(t,
		lic("ofac-only", "deny", "{programs: [SDGT], lists: [us_ofac_sdn]}", "true"),
		lic("un-only", "authorize", "{lists: [un]}", "true"),
		lic("any-hit", "review", "{}", "hit.score > 0.95"),
		lic("not-af", "deny", "{jurisdictions: [IR]}", "true"),
		lic("old", "deny", "{}", "true"),
		lic("party-sees", "authorize", "{lists: [us_ofac_sdn]}", "party.name == 'Test Haqqani' && party.country == 'AF' && !party.is_agent && hit.countries == ['AF']"),
		lic("text-sees", "authorize", "{lists: [un]}", "hit.in_text && party.role == '' && hit.where == 'RmtInf'"),
		lic("pay", "review", "{jurisdictions: [AF]}", "payment.amount == 1500.5 && payment.countries == ['US', 'AF'] && payment.purpose_code == 'CHAR'", "applies_to: payment"),
	)
	pk.Licence("old").To = "2025-12-31"
	p, res := synthetic()
	r := pk.Evaluate(p, res, Options{})
	if r.Date != "2026-11-20" || r.DateSource != "value_date" {
		t.Fatalf("date = %s (%s)", r.Date, r.DateSource)
	}
	want := map[string][]Status{ // per hit: ofac-only, un-only, any-hit, not-af, old, party-sees, text-sees
		"us_ofac_sdn:1": {StatusApplied, StatusOutOfScope, StatusApplied, StatusNoJurisdiction, StatusNotInForce, StatusApplied, StatusOutOfScope},
		"un:TAi.1":      {StatusOutOfScope, StatusApplied, StatusConditionFalse, StatusNoJurisdiction, StatusNotInForce, StatusOutOfScope, StatusApplied},
	}
	for _, h := range r.Hits {
		var got []Status
		for _, l := range h.Licences {
			got = append(got, l.Status)
		}
		if fmt.Sprint(got) != fmt.Sprint(want[h.EntityID]) {
			t.Errorf("%s: statuses %v, want %v", h.EntityID, got, want[h.EntityID])
		}
	}
	if r.Hits[0].Effect != EffectDeny || r.Hits[1].Effect != EffectAuthorize {
		t.Errorf("effects %s, %s; want deny (over authorize and review), authorize", r.Hits[0].Effect, r.Hits[1].Effect)
	}
	if len(r.Payment.Licences) != 1 || r.Payment.Effect != EffectReview {
		t.Errorf("payment outcome %+v", r.Payment)
	}
}

func TestEvaluateDates(t *testing.T) {
	pk := packOf(t, lic("l", "authorize", "{}", "true"))
	p, res := synthetic()
	for _, tc := range []struct {
		value, today, source string
		want                 Status
	}{
		{"2021-12-31", "", "value_date", StatusNotInForce},
		{"2022-01-01", "", "value_date", StatusApplied}, // both ends inclusive
		{"2030-12-31", "", "value_date", StatusApplied},
		{"2031-01-01", "", "value_date", StatusNotInForce},
		{"", "2024-05-01", "today", StatusApplied},
		{"", "2035-05-01", "today", StatusNotInForce},
	} {
		p.ValueDate = tc.value
		var today time.Time
		if tc.today != "" {
			today, _ = time.Parse(dateLayout, tc.today)
		}
		r := pk.Evaluate(p, res, Options{Today: today})
		if r.DateSource != tc.source || r.Hits[0].Licences[0].Status != tc.want {
			t.Errorf("value date %q today %q: %s %s, want %s %s", tc.value, tc.today, r.DateSource, r.Hits[0].Licences[0].Status, tc.source, tc.want)
		}
	}
}

func TestEvaluateCombine(t *testing.T) {
	for _, tc := range []struct {
		effects []Effect
		want    Effect
	}{
		{nil, EffectNone},
		{[]Effect{EffectReview}, EffectReview},
		{[]Effect{EffectReview, EffectAuthorize}, EffectAuthorize},
		{[]Effect{EffectAuthorize, EffectDeny, EffectReview}, EffectDeny},
	} {
		if got := Combine(tc.effects...); got != tc.want {
			t.Errorf("Combine(%v) = %s, want %s", tc.effects, got, tc.want)
		}
	}
}

// A condition that fails at run time decides nothing: it is reported, and counts as review.
func TestEvaluateErrors(t *testing.T) {
	pk := packOf(t,
		lic("index", "authorize", "{}", "payment.remittance[5] == 'x'"),
		lic("costly", "authorize", "{}", "payment.remittance.all(a, payment.remittance.all(b, payment.remittance.all(c, a + b + c != 'x')))"),
	)
	p, res := synthetic()
	for i := 0; i < 100; i++ {
		p.RemittanceInfo = append(p.RemittanceInfo, corridor.Text{Text: "line"})
	}
	r := pk.Evaluate(p, res, Options{})
	h := r.Hits[0]
	if h.Licences[1].Status != StatusError || !strings.Contains(h.Licences[1].Error, "cost") {
		t.Errorf("costly condition: %+v", h.Licences[1])
	}
	if h.Effect != EffectReview {
		t.Errorf("effect %s, want review", h.Effect)
	}
	p.RemittanceInfo = p.RemittanceInfo[:1]
	r = pk.Evaluate(p, res, Options{})
	if l := r.Hits[0].Licences[0]; l.Status != StatusError || l.Error == "" {
		t.Errorf("index out of range: %+v", l)
	}
}

func TestMentions(t *testing.T) {
	for _, tc := range []struct {
		text   string
		words  []string
		expect bool
	}{
		{"Office FURNITURE", []string{"fur"}, false},
		{"mink fur coat", []string{"fur"}, true},
		{"Customs-duty, Kabul", []string{"customs duty"}, true},
		{"customs  duty", []string{"customs duty"}, true},
		{"customsduty", []string{"customs duty"}, false},
		{"feed for livestock", []string{"fee"}, false},
		{"", []string{"fee"}, false},
		{"fee", []string{"", "  "}, false},
		{"Zahlung für Lehrer", []string{"für"}, true},
	} {
		if got := mentions([]string{tc.text}, tc.words); got != tc.expect {
			t.Errorf("mentions(%q, %q) = %v", tc.text, tc.words, got)
		}
	}
}

// One pack serves many goroutines (run with -race).
func TestEvaluateConcurrent(t *testing.T) {
	pk := bundledPack(t)
	done := make(chan Result)
	for range 4 {
		go func() {
			p, res := synthetic()
			var r Result
			for range 50 {
				r = pk.Evaluate(p, res, Options{})
			}
			done <- r
		}()
	}
	first := <-done
	for range 3 {
		if r := <-done; fmt.Sprint(r) != fmt.Sprint(first) {
			t.Fatal("evaluations of one payment differ")
		}
	}
}

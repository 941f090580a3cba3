package policy

import (
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/screen"
)

// The worked examples of issue 6, screened against the bundled lists and evaluated with the
// bundled pack. The release, review or block decision is not the pack's; these tests pin
// the licence outcomes a decision builds on.

func bundledPack(t testing.TB) *Pack {
	t.Helper()
	p, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// evaluate screens p and evaluates the bundled pack for it.
func evaluate(t *testing.T, p *corridor.Payment) (screen.PaymentResult, Result) {
	t.Helper()
	res := screener(t).Payment(p)
	r := bundledPack(t).Evaluate(p, &res, Options{})
	if r.Pack.Disclaimer == "" || !strings.Contains(r.Pack.Disclaimer, "not legal") {
		t.Fatalf("result without the disclaimer: %+v", r.Pack)
	}
	return res, r
}

// hitResult returns the result for the first hit on the entity, failing when there is none.
func hitResult(t *testing.T, res screen.PaymentResult, r Result, entity string) HitResult {
	t.Helper()
	for i, h := range r.Hits {
		if h.EntityID == entity {
			if res.Hits[i].Match.Entity.ID != entity {
				t.Fatalf("hit %d: result for %s, screening has %s", i, entity, res.Hits[i].Match.Entity.ID)
			}
			return h
		}
	}
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.EntityID)
	}
	t.Fatalf("no hit on %s; hits: %v", entity, ids)
	return HitResult{}
}

func applied(o Outcome) []string {
	var ids []string
	for _, l := range o.Applied() {
		ids = append(ids, l.ID)
	}
	return ids
}

func status(o Outcome, id string) Status {
	for _, l := range o.Licences {
		if l.ID == id {
			return l.Status
		}
	}
	return ""
}

// (1) An NGO pays salary support to a teacher in Kunduz through an Afghan bank, purpose
// SALA: no listed party, Afghanistan noted, and FAQ 960 says why the payment is fine.
func TestScenarioTeacherSalary(t *testing.T) {
	p := &corridor.Payment{
		Format: "pacs.008.001.08", ValueDate: "2026-11-20", PurposeCode: "SALA",
		Amount: corridor.Amount{Value: "300", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Kabul Education Relief Foundation", Country: "US", Where: "Dbtr"},
			{Role: corridor.RoleDebtorAgent, BIC: "CITIUS33XXX", Where: "DbtrAgt"},
			{Role: corridor.RoleCreditorAgent, BIC: "AFIBAFKAXXX", Where: "CdtrAgt"},
			{Role: corridor.RoleCreditor, Name: "Fatima Rahimi", Address: []string{"Kunduz"}, Country: "AF", Where: "Cdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Salary support November, teacher, girls school Kunduz", Where: "RmtInf/Ustrd"}},
	}
	res, r := evaluate(t, p)
	for _, h := range res.Hits {
		if h.Match.Alert {
			t.Fatalf("unexpected alert: %s %q", h.Match.Entity.ID, h.Match.Name)
		}
	}
	if !slices.Contains(r.Countries, "AF") {
		t.Fatalf("countries = %v, want AF noted", r.Countries)
	}
	if got := applied(r.Payment); !slices.Equal(got, []string{"ofac-faq960-salary-support"}) || r.Payment.Effect != EffectAuthorize {
		t.Fatalf("payment licences applied = %v (%s), want FAQ 960 authorizing", got, r.Payment.Effect)
	}
	if status(r.Payment, "ofac-eo14064-dab-blocked") != StatusConditionFalse {
		t.Errorf("Da Afghanistan Bank licence: %s", status(r.Payment, "ofac-eo14064-dab-blocked"))
	}
}

// (2) A UN agency pays customs duties to the Afghan Ministry of Finance, whose minister is
// listed and named in the remittance: GL 20 / FAQ 993 (and GL 18) authorize on the OFAC
// listing, Resolution 2664 on the UN one; no limit denies.
func TestScenarioCustomsToMinistry(t *testing.T) {
	p := &corridor.Payment{
		Format: "MT103", ValueDate: "2026-11-20", PurposeCode: "TAXS",
		Amount: corridor.Amount{Value: "12000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "World Food Programme", Country: "IT", Where: ":50K:"},
			{Role: corridor.RoleCreditor, Name: "Ministry of Finance of Afghanistan", Address: []string{"Kabul"}, Country: "AF", Where: ":59:"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Customs duties on food imports, attn Minister Gul Agha Ishakzai", Where: ":70:"}},
	}
	res, r := evaluate(t, p)
	ofac := hitResult(t, res, r, "us_ofac_sdn:12127")
	if ofac.Role != "" || ofac.Effect != EffectAuthorize {
		t.Fatalf("OFAC hit: role %q effect %s, applied %v", ofac.Role, ofac.Effect, applied(ofac.Outcome))
	}
	for _, want := range []string{"ofac-gl20-faq993-governing-institution", "ofac-gl18-international-organizations"} {
		if status(ofac.Outcome, want) != StatusApplied {
			t.Errorf("%s: %s, want applied", want, status(ofac.Outcome, want))
		}
	}
	for _, deny := range []string{"ofac-limit-blocked-individual-payee", "ofac-limit-blocked-person-payee", "ofac-limit-luxury", "ofac-limit-blocked-account-debit"} {
		if status(ofac.Outcome, deny) != StatusConditionFalse {
			t.Errorf("%s: %s, want considered and not applying", deny, status(ofac.Outcome, deny))
		}
	}
	un := hitResult(t, res, r, "un:TAi.147")
	if un.Effect != EffectAuthorize || status(un.Outcome, "un-res2664-humanitarian-actors") != StatusApplied {
		t.Fatalf("UN hit: effect %s, applied %v", un.Effect, applied(un.Outcome))
	}
	if status(un.Outcome, "ofac-gl20-faq993-governing-institution") != StatusOutOfScope {
		t.Error("an OFAC licence was considered for a UN listing")
	}
}

// (3) The creditor is "Sirajuddin Haqqani" personally: funds to a blocked individual, denied.
func TestScenarioSirajuddinCreditor(t *testing.T) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", Amount: corridor.Amount{Value: "5000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Acme Trading LLC", Country: "AE", Where: ":50K:"},
			{Role: corridor.RoleCreditor, Name: "Sirajuddin Haqqani", Country: "AF", Where: ":59:"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Payment for services", Where: ":70:"}},
	}
	res, r := evaluate(t, p)
	h := hitResult(t, res, r, "us_ofac_sdn:10743")
	if h.Role != "creditor" || h.Effect != EffectDeny || status(h.Outcome, "ofac-limit-blocked-individual-payee") != StatusApplied {
		t.Fatalf("OFAC hit: role %q effect %s, applied %v", h.Role, h.Effect, applied(h.Outcome))
	}
	if got := applied(h.Outcome); slices.ContainsFunc(got, func(id string) bool { return bundledPack(t).Licence(id).Effect == EffectAuthorize }) {
		t.Errorf("an authorization applied to funds paid to Sirajuddin Haqqani: %v", got)
	}
	un := hitResult(t, res, r, "un:TAi.144")
	if un.Effect == EffectAuthorize {
		t.Errorf("UN hit authorized: %v", applied(un.Outcome))
	}
}

// (4) A company pays a firm the Haqqani Network owns, for luxury vehicles: the luxury limit
// denies, and so does the limit on funds to a blocked entity.
func TestScenarioLuxuryVehicles(t *testing.T) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", Amount: corridor.Amount{Value: "480000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Gulf Star General Trading LLC", Country: "AE", Where: "Dbtr"},
			{Role: corridor.RoleCreditor, Name: "Khost Motors Company", Country: "AF", Where: "Cdtr"},
			{Role: corridor.RoleUltimateCreditor, Name: "Haqqani Network", Country: "AF", Where: "UltmtCdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Invoice 2211: four luxury vehicles, armoured", Where: "RmtInf/Ustrd"}},
	}
	res, r := evaluate(t, p)
	h := hitResult(t, res, r, "us_ofac_sdn:15484")
	if h.Effect != EffectDeny {
		t.Fatalf("Haqqani Network hit: effect %s, applied %v", h.Effect, applied(h.Outcome))
	}
	for _, want := range []string{"ofac-limit-luxury", "ofac-limit-blocked-person-payee"} {
		if status(h.Outcome, want) != StatusApplied {
			t.Errorf("%s: %s, want applied", want, status(h.Outcome, want))
		}
	}
}

// (6) A payment debiting an account of Da Afghanistan Bank at a US bank: the payment
// licence for E.O. 14064 denies, though no list names the bank.
func TestScenarioDaAfghanistanBank(t *testing.T) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", Amount: corridor.Amount{Value: "1000000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Da Afghanistan Bank", Account: "021000089-DAB", Where: ":50K:"},
			{Role: corridor.RoleDebtorAgent, BIC: "FRNYUS33", Where: ":52A:"},
			{Role: corridor.RoleCreditor, Name: "Acme Trading LLC", Country: "AE", Where: ":59:"},
		},
	}
	_, r := evaluate(t, p)
	if r.Payment.Effect != EffectDeny || status(r.Payment, "ofac-eo14064-dab-blocked") != StatusApplied {
		t.Fatalf("payment licences: effect %s, applied %v", r.Payment.Effect, applied(r.Payment))
	}
}

// A bank in Kabul that OFAC lists under SDGT and an Iran programme (Arian Bank, BIC
// AFABAFKA in the bundled SDN list) is no Taliban entity: the Afghanistan licences do not
// authorize paying through it, though a Taliban-linked bank in its place would pass GL 20.
func TestScenarioIranLinkedBankInKabul(t *testing.T) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", PurposeCode: "SALA", Amount: corridor.Amount{Value: "300", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Kabul Education Relief Foundation", Country: "US", Where: "Dbtr"},
			{Role: corridor.RoleCreditorAgent, BIC: "AFABAFKAXXX", Where: "CdtrAgt"},
			{Role: corridor.RoleCreditor, Name: "Fatima Rahimi", Country: "AF", Where: "Cdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Salary support, teacher", Where: "RmtInf/Ustrd"}},
	}
	res, r := evaluate(t, p)
	h := hitResult(t, res, r, "us_ofac_sdn:25417")
	if h.Role != "creditor_agent" || status(h.Outcome, "ofac-gl20-afghanistan-chain") != StatusConditionFalse {
		t.Fatalf("Arian Bank as creditor agent: role %q, GL 20 %s", h.Role, status(h.Outcome, "ofac-gl20-afghanistan-chain"))
	}
	if h.Effect == EffectAuthorize {
		t.Fatalf("authorized: %v", applied(h.Outcome))
	}
	// The same bank with only SDGT, as a Taliban-linked bank would be listed: GL 20 applies.
	e := *res.Hits[h.Hit].Match.Entity
	e.Programs = []string{"SDGT"}
	res.Hits[h.Hit].Match.Entity = &e
	r = bundledPack(t).Evaluate(p, &res, Options{})
	if got := r.Hits[h.Hit]; got.Effect != EffectAuthorize || status(got.Outcome, "ofac-gl20-afghanistan-chain") != StatusApplied {
		t.Fatalf("SDGT-only bank in Kabul: effect %s, applied %v", got.Effect, applied(got.Outcome))
	}
}

// A listed person named only in the text of a payment to a company: the text may name who
// truly benefits, so the pack asks for review, and no authorization applies.
func TestScenarioNamedInText(t *testing.T) {
	p := &corridor.Payment{
		ValueDate: "2026-11-20", Amount: corridor.Amount{Value: "7000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "Acme Trading LLC", Country: "AE", Where: "Dbtr"},
			{Role: corridor.RoleCreditor, Name: "Kabul Logistics Company", Country: "AF", Where: "Cdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Transport services for Sirajuddin Haqqani", Where: "RmtInf/Ustrd"}},
	}
	res, r := evaluate(t, p)
	h := hitResult(t, res, r, "us_ofac_sdn:10743")
	if got := applied(h.Outcome); h.Effect != EffectReview || !slices.Equal(got, []string{"ofac-named-in-text"}) {
		t.Fatalf("effect %s, applied %v; want review by ofac-named-in-text alone", h.Effect, got)
	}
}

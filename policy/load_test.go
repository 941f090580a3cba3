package policy

import (
	"errors"
	"strings"
	"testing"
)

// goodPack is a small valid pack; tests break one thing in it at a time.
const goodPack = `pack:
  id: test-pack
  version: "1"
  title: Test pack
  disclaimer: Configuration for counsel to review, not legal advice.
licences:
  - id: deny-luxury
    authority: OFAC
    title: No luxury goods
    citations:
      - {document: "GL 20", section: "limits", url: "https://example.org/gl20"}
    effective: {from: 2022-02-25}
    scope:
      programs: [SDGT]
      lists: [us_ofac_sdn]
      jurisdictions: [AF]
    when: mentions(payment.remittance, ['yacht', 'luxury'])
    effect: deny
    explanation: Luxury goods are outside the licence.
  - id: dab
    authority: OFAC
    title: Central bank
    citations: [{document: "E.O. 14064"}]
    effective: {from: 2022-02-11, to: 2030-12-31}
    applies_to: payment
    when: payment.parties.exists(p, p.role == 'debtor' && mentions(p.name, ['da afghanistan bank']))
    effect: deny
    explanation: Protectively blocked.
`

func TestLoadGood(t *testing.T) {
	p, err := Load([]byte(goodPack), "good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "test-pack" || p.Version != "1" || len(p.Licences) != 2 {
		t.Fatalf("pack = %+v", p)
	}
	l := p.Licence("deny-luxury")
	if l == nil || l.AppliesTo != SubjectHit || l.From != "2022-02-25" || l.Line != 7 || l.Scope.Lists[0] != "us_ofac_sdn" {
		t.Fatalf("licence = %+v", l)
	}
	if d := p.Licence("dab"); d.AppliesTo != SubjectPayment || d.To != "2030-12-31" {
		t.Fatalf("dab = %+v", d)
	}
}

// Each bad pack is refused with the licence it is in and a message that says what is wrong.
func TestLoadBad(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, licence, want string
	}{
		{"unknown key", "    effect: deny\n    explanation: Luxury", "    efect: deny\n    explanation: Luxury", "deny-luxury", "field efect not found"},
		{"bad authority", "authority: OFAC\n    title: No luxury", "authority: FBI\n    title: No luxury", "deny-luxury", `authority "FBI"`},
		{"bad date", "from: 2022-02-25", "from: 2022-02-30", "deny-luxury", "effective.from"},
		{"end before start", "to: 2030-12-31", "to: 2020-12-31", "dab", "before effective.from"},
		{"duplicate id", "id: dab", "id: deny-luxury", "deny-luxury", "duplicate"},
		{"syntax error", "['yacht', 'luxury'])", "['yacht', 'luxury']", "deny-luxury", "Syntax error"},
		{"misspelt field", "payment.remittance", "payment.remitance", "deny-luxury", "undefined field 'remitance'"},
		{"not bool", "when: mentions(payment.remittance, ['yacht', 'luxury'])", "when: payment.amount", "deny-luxury", "want bool"},
		{"hit in a payment licence", "p.role == 'debtor'", "hit.role == 'debtor'", "dab", "undeclared reference to 'hit'"},
		{"bad effect", "effect: deny\n    explanation: Protectively", "effect: block\n    explanation: Protectively", "dab", `effect "block"`},
		{"bad url", "https://example.org/gl20", "ftp://example.org/gl20", "deny-luxury", "want an http or https address"},
		{"no citation", `citations: [{document: "E.O. 14064"}]`, "citations: []", "dab", "citations: none"},
		{"bad list", "lists: [us_ofac_sdn]", "lists: [ofac]", "deny-luxury", `unknown list id "ofac"`},
		{"bad jurisdiction", "jurisdictions: [AF]", "jurisdictions: [Afghanistan]", "deny-luxury", "ISO 3166-1"},
		{"bad subject", "applies_to: payment", "applies_to: party", "dab", `applies_to "party"`},
		{"programs on a payment licence", "applies_to: payment", "applies_to: payment\n    scope: {programs: [SDGT]}", "dab", "jurisdictions only"},
		{"no condition", "    when: payment.parties", "    when: ''\n    x: payment.parties", "dab", "field x not found"},
		{"wrong type", "programs: [SDGT]", "programs: SDGT", "deny-luxury", "cannot unmarshal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(goodPack, tc.old, tc.new, 1)
			if src == goodPack {
				t.Fatalf("test case changes nothing: %q", tc.old)
			}
			_, err := Load([]byte(src), "bad.yaml")
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *policy.Error", err)
			}
			if pe.Licence != tc.licence || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want licence %s and %q", err, tc.licence, tc.want)
			}
			if !strings.Contains(err.Error(), "licence "+tc.licence) {
				t.Fatalf("message does not name the licence: %v", err)
			}
		})
	}
}

func TestLoadBadPack(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "empty pack"},
		{"no licences", "pack: {id: x, version: '1', title: t, disclaimer: d}\nlicences: []\n", "licences: none"},
		{"no disclaimer", "pack: {id: x, version: '1', title: t}\nlicences: []\n", "pack.disclaimer: missing"},
		{"two documents", goodPack + "---\n" + goodPack, "one YAML document"},
		{"not yaml", "pack: [", "yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load([]byte(tc.src), "bad.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

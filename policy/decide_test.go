package policy

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/payment/anyformat"
	"github.com/corridor-aml/corridor/screen"
)

// decideFile reads a worked example, screens it against the bundled lists, evaluates the
// bundled pack and decides.
func decideFile(t *testing.T, name string) (corridor.Payment, Verdict) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "worked", name))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := anyformat.Read(data, name)
	if err != nil || len(ps) != 1 {
		t.Fatalf("%s: %d payments, %v", name, len(ps), err)
	}
	p := &ps[0]
	res := screener(t).Payment(p)
	v := Decide(p, &res, bundledPack(t).Evaluate(p, &res, Options{}), DefaultReviewThreshold)
	if !strings.Contains(v.Summary, v.Disclaimer) || !strings.Contains(v.Disclaimer, "not legal advice") {
		t.Errorf("%s: the summary lacks the pack's disclaimer:\n%s", name, v.Summary)
	}
	if !strings.HasPrefix(v.Summary, strings.ToUpper(string(v.Decision))+".") {
		t.Errorf("%s: the summary does not open with the decision:\n%s", name, v.Summary)
	}
	return *p, v
}

func reasonWith(v Verdict, d corridor.Disposition, licence string) bool {
	for _, r := range v.Reasons {
		if r.Decision == d && (licence == "" || slices.Contains(r.Licences, licence)) {
			return true
		}
	}
	return false
}

// The worked examples of issue 6, each a message in one of the formats corridor reads.
func TestWorkedExamples(t *testing.T) {
	for _, tt := range []struct {
		file     string
		want     corridor.Disposition
		licence  string // a licence the deciding reason must cite ("" for none)
		inText   string // words the summary must hold
		notInSum string
	}{
		// (1) NGO salary support to a teacher in Kunduz through an Afghan bank, purpose SALA:
		// release, no licence needed; the jurisdiction is noted.
		{"1-teacher-salary.pacs008.xml", corridor.Release, "ofac-faq960-salary-support", "AF", "BLOCK"},
		// (2) A UN agency pays customs duties to the Ministry of Finance, led by a listed
		// person: release under GL 20 / FAQ 993, with that evidence.
		{"2-customs-to-ministry.pain001.xml", corridor.Release, "ofac-gl20-faq993-governing-institution", "General License 20", ""},
		// (3) The creditor is Sirajuddin Haqqani personally: block, listing and rule cited.
		{"3-sirajuddin-creditor.mt103.txt", corridor.Block, "ofac-limit-blocked-individual-payee", "us_ofac_sdn:10743", ""},
		// (4) A company pays a Haqqani Network-owned firm for luxury vehicles: block.
		{"4-luxury-vehicles.json", corridor.Block, "ofac-limit-luxury", "Haqqani", ""},
		// (5) A personal remittance to a family member whose common name scores between the
		// thresholds: review, with the explanation of the near miss.
		{"5-family-remittance.json", corridor.Review, "", "Near miss", ""},
		// (6) A payment debiting an account of Da Afghanistan Bank at a US bank: block.
		{"6-dab-account-debit.mt103.txt", corridor.Block, "ofac-eo14064-dab-blocked", "Da Afghanistan Bank", ""},
	} {
		t.Run(tt.file, func(t *testing.T) {
			_, v := decideFile(t, tt.file)
			if v.Decision != tt.want {
				t.Fatalf("decision %s, want %s:\n%s", v.Decision, tt.want, v.Summary)
			}
			if !reasonWith(v, tt.want, tt.licence) {
				t.Errorf("no %s reason citing %q: %+v", tt.want, tt.licence, v.Reasons)
			}
			if !strings.Contains(v.Summary, tt.inText) {
				t.Errorf("summary lacks %q:\n%s", tt.inText, v.Summary)
			}
			if tt.notInSum != "" && strings.Contains(v.Summary, tt.notInSum) {
				t.Errorf("summary has %q:\n%s", tt.notInSum, v.Summary)
			}
		})
	}
}

// The rules of Decide on hand-made results: what a strong hit, a near miss and each licence
// effect yield.
func TestDecideRules(t *testing.T) {
	entity := &corridor.Entity{ID: "us_ofac_sdn:1", Programs: []string{"SDGT"}}
	hit := func(score float64) screen.Hit {
		return screen.Hit{Role: corridor.RoleCreditor, Where: ":59:", Query: "X", Threshold: 0.82,
			Match: match.Match{Entity: entity, Score: score, Alert: score >= 0.82}}
	}
	outcome := func(e Effect, st Status) Outcome {
		return Outcome{Effect: e, Licences: []LicenceOutcome{{ID: "l", Effect: e, Status: st}}}
	}
	for _, tt := range []struct {
		name    string
		score   float64
		hit     Outcome
		payment Outcome
		want    corridor.Disposition
	}{
		{"strong hit, no licence", 0.95, Outcome{}, Outcome{}, corridor.Block},
		{"strong hit, authorized", 0.95, outcome(EffectAuthorize, StatusApplied), Outcome{}, corridor.Release},
		{"strong hit, denied", 0.95, outcome(EffectDeny, StatusApplied), Outcome{}, corridor.Block},
		{"strong hit, review", 0.95, outcome(EffectReview, StatusApplied), Outcome{}, corridor.Review},
		{"strong hit, condition failed", 0.95, Outcome{Effect: EffectAuthorize, Licences: []LicenceOutcome{{ID: "a", Effect: EffectAuthorize, Status: StatusApplied}, {ID: "e", Effect: EffectReview, Status: StatusError}}}, Outcome{}, corridor.Review},
		{"near miss, even if denied", 0.78, outcome(EffectDeny, StatusApplied), Outcome{}, corridor.Review},
		{"below the review threshold", 0.70, Outcome{}, Outcome{}, corridor.Release},
		{"payment denied", 0.70, Outcome{}, outcome(EffectDeny, StatusApplied), corridor.Block},
		{"payment to review", 0.70, Outcome{}, outcome(EffectReview, StatusApplied), corridor.Review},
	} {
		res := &screen.PaymentResult{Hits: []screen.Hit{hit(tt.score)}}
		pol := Result{Pack: PackRef{Disclaimer: "not legal advice"}, Payment: tt.payment, Hits: []HitResult{{Hit: 0, Outcome: tt.hit}}}
		v := Decide(&corridor.Payment{}, res, pol, 0.75)
		if v.Decision != tt.want {
			t.Errorf("%s: %s, want %s (%+v)", tt.name, v.Decision, tt.want, v.Reasons)
		}
		if len(v.Reasons) > 0 && v.Reasons[0].Decision != v.Decision {
			t.Errorf("%s: first reason %s, decision %s: reasons must come strongest first", tt.name, v.Reasons[0].Decision, v.Decision)
		}
	}
}

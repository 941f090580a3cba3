package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolicyCheckBundled(t *testing.T) {
	out, _, err := execute(t, "policy", "check")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"afghanistan-humanitarian", "ofac-limit-luxury", "un-res2615-humanitarian", "uk-2022-humanitarian-exception", "not legal advice"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// A bad pack is an error (exit 2) naming the file, line, licence and CEL's complaint.
func TestPolicyCheckBadPack(t *testing.T) {
	_, _, err := execute(t, "policy", "check", "testdata/policy/bad-pack.yaml")
	if err == nil {
		t.Fatal("bad pack accepted")
	}
	for _, want := range []string{"bad-pack.yaml:12", "licence misspelt-programs", "undefined field 'progams'", "<input>:1:14"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if _, _, err := execute(t, "policy", "check", filepath.Join(t.TempDir(), "none.yaml")); err == nil {
		t.Error("a missing file accepted")
	}
}

func TestPolicyExplainMT103(t *testing.T) {
	out, _, err := execute(t, "policy", "explain", "--payment", "testdata/policy/sirajuddin-creditor.fin")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"creditor at :59:", "us_ofac_sdn:10743", "ALERT: deny",
		"applies     deny      ofac-limit-blocked-individual-payee",
		"cites OFAC FAQ 993", "not legal advice",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestPolicyExplainJSON(t *testing.T) {
	out, _, err := execute(t, "policy", "explain", "--json", "--payment", "testdata/policy/customs-to-ministry.json")
	if err != nil {
		t.Fatal(err)
	}
	var res explainJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.Pack.ID != "afghanistan-humanitarian" || res.Pack.Disclaimer == "" || len(res.Payments) != 1 {
		t.Fatalf("pack %+v, %d payments", res.Pack, len(res.Payments))
	}
	p := res.Payments[0]
	var found bool
	for _, h := range p.Hits {
		if h.EntityID != "us_ofac_sdn:12127" {
			continue
		}
		found = true
		if h.Effect != "authorize" {
			t.Errorf("Gul Agha Ishakzai in the text: effect %s", h.Effect)
		}
		for _, l := range h.Licences {
			if l.ID == "ofac-gl20-faq993-governing-institution" && (l.Status != "applied" || len(l.Citations) == 0) {
				t.Errorf("GL 20 / FAQ 993: %+v", l)
			}
		}
	}
	if !found {
		t.Fatalf("no hit on the minister: %s", out)
	}
}

// The format is told from the content; what is none of them is refused.
func TestPolicyExplainFormats(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := execute(t, "policy", "explain", "--payment", bad); err == nil || !strings.Contains(err.Error(), "not a payment message") {
		t.Errorf("err = %v", err)
	}
	if _, _, err := execute(t, "policy", "explain"); err == nil || !strings.Contains(err.Error(), "--payment") {
		t.Errorf("no --payment: err = %v", err)
	}
	for _, f := range []string{"../../payment/mt103/testdata/mt103-p_2_1_1_C_D.txt", "../../payment/jsonform/testdata/payment.json"} {
		out, _, err := execute(t, "policy", "explain", "--payment", f)
		if err != nil || !strings.Contains(out, "Payment 1") {
			t.Errorf("%s: err %v\n%s", f, err, out)
		}
	}
	xml, _ := filepath.Glob("../../payment/iso20022/testdata/*.xml")
	if len(xml) == 0 {
		t.Fatal("no ISO 20022 sample")
	}
	if out, _, err := execute(t, "policy", "explain", "--payment", xml[0]); err != nil || !strings.Contains(out, "Payment 1") {
		t.Errorf("%s: err %v\n%s", xml[0], err, out)
	}
}

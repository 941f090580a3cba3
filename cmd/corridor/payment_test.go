package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const workedDir = "../../policy/testdata/worked/"

// Each worked example of issue 6 gets its decision, and the exit status that goes with it.
func TestPaymentScreenDecisions(t *testing.T) {
	for _, tt := range []struct {
		file string
		want string
		err  error
	}{
		{"1-teacher-salary.pacs008.xml", "RELEASE", nil},
		{"2-customs-to-ministry.pain001.xml", "RELEASE", nil},
		{"3-sirajuddin-creditor.mt103.txt", "BLOCK", errBlock},
		{"4-luxury-vehicles.json", "BLOCK", errBlock},
		{"5-family-remittance.json", "REVIEW", errReview},
		{"6-dab-account-debit.mt103.txt", "BLOCK", errBlock},
	} {
		out, _, err := execute(t, "payment", "screen", workedDir+tt.file)
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
			t.Errorf("%s: err = %v, want %v", tt.file, err, tt.err)
		}
		if !strings.Contains(out, "File "+workedDir+tt.file+": "+tt.want+".") || !strings.Contains(out, "not legal advice") {
			t.Errorf("%s: output lacks the decision %s or the disclaimer:\n%s", tt.file, tt.want, out)
		}
	}
}

func TestPaymentScreenJSONAndReport(t *testing.T) {
	report := filepath.Join(t.TempDir(), "decisions.html")
	out, _, err := execute(t, "payment", "screen", workedDir+"3-sirajuddin-creditor.mt103.txt", "--json", "--report", report)
	if !errors.Is(err, errBlock) {
		t.Fatalf("err = %v", err)
	}
	var res struct {
		Decision string `json:"decision"`
		Payments []struct {
			Hits []struct {
				EntityID string `json:"entity_id"`
			} `json:"hits"`
			Verdict struct{ Summary string } `json:"verdict"`
			Payment map[string]any           `json:"payment"`
		} `json:"payments"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.Decision != "block" || len(res.Payments) != 1 || len(res.Payments[0].Hits) == 0 || res.Payments[0].Verdict.Summary == "" {
		t.Fatalf("JSON %+v", res)
	}
	if res.Payments[0].Payment["format"] != "MT103" || res.Payments[0].Hits[0].EntityID == "" {
		t.Errorf("the payment is not in its JSON form, or a hit lacks its entity: %+v", res.Payments[0])
	}
	html, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "BLOCK", "us_ofac_sdn:10743", "ofac-limit-blocked-individual-payee", "not legal advice", "@media print"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(string(html), "<script") || strings.Contains(string(html), "http://") || strings.Contains(string(html), "https://") {
		t.Error("the report loads or runs something: it must stand alone")
	}
}

func TestPaymentScreenErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "x.txt")
	os.WriteFile(bad, []byte("hello"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{bad}, "not a payment message"},
		{[]string{workedDir + "1-teacher-salary.pacs008.xml", "--review-threshold", "0.9"}, "--review-threshold"},
		{[]string{workedDir + "1-teacher-salary.pacs008.xml", "--date", "20-11-2026"}, "--date"},
		{[]string{workedDir + "1-teacher-salary.pacs008.xml", "--pack", filepath.Join(t.TempDir(), "none.yaml")}, "none.yaml"},
	} {
		_, _, err := execute(t, append([]string{"payment", "screen"}, tt.args...)...)
		if err == nil || errors.Is(err, errReview) || errors.Is(err, errBlock) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err = %v, want it to name %q", tt.args, err, tt.want)
		}
	}
}

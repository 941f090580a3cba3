package http

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
)

// The worked examples of issue 6 posted as they are: each gets its decision, whatever its
// format.
func TestPaymentsScreen(t *testing.T) {
	s := newTestServer(t, Options{})
	for file, want := range map[string]string{
		"1-teacher-salary.pacs008.xml":      "release",
		"2-customs-to-ministry.pain001.xml": "release",
		"3-sirajuddin-creditor.mt103.txt":   "block",
		"4-luxury-vehicles.json":            "block",
		"5-family-remittance.json":          "review",
		"6-dab-account-debit.mt103.txt":     "block",
	} {
		body, err := os.ReadFile("../policy/testdata/worked/" + file)
		if err != nil {
			t.Fatal(err)
		}
		r := do(t, s.Handler(), http.MethodPost, "/v1/payments/screen", string(body))
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d: %.300s", file, r.status, r.body)
		}
		var got struct {
			Decision string `json:"decision"`
			Payments []struct {
				Verdict struct {
					Summary    string `json:"summary"`
					Disclaimer string `json:"disclaimer"`
				} `json:"verdict"`
			} `json:"payments"`
		}
		if err := json.Unmarshal([]byte(r.body), &got); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got.Decision != want || len(got.Payments) != 1 || !strings.Contains(got.Payments[0].Verdict.Summary, "not legal advice") {
			t.Errorf("%s: decision %s, want %s: %.300s", file, got.Decision, want, r.body)
		}
	}
}

func TestPaymentsScreenErrors(t *testing.T) {
	s := newTestServer(t, Options{Limits: Limits{MaxPaymentBytes: 1 << 10}})
	for _, tt := range []struct {
		name, body string
		status     int
		code       string
	}{
		{"empty", "", http.StatusBadRequest, codeEmptyBody},
		{"unknown format", "hello", http.StatusBadRequest, codeBadPayment},
		{"broken XML", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>", http.StatusBadRequest, codeBadPayment},
		{"bad JSON payment", `{"parties": [{"role": "beneficiary", "name": "X"}]}`, http.StatusBadRequest, codeBadPayment},
		{"too large", "{" + strings.Repeat(" ", 2<<10) + "}", http.StatusRequestEntityTooLarge, codeBodyTooLarge},
	} {
		r := do(t, s.Handler(), http.MethodPost, "/v1/payments/screen", tt.body)
		if r.status != tt.status || r.errorCode(t) != tt.code {
			t.Errorf("%s: %d %s, want %d %s: %.200s", tt.name, r.status, r.errorCode(t), tt.status, tt.code, r.body)
		}
	}
}

package http

import (
	"encoding/json"
	"net/url"
	"testing"
)

// checkAnswer fails on a 5xx, and on an error answer without a code: whatever the body,
// garbage gets a clear 4xx.
func checkAnswer(t *testing.T, r reply) {
	t.Helper()
	if r.status >= 500 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if r.status >= 400 {
		var e errorBody
		if err := json.Unmarshal(r.body, &e); err != nil || e.Error == nil || e.Error.Code == "" {
			t.Fatalf("status %d without a coded error: %s", r.status, r.body)
		}
	}
}

func FuzzScreenRequest(f *testing.F) {
	for _, seed := range []string{
		`{"name":"Sirajuddin Haqqani","type":"person","birthDate":"1977","nationality":"AF"}`,
		`{"name":"x","lists":["un"],"limit":3,"threshold":0.9,"identifiers":["A1"],"country":["IR"],"gender":"f"}`,
		`{"name":"سراج الدين حقاني"}`, `{"name":null}`, `{`, ``, `[]`, `{"name":"x","birthDate":"1977-02-30"}`,
	} {
		f.Add([]byte(seed))
	}
	s := newTestServer(f, Options{})
	h := s.Handler()
	f.Fuzz(func(t *testing.T, body []byte) {
		checkAnswer(t, do(t, h, "POST", "/v1/screen", string(body)))
	})
}

func FuzzMatchRequest(f *testing.F) {
	f.Add([]byte(`{"queries":{"q":{"schema":"Person","properties":{"name":["Sirajuddin Haqqani"],"birthDate":["1977"]}}}}`), "limit=3&threshold=0.8")
	f.Add([]byte(`{"queries":{"a":{"schema":"Company","properties":{"name":"Bank Melli","jurisdiction":["ir"],"registrationNumber":["1"]}}}}`), "exclude_schema=Person&topics=sanction")
	f.Add([]byte(`{"queries":{"a":null}}`), "changed_since=2020-01-01")
	f.Add([]byte(`{"queries":{"a":{"schema":"Vessel","properties":{}}}}`), "include_dataset=un_sc_sanctions&cutoff=0.1")
	s := newTestServer(f, Options{})
	h := s.Handler()
	f.Fuzz(func(t *testing.T, body []byte, query string) {
		qs, err := url.ParseQuery(query)
		if err != nil {
			return // not a request a client can send
		}
		checkAnswer(t, do(t, h, "POST", "/match/default?"+qs.Encode(), string(body)))
	})
}

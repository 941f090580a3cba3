package http

import (
	"strings"
	"testing"
)

func TestScreenFindsHaqqani(t *testing.T) {
	s := newTestServer(t, Options{})
	r := do(t, s.Handler(), "POST", "/v1/screen", `{"name":"Sirajuddin Haqqani","type":"person","birthDate":"1977","nationality":"AF","limit":5}`)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var res screenResponse
	mustDecode(t, r.body, &res)
	if !res.Alert || len(res.Matches) == 0 {
		t.Fatalf("no alert: %s", r.body)
	}
	ids := map[string]bool{}
	for _, m := range res.Matches[:2] {
		ids[m.Entity.ID] = true
		if !m.Alert || m.Score < res.Threshold || m.Reason == "" || m.Explanation.EntityID != m.Entity.ID {
			t.Errorf("match %+v", m)
		}
	}
	if !ids["us_ofac_sdn:10743"] || !ids["un:TAi.144"] {
		t.Errorf("first two matches %v, want the SDN and UN entries", ids)
	}
	if len(res.ListVersions) != 3 {
		t.Errorf("listVersions %+v", res.ListVersions)
	}
	if r.header.Get("X-Request-ID") == "" {
		t.Error("no X-Request-ID")
	}
}

func TestScreenOptions(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	// lists narrows; threshold 1 turns inexact alerts off; limit cuts non-alerts.
	var res screenResponse
	mustDecode(t, do(t, h, "POST", "/v1/screen", `{"name":"Sirajuddin Haqqani","lists":["un"],"threshold":1}`).body, &res)
	for _, m := range res.Matches {
		if m.Entity.List != "un" || (m.Alert && m.Score < 1) {
			t.Errorf("match %+v", m)
		}
	}
	if len(res.ListVersions) != 1 || res.Threshold != 1 {
		t.Errorf("versions %+v threshold %v", res.ListVersions, res.Threshold)
	}
	mustDecode(t, do(t, h, "POST", "/v1/screen", `{"name":"Mohammad Khan","limit":1,"threshold":0.99}`).body, &res)
	if len(res.Matches) > 1 || res.Found < 1 {
		t.Errorf("limit 1: %d matches of %d", len(res.Matches), res.Found)
	}
	// A clear name answers 200 with no match.
	r := do(t, h, "POST", "/v1/screen", `{"name":"Margaret Thistlewood"}`)
	mustDecode(t, r.body, &res)
	if r.status != 200 || res.Alert || res.Matches == nil {
		t.Errorf("clear name: %d %s", r.status, r.body)
	}
	// Nationality as a string or a list; identifiers.
	for _, body := range []string{
		`{"name":"Ali","nationality":"Afghanistan"}`,
		`{"name":"Ali","nationality":["AF","PK"],"country":"IR","gender":"male","identifiers":["A1234567"]}`,
		`{"name":"Ali","type":"any","birthDate":"1970-01-02"}`,
	} {
		if r := do(t, h, "POST", "/v1/screen", body); r.status != 200 {
			t.Errorf("%s: %d %s", body, r.status, r.body)
		}
	}
}

// Every documented error of /v1/screen, each with its status and code.
func TestScreenErrors(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	cases := []struct {
		name, body string
		status     int
		code       string
		field      string
	}{
		{"malformed JSON", `{"name": "x"`, 400, codeMalformedJSON, ""},
		{"not JSON", `name=x`, 400, codeMalformedJSON, ""},
		{"two values", `{"name":"x"} {"name":"y"}`, 400, codeMalformedJSON, ""},
		{"empty body", ``, 400, codeEmptyBody, ""},
		{"array not object", `[1]`, 400, codeWrongType, ""},
		{"unknown field", `{"name":"x","dob":"1977"}`, 400, codeUnknownField, "dob"},
		{"id outside batch", `{"name":"x","id":"1"}`, 400, codeUnknownField, "id"},
		{"wrong type", `{"name":42}`, 400, codeWrongType, "name"},
		{"wrong list type", `{"name":"x","nationality":[1]}`, 400, codeWrongType, ""},
		{"missing name", `{"type":"person"}`, 400, codeMissingName, "name"},
		{"blank name", `{"name":"  "}`, 400, codeMissingName, "name"},
		{"long name", `{"name":"` + strings.Repeat("a", 2000) + `"}`, 400, codeBadName, "name"},
		{"bad type", `{"name":"x","type":"robot"}`, 400, codeBadType, "type"},
		{"bad birth date", `{"name":"x","birthDate":"1977-13"}`, 400, codeBadBirthDate, "birthDate"},
		{"birth date words", `{"name":"x","birthDate":"March 1977"}`, 400, codeBadBirthDate, "birthDate"},
		{"implausible year", `{"name":"x","birthDate":"1066"}`, 400, codeBadBirthDate, "birthDate"},
		{"bad country", `{"name":"x","nationality":"Atlantis"}`, 400, codeBadCountry, "nationality"},
		{"bad gender", `{"name":"x","gender":"x"}`, 400, codeBadGender, "gender"},
		{"blank identifier", `{"name":"x","identifiers":[" "]}`, 400, codeBadIdentifier, "identifiers"},
		{"malformed list", `{"name":"x","lists":["Not A List"]}`, 400, codeBadList, "lists"},
		{"unknown list", `{"name":"x","lists":["eu"]}`, 400, codeUnknownList, "lists"},
		{"limit zero", `{"name":"x","limit":0}`, 400, codeBadLimit, "limit"},
		{"limit huge", `{"name":"x","limit":100000}`, 400, codeBadLimit, "limit"},
		{"threshold zero", `{"name":"x","threshold":0}`, 400, codeBadThreshold, "threshold"},
		{"threshold above 1", `{"name":"x","threshold":1.5}`, 400, codeBadThreshold, "threshold"},
		{"body too large", `{"name":"` + strings.Repeat("a", 70<<10) + `"}`, 413, codeBodyTooLarge, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, "POST", "/v1/screen", c.body)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if got := r.errorCode(t); got != c.code {
				t.Errorf("code %q, want %q: %s", got, c.code, r.body)
			}
			if c.field != "" {
				if f := r.json(t)["error"].(map[string]any)["field"]; f != c.field {
					t.Errorf("field %v, want %q", f, c.field)
				}
			}
		})
	}
}

func TestRoutingErrors(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	r := do(t, h, "GET", "/v1/nothing", "")
	if r.status != 404 || r.errorCode(t) != codeNotFound {
		t.Errorf("unknown path: %d %s", r.status, r.body)
	}
	r = do(t, h, "GET", "/v1/screen", "")
	if r.status != 405 || r.errorCode(t) != codeMethodNotAllowed || r.header.Get("Allow") != "POST" {
		t.Errorf("wrong method: %d %v %s", r.status, r.header, r.body)
	}
	r = do(t, h, "DELETE", "/match/default", "")
	if r.status != 405 || r.json(t)["detail"] == nil {
		t.Errorf("wrong method on a yente route has no detail: %d %s", r.status, r.body)
	}
	r = do(t, h, "GET", "/healthz", "", "X-Request-ID", "abc-123")
	if r.header.Get("X-Request-ID") != "abc-123" {
		t.Errorf("X-Request-ID not echoed: %v", r.header)
	}
	r = do(t, h, "GET", "/healthz", "", "X-Request-ID", "bad id\x01")
	if id := r.header.Get("X-Request-ID"); id == "" || strings.Contains(id, " ") {
		t.Errorf("bad X-Request-ID kept: %q", id)
	}
}

package http

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

func TestCompare(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	r := do(t, h, "POST", "/v1/compare", `{"name1":"Sirajuddin Haqqani","name2":"HAQQANI, Siraj ud-Din","type":"person"}`)
	var res compareResponse
	mustDecode(t, r.body, &res)
	if r.status != 200 || res.Score < 0.8 || len(res.Explanation.Tokens) == 0 {
		t.Errorf("%d %s", r.status, r.body)
	}
	for _, c := range []struct{ body, code string }{
		{`{"name1":"a"}`, codeMissingName},
		{`{"name2":"a"}`, codeMissingName},
		{`{"name1":"a","name2":"b","type":"x"}`, codeBadType},
		{`{"name1":"a","name2":"b","name3":"c"}`, codeUnknownField},
		{`{"name1":"a","name2":"` + strings.Repeat("b", 2000) + `"}`, codeBadName},
		{`{`, codeMalformedJSON},
	} {
		if r := do(t, h, "POST", "/v1/compare", c.body); r.status != 400 || r.errorCode(t) != c.code {
			t.Errorf("%s: %d %s, want %s", c.body, r.status, r.body, c.code)
		}
	}
}

func TestEntity(t *testing.T) {
	s := newTestServer(t, Options{})
	h := s.Handler()
	r := do(t, h, "GET", "/v1/entities/us_ofac_sdn:10743", "")
	var e entityDetail
	mustDecode(t, r.body, &e)
	if r.status != 200 || e.ID != "us_ofac_sdn:10743" || e.Kind != corridor.KindPerson || len(e.Names) < 2 || len(e.Programs) == 0 {
		t.Errorf("%d %s", r.status, r.body)
	}
	for _, path := range []string{"/v1/entities/un:nope", "/v1/entities/nocolon", "/entities/un:nope"} {
		if r := do(t, h, "GET", path, ""); r.status != 404 || r.errorCode(t) != codeEntityNotFound {
			t.Errorf("%s: %d %s", path, r.status, r.body)
		}
	}
}

func TestListsAndReload(t *testing.T) {
	f := loadFixture(t)
	fail := false
	loads := 0
	s := newTestServer(t, Options{Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		loads++
		if fail {
			return nil, nil, errors.New("disk on fire")
		}
		return f.idx, f.snaps, nil
	}})
	h := s.Handler()
	r := do(t, h, "GET", "/v1/lists", "")
	var res listsResponse
	mustDecode(t, r.body, &res)
	if r.status != 200 || len(res.Lists) != 3 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	for _, l := range res.Lists {
		if l.Version == "" || l.Entities == 0 || l.AgeFrom == "" || l.Loaded == "" {
			t.Errorf("list %+v", l)
		}
	}
	if r := do(t, h, "POST", "/v1/lists/reload", ""); r.status != 200 || loads != 2 {
		t.Errorf("reload: %d %s (loads %d)", r.status, r.body, loads)
	}
	fail = true
	r = do(t, h, "POST", "/v1/lists/reload", "")
	if r.status != 500 || r.errorCode(t) != codeReloadFailed {
		t.Errorf("failed reload: %d %s", r.status, r.body)
	}
	// The index in use stays.
	if r := do(t, h, "POST", "/v1/screen", `{"name":"Sirajuddin Haqqani"}`); r.status != 200 {
		t.Errorf("after a failed reload: %d", r.status)
	}
	m := do(t, h, "GET", "/metrics", "")
	for _, want := range []string{
		`corridor_list_reloads_total{outcome="error"} 1`, `corridor_list_reloads_total{outcome="ok"} 2`,
		`corridor_list_entities{list="un"} 1003`, `corridor_list_age_seconds{list="un"}`, `corridor_ready 1`,
		`corridor_http_requests_total{code="200",route="/v1/screen"} 1`,
		`corridor_http_request_duration_seconds_bucket{route="/v1/screen",le=`,
		`corridor_alerts_total{list="us_ofac_sdn"}`,
	} {
		if !strings.Contains(string(m.body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestReadiness(t *testing.T) {
	release := make(chan struct{})
	f := loadFixture(t)
	s := New(Options{Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		<-release
		return f.idx, f.snaps, nil
	}})
	h := s.Handler()
	if r := do(t, h, "GET", "/healthz", ""); r.status != 200 {
		t.Errorf("healthz while loading: %d", r.status)
	}
	for _, c := range []struct{ method, path, body string }{
		{"GET", "/readyz", ""}, {"POST", "/v1/screen", `{"name":"x"}`}, {"GET", "/v1/lists", ""},
		{"POST", "/match/default", `{"queries":{}}`}, {"GET", "/catalog", ""},
	} {
		r := do(t, h, c.method, c.path, c.body)
		if r.status != 503 || r.errorCode(t) != codeNotReady || r.header.Get("Retry-After") == "" {
			t.Errorf("%s %s while loading: %d %s", c.method, c.path, r.status, r.body)
		}
	}
	if m := do(t, h, "GET", "/metrics", ""); !strings.Contains(string(m.body), "corridor_ready 0") {
		t.Error("metrics do not say not ready")
	}
	done := make(chan struct{})
	go func() { s.Reload(context.Background()); close(done) }()
	close(release)
	<-done
	if r := do(t, h, "GET", "/readyz", ""); r.status != 200 {
		t.Errorf("readyz after load: %d", r.status)
	}
}

package http

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor/apikey"
)

func TestAuth(t *testing.T) {
	path := filepath.Join(t.TempDir(), apikey.FileName)
	now := time.Now()
	_, screenKey, err := apikey.Create(path, apikey.RoleScreen, "svc", now)
	if err != nil {
		t.Fatal(err)
	}
	_, adminKey, _ := apikey.Create(path, apikey.RoleAdmin, "ops", now)
	revoked, revokedKey, _ := apikey.Create(path, apikey.RoleAdmin, "old", now)
	apikey.Revoke(path, revoked.ID, now)
	set, err := apikey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	keys := func() *apikey.Set { return set }
	screen := `{"name":"Ali Khan"}`
	cases := []struct {
		name        string
		require     bool
		method, url string
		auth        string
		status      int
		code        string
	}{
		{"required, none", true, "POST", "/v1/screen", "", 401, codeUnauthorized},
		{"required, screen key", true, "POST", "/v1/screen", "Bearer " + screenKey, 200, ""},
		{"yente ApiKey form", true, "POST", "/v1/screen", "ApiKey " + screenKey, 200, ""},
		{"unknown scheme", true, "POST", "/v1/screen", "Basic " + screenKey, 401, codeUnauthorized},
		{"wrong key", true, "POST", "/v1/screen", "Bearer crd_000000000000_x", 401, codeUnauthorized},
		{"revoked key", true, "POST", "/v1/screen", "Bearer " + revokedKey, 401, codeUnauthorized},
		{"screen key cannot reload", true, "POST", "/v1/lists/reload", "Bearer " + screenKey, 403, codeForbidden},
		{"admin key reloads", true, "POST", "/v1/lists/reload", "Bearer " + adminKey, 200, ""},
		{"admin key screens", true, "POST", "/v1/screen", "Bearer " + adminKey, 200, ""},
		{"metrics need a key", true, "GET", "/metrics", "", 401, codeUnauthorized},
		{"healthz is open", true, "GET", "/healthz", "", 200, ""},
		{"readyz is open", true, "GET", "/readyz", "", 200, ""},
		{"openapi is open", true, "GET", "/openapi.json", "", 200, ""},
		{"match needs a key", true, "POST", "/match/default", "", 401, codeUnauthorized},
		{"optional, none", false, "POST", "/v1/screen", "", 200, ""},
		{"optional, none, reload", false, "POST", "/v1/lists/reload", "", 200, ""},
		{"optional, but a bad key is refused", false, "POST", "/v1/screen", "Bearer nope", 401, codeUnauthorized},
	}
	servers := map[bool]*Server{
		true:  newTestServer(t, Options{RequireKeys: true, Keys: keys}),
		false: newTestServer(t, Options{Keys: keys}),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := ""
			if c.url == "/v1/screen" {
				body = screen
			}
			if c.url == "/match/default" {
				body = `{"queries":{"q":{"schema":"Person","properties":{"name":"x"}}}}`
			}
			r := do(t, servers[c.require].Handler(), c.method, c.url, body, "Authorization", c.auth)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if c.code != "" && r.errorCode(t) != c.code {
				t.Errorf("code %s, want %s", r.errorCode(t), c.code)
			}
			if c.status == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

package http

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor/apikey"
)

// testKeys creates one key of each role, named after it, and returns the set and the secrets.
func testKeys(t testing.TB) (func() *apikey.Set, map[apikey.Role]string, map[apikey.Role]apikey.Key) {
	t.Helper()
	path := filepath.Join(t.TempDir(), apikey.FileName)
	secrets, keys := map[apikey.Role]string{}, map[apikey.Role]apikey.Key{}
	for _, r := range apikey.Roles {
		k, secret, err := apikey.Create(path, r, string(r)+" person", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		secrets[r], keys[r] = secret, k
	}
	set, err := apikey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return func() *apikey.Set { return set }, secrets, keys
}

// Each store route against each role: allowed (the handler answers) or 403.
func TestStoreRoleMatrix(t *testing.T) {
	keys, secrets, _ := testKeys(t)
	const analyst, approver, admin = apikey.RoleAnalyst, apikey.RoleApprover, apikey.RoleAdmin
	cases := []struct {
		method, target, body string
		least                apikey.Role
		okStatus             int
	}{
		{"GET", "/v1/alerts", "", analyst, 200},
		{"GET", "/v1/alerts/1", "", analyst, 200},
		{"POST", "/v1/alerts/1/decisions", `{"action":"propose","outcome":"true_match","reason":"passport agrees"}`, analyst, 200},
		// Reaching the store proves the role passed: alert 1 is open, so a confirmation is
		// refused by the state, not the role.
		{"POST", "/v1/alerts/1/decisions", `{"action":"confirm"}`, approver, 409},
		{"POST", "/v1/alerts/1/decisions", `{"action":"reject","reason":"no"}`, approver, 409},
		{"GET", "/v1/parties", "", analyst, 200},
		{"GET", "/v1/parties/1", "", analyst, 200},
		{"GET", "/v1/audit/verify", "", admin, 200},
		{"GET", "/v1/audit/export", "", admin, 200},
		{"POST", "/v1/lists/reload", "", admin, 200},
		{"POST", "/v1/screen", `{"name":"Ali Khan"}`, apikey.RoleScreen, 200},
	}
	for _, c := range cases {
		for _, role := range apikey.Roles {
			// A fresh store per request: a proposal must not change what the next role sees.
			s := newTestServer(t, Options{RequireKeys: true, Keys: keys, Store: newTestStore(t)})
			r := do(t, s.Handler(), c.method, c.target, c.body, "Authorization", "Bearer "+secrets[role])
			want := c.okStatus
			if !role.Allows(c.least) {
				want = 403
			}
			if r.status != want {
				t.Errorf("%s %s %s as %s: status %d, want %d: %s", c.method, c.target, c.body, role, r.status, want, r.body)
				continue
			}
			if want == 403 && r.errorCode(t) != codeForbidden {
				t.Errorf("%s %s as %s: code %s", c.method, c.target, role, r.errorCode(t))
			}
		}
	}
}

// Keys of the roles before this change keep working as they did.
func TestOldRolesKeepTheirRoutes(t *testing.T) {
	keys, secrets, _ := testKeys(t)
	s := newTestServer(t, Options{RequireKeys: true, Keys: keys})
	for _, c := range []struct {
		role   apikey.Role
		method string
		target string
		status int
	}{
		{apikey.RoleScreen, "GET", "/v1/lists", 200},
		{apikey.RoleScreen, "GET", "/metrics", 200},
		{apikey.RoleScreen, "POST", "/v1/lists/reload", 403},
		{apikey.RoleAdmin, "POST", "/v1/lists/reload", 200},
		{apikey.RoleAnalyst, "GET", "/v1/lists", 200},
		{apikey.RoleApprover, "POST", "/v1/lists/reload", 403},
	} {
		if r := do(t, s.Handler(), c.method, c.target, "", "Authorization", "Bearer "+secrets[c.role]); r.status != c.status {
			t.Errorf("%s %s as %s: %d, want %d", c.method, c.target, c.role, r.status, c.status)
		}
	}
}

package main

import (
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
)

// testUser is who runs a command in tests that do not name anyone.
const testUser = "ops"

// actAs takes the person a test names with --actor NAME (a flag the binary does not have:
// it acts as the OS user) out of args, and makes cliUser return them until restore.
func actAs(args []string) (rest []string, restore func()) {
	name := testUser
	if i := slices.Index(args, "--actor"); i >= 0 && i+1 < len(args) {
		name = args[i+1]
		args = slices.Delete(slices.Clone(args), i, i+2)
	}
	saved := cliUser
	cliUser = func() (string, error) { return name, nil }
	return args, func() { cliUser = saved }
}

// grantRoles gives each "name:role" its role on store, as testUser, who becomes the store's
// admin when it has no users yet.
func grantRoles(t *testing.T, store string, grants ...string) {
	t.Helper()
	for _, g := range grants {
		name, role, _ := strings.Cut(g, ":")
		runStore(t, store, "users", "grant", name, role)
	}
}

// TestRolesEnforced: the first person to use a store becomes its admin; everyone else acts
// only with the role an admin granted them, for every command that touches the store.
func TestRolesEnforced(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, storeFileName)
	_, stderr, err := execute(t, "screen", "Sirajuddin Haqqani", "--monitor", "--ref", "C-1", "--store", store, "--data-dir", dir)
	if !errors.Is(err, errAlert) || !strings.Contains(stderr, "ops is the first user of this store and now its admin") {
		t.Fatalf("first screen: %v\n%s", err, stderr)
	}
	alert := itoa(runJSON[[]casejson.Alert](t, store, "alerts", "list")[0].ID)
	grantRoles(t, store, "teller:screen", "amina:analyst", "farid:approver")

	for _, tc := range []struct {
		as   string
		args []string
		want string // "" when allowed
	}{
		{"mallory", []string{"alerts", "list"}, "mallory has no role on this store"},
		{"mallory", []string{"screen", "Ahmad Karimi", "--monitor"}, "mallory has no role"},
		{"teller", []string{"screen", "Ahmad Karimi", "--monitor"}, ""},
		{"teller", []string{"alerts", "list"}, "teller has the role screen on this store; this needs analyst"},
		{"teller", []string{"parties", "show", "1"}, "this needs analyst"},
		{"amina", []string{"parties", "list"}, ""},
		{"amina", []string{"alerts", "propose", alert, "--outcome", "false_positive", "--reason", "born 1990"}, ""},
		{"amina", []string{"alerts", "confirm", alert}, "amina has the role analyst on this store; this needs approver"},
		{"amina", []string{"audit", "verify"}, "this needs admin"},
		{"amina", []string{"users", "grant", "amina", "admin"}, "this needs admin"},
		{"farid", []string{"audit", "export"}, "this needs admin"},
		{"farid", []string{"parties", "rescreen", "--list", "un"}, "this needs admin"},
		{"farid", []string{"keys", "create", "--role", "admin", "--name", "farid"}, "this needs admin"},
		{"farid", []string{"lists", "update", "--list", "un", "--url", "un=http://127.0.0.1:1/never-fetched.xml"}, "this needs admin"},
		{"farid", []string{"alerts", "confirm", alert}, ""},
		{"ops", []string{"users", "revoke", "ops"}, "the store's last admin"},
		{"ops", []string{"users", "grant", "nobody", "root"}, `role "root"`},
	} {
		out, stderr, err := execute(t, append(tc.args, "--actor", tc.as, "--store", store, "--data-dir", dir)...)
		switch {
		case tc.want == "" && err != nil && !errors.Is(err, errAlert):
			t.Errorf("%s %v: %v\n%s%s", tc.as, tc.args, err, out, stderr)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s %v: %v, want an error with %q", tc.as, tc.args, err, tc.want)
		}
	}
	if keys, err := run(t, "keys", "list", "--json", "--data-dir", dir); err != nil || strings.TrimSpace(keys) != "[]" {
		t.Errorf("a refused keys create made a key: %v %s", err, keys)
	}
	var users []string
	for _, u := range runJSON[[]corridor.User](t, store, "users", "list") {
		users = append(users, u.Name+":"+string(u.Role)+":"+u.GrantedBy)
	}
	if got := strings.Join(users, ","); got != "amina:analyst:ops,farid:approver:ops,ops:admin:ops,teller:screen:ops" {
		t.Errorf("users %s", got)
	}
	runStore(t, store, "users", "revoke", "teller")
	if out := runStore(t, store, "users", "list"); strings.Contains(out, "teller") || !regexp.MustCompile(`(?m)^farid +approver +ops +20`).MatchString(out) {
		t.Errorf("users list after revoking teller:\n%s", out)
	}
	var grants []string
	for _, a := range auditActions(t, dir) {
		if strings.HasPrefix(a, "role.") {
			grants = append(grants, a)
		}
	}
	if len(grants) != 5 || !strings.Contains(grants[0], `"bootstrap":true`) || !strings.Contains(grants[4], `role.revoke {"user":"teller","previous":"screen"}`) {
		t.Errorf("role changes in the trail: %q", grants)
	}
}

// Under sudo the person is who ran sudo, not the account corridor runs as.
func TestOSUserName(t *testing.T) {
	t.Setenv("SUDO_USER", "")
	me, err := osUserName()
	if err != nil || me == "" {
		t.Fatalf("login name: %q %v", me, err)
	}
	t.Setenv("SUDO_USER", "amina")
	if name, err := osUserName(); err != nil || name != "amina" {
		t.Errorf("under sudo: %q %v, want amina", name, err)
	}
}

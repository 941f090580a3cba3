package apikey

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCreateVerifyRevoke(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", FileName)
	now := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	k, secret, err := Create(path, RoleScreen, "ops", now)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), secret) || !strings.Contains(string(b), k.Hash) {
		t.Fatalf("file must hold the hash only:\n%s", b)
	}
	set, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := set.Verify(secret); !ok || got.ID != k.ID || got.Role != RoleScreen {
		t.Fatalf("Verify(secret) = %+v, %v", got, ok)
	}
	for _, bad := range []string{"", "crd_", secret + "x", strings.Replace(secret, k.ID, "000000000000", 1), "Bearer " + secret} {
		if _, ok := set.Verify(bad); ok {
			t.Errorf("Verify(%q) accepted", bad)
		}
	}
	if _, err := Revoke(path, k.ID, now); err != nil {
		t.Fatal(err)
	}
	set, _ = Load(path)
	if _, ok := set.Verify(secret); ok {
		t.Error("revoked key accepted")
	}
	if set.Active() {
		t.Error("Active with only a revoked key")
	}
	if _, err := Revoke(path, "nope", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("Revoke(unknown) = %v", err)
	}
}

func TestLoadMissingAndBad(t *testing.T) {
	dir := t.TempDir()
	set, err := Load(filepath.Join(dir, "none.json"))
	if err != nil || set.Active() {
		t.Fatalf("missing file: %v %v", set, err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{"), 0o600)
	if _, err := Load(bad); err == nil {
		t.Error("malformed file accepted")
	}
	os.WriteFile(bad, []byte(`{"version":2,"keys":[]}`), 0o600)
	if _, err := Load(bad); err == nil {
		t.Error("unknown version accepted")
	}
}

func TestRoles(t *testing.T) {
	if !RoleAdmin.Allows(RoleScreen) || RoleScreen.Allows(RoleAdmin) || !RoleScreen.Allows(RoleScreen) {
		t.Error("role order wrong")
	}
	if _, err := ParseRole("root"); err == nil {
		t.Error("ParseRole(root) accepted")
	}
	if r, err := ParseRole(" Admin "); err != nil || r != RoleAdmin {
		t.Errorf("ParseRole(Admin) = %v %v", r, err)
	}
}

func TestWatcherSeesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	w, err := NewWatcher(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if w.Keys().Active() {
		t.Fatal("keys before any was created")
	}
	_, secret, err := Create(path, RoleScreen, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.refresh(); err != nil {
		t.Fatal(err)
	}
	if _, ok := w.Keys().Verify(secret); !ok {
		t.Error("new key not seen")
	}
	os.WriteFile(path, []byte("{broken"), 0o600)
	if err := w.refresh(); err == nil {
		t.Error("broken file accepted")
	}
	if _, ok := w.Keys().Verify(secret); !ok {
		t.Error("keys dropped on a broken file")
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/apikey"
)

func TestKeysCommands(t *testing.T) {
	dir := t.TempDir()
	out, stderr, err := execute(t, "keys", "create", "--role", "admin", "--name", "ops", "--data-dir", dir)
	if err != nil {
		t.Fatal(err, stderr)
	}
	key := strings.TrimSpace(out)
	if !strings.HasPrefix(key, "crd_") || !strings.Contains(stderr, "shown only now") {
		t.Fatalf("create printed %q / %q", out, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, apikey.FileName))
	if err != nil || strings.Contains(string(b), key) {
		t.Fatalf("key file holds the key, or is missing: %v", err)
	}
	set, _ := apikey.Load(filepath.Join(dir, apikey.FileName))
	k, ok := set.Verify(key)
	if !ok || k.Role != apikey.RoleAdmin || k.Name != "ops" {
		t.Fatalf("stored key %+v %v", k, ok)
	}
	out, _, err = execute(t, "keys", "list", "--data-dir", dir)
	if err != nil || !strings.Contains(out, k.ID) || !strings.Contains(out, "active") || strings.Contains(out, key) {
		t.Errorf("list: %v\n%s", err, out)
	}
	if _, _, err := execute(t, "keys", "revoke", k.ID, "--data-dir", dir); err != nil {
		t.Fatal(err)
	}
	out, _, _ = execute(t, "keys", "list", "--data-dir", dir)
	if !strings.Contains(out, "revoked") {
		t.Errorf("after revoke:\n%s", out)
	}
	if _, _, err := execute(t, "keys", "revoke", "nope", "--data-dir", dir); err == nil {
		t.Error("revoking an unknown key succeeded")
	}
	if _, _, err := execute(t, "keys", "create", "--role", "root"); err == nil {
		t.Error("unknown role accepted")
	}
}

func TestServeRefusesBadSetups(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:0"}, "API keys are required"},
		{[]string{"--addr", ":0"}, "API keys are required"},
		{[]string{"--addr", "nonsense"}, "--addr"},
		{[]string{"--tls-cert", "x.pem"}, "--tls-key"},
		{[]string{"--log-level", "loud"}, "--log-level"},
		{[]string{"--reload-every", "-1s"}, "--reload-every"},
		{[]string{"--threshold", "2"}, "--threshold"},
		{[]string{"--lists", "nope"}, "--lists"},
		{[]string{"--max-batch-lines", "0"}, "--max-batch-lines"},
	} {
		_, _, err := execute(t, append([]string{"serve"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("serve %v: %v, want an error about %s", c.args, err, c.want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.1.2.3:80": true,
		"0.0.0.0:8080": false, ":8080": false, "10.0.0.5:8080": false, "[::]:8080": false, "example.com:80": false,
	} {
		got, err := isLoopback(addr)
		if err != nil || got != want {
			t.Errorf("isLoopback(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
}

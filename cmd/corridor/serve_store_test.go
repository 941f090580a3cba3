package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/sqlite"
)

// serve opens the data directory's store only when it exists, and a named store only when
// it exists; none turns the store off.
func TestServeStore(t *testing.T) {
	dir := t.TempDir()
	open := func(args ...string) (bool, error) {
		t.Helper()
		serve, _, err := newRootCmd().Find([]string{"serve"})
		if err != nil {
			t.Fatal(err)
		}
		if err := serve.ParseFlags(append(args, "--data-dir", dir)); err != nil {
			t.Fatal(err)
		}
		s, err := serveStore(serve)
		if s != nil {
			s.Close()
		}
		return s != nil, err
	}
	if got, err := open(); got || err != nil {
		t.Errorf("no corridor.db: store %v, %v", got, err)
	}
	if _, err := open("--store", "sqlite:"+filepath.Join(dir, "typo.db")); err == nil || !strings.Contains(err.Error(), "no store at") {
		t.Errorf("a missing named store: %v", err)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, storeFileName))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got, err := open(); !got || err != nil {
		t.Errorf("with corridor.db: store %v, %v", got, err)
	}
	if got, err := open("--store", "none"); got || err != nil {
		t.Errorf("--store none: store %v, %v", got, err)
	}
}

func TestKeysCreateNewRoles(t *testing.T) {
	for _, role := range []string{"analyst", "approver"} {
		if _, stderr, err := execute(t, "keys", "create", "--role", role); err != nil || !strings.Contains(stderr, "role "+role) {
			t.Errorf("--role %s: %v %s", role, err, stderr)
		}
	}
}

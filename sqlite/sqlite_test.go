package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/sqlite"
	"github.com/corridor-aml/corridor/storetest"
)

func open(t *testing.T) storetest.Backend {
	path := filepath.Join(t.TempDir(), "corridor.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return storetest.Backend{
		Store:   s,
		Exec:    func(q string) error { _, err := raw.Exec(q); return err },
		Unguard: []string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"},
		Reopen: func(t *testing.T) corridor.Store {
			s, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corridor.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Opening again applies nothing twice.
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != sqlite.SchemaVersion() {
		t.Errorf("schema_migrations holds %d rows (%v), want %d", n, err, sqlite.SchemaVersion())
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = sqlite.Open(ctx, path)
	if !errors.Is(err, corridor.ErrSchemaTooNew) {
		t.Fatalf("a database from a newer corridor: got %v, want ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func openStore(ctx context.Context, path string) (corridor.Store, error) {
	return sqlite.Open(ctx, path)
}

func TestCrash(t *testing.T) {
	storetest.Crash(t, "TestCrashChild", filepath.Join(t.TempDir(), "corridor.db"), openStore, 15*time.Second)
}

func TestCrashChild(t *testing.T) { storetest.CrashChild(t, openStore) }

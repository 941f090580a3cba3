package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/postgres"
	"github.com/corridor-aml/corridor/postgres/pgtest"
	"github.com/corridor-aml/corridor/storetest"
)

func open(t *testing.T) storetest.Backend {
	dsn := pgtest.Schema(t)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return storetest.Backend{
		Store: s,
		Exec: func(q string) error {
			_, err := s.Pool().Exec(context.Background(), q)
			return err
		},
		Unguard: []string{"DROP TRIGGER audit_log_no_change ON audit_log", "DROP TRIGGER audit_log_prune_only ON audit_log"},
		Reopen: func(t *testing.T) corridor.Store {
			s, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
}

func TestStore(t *testing.T) {
	pgtest.URL(t) // skip once, not in every subtest
	storetest.Run(t, open)
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Schema(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	var n int
	if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != postgres.SchemaVersion() {
		t.Errorf("schema_migrations holds %d rows (%v), want %d", n, err, postgres.SchemaVersion())
	}
	if _, err := s.Pool().Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = postgres.Open(ctx, dsn)
	if !errors.Is(err, corridor.ErrSchemaTooNew) {
		t.Fatalf("a database from a newer corridor: got %v, want ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func openStore(ctx context.Context, url string) (corridor.Store, error) {
	return postgres.Open(ctx, url)
}

func TestCrash(t *testing.T) {
	storetest.Crash(t, "TestCrashChild", pgtest.Schema(t), openStore, 15*time.Second)
}

func TestCrashChild(t *testing.T) { storetest.CrashChild(t, openStore) }

// TRUNCATE fires no row trigger: the statement-level one must still refuse it once UPDATE
// has moved to a row-level trigger for retention.
func TestTruncateRefused(t *testing.T) {
	ctx := context.Background()
	b := open(t)
	if _, err := b.Store.AppendAudit(ctx, corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un", Payload: 1}); err != nil {
		t.Fatal(err)
	}
	if err := b.Exec("TRUNCATE audit_log"); err == nil {
		t.Fatal("TRUNCATE audit_log: the database allowed it")
	} else {
		t.Log(err)
	}
	if rep, err := b.Store.VerifyAudit(ctx); err != nil || rep.Fault != nil || rep.Records != 1 {
		t.Errorf("after a refused TRUNCATE: %+v %v", rep, err)
	}
}

func openBench(b *testing.B) corridor.Store {
	s, err := openStore(context.Background(), pgtest.Schema(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkWrite(b *testing.B)  { storetest.BenchWrite(b, openBench(b)) }
func BenchmarkVerify(b *testing.B) { storetest.BenchVerify(b, openBench(b)) }

package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/postgres"
	"github.com/corridor-aml/corridor/storetest"
)

// testURL returns the server the tests use, or skips the test: PostgreSQL tests run only when
// CORRIDOR_TEST_POSTGRES names a server (.ci/run sets it).
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("CORRIDOR_TEST_POSTGRES")
	if u == "" {
		t.Skip("PostgreSQL tests skipped: set CORRIDOR_TEST_POSTGRES to a connection URL, e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	return u
}

// newSchema creates a schema of its own for one test, dropped when the test ends, so that
// parallel runs and reruns never meet, and returns the URL that puts corridor in it.
func newSchema(t testing.TB) string {
	base := testURL(t)
	ctx := context.Background()
	var b [6]byte
	rand.Read(b[:])
	schema := fmt.Sprintf("corridor_test_%d_%s", os.Getpid(), hex.EncodeToString(b[:]))
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("CORRIDOR_TEST_POSTGRES: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t *testing.T) storetest.Backend {
	dsn := newSchema(t)
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
	testURL(t) // skip once, not in every subtest
	storetest.Run(t, open)
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	dsn := newSchema(t)
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
	storetest.Crash(t, "TestCrashChild", newSchema(t), openStore, 15*time.Second)
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
	s, err := openStore(context.Background(), newSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkWrite(b *testing.B)  { storetest.BenchWrite(b, openBench(b)) }
func BenchmarkVerify(b *testing.B) { storetest.BenchVerify(b, openBench(b)) }

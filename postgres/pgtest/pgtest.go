// Package pgtest gives tests that need PostgreSQL a schema of their own on the server that
// CORRIDOR_TEST_POSTGRES names, and skips them, with a message, when it names none.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// URL returns the server the tests use, or skips the test: PostgreSQL tests run only when
// CORRIDOR_TEST_POSTGRES names a server (.ci/run sets it).
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("CORRIDOR_TEST_POSTGRES")
	if u == "" {
		t.Skip("PostgreSQL tests skipped: set CORRIDOR_TEST_POSTGRES to a connection URL, e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	return u
}

// Schema creates a schema of its own for one test, dropped when the test ends, so that
// parallel runs and reruns never meet, and returns the URL that puts corridor in it.
func Schema(t testing.TB) string {
	t.Helper()
	base := URL(t)
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

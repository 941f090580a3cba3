package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/postgres"
)

// TestAuditPostgres runs audit verify and export against PostgreSQL, in a schema of its own.
func TestAuditPostgres(t *testing.T) {
	base := os.Getenv("CORRIDOR_TEST_POSTGRES")
	if base == "" {
		t.Skip("PostgreSQL tests skipped: set CORRIDOR_TEST_POSTGRES to a connection URL, e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
	}
	ctx := context.Background()
	var b [6]byte
	rand.Read(b[:])
	schema := "corridor_cli_test_" + hex.EncodeToString(b[:])
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()

	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AppendAudit(ctx, corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un", Payload: map[string]string{"hash": "sha256:1"}})
	if err == nil {
		_, err = s.GrantRole(ctx, testUser, corridor.AccessAdmin, testUser) // who runs the audit commands
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := execute(t, "audit", "verify", "--store", u.String())
	if err != nil || !strings.Contains(out, "verified: 2 records") {
		t.Errorf("verify: %v\n%s", err, out)
	}
	out, _, err = execute(t, "audit", "export", "--store", u.String())
	if err != nil || !strings.HasPrefix(out, `{"seq":1,`) || !strings.Contains(out, `"action":"list.load"`) {
		t.Errorf("export: %v\n%s", err, out)
	}
}

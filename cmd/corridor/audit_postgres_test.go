package main

import (
	"context"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/postgres"
	"github.com/corridor-aml/corridor/postgres/pgtest"
)

// TestAuditPostgres runs audit verify and export against PostgreSQL, in a schema of its own.
func TestAuditPostgres(t *testing.T) {
	dsn := pgtest.Schema(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, dsn)
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
	out, _, err := execute(t, "audit", "verify", "--store", dsn)
	if err != nil || !strings.Contains(out, "verified: 2 records") {
		t.Errorf("verify: %v\n%s", err, out)
	}
	out, _, err = execute(t, "audit", "export", "--store", dsn)
	if err != nil || !strings.HasPrefix(out, `{"seq":1,`) || !strings.Contains(out, `"action":"list.load"`) {
		t.Errorf("export: %v\n%s", err, out)
	}
}

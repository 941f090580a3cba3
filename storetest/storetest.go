// Package storetest is the one test suite every corridor.Store passes: package sqlite and
// package postgres each run it against their own database.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/corridor-aml/corridor"
)

// Backend is a fresh, empty store and a way under it.
type Backend struct {
	Store corridor.Store
	// Exec runs raw SQL on the store's database, beside the store, as an intruder with
	// database access would.
	Exec func(query string) error
	// Unguard is the SQL that drops the append-only triggers of the audit log, which an
	// intruder would run first.
	Unguard []string
	// Reopen opens another store on the same database, as a second corridor node would.
	Reopen func(t *testing.T) corridor.Store
}

// Opener returns a new empty backend; it closes and removes it when the test ends.
type Opener func(t *testing.T) Backend

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	t.Run("parties", func(t *testing.T) { testParties(t, open(t).Store) })
	t.Run("alerts", func(t *testing.T) { testAlerts(t, open(t).Store) })
	t.Run("four-eyes", func(t *testing.T) { testFourEyes(t, open(t).Store) })
	t.Run("suppression", func(t *testing.T) { testSuppression(t, open(t).Store) })
	t.Run("audit", func(t *testing.T) { testAudit(t, open(t).Store) })
	t.Run("users", func(t *testing.T) { testUsers(t, open(t).Store) })
	t.Run("append-only", func(t *testing.T) { testAppendOnly(t, open(t)) })
	t.Run("tampering", func(t *testing.T) { testTampering(t, open) })
	t.Run("prune", func(t *testing.T) { testPrune(t, open(t).Store) })
	t.Run("prune-guard", func(t *testing.T) { testPruneGuard(t, open(t)) })
	t.Run("prune-tampering", func(t *testing.T) { testPruneTampering(t, open) })
	t.Run("two-nodes", func(t *testing.T) { testTwoNodes(t, open(t)) })
}

// ok takes a call's two results and returns its value, failing the test on its error:
// ok(s.Alert(ctx, id))(t).
func ok[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantErr(t *testing.T, err, want error, what string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: got error %v, want %v", what, err, want)
	} else {
		t.Logf("%s: %v", what, err)
	}
}

func auditActions(t *testing.T, s corridor.Store, from int64) []string {
	t.Helper()
	var out []string
	if err := s.AuditRecords(context.Background(), from, func(r corridor.AuditRecord) error {
		out = append(out, r.Action+" "+r.Subject)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func headSeq(t *testing.T, s corridor.Store) int64 {
	t.Helper()
	rep := ok(s.VerifyAudit(context.Background()))(t)
	if rep.Fault != nil {
		t.Fatalf("verify: %v", rep.Fault)
	}
	return rep.HeadSeq
}

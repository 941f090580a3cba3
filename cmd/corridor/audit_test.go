package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/sqlite"
)

// auditFixture makes a data directory whose store holds a short trail, and returns it with
// the number of records.
func auditFixture(t *testing.T) (dir string, n int64) {
	t.Helper()
	dir = t.TempDir()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, storeFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.SaveParty(ctx, corridor.MonitoredParty{Ref: "C-1", PartyData: corridor.PartyData{Name: "Ahmad Karimi"}}, "onboarding")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAlert(ctx, corridor.Alert{PartyID: p.ID, PartyName: p.Name, PartyHash: p.DataHash(), EntityID: "un:QDi.1",
		EntityHash: "sha256:1", List: corridor.ListUN, ListVersion: "sha256:2", Score: 0.9}, "screener")
	if err == nil {
		_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "born 1990 <not> 1965", Actor: "ann"})
	}
	if err == nil {
		_, err = s.Confirm(ctx, a.ID, "bob", "")
	}
	if err == nil {
		_, err = s.GrantRole(ctx, testUser, corridor.AccessAdmin, testUser) // who runs the audit commands
	}
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return dir, rep.HeadSeq
}

func TestAuditVerify(t *testing.T) {
	dir, n := auditFixture(t)
	out, _, err := execute(t, "audit", "verify", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "audit trail verified: 5 records, head 5 sha256:") || n != 5 {
		t.Fatalf("verify: %v\n%s", err, out)
	}
	// The same store named by --store and by CORRIDOR_STORE.
	path := filepath.Join(dir, storeFileName)
	if _, _, err := execute(t, "audit", "verify", "--store", "sqlite:"+path); err != nil {
		t.Errorf("--store sqlite:PATH: %v", err)
	}
	t.Setenv("CORRIDOR_STORE", "sqlite:"+path)
	if out, _, err := execute(t, "audit", "verify"); err != nil || !strings.Contains(out, "verified") {
		t.Errorf("CORRIDOR_STORE: %v %s", err, out)
	}
}

func TestAuditVerifyTampered(t *testing.T) {
	dir, _ := auditFixture(t)
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, storeFileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TRIGGER audit_log_no_update", `UPDATE audit_log SET payload = replace(payload, 'born 1990', 'born 1965') WHERE seq = 3`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	out, _, err := execute(t, "audit", "verify", "--data-dir", dir)
	if !errors.Is(err, errAlert) {
		t.Fatalf("verify of an edited trail: got %v, want the alert status (exit 1)", err)
	}
	if !strings.Contains(out, "audit trail broken at record 3: edited:") {
		t.Errorf("verify does not name record 3:\n%s", out)
	}
}

func TestAuditErrors(t *testing.T) {
	for _, args := range [][]string{
		{"audit", "verify"}, // a fresh data directory has no store: not an empty trail that passes
		{"audit", "verify", "--store", "mysql://x"},
		{"audit", "export", "--since", "0"},
	} {
		_, _, err := execute(t, args...)
		if err == nil || errors.Is(err, errAlert) {
			t.Errorf("%q: got %v, want an error (exit 2)", args, err)
		} else {
			t.Logf("%q: %v", args, err)
		}
	}
}

func TestAuditExport(t *testing.T) {
	dir, n := auditFixture(t)
	file := filepath.Join(t.TempDir(), "audit.jsonl")
	if _, stderr, err := execute(t, "audit", "export", "--data-dir", dir, "-o", file); err != nil || !strings.Contains(stderr, "5 records written") {
		t.Fatalf("export: %v %s", err, stderr)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A regulator's check, from the file alone: decode each line and walk the chain.
	v := corridor.NewChainVerifier()
	var count int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line struct {
			Seq                                   int64
			Time, Actor, Action, Subject, Payload string
			PayloadHash                           string `json:"payload_sha256"`
			PrevHash                              string `json:"prev_sha256"`
			Hash                                  string `json:"sha256"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		at, err := time.Parse(corridor.AuditTimeFormat, line.Time)
		if err != nil {
			t.Fatal(err)
		}
		r := corridor.AuditRecord{Seq: line.Seq, Time: at, Actor: line.Actor, Action: line.Action, Subject: line.Subject,
			Payload: []byte(line.Payload), PayloadHash: line.PayloadHash, PrevHash: line.PrevHash, Hash: line.Hash}
		if fault := v.Next(&r); fault != nil {
			t.Fatalf("exported record does not verify: %v", fault)
		}
		count++
	}
	if count != n {
		t.Errorf("exported %d records, want %d", count, n)
	}

	out, _, err := execute(t, "audit", "export", "--data-dir", dir, "--since", "3")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], `{"seq":3,`) || !strings.Contains(lines[0], `born 1990 \\u003cnot\\u003e 1965`) {
		t.Errorf("--since 3:\n%s", out)
	}
}

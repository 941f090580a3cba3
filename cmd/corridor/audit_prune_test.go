package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/sqlite"
)

// pruneFixture makes a data directory whose store holds three records from 2010, written
// under the store as a store running then would have, then testUser's admin grant and a
// list load of today: records 1 to 3 are older than ten years, 4 and 5 are not.
func pruneFixture(t *testing.T) (dir string) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	path := filepath.Join(dir, storeFileName)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	seq, hash := int64(0), corridor.GenesisHash
	for i := range 3 {
		r, err := corridor.NextAuditRecord(seq, hash, time.Date(2010, 1, 1+i, 12, 0, 0, 0, time.UTC), corridor.AuditEvent{
			Actor: "screener", Action: corridor.AuditScreen, Subject: "screen", Payload: map[string]any{"input_sha256": strings.Repeat("ab", 32), "n": i}})
		if err == nil {
			_, err = db.Exec(`INSERT INTO audit_log (seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Seq, r.Time.Format(corridor.AuditTimeFormat), r.Actor, r.Action, r.Subject,
				string(r.Payload), r.PayloadHash, r.PrevHash, r.Hash)
		}
		if err == nil {
			_, err = db.Exec(`UPDATE audit_head SET seq = ?, hash = ?`, r.Seq, r.Hash)
		}
		if err != nil {
			t.Fatal(err)
		}
		seq, hash = r.Seq, r.Hash
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.GrantRole(ctx, testUser, corridor.AccessAdmin, testUser)
	if err == nil {
		_, err = s.AppendAudit(ctx, corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un", Payload: map[string]string{"hash": "sha256:1"}})
	}
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.VerifyAudit(ctx); err != nil || rep.Fault != nil || rep.HeadSeq != 5 {
		t.Fatalf("fixture: %+v %v", rep, err)
	}
	return dir
}

// exportRecords exports the trail and checks it from the lines alone, as a regulator would.
func exportRecords(t *testing.T, dir string) []corridor.AuditRecord {
	t.Helper()
	out, _, err := execute(t, "audit", "export", "--data-dir", dir)
	if err != nil {
		t.Fatal(err)
	}
	var recs []corridor.AuditRecord
	v := corridor.NewChainVerifier()
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r corridor.AuditRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %s: %v", sc.Text(), err)
		}
		if f := v.Next(&r); f != nil {
			t.Fatalf("exported record does not verify: %v", f)
		}
		if r.Pruned() != strings.Contains(sc.Text(), `"pruned":true`) {
			t.Errorf("line %s: pruned %v", sc.Text(), r.Pruned())
		}
		recs = append(recs, r)
	}
	if n := len(recs); n > 0 {
		if f := v.End(recs[n-1].Seq, recs[n-1].Hash); f != nil {
			t.Fatalf("export: %v", f)
		}
	}
	return recs
}

func TestAuditPrune(t *testing.T) {
	dir := pruneFixture(t)
	// The retention, like every flag, may come from the config file.
	config := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(config, []byte("audit prune:\n  retain: 10y\n  dry-run: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := execute(t, "audit", "prune", "--config", config, "--data-dir", dir)
	if err != nil || !strings.Contains(out, "would remove the payloads of 3 records (1 to 3) older than") || !strings.Contains(out, "nothing changed") {
		t.Fatalf("--dry-run: %v\n%s", err, out)
	}
	if recs := exportRecords(t, dir); len(recs) != 5 || recs[0].Pruned() {
		t.Fatalf("after --dry-run: %d records, record 1 pruned %v", len(recs), recs[0].Pruned())
	}

	out, _, err = execute(t, "audit", "prune", "--retain", "10y", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "removed the payloads of 3 records (1 to 3) older than") || !strings.Contains(out, "recorded as record 6 (audit.prune)") {
		t.Fatalf("prune: %v\n%s", err, out)
	}
	out, _, err = execute(t, "audit", "verify", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "audit trail verified: 6 records") || !strings.Contains(out, "3 of them pruned") {
		t.Errorf("verify after the prune: %v\n%s", err, out)
	}
	recs := exportRecords(t, dir)
	if len(recs) != 6 {
		t.Fatalf("%d records after the prune", len(recs))
	}
	for _, r := range recs {
		if r.Pruned() != (r.Seq <= 3) {
			t.Errorf("record %d (%s): pruned %v", r.Seq, r.Action, r.Pruned())
		}
	}
	p, err := corridor.ParsePruneRecord(recs[5].Payload)
	if recs[5].Action != corridor.AuditPrune || recs[5].Actor != testUser || err != nil || p.FirstSeq != 1 || p.LastSeq != 3 || p.Count != 3 {
		t.Errorf("the prune's record: %+v, %+v %v", recs[5], p, err)
	}
	if cut := time.Now().AddDate(-10, 0, 0); p.Before.After(cut) || p.Before.Before(cut.Add(-time.Minute)) {
		t.Errorf("cutoff %v, want ten years ago (%v)", p.Before, cut)
	}

	// Nothing more is that old; the retention may come from the environment.
	t.Setenv("CORRIDOR_RETAIN", "3650d")
	out, _, err = execute(t, "audit", "prune", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "no payload older than") {
		t.Errorf("second prune: %v\n%s", err, out)
	}
	if recs := exportRecords(t, dir); len(recs) != 6 {
		t.Errorf("a prune with nothing to remove appended a record: %d records", len(recs))
	}
}

func TestAuditPruneErrors(t *testing.T) {
	dir := pruneFixture(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--data-dir", dir}, "--retain is required"},
		{[]string{"--retain", "12h", "--data-dir", dir}, "at least one day"},
		{[]string{"--retain", "0d", "--data-dir", dir}, "at least one day"},
		{[]string{"--retain", "1.5y", "--data-dir", dir}, "whole number of years or days"},
		{[]string{"--retain", "-1y", "--data-dir", dir}, "whole number of years or days"},
		{[]string{"--retain", "ten years", "--data-dir", dir}, "want years (10y)"},
		{[]string{"--retain", "10y"}, "no store at"}, // a fresh data directory
		{[]string{"--retain", "10y", "--data-dir", dir, "--actor", "mallory"}, "mallory has no role"},
	} {
		_, _, err := execute(t, append([]string{"audit", "prune"}, c.args...)...)
		if err == nil || errors.Is(err, errAlert) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error saying %q", c.args, err, c.want)
		} else {
			t.Logf("%q: %v", c.args, err)
		}
	}
	if recs := exportRecords(t, dir); len(recs) != 5 || recs[0].Pruned() {
		t.Errorf("a refused prune changed the trail: %d records", len(recs))
	}
}

// A trail that does not verify is not pruned: the payloads are the evidence.
func TestAuditPruneBrokenTrail(t *testing.T) {
	dir := pruneFixture(t)
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, storeFileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TRIGGER audit_log_no_update", `UPDATE audit_log SET payload = replace(payload, '"n":1', '"n":7') WHERE seq = 2`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = execute(t, "audit", "prune", "--retain", "10y", "--data-dir", dir)
	if err == nil || !strings.Contains(err.Error(), "nothing pruned: the trail does not verify (audit record 2: edited") {
		t.Errorf("prune of an edited trail: %v", err)
	}
	var payload string
	if err := db.QueryRow(`SELECT payload FROM audit_log WHERE seq = 2`).Scan(&payload); err != nil || !strings.Contains(payload, `"n":7`) {
		t.Errorf("record 2 after a refused prune: %q %v", payload, err)
	}
	db.Close()
}

func TestParseRetention(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"10y", time.Date(2016, 3, 1, 9, 30, 0, 0, time.UTC)},
		{"1y", time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)},
		{"3650d", now.AddDate(0, 0, -3650)},
		{" 1d ", time.Date(2026, 2, 28, 9, 30, 0, 0, time.UTC)},
		{"8760h", now.Add(-8760 * time.Hour)},
		{"24h", now.Add(-24 * time.Hour)},
	} {
		r, err := parseRetention(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := r.cutoff(now); !got.Equal(c.want) {
			t.Errorf("%q: cutoff %v, want %v", c.in, got, c.want)
		}
	}
	for _, in := range []string{"0y", "0d", "23h59m", "10m", "-1d", "1.5y", "y", "10 y", "10w", "1001y", "forever"} {
		if r, err := parseRetention(in); err == nil {
			t.Errorf("%q: accepted as %+v", in, r)
		}
	}
	if r, err := parseRetention(""); err != nil || r.set() {
		t.Errorf("empty: %+v %v, want unset", r, err)
	}
}

// serve --audit-retain prunes at start and then at every interval, and stops with the
// server.
func TestAuditRetentionLoop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), storeFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	appendOne := func() {
		if _, err := s.AppendAudit(ctx, corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un", Payload: 1}); err != nil {
			t.Fatal(err)
		}
	}
	waitPruned := func(n int64) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			rep, err := s.VerifyAudit(ctx)
			if err != nil || rep.Fault != nil {
				t.Fatalf("verify: %+v %v", rep, err)
			}
			if rep.Pruned >= n {
				return
			}
		}
		t.Fatalf("not %d records pruned after 5 s", n)
	}
	appendOne()
	appendOne()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	// A retention of a millisecond, which the flag refuses, so that the test need not wait.
	wait := startAuditRetention(ctx, log, s, retention{text: "1ms", dur: time.Millisecond}, 20*time.Millisecond, "ops")
	waitPruned(2)
	appendOne() // pruned at a later tick, not at start
	waitPruned(3)
	cancel()
	wait()
	// The prune at start takes the two records, or one when the second is younger than the
	// millisecond of retention; the later ones take the rest.
	prunes, pruned := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct {
			Msg    string `json:"msg"`
			Pruned int    `json:"pruned"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec.Msg == "audit prune" {
			prunes++
			pruned += rec.Pruned
		}
	}
	if prunes < 2 || pruned != 3 {
		t.Errorf("%d prunes logged, %d payloads pruned; want 2 or more, 3:\n%s", prunes, pruned, logs.String())
	}
	if strings.Contains(logs.String(), "failed") {
		t.Errorf("a prune failed:\n%s", logs.String())
	}
}

// serve wires --audit-retain: a server with a store prunes it at start; one run by someone
// who is not an admin of the store does not start.
func TestServeAuditRetain(t *testing.T) {
	dir := pruneFixture(t)
	path := filepath.Join(dir, storeFileName)
	if _, _, err := execute(t, "serve", "--audit-retain", "1h", "--data-dir", dir); err == nil || !strings.Contains(err.Error(), "at least one day") {
		t.Errorf("--audit-retain 1h: %v", err)
	}
	if _, _, err := execute(t, "serve", "--addr", "127.0.0.1:0", "--audit-retain", "10y", "--data-dir", dir, "--actor", "mallory"); err == nil ||
		!strings.Contains(err.Error(), "--audit-retain: mallory has no role") {
		t.Errorf("serve --audit-retain by someone without a role: %v", err)
	}

	root := newRootCmd()
	var stderr bytes.Buffer
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&stderr)
	args, restore := actAs([]string{"serve", "--addr", "127.0.0.1:0", "--audit-retain", "10y", "--data-dir", dir})
	defer restore()
	root.SetArgs(args)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()

	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rep corridor.AuditReport
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && rep.Pruned == 0; time.Sleep(10 * time.Millisecond) {
		if rep, err = s.VerifyAudit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v\n%s", err, stderr.String())
	}
	if rep.Pruned != 3 || rep.Fault != nil || rep.HeadSeq != 6 {
		t.Errorf("after serve --audit-retain 10y: %+v\n%s", rep, stderr.String())
	}
	if !strings.Contains(stderr.String(), `"msg":"audit prune"`) || !strings.Contains(stderr.String(), `"pruned":3`) {
		t.Errorf("the prune is not logged:\n%s", stderr.String())
	}
}

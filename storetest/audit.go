package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// fill makes a small history of every kind of change and returns the number of records.
func fill(t *testing.T, s corridor.Store) int64 {
	t.Helper()
	ctx := context.Background()
	party := addParty(t, s, "C-1", "Ahmad Karimi")
	ok(s.RecordScreen(ctx, corridor.Screening{Actor: "api:payments", Channel: "api", InputHash: strings.Repeat("ab", 32),
		PartyID: party.ID, Lists: []corridor.ListVersionRef{{List: corridor.ListUN, Hash: "sha256:01"}}, Result: "alert", Alerts: []int64{1}}))(t)
	a := ok(s.CreateAlert(ctx, newAlert(party, "un:QDi.1", "v1"), "screener"))(t)
	ok(s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "other <person> & \"name\"", Actor: "ann"}))(t)
	ok(s.Confirm(ctx, a.ID, "bob", ""))(t)
	ok(s.AppendAudit(ctx, corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un",
		Payload: map[string]any{"hash": "sha256:02", "entities": 1000}}))(t)
	return headSeq(t, s)
}

func testAudit(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	n := fill(t, s)
	if want := "party.add party:1,screen party:1,alert.create alert:1,alert.propose alert:1,alert.confirm alert:1,list.load list:un"; strings.Join(auditActions(t, s, 1), ",") != want {
		t.Errorf("audit %q\nwant %q", auditActions(t, s, 1), want)
	}
	var recs []corridor.AuditRecord
	noErr(t, s.AuditRecords(ctx, 0, func(r corridor.AuditRecord) error { recs = append(recs, r); return nil }))
	if int64(len(recs)) != n {
		t.Fatalf("%d records, head says %d", len(recs), n)
	}
	prev := corridor.GenesisHash
	for i, r := range recs {
		// The canonical encoding as docs/audit.md writes it, recomputed here by hand.
		enc := fmt.Sprintf("corridor-audit-v1\n%d\n%s\n%s\n%s\n%s\n%s\n%s", r.Seq, r.Time.UTC().Format("2006-01-02T15:04:05.000000Z"),
			r.Actor, r.Action, r.Subject, sha(r.Payload), prev)
		if r.Seq != int64(i+1) || r.PrevHash != prev || r.PayloadHash != sha(r.Payload) || r.Hash != sha([]byte(enc)) {
			t.Errorf("record %d: %+v does not follow the documented encoding", i+1, r)
		}
		if r.Time.IsZero() || r.Actor == "" {
			t.Errorf("record %d without time or actor", r.Seq)
		}
		prev = r.Hash
	}
	if !json.Valid(recs[3].Payload) || !strings.Contains(string(recs[3].Payload), `"reason":"other \u003cperson\u003e \u0026 \"name\""`) {
		t.Errorf("proposal payload %s", recs[3].Payload)
	}
	if strings.Contains(string(recs[0].Payload), "Karimi") || strings.Contains(string(recs[2].Payload), "Karimi") {
		t.Errorf("the trail holds the party's name: %s %s", recs[0].Payload, recs[2].Payload)
	}
	var from []int64
	noErr(t, s.AuditRecords(ctx, 5, func(r corridor.AuditRecord) error { from = append(from, r.Seq); return nil }))
	if fmt.Sprint(from) != "[5 6]" {
		t.Errorf("records from 5: %v", from)
	}

	rep := ok(s.VerifyAudit(ctx))(t)
	if rep.Fault != nil || rep.Records != n || rep.HeadSeq != n || rep.HeadHash != recs[n-1].Hash {
		t.Errorf("verify: %+v", rep)
	}
	_, err := s.AppendAudit(ctx, corridor.AuditEvent{Actor: "mallory\nseq", Action: "x", Subject: "y"})
	wantErr(t, err, corridor.ErrInvalid, "an actor with a line break")
	_, err = s.AppendAudit(ctx, corridor.AuditEvent{Actor: "a", Action: "", Subject: "y"})
	wantErr(t, err, corridor.ErrInvalid, "no action")
	if headSeq(t, s) != n {
		t.Error("a refused append moved the head")
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func testAppendOnly(t *testing.T, b Backend) {
	fill(t, b.Store)
	for _, q := range []string{"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2", "DELETE FROM audit_log WHERE seq = 2"} {
		if err := b.Exec(q); err == nil {
			t.Errorf("%s: the database allowed it", q)
		} else {
			t.Logf("%s: %v", q, err)
		}
	}
}

// testTampering changes the log under the store as an intruder would, one way per test, and
// checks that verify names the record.
func testTampering(t *testing.T, open Opener) {
	const bad = 3
	for _, tc := range []struct {
		name string
		sql  func(last int64) []string
		seq  func(last int64) int64
		kind string
	}{
		{"edit payload", func(int64) []string {
			return []string{fmt.Sprintf(`UPDATE audit_log SET payload = '{"tampered":true}' WHERE seq = %d`, bad)}
		}, fixed(bad), corridor.FaultEdited},
		{"edit payload and its hash", func(int64) []string {
			return []string{fmt.Sprintf(`UPDATE audit_log SET payload = '{}', payload_hash = '%s' WHERE seq = %d`, sha([]byte("{}")), bad)}
		}, fixed(bad), corridor.FaultEdited},
		{"edit actor", func(int64) []string {
			return []string{fmt.Sprintf(`UPDATE audit_log SET actor = 'mallory' WHERE seq = %d`, bad)}
		}, fixed(bad), corridor.FaultEdited},
		{"edit time", func(int64) []string {
			return []string{fmt.Sprintf(`UPDATE audit_log SET at = %s WHERE seq = 1`, "%AT%")}
		}, fixed(1), corridor.FaultEdited},
		{"edit hash", func(int64) []string {
			return []string{fmt.Sprintf(`UPDATE audit_log SET hash = '%s' WHERE seq = %d`, strings.Repeat("f", 64), bad)}
		}, fixed(bad), corridor.FaultEdited},
		{"delete a record", func(int64) []string {
			return []string{fmt.Sprintf(`DELETE FROM audit_log WHERE seq = %d`, bad)}
		}, fixed(bad), corridor.FaultMissing},
		{"delete the first record", func(int64) []string {
			return []string{`DELETE FROM audit_log WHERE seq = 1`}
		}, fixed(1), corridor.FaultMissing},
		{"delete the last record", func(last int64) []string {
			return []string{fmt.Sprintf(`DELETE FROM audit_log WHERE seq = %d`, last)}
		}, func(last int64) int64 { return last }, corridor.FaultTruncated},
		{"delete the last record and move the head back", func(last int64) []string {
			return []string{fmt.Sprintf(`DELETE FROM audit_log WHERE seq = %d`, last),
				fmt.Sprintf(`UPDATE audit_head SET seq = %d`, last-1)}
		}, func(last int64) int64 { return last - 1 }, corridor.FaultTruncated},
		{"delete a record and renumber the rest", func(last int64) []string {
			q := []string{fmt.Sprintf(`DELETE FROM audit_log WHERE seq = %d`, bad)}
			for s := int64(bad + 1); s <= last; s++ {
				q = append(q, fmt.Sprintf(`UPDATE audit_log SET seq = %d WHERE seq = %d`, s-1, s))
			}
			return append(q, `UPDATE audit_head SET seq = seq - 1`)
		}, fixed(bad), corridor.FaultEdited},
		{"swap two records", func(int64) []string {
			return []string{
				fmt.Sprintf(`UPDATE audit_log SET seq = -1 WHERE seq = %d`, bad),
				fmt.Sprintf(`UPDATE audit_log SET seq = %d WHERE seq = %d`, bad, bad+1),
				fmt.Sprintf(`UPDATE audit_log SET seq = %d WHERE seq = -1`, bad+1),
			}
		}, fixed(bad), corridor.FaultEdited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := open(t)
			last := fill(t, b.Store)
			before := ok(b.Store.VerifyAudit(context.Background()))(t)
			if before.Fault != nil {
				t.Fatalf("before tampering: %v", before.Fault)
			}
			for _, q := range append(append([]string{}, b.Unguard...), tc.sql(last)...) {
				q = strings.ReplaceAll(q, "%AT%", "'2020-01-01T00:00:00.000000Z'")
				if err := b.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			rep := ok(b.Store.VerifyAudit(context.Background()))(t)
			if rep.Fault == nil {
				t.Fatalf("verify passed a tampered log: %+v", rep)
			}
			if rep.Fault.Seq != tc.seq(last) || rep.Fault.Kind != tc.kind {
				t.Errorf("verify named record %d (%s), want %d (%s): %v", rep.Fault.Seq, rep.Fault.Kind, tc.seq(last), tc.kind, rep.Fault)
			}
			t.Log(rep.Fault)
		})
	}
}

func fixed(seq int64) func(int64) int64 { return func(int64) int64 { return seq } }

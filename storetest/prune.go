package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

// cutoffNow returns a cutoff that every record appended so far is older than, and every
// record appended later is not.
func cutoffNow() time.Time {
	// Record times are truncated to the microsecond: wait past the last one's.
	time.Sleep(2 * time.Millisecond)
	return time.Now()
}

func listLoad(hash string) corridor.AuditEvent {
	return corridor.AuditEvent{Actor: "lists", Action: corridor.AuditListLoad, Subject: "list:un", Payload: map[string]any{"hash": hash}}
}

func allRecords(t *testing.T, s corridor.Store) []corridor.AuditRecord {
	t.Helper()
	var out []corridor.AuditRecord
	noErr(t, s.AuditRecords(context.Background(), 1, func(r corridor.AuditRecord) error { out = append(out, r); return nil }))
	return out
}

func testPrune(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	old := fill(t, s)
	cutoff := cutoffNow()
	ok(s.AppendAudit(ctx, listLoad("sha256:03")))(t)
	before := allRecords(t, s)

	dry := ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoff, Actor: "retention", DryRun: true}))(t)
	if dry.Count != old || dry.FirstSeq != 1 || dry.LastSeq != old || dry.Record.Seq != 0 {
		t.Errorf("dry run: %+v, want %d payloads of 1 to %d and no record", dry, old, old)
	}
	if !reflect.DeepEqual(allRecords(t, s), before) {
		t.Fatal("a dry run changed the trail")
	}

	rep := ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoff, Actor: "retention"}))(t)
	want := corridor.PruneRecord{Before: cutoff.UTC().Truncate(time.Microsecond), FirstSeq: 1, LastSeq: old, Count: old}
	if !rep.Before.Equal(want.Before) || rep.FirstSeq != 1 || rep.LastSeq != old || rep.Count != old {
		t.Errorf("prune: %+v, want %+v", rep.PruneRecord, want)
	}
	pr := rep.Record
	if pr.Seq != old+2 || pr.Action != corridor.AuditPrune || pr.Subject != "audit_log" || pr.Actor != "retention" {
		t.Errorf("the prune's record: %+v", pr)
	}
	if got, err := corridor.ParsePruneRecord(pr.Payload); err != nil || !got.Before.Equal(want.Before) || got.FirstSeq != 1 || got.LastSeq != old || got.Count != old {
		t.Errorf("the prune's payload %s: %+v %v", pr.Payload, got, err)
	}
	after := allRecords(t, s)
	if int64(len(after)) != old+2 {
		t.Fatalf("%d records after the prune, want %d", len(after), old+2)
	}
	for i, r := range after[:old+1] {
		b := before[i]
		if r.Seq <= old {
			// Every field but the payload as it was; nil or empty, either is read as pruned.
			b.Payload, r.Payload = nil, nil
		}
		if after[i].Pruned() != (r.Seq <= old) || !reflect.DeepEqual(r, b) {
			t.Errorf("record %d after the prune:\n%+v\nwant\n%+v", r.Seq, r, b)
		}
	}
	if after[old+1].Pruned() || after[old+1].Hash != pr.Hash {
		t.Errorf("the prune's record as read: %+v", after[old+1])
	}
	v := ok(s.VerifyAudit(ctx))(t)
	if v.Fault != nil || v.Records != old+2 || v.Pruned != old {
		t.Errorf("verify after the prune: %+v (fault %v), want %d records, %d pruned", v, v.Fault, old+2, old)
	}

	// An export line says it was pruned, and reads back as the record.
	line, err := json.Marshal(after[0])
	noErr(t, err)
	if !strings.Contains(string(line), `"pruned":true`) || strings.Contains(string(line), `"payload":`) {
		t.Errorf("export of a pruned record: %s", line)
	}
	var back corridor.AuditRecord
	noErr(t, json.Unmarshal(line, &back))
	if !back.Pruned() || back.Hash != after[0].Hash || !back.Time.Equal(after[0].Time) || back.PayloadHash != after[0].PayloadHash {
		t.Errorf("export line %s read back as %+v", line, back)
	}

	// Again with the same cutoff: nothing left to remove, nothing appended.
	if again := ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoff, Actor: "retention"}))(t); again.Count != 0 || again.Record.Seq != 0 {
		t.Errorf("second prune: %+v", again)
	}
	if headSeq(t, s) != old+2 {
		t.Error("a prune with nothing to remove moved the head")
	}

	// A later cutoff takes the newer record but never the payload of a prune's record.
	rep2 := ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoffNow(), Actor: "retention"}))(t)
	if rep2.Count != 1 || rep2.FirstSeq != old+1 || rep2.LastSeq != old+1 || rep2.Record.Seq != old+3 {
		t.Errorf("second cutoff: %+v", rep2)
	}
	recs := allRecords(t, s)
	if recs[old+1].Pruned() || recs[old+2].Pruned() || !recs[old].Pruned() {
		t.Errorf("after the second prune: record %d pruned %v, prunes' records %v %v", old+1, recs[old].Pruned(), recs[old+1].Pruned(), recs[old+2].Pruned())
	}
	if v := ok(s.VerifyAudit(ctx))(t); v.Fault != nil || v.Pruned != old+1 {
		t.Errorf("verify after two prunes: %+v (fault %v)", v, v.Fault)
	}
	// An earlier cutoff than the last prune's finds nothing.
	if rep3 := ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoff, Actor: "retention"}))(t); rep3.Count != 0 {
		t.Errorf("an earlier cutoff: %+v", rep3)
	}

	head := headSeq(t, s)
	for _, q := range []struct {
		what string
		q    corridor.PruneRequest
	}{
		{"a cutoff in the future", corridor.PruneRequest{Before: time.Now().Add(time.Hour), Actor: "retention"}},
		{"a cutoff in the future, dry run", corridor.PruneRequest{Before: time.Now().Add(time.Hour), Actor: "retention", DryRun: true}},
		{"no cutoff", corridor.PruneRequest{Actor: "retention"}},
		{"no actor", corridor.PruneRequest{Before: time.Now()}},
	} {
		_, err := s.PruneAudit(ctx, q.q)
		wantErr(t, err, corridor.ErrInvalid, q.what)
	}
	if headSeq(t, s) != head {
		t.Error("a refused prune moved the head")
	}
}

// testPruneGuard checks that the database lets a prune's change through, and nothing else.
func testPruneGuard(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Store
	old := fill(t, s)
	ok(s.PruneAudit(ctx, corridor.PruneRequest{Before: cutoffNow(), Actor: "retention"}))(t)
	ok(s.AppendAudit(ctx, listLoad("sha256:03")))(t)
	prune, recent := old+1, old+2
	for _, q := range []string{
		fmt.Sprintf(`UPDATE audit_log SET payload = 'null' WHERE seq = %d`, recent),
		fmt.Sprintf(`UPDATE audit_log SET payload = '{"tampered":true}' WHERE seq = 2`),
		fmt.Sprintf(`UPDATE audit_log SET payload = '', actor = 'mallory' WHERE seq = %d`, recent),
		fmt.Sprintf(`UPDATE audit_log SET payload = '', payload_hash = '%s' WHERE seq = %d`, sha(nil), recent),
		`UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`,
		`UPDATE audit_log SET hash = prev_hash WHERE seq = 2`,
		fmt.Sprintf(`UPDATE audit_log SET seq = 99 WHERE seq = %d`, recent),
		fmt.Sprintf(`UPDATE audit_log SET payload = '' WHERE seq = %d`, prune),
		`DELETE FROM audit_log WHERE seq = 2`,
		fmt.Sprintf(`DELETE FROM audit_log WHERE seq = %d`, recent),
	} {
		if err := b.Exec(q); err == nil {
			t.Errorf("%s: the database allowed it", q)
		} else {
			t.Logf("%s: %v", q, err)
		}
	}
	if v := ok(s.VerifyAudit(ctx))(t); v.Fault != nil || v.Pruned != old {
		t.Fatalf("after refused changes: %+v (fault %v)", v, v.Fault)
	}
	// What a prune does, the database lets anyone do; verify tells them apart.
	noErr(t, b.Exec(fmt.Sprintf(`UPDATE audit_log SET payload = '' WHERE seq = %d`, recent)))
	v := ok(s.VerifyAudit(ctx))(t)
	if v.Fault == nil || v.Fault.Seq != recent || v.Fault.Kind != corridor.FaultUnrecordedPrune {
		t.Errorf("a payload removed outside a prune: verify says %+v (fault %v)", v, v.Fault)
	} else {
		t.Log(v.Fault)
	}
}

// testPruneTampering is testTampering on a trail with pruned records, and with payloads
// removed other than by a prune.
func testPruneTampering(t *testing.T, open Opener) {
	const (
		none    = iota
		before  // prune records 1 to 6 (record 7), append record 8, then tamper
		onWhich // tamper, then prune records 1 to 6 (record 7)
	)
	for _, tc := range []struct {
		name    string
		prune   int
		unguard bool
		sql     []string
		seq     int64
		kind    string
	}{
		{"remove a payload in the middle", none, false,
			[]string{`UPDATE audit_log SET payload = '' WHERE seq = 3`}, 3, corridor.FaultUnrecordedPrune},
		{"remove the oldest payloads", none, false,
			[]string{`UPDATE audit_log SET payload = '' WHERE seq <= 2`}, 1, corridor.FaultUnrecordedPrune},
		{"remove a payload newer than the last prune", before, false,
			[]string{`UPDATE audit_log SET payload = '' WHERE seq = 8`}, 8, corridor.FaultUnrecordedPrune},
		{"remove a payload, then prune over it", onWhich, false,
			[]string{`UPDATE audit_log SET payload = '' WHERE seq = 3`}, 7, corridor.FaultUnrecordedPrune},
		{"edit the actor of a pruned record", before, true,
			[]string{`UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`}, 2, corridor.FaultEdited},
		{"give a pruned record a payload", before, true,
			[]string{`UPDATE audit_log SET payload = '{"tampered":true}' WHERE seq = 2`}, 2, corridor.FaultEdited},
		{"delete a pruned record", before, true,
			[]string{`DELETE FROM audit_log WHERE seq = 2`}, 2, corridor.FaultMissing},
		{"remove the payload of the prune's record", before, true,
			[]string{`UPDATE audit_log SET payload = '' WHERE seq = 7`}, 7, corridor.FaultUnrecordedPrune},
		{"edit the payload of the prune's record", before, true,
			[]string{`UPDATE audit_log SET payload = '{}' WHERE seq = 7`}, 7, corridor.FaultEdited},
		{"delete the prune's record", before, true,
			[]string{`DELETE FROM audit_log WHERE seq = 7`}, 7, corridor.FaultMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			b := open(t)
			if n := fill(t, b.Store); n != 6 {
				t.Fatalf("fill made %d records, the cases expect 6", n)
			}
			prune := func() {
				t.Helper()
				rep := ok(b.Store.PruneAudit(ctx, corridor.PruneRequest{Before: cutoffNow(), Actor: "retention"}))(t)
				if rep.Record.Seq != 7 {
					t.Fatalf("the prune's record is %d, the cases expect 7", rep.Record.Seq)
				}
			}
			if tc.prune == before {
				prune()
				ok(b.Store.AppendAudit(ctx, listLoad("sha256:03")))(t)
				if rep := ok(b.Store.VerifyAudit(ctx))(t); rep.Fault != nil {
					t.Fatalf("before tampering: %v", rep.Fault)
				}
			}
			q := tc.sql
			if tc.unguard {
				q = append(append([]string{}, b.Unguard...), q...)
			}
			for _, q := range q {
				if err := b.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if tc.prune == onWhich {
				prune()
			}
			rep := ok(b.Store.VerifyAudit(ctx))(t)
			if rep.Fault == nil {
				t.Fatalf("verify passed a tampered log: %+v", rep)
			}
			if rep.Fault.Seq != tc.seq || rep.Fault.Kind != tc.kind {
				t.Errorf("verify named record %d (%s), want %d (%s): %v", rep.Fault.Seq, rep.Fault.Kind, tc.seq, tc.kind, rep.Fault)
			}
			t.Log(rep.Fault)
		})
	}
}

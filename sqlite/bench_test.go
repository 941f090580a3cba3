package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/sqlite"
	"github.com/corridor-aml/corridor/storetest"
)

// BenchmarkPruneAudit measures the first prune of a long trail: 1,000,000 records a year
// old, each with a screen-sized payload, pruned in one transaction and then verified. It is
// the longest a prune holds SQLite's write lock (docs/audit.md, Retention).
func BenchmarkPruneAudit(b *testing.B) {
	const records = 1_000_000
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "corridor.db")
		writeTrail(b, path, records, time.Now().AddDate(-1, 0, 0))
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		rep, err := s.PruneAudit(ctx, corridor.PruneRequest{Before: time.Now().AddDate(0, -6, 0), Actor: "bench"})
		if err != nil || rep.Count != records {
			b.Fatalf("prune: %+v %v", rep.PruneRecord, err)
		}
		pruned := time.Since(start)
		v, err := s.VerifyAudit(ctx)
		if err != nil || v.Fault != nil || v.Pruned != records {
			b.Fatalf("verify after the prune: %+v %v", v, err)
		}
		b.ReportMetric(pruned.Seconds(), "prune-s")
		b.ReportMetric(time.Since(start).Seconds()-pruned.Seconds(), "verify-s")
		b.StopTimer()
		s.Close()
	}
}

// writeTrail writes a chained trail of n screen records straight into a new store's
// database, in one transaction: appending them one by one would take minutes.
func writeTrail(b *testing.B, path string, n int, from time.Time) {
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO audit_log (seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	seq, hash := int64(0), corridor.GenesisHash
	for i := 0; i < n; i++ {
		r, err := corridor.NextAuditRecord(seq, hash, from.Add(time.Duration(i)*time.Millisecond), corridor.AuditEvent{
			Actor: "api:payments", Action: corridor.AuditScreen, Subject: "party:1",
			Payload: corridor.Screening{Channel: "api", InputHash: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12",
				PartyID: int64(i + 1), Lists: []corridor.ListVersionRef{{List: corridor.ListUN, Hash: "sha256:a7e3140cc651"}}, Result: "clear"},
		})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ins.Exec(r.Seq, r.Time.Format(corridor.AuditTimeFormat), r.Actor, r.Action, r.Subject, string(r.Payload), r.PayloadHash, r.PrevHash, r.Hash); err != nil {
			b.Fatal(err)
		}
		seq, hash = r.Seq, r.Hash
	}
	if _, err := tx.Exec(`UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, seq, hash); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

func openBench(b *testing.B) *sqlite.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "corridor.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkWrite(b *testing.B)  { storetest.BenchWrite(b, openBench(b)) }
func BenchmarkVerify(b *testing.B) { storetest.BenchVerify(b, openBench(b)) }

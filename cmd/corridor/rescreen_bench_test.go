package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/sqlite"
)

// BenchmarkRescreenMillionParties is issue 7's bar: 1,000,000 monitored parties in the SQLite
// store re-screened after the real OFAC update of 2024-05-03 (305 entities added): read from
// the store page by page, screened against the new version, the new hits recorded as alerts.
// The parties (the bundled negatives recombined, half with nationality AF and a birth year)
// are written straight into the database once, outside the timing.
//
//	go test -run '^$' -bench RescreenMillionParties -benchtime 1x ./cmd/corridor/
func BenchmarkRescreenMillionParties(b *testing.B) {
	ctx := context.Background()
	load := func(path string) *corridor.ListSnapshot {
		content, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		src, err := lists.SourceFor(corridor.ListOFACSDN)
		if err != nil {
			b.Fatal(err)
		}
		snap, err := lists.Load(src, map[string][]byte{"sdn.csv": content}, path)
		if err != nil {
			b.Fatal(err)
		}
		return snap
	}
	old, snap := load(historyOld), load(historyNew)
	diff := lists.Compare(old, snap)
	idx, err := match.Build([]*corridor.ListSnapshot{snap}, match.Config{})
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "corridor.db")
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	store.Close()
	const size = 1_000_000
	if err := insertParties(path, size); err != nil {
		b.Fatal(err)
	}
	store, err = sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	b.ResetTimer()
	var rep rescreenReport
	for b.Loop() {
		if rep, err = rescreen(ctx, store, idx, diff, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.parties), "parties")
	b.ReportMetric(float64(rep.newAlerts+rep.open), "alerts")
	b.ReportMetric(rep.elapsed.Seconds(), "s/rescreen")
}

// insertParties writes n monitored parties into the store's database in one transaction.
func insertParties(path string, n int) error {
	negatives, err := eval.BundledNegatives()
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	stmt, err := tx.Prepare(`INSERT INTO parties (ref, data, data_hash, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, 'bench', ?)`)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000000Z")
	for i := range n {
		name := negatives[i%len(negatives)]
		if i >= len(negatives) {
			a, b := strings.Fields(name), strings.Fields(negatives[(i*7919)%len(negatives)])
			name = a[0] + " " + b[len(b)-1]
		}
		d := corridor.PartyData{Name: name}
		if i%2 == 0 {
			d.Countries, d.BirthDate = []string{"AF"}, fmt.Sprint(1950+i%50)
		}
		d = d.Normalize()
		data, err := json.Marshal(d)
		if err != nil {
			return err
		}
		if _, err := stmt.Exec(fmt.Sprintf("P%07d", i+1), string(data), d.DataHash(), now, now); err != nil {
			return err
		}
	}
	return tx.Commit()
}

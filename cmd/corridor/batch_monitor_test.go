package main

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/internal/casejson"
)

// TestBatchMonitor checks the parties and alerts a monitored batch keeps against what its
// results file says of each row, so that it does not depend on the matcher's scores.
func TestBatchMonitor(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "corridor.db")
	in := writeFile(t, "payees.csv", "Ref,Full Name,Date of Birth\n"+
		"P-1,Sirajuddin Haqqani,\nP-2,Kathryn Barr,\nP-3,,\nP-4,Bank Melli Iran,\nP-5,Ingeborg Abrahamsen,1980\n")
	out := filepath.Join(dir, "results.csv")
	_, stderr, err := execute(t, "batch", in, "-o", out, "--quiet", "--monitor", "--actor", "ops", "--store", store)
	if !errors.Is(err, errAlert) {
		t.Fatalf("err = %v, want errAlert\n%s", err, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var kept, alerted []string
	bestEntity := map[string]string{}
	for _, r := range rows[1:] {
		switch r[3] { // match_decision
		case "alert":
			alerted = append(alerted, r[0])
			bestEntity[r[0]] = r[5]
			fallthrough
		case "clear":
			kept = append(kept, r[0])
		}
	}
	if len(alerted) == 0 || len(kept) == len(alerted) {
		t.Fatalf("the fixture needs listed and clear rows: %v", rows)
	}

	parties := runJSON[[]casejson.Party](t, store, "parties", "list")
	var refs []string
	for _, p := range parties {
		refs = append(refs, p.Ref)
	}
	if !slices.Equal(refs, kept) {
		t.Fatalf("parties %v, want the rows screened %v", refs, kept)
	}
	alerts := runJSON[[]casejson.Alert](t, store, "alerts", "list")
	byRef := map[string][]string{}
	for _, a := range alerts {
		if a.State != "open" || a.CreatedBy != "ops" || len(a.Explanation) == 0 {
			t.Errorf("alert %+v", a)
		}
		byRef[a.PartyRef] = append(byRef[a.PartyRef], a.EntityID)
	}
	for _, ref := range kept {
		switch entities := byRef[ref]; {
		case slices.Contains(alerted, ref) && !slices.Contains(entities, bestEntity[ref]):
			t.Errorf("%s: alerts on %v, want one on %s, its results row's entity", ref, entities, bestEntity[ref])
		case !slices.Contains(alerted, ref) && len(entities) > 0:
			t.Errorf("%s: clear, but alerts on %v", ref, entities)
		}
	}
	if !strings.Contains(stderr, "monitor: 4 rows kept as parties, ") || !strings.Contains(stderr, "1 bad row not kept") {
		t.Errorf("stderr:\n%s", stderr)
	}

	// The same file again opens nothing new.
	_, stderr, _ = execute(t, "batch", in, "-o", out, "--quiet", "--monitor", "--actor", "ops", "--store", store)
	if again := runJSON[[]casejson.Alert](t, store, "alerts", "list"); len(again) != len(alerts) {
		t.Errorf("a second batch made %d alerts, want %d\n%s", len(again), len(alerts), stderr)
	}
	if out := runStore(t, store, "audit", "verify"); !strings.HasPrefix(out, "audit trail verified") {
		t.Fatal(out)
	}
}

// TestBatchWithoutMonitorLeavesStore checks that nothing touches the store without --monitor.
func TestBatchWithoutMonitorLeavesStore(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, "payees.csv", "name\nSirajuddin Haqqani\n")
	if _, stderr, err := execute(t, "batch", in, "-o", filepath.Join(dir, "r.csv"), "--quiet", "--data-dir", dir); !errors.Is(err, errAlert) {
		t.Fatalf("err = %v\n%s", err, stderr)
	}
	if _, stderr, err := execute(t, "screen", "Sirajuddin Haqqani", "--data-dir", dir); !errors.Is(err, errAlert) {
		t.Fatalf("err = %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, storeFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a store was made without --monitor: %v", err)
	}
}

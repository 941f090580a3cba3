package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
)

var fixture struct {
	once      sync.Once
	idx       *match.Index
	snaps     []*corridor.ListSnapshot
	listed    []string // primary names of listed persons
	negatives []string
	err       error
}

// testIndex is the index of the bundled lists, built once per test binary.
func testIndex(t testing.TB) *match.Index {
	t.Helper()
	fixture.once.Do(func() {
		snaps, err := bundled.Load()
		if err != nil {
			fixture.err = err
			return
		}
		fixture.snaps = snaps
		if fixture.idx, err = match.Build(snaps, match.Config{}); err != nil {
			fixture.err = err
			return
		}
		for _, s := range snaps {
			for i, e := range s.Entities {
				if e.Kind == corridor.KindPerson && i%40 == 0 {
					fixture.listed = append(fixture.listed, e.PrimaryName())
				}
			}
		}
		fixture.negatives, fixture.err = eval.BundledNegatives()
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.idx
}

// testRows makes n payroll rows: negatives with every tenth a listed person, facts on some,
// and a few bad rows of every kind, in a fixed order.
func testRows(t testing.TB, n int) [][]string {
	testIndex(t)
	rows := [][]string{{"Staff ID", "Full Name", "Date of Birth", "Nationality", "Passport No", "Notes"}}
	countries := []string{"", "AF", "Pakistan", "US", "IR; AF"}
	for i := range n {
		name := fixture.negatives[i%len(fixture.negatives)]
		if i%10 == 3 {
			name = fixture.listed[(i/10)%len(fixture.listed)]
		}
		dob := ""
		if i%4 == 1 {
			dob = fmt.Sprintf("%d-%02d", 1950+i%40, 1+i%12)
		}
		row := []string{fmt.Sprintf("S%05d", i+1), name, dob, countries[i%len(countries)], "", "multi\nline, \"quoted\""}
		switch i % 97 {
		case 11:
			row[1] = "  "
		case 23:
			row[2] = "31/12/1970"
		case 37:
			row[3] = "Atlantis"
		case 51:
			row = row[:4]
		case 67:
			row = append(row, "extra")
		case 83:
			row[1] = "Ali \xe9 Khan" // Latin-1, not UTF-8
		}
		rows = append(rows, row)
	}
	return rows
}

func encodeCSV(t testing.TB, rows [][]string, comma rune) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// batchFiles runs a batch of input (a CSV file's bytes) into dir/results.csv.
func batchFiles(t testing.TB, ctx context.Context, dir string, input []byte, mod func(*Config)) (*Result, error) {
	t.Helper()
	in := filepath.Join(dir, "input.csv")
	if err := os.WriteFile(in, input, 0o644); err != nil {
		t.Fatal(err)
	}
	return runFile(t, ctx, dir, in, mod)
}

func runFile(t testing.TB, ctx context.Context, dir, in string, mod func(*Config)) (*Result, error) {
	t.Helper()
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	size, sum, err := HashFile(in)
	if err != nil {
		t.Fatal(err)
	}
	src, err := NewCSVSource(f, CSVOptions{Size: size})
	if err != nil {
		f.Close()
		return nil, err
	}
	defer src.Close()
	cfg := Config{
		Source: src, Job: Job{Input: "input.csv", Size: size, SHA256: sum}, Index: testIndex(t),
		Workers: 2, Output: filepath.Join(dir, "results.csv"), Alerts: filepath.Join(dir, "results.alerts.csv"),
	}
	if mod != nil {
		mod(&cfg)
	}
	return Run(ctx, cfg)
}

func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

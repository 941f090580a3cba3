package xlsx

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
)

// rows makes a payroll of n rows: negatives with every tenth a listed person's name.
func rows(t *testing.T, snaps []*corridor.ListSnapshot, n int) [][]string {
	negatives, err := eval.BundledNegatives()
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, s := range snaps {
		for i, e := range s.Entities {
			if i%25 == 0 {
				listed = append(listed, e.PrimaryName())
			}
		}
	}
	out := [][]string{{"Employee ID", "Full Name", "Date of Birth", "Nationality", "Passport"}}
	for i := range n {
		name := negatives[i%len(negatives)]
		if i%10 == 7 {
			name = listed[i/10%len(listed)]
		}
		dob, country := "", ""
		if i%3 == 1 {
			dob = fmt.Sprintf("%d-%02d-%02d", 1950+i%45, 1+i%12, 1+i%28)
		}
		if i%5 == 2 {
			country = []string{"AF", "Pakistan", "IR", "US"}[i%4]
		}
		if i%501 == 5 {
			name = "" // a bad row
		}
		out = append(out, []string{fmt.Sprintf("E%05d", i+1), name, dob, country, ""})
	}
	return out
}

func writeXLSX(t *testing.T, path string, rows [][]string) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, src batch.Source, idx *match.Index, out string) *batch.Result {
	t.Helper()
	defer src.Close()
	// Progress is read from the writer's goroutine while the reader's advances it.
	progress := func(int64) { src.Progress() }
	res, err := batch.Run(context.Background(), batch.Config{Source: src, Index: idx, Workers: 2, Output: out, Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// An XLSX file of 10,000 rows gives the same results as the same rows as CSV.
func TestXLSXEqualsCSV(t *testing.T) {
	snaps, err := bundled.Load()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := match.Build(snaps, match.Config{})
	if err != nil {
		t.Fatal(err)
	}
	data := rows(t, snaps, 10_000)
	dir := t.TempDir()
	book := filepath.Join(dir, "payroll.xlsx")
	writeXLSX(t, book, data)
	var buf bytes.Buffer
	csv.NewWriter(&buf).WriteAll(data)

	xs, err := Open(book, "")
	if err != nil {
		t.Fatal(err)
	}
	// excelize's stream writer records no dimension ("A1"): the total is then unknown.
	if done, total, inBytes := xs.Progress(); done != 1 || total != 0 || inBytes {
		t.Errorf("progress %d of %d (bytes %v), want 1 of unknown rows", done, total, inBytes)
	}
	xres := run(t, xs, idx, filepath.Join(dir, "xlsx.csv"))
	cs, err := batch.NewCSVSource(bytes.NewReader(buf.Bytes()), batch.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cres := run(t, cs, idx, filepath.Join(dir, "csv.csv"))
	x, _ := os.ReadFile(filepath.Join(dir, "xlsx.csv"))
	c, _ := os.ReadFile(filepath.Join(dir, "csv.csv"))
	if !bytes.Equal(x, c) {
		t.Errorf("XLSX and CSV results differ")
	}
	if xres.Rows != 10_000 || xres.Alerts == 0 || xres.Errors != 20 || xres.Alerts != cres.Alerts {
		t.Errorf("XLSX: %d rows, %d alerts, %d bad rows; CSV: %d alerts", xres.Rows, xres.Alerts, xres.Errors, cres.Alerts)
	}
	// A bad row's line is its row in the sheet.
	if !strings.Contains(string(x), "E00006,,,,,error,,,,,line 7: empty name") {
		t.Errorf("bad row 6 is not reported at sheet row 7")
	}
}

func TestXLSXSheetsAndGaps(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "b.xlsx")
	f := excelize.NewFile()
	f.NewSheet("March")
	for cell, v := range map[string]string{"A1": "Name", "B1": "Ref", "A2": "Sirajuddin Haqqani", "B2": "r1",
		"A5": "Kathryn Barr", "D5": "beyond the header"} {
		f.SetCellStr("March", cell, v)
	}
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Open(book, "April"); err == nil || !strings.Contains(err.Error(), "Sheet1, March") {
		t.Errorf("unknown sheet: %v", err)
	}
	if _, err := Open(book, ""); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty first sheet: %v", err)
	}
	s, err := Open(book, "March")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var r batch.Record
	if err := s.Next(&r); err != nil || r.Line != 2 || strings.Join(r.Fields, "|") != "Sirajuddin Haqqani|r1" {
		t.Errorf("row 2: %v %+v", err, r)
	}
	// The empty rows 3 and 4 are skipped; cells beyond the header are kept, for the row to be
	// reported with them.
	if err := s.Next(&r); err != nil || r.Line != 5 || strings.Join(r.Fields, "|") != "Kathryn Barr|||beyond the header" {
		t.Errorf("row 5: %v %+v", err, r)
	}
}

func TestLastRow(t *testing.T) {
	for dim, want := range map[string]int64{"A1:F10001": 10001, "$A$1:$AB$7": 7, "A1": 0, "": 0} {
		if got := lastRow(dim); got != want {
			t.Errorf("lastRow(%q) = %d, want %d", dim, got, want)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
)

const (
	historyOld = "../../lists/ofac/testdata/history/sdn-2024-04-26.csv"
	historyNew = "../../lists/ofac/testdata/history/sdn-2024-05-03.csv"
	unFile     = "../../lists/un/testdata/consolidated.xml"
)

// run executes corridor in-process with args and a fresh data directory unless args set one.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	args, restore := actAs(args)
	defer restore()
	if !strings.Contains(strings.Join(args, " "), "--data-dir") {
		args = append(args, "--data-dir", t.TempDir())
	}
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

func TestListsDiffHistoryFiles(t *testing.T) {
	out, err := run(t, "lists", "diff", historyOld, historyNew)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "305 added, 8 removed, 0 changed") {
		t.Errorf("output lacks the counts:\n%.500s", out)
	}
	var added, removed int
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "+ us_ofac_sdn:"):
			added++
		case strings.HasPrefix(line, "- us_ofac_sdn:"):
			removed++
		}
	}
	if added != 305 || removed != 8 {
		t.Errorf("%d added and %d removed lines, want 305 and 8", added, removed)
	}

	out, err = run(t, "lists", "diff", "--summary", historyOld, historyNew)
	if err != nil || strings.Count(out, "\n") != 2 || !strings.Contains(out, "305 added, 8 removed") {
		t.Errorf("--summary: %v\n%s", err, out)
	}

	out, err = run(t, "lists", "diff", "--json", historyOld, historyNew)
	if err != nil {
		t.Fatal(err)
	}
	var d diffJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Summary != (lists.Summary{Added: 305, Removed: 8}) || len(d.Added) != 305 || len(d.Removed) != 8 ||
		d.Old.Entities != 14668 || d.New.Entities != 14965 {
		t.Errorf("--json: summary %+v, %d added, %d removed, %d -> %d entities",
			d.Summary, len(d.Added), len(d.Removed), d.Old.Entities, d.New.Entities)
	}
}

func TestListsDiffChangedFields(t *testing.T) {
	content, err := os.ReadFile(historyOld)
	if err != nil {
		t.Fatal(err)
	}
	edited := t.TempDir() + "/sdn.csv"
	if err := os.WriteFile(edited, []byte(strings.Replace(string(content), `"CUBA"`, `"CUBA] [SDGT"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "lists", "diff", historyOld, edited)
	if err != nil || !strings.Contains(out, "0 added, 0 removed, 1 changed") ||
		!strings.Contains(out, "~ us_ofac_sdn:36  AEROCARIBBEAN AIRLINES  [Programs]") {
		t.Errorf("%v\n%s", err, out)
	}
	out, err = run(t, "lists", "diff", "--json", historyOld, edited)
	if err != nil || !regexp.MustCompile(`"Programs": \{\s*"Old": \[\s*"CUBA"\s*\],\s*"New": \[\s*"CUBA",\s*"SDGT"\s*\]`).MatchString(out) {
		t.Errorf("--json lacks the old and new programmes: %v\n%s", err, out)
	}
}

func TestListsStatusEmbedded(t *testing.T) {
	out, err := run(t, "lists", "status")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"us_ofac_sdn", "8976", "embedded", "us_ofac_nonsdn", "442",
		"2026-02-27", "1003", "WARNING: un: published", "none: run corridor lists update --list eu"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	out, err = run(t, "lists", "status", "--json", "--max-age", "100000h")
	if err != nil {
		t.Fatal(err)
	}
	var statuses []lists.ListStatus
	if err := json.Unmarshal([]byte(out), &statuses); err != nil || len(statuses) != 3 {
		t.Fatalf("--json: %d statuses, %v", len(statuses), err)
	}
	for _, s := range statuses {
		if s.Stale {
			t.Errorf("%s stale with --max-age 100000h", s.Version.List)
		}
	}
}

func TestListsShow(t *testing.T) {
	out, err := run(t, "lists", "show", "us_ofac_sdn:10743")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa (primary)", "HAQQANI, Siraj (aka",
		"Programs:", "SDGT", "Born:"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	out, err = run(t, "lists", "show", "--json", "un:TAi.144")
	if err != nil {
		t.Fatal(err)
	}
	var e corridor.Entity
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.ID != "un:TAi.144" || len(e.Names) < 2 {
		t.Errorf("--json: %+v, %v", e, err)
	}
	if _, err := run(t, "lists", "show", "un:NOPE.1"); err == nil {
		t.Error("unknown entity: no error")
	}
	if _, err := run(t, "lists", "show", "nonsense"); err == nil {
		t.Error("malformed ID: no error")
	}
}

// dropFirst removes the first n INDIVIDUAL records of a UN file.
func dropFirst(content []byte, n int) []byte {
	const open, close = "<INDIVIDUAL>", "</INDIVIDUAL>"
	out := bytes.Clone(content)
	for range n {
		start := bytes.Index(out, []byte(open))
		end := bytes.Index(out, []byte(close)) + len(close)
		out = append(out[:start], out[end:]...)
	}
	return out
}

func TestListsUpdateStoreAndDiff(t *testing.T) {
	full, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	var serving atomic.Value
	serving.Store(full)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := serving.Load().([]byte)
		if bytes.HasPrefix(body, []byte("<html")) {
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	update := func() (string, error) {
		return run(t, "lists", "update", "--list", "un", "--url", "un="+srv.URL+"/un.xml", "--data-dir", dir)
	}

	out, err := update()
	if err != nil || !strings.Contains(out, "un: first version") || !strings.Contains(out, "1003 entities") {
		t.Fatalf("first update: %v\n%s", err, out)
	}
	first, _ := filestore.New(dir).Current(corridor.ListUN)

	serving.Store(dropFirst(full, 10))
	out, err = update()
	if err != nil || !strings.Contains(out, "0 added, 10 removed, 0 changed") {
		t.Fatalf("second update: %v\n%s", err, out)
	}
	out, err = update()
	if err != nil || !strings.Contains(out, "un: unchanged") {
		t.Errorf("third update: %v\n%s", err, out)
	}

	serving.Store([]byte("<html><body>maintenance</body></html>"))
	out, err = update()
	if err == nil || !strings.Contains(err.Error(), "list un: update rejected: got an HTML page") {
		t.Errorf("HTML page accepted: %v\n%s", err, out)
	}

	out, err = run(t, "lists", "diff", "--list", "un", "--summary", filestore.HashHex(first.Hash)[:8], "current", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "0 added, 10 removed, 0 changed") {
		t.Errorf("diff of stored versions: %v\n%s", err, out)
	}
	out, err = run(t, "lists", "status", "--data-dir", dir)
	if err != nil || !regexp.MustCompile(`(?m)^un\s+\w{12}\s+2026-02-27\s.*993\s+`+regexp.QuoteMeta(srv.URL)).MatchString(out) {
		t.Errorf("status after update: %v\n%s", err, out)
	}
}

func TestListsUpdateFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"lists", "update", "--list", "nonsense"},
		{"lists", "update", "--list", "un", "--url", "eu=https://x"},
		{"lists", "update", "--list", "us_ofac_sdn", "--url", "us_ofac_sdn=https://x/sdn.csv"},
		{"lists", "update", "--url", "bad"},
	} {
		if _, err := run(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

func TestUpdateSources(t *testing.T) {
	sources, err := updateSources(nil, []string{"us_ofac_sdn=https://mirror.example/ofac/", "un=https://m/un.xml"}, false)
	if err != nil || len(sources) != 5 || sources[0].Files[2].URL != "https://mirror.example/ofac/add.csv" ||
		sources[2].Files[0].URL != "https://m/un.xml" {
		t.Fatalf("%+v, %v", sources, err)
	}
	sources, err = updateSources([]string{"us_ofac_nonsdn"}, nil, true)
	if err != nil || len(sources) != 1 || sources[0].Format != lists.FormatOFACAdvanced || sources[0].Files[0].Name != "cons_advanced.xml" {
		t.Errorf("--ofac-advanced: %+v, %v", sources, err)
	}
}

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestBatchCommand(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, "payroll.csv", "Employee ID;Full Name;Date of Birth;Nationality\n"+
		"E1;Sirajuddin Haqqani;1977;AF\nE2;Kathryn Barr;;US\nE3;;;\n")
	out := filepath.Join(dir, "results.csv")
	report := filepath.Join(dir, "report.html")
	stdout, stderr, err := execute(t, "batch", in, "-o", out, "--report", report)
	if !errors.Is(err, errAlert) {
		t.Fatalf("err = %v, want errAlert\n%s", err, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout with -o: %q", stdout)
	}
	for _, want := range []string{"payroll.csv: line 4: empty name", "3 rows: 1 alert, 1 clear, 1 bad row at threshold",
		`name="Full Name"`, "results: " + out, "alerts: " + filepath.Join(dir, "results.alerts.csv"), "report: " + report} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	results, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(results)), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "E1,Sirajuddin Haqqani,1977,AF,alert,") || !strings.HasPrefix(lines[2], "E2,Kathryn Barr,,US,clear,") ||
		lines[3] != "E3,,,,error,,,,,line 4: empty name" {
		t.Errorf("results:\n%s", results)
	}
	for _, f := range []string{"results.alerts.csv", "report.html", "results.csv.batch.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	// Resuming a finished batch adds nothing and makes the same files.
	before, _ := os.ReadFile(out)
	if _, stderr, err := execute(t, "batch", in, "-o", out, "--report", report, "--resume"); !errors.Is(err, errAlert) {
		t.Fatalf("--resume: %v\n%s", err, stderr)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Errorf("--resume of a finished batch changed the results:\n%s", after)
	}
	// Another threshold is another batch.
	_, _, err = execute(t, "batch", in, "-o", out, "--resume", "--threshold", "0.95")
	if err == nil || !strings.Contains(err.Error(), "threshold") {
		t.Errorf("--resume with another threshold: %v", err)
	}
}

func TestBatchExitStatuses(t *testing.T) {
	clear := writeFile(t, "clear.csv", "name\nKathryn Barr\nIngeborg Abrahamsen\n")
	stdout, _, err := execute(t, "batch", clear, "--quiet")
	if err != nil {
		t.Errorf("clear file: %v", err)
	}
	if !strings.HasPrefix(stdout, "name,match_decision,match_score,match_entity_id,match_entity_name,match_list,match_reason\nKathryn Barr,clear,") {
		t.Errorf("results on stdout:\n%s", stdout)
	}
	bad := writeFile(t, "bad.csv", "name,dob\nKathryn Barr,1980\n,1990\n")
	if _, _, err := execute(t, "batch", bad); !errors.Is(err, errBadRows) {
		t.Errorf("bad rows, no alert: %v, want errBadRows", err)
	}
}

func TestBatchArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, "in.csv", "Full Name,Born\nA B,1970\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"batch", filepath.Join(dir, "missing.csv")}, "no such file"},
		{[]string{"batch", in, "--map", "dob=Birthday"}, `--map dob=Birthday: the header has no column "Birthday" (it has: "Full Name", "Born")`},
		{[]string{"batch", in, "--map", "nome=Born"}, "want ROLE=COLUMN with ROLE one of name, first"},
		{[]string{"batch", writeFile(t, "noname.csv", "Amount,IBAN\n1,2\n")}, `no name column`},
		{[]string{"batch", in, "--resume"}, "--resume needs the results file"},
		{[]string{"batch", in, "--delimiter", "x"}, "--delimiter"},
		{[]string{"batch", in, "--sheet", "March"}, "not a workbook"},
		{[]string{"batch", in, "--type", "spaceship"}, "--type"},
		{[]string{"batch", in, "--lists", "nosuchlist"}, "--lists"},
		{[]string{"batch", in, "-o", filepath.Join(dir, "fresh.csv"), "--resume"}, "without --resume"},
		{[]string{"batch", writeFile(t, "empty.csv", "")}, "empty file"},
		{[]string{"batch", in, "-o", in}, "that is the input file"},
		{[]string{"batch", "-", "-o", filepath.Join(dir, "stdin.csv"), "--resume"}, "standard input cannot be read again"},
	} {
		_, _, err := execute(t, tc.args...)
		if err == nil || errors.Is(err, errAlert) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.args[1:], err, tc.want)
		}
	}
}

func TestBatchXLSX(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "beneficiaries.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Beneficiary", "Country"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Sirajuddin Haqqani", "AF"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Kathryn Barr", "US"})
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stdout, stderr, err := execute(t, "batch", book, "--lists", "un")
	if !errors.Is(err, errAlert) {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "Sirajuddin Haqqani,AF,alert,") || !strings.Contains(stdout, ",un,") || !strings.Contains(stdout, "Kathryn Barr,US,clear,") {
		t.Errorf("results:\n%s", stdout)
	}
	if _, _, err := execute(t, "batch", book, "--delimiter", ";"); err == nil || !strings.Contains(err.Error(), "workbook") {
		t.Errorf("--delimiter on a workbook: %v", err)
	}
}

func TestBatchHelp(t *testing.T) {
	out, _, err := execute(t, "batch", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"corridor batch payroll.csv -o results.csv --report report.html", "--resume", "--map", "Exit status", "3 when none alerted"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

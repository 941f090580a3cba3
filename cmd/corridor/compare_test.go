package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/corridor-aml/corridor/match"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestCompareTwoNames(t *testing.T) {
	out, _, err := execute(t, "compare", "Sirajuddin Haqqani", "HAQQANI, Sirajuddin", "--type", "person")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"score: 1.0000\n", fmt.Sprintf("match: true (threshold %.2f)", match.DefaultThreshold), `"Sirajuddin Haqqani" matches "HAQQANI, Sirajuddin"`, "haqqani"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	out, _, err = execute(t, "compare", "Kathryn Barr", "Sirajuddin Haqqani", "--json", "--type", "Person")
	if err != nil {
		t.Fatal(err)
	}
	var res compareResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Match || res.Score >= res.Threshold || res.Name1 != "Kathryn Barr" || res.Kind != "person" || res.Explanation.ListedName != "Sirajuddin Haqqani" {
		t.Errorf("unrelated names: %+v", res)
	}

	// A higher threshold turns a match into none.
	out, _, err = execute(t, "compare", "Sirajuddin Haqqani", "Serajuddin Haqani", "--json")
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || !res.Match || res.Score >= 1 {
		t.Fatalf("%v: %+v", err, res)
	}
	out, _, err = execute(t, "compare", "Sirajuddin Haqqani", "Serajuddin Haqani", "--json", "--threshold", "0.999")
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || res.Match || res.Threshold != 0.999 {
		t.Errorf("--threshold 0.999: %v: %+v", err, res)
	}
}

func TestCompareArgumentErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "one name"}, "two names"},
		{[]string{"compare", "a", "b", "c"}, "two names"},
		{[]string{"compare", "", "b"}, "NAME A: empty name"},
		{[]string{"compare", "a", "\xff"}, "NAME B"},
		{[]string{"compare", "a", "b", "--type", "Spaceship"}, "--type"},
		{[]string{"compare", "a", "b", "-o", "x.csv"}, "-o"},
		{[]string{"compare", "a", "b", "--pairs", "p.csv"}, "--pairs"},
		{[]string{"compare", "--pairs", "does-not-exist.csv"}, "--pairs"},
		{[]string{"compare", "a", "b", "--lists", "nonsense"}, "--lists"},
	} {
		out, _, err := execute(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want one naming %s", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%q: output on error: %q", tc.args, out)
		}
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readCSV(t *testing.T, content string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(content)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV with rows of one width: %v\n%s", err, content)
	}
	return rows
}

func TestComparePairs(t *testing.T) {
	in := writeFile(t, "pairs.csv", "\ufeffcase,Name1,name2,type,schema,note\n"+
		"1,Sirajuddin Haqqani,\"HAQQANI, Sirajuddin\",,Person,\"kept, with a comma\"\n"+
		"2,Kathryn Barr,Sirajuddin Haqqani,person,,\n"+
		"3,Bank Melli Iran,BANK MELLI IRAN,company,Person,type wins\n"+
		"4,\"Ноорудин\",Nooruddin,,LegalEntity,\"two\nlines\"\n")
	out := filepath.Join(t.TempDir(), "scored.csv")
	stdout, stderr, err := execute(t, "compare", "--pairs", in, "-o", out)
	if err != nil || stdout != "" {
		t.Fatalf("%v\nstdout %q\nstderr %q", err, stdout, stderr)
	}
	if !strings.Contains(stderr, "4 rows, ") || !strings.Contains(stderr, "0 bad rows") {
		t.Errorf("stderr: %q", stderr)
	}
	content, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, string(content))
	want := []string{"case", "Name1", "name2", "type", "schema", "note", "score", "match", "error"}
	if len(rows) != 5 || strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	input := readCSV(t, strings.TrimPrefix(mustRead(t, in), "\ufeff"))
	for i, row := range rows[1:] {
		if strings.Join(row[:6], "|") != strings.Join(input[i+1], "|") {
			t.Errorf("row %d: columns changed: %q, input %q", i+1, row[:6], input[i+1])
		}
		score, err := strconv.ParseFloat(row[6], 64)
		if err != nil || len(row[6]) != 6 || score < 0 || score > 1 || row[7] != strconv.FormatBool(score >= match.DefaultThreshold) || row[8] != "" {
			t.Errorf("row %d: score %q match %q error %q", i+1, row[6], row[7], row[8])
		}
	}
	if rows[1][7] != "true" || rows[2][7] != "false" {
		t.Errorf("matches: %q, %q", rows[1], rows[2])
	}

	// Standard output, and --type for rows that give none.
	stdout, _, err = execute(t, "compare", "--pairs", writeFile(t, "p.csv", "name1,name2\nSirajuddin Haqqani,Serajuddin Haqani\n"), "--type", "vessel")
	rows = readCSV(t, stdout)
	if err != nil || len(rows) != 2 || rows[1][3] != "true" {
		t.Errorf("stdout: %v\n%s", err, stdout)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestComparePairsBadRowsAreKept(t *testing.T) {
	in := writeFile(t, "pairs.csv", "id,name1,name2,schema\n"+
		"1,Sirajuddin Haqqani,Serajuddin Haqani,Person\n"+
		"2,,Serajuddin Haqani,Person\n"+
		"3,Sirajuddin Haqqani,Serajuddin Haqani,Spaceship\n"+
		"4,Sirajuddin Haqqani\n"+
		"5,Sirajuddin Haqqani,Serajuddin Haqani,Person,extra,more\n"+
		"6,Sirajuddin Haqqani,\"  \",Person\n"+
		"7,\xffHaqqani,Serajuddin Haqani,Person\n"+
		"8,Kathryn Barr,Catherine Barr,Person\n")
	out := filepath.Join(t.TempDir(), "scored.csv")
	stdout, stderr, err := execute(t, "compare", "--pairs", in, "-o", out)
	if err == nil || !strings.Contains(err.Error(), "6 bad rows (lines 3, 4, 5, 6, 7, 8)") || stdout != "" {
		t.Fatalf("err = %v, stdout %q", err, stdout)
	}
	rows := readCSV(t, mustRead(t, out))
	if len(rows) != 9 {
		t.Fatalf("%d rows, want 9 (header and every input row)", len(rows))
	}
	wantErrors := map[string]string{
		"2": "line 3: name1: empty name",
		"3": `line 4: schema: kind "Spaceship"`,
		"4": "line 5: 2 fields, the header has 4",
		"5": `line 6: 6 fields, the header has 4; the fields beyond: "extra", "more"`,
		"6": "line 7: name2: empty name",
		"7": "line 8: name1: ",
	}
	for _, row := range rows[1:] {
		want := wantErrors[row[0]]
		switch {
		case want == "" && (row[6] != "" || row[4] == ""):
			t.Errorf("good row %s: %q", row[0], row)
		case want != "" && (row[4] != "" || row[5] != "" || !strings.HasPrefix(row[6], want)):
			t.Errorf("bad row %s: %q, want error %q", row[0], row, want)
		}
		if want != "" && !strings.Contains(stderr, in+": "+want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if rows[4][1] != "Sirajuddin Haqqani" || rows[4][2] != "" {
		t.Errorf("short row not padded: %q", rows[4])
	}
}

func TestComparePairsBadFiles(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"no name2", "name1,other\na,b\n", "line 1: the header has no name2 column"},
		{"no header", "", "empty file"},
		{"twice", "name1,name2,NAME1\na,b,c\n", `the column "NAME1" twice`},
		{"score column", "name1,name2,score\na,b,1\n", `already has a column "score"`},
		{"broken quotes", "name1,name2\na,b\n\"c,d\n", "not valid CSV, stopped after 1 rows"},
	} {
		out := filepath.Join(t.TempDir(), "scored.csv")
		_, _, err := execute(t, "compare", "--pairs", writeFile(t, "pairs.csv", tc.content), "-o", out)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
			t.Errorf("%s: a failed run left %v", tc.name, entries)
		}
	}
	if _, _, err := execute(t, "compare", "--pairs", writeFile(t, "p.csv", "name1,name2\na,b\n"), "-o", "/nonexistent/dir/out.csv"); err == nil ||
		!strings.Contains(err.Error(), "-o") {
		t.Errorf("unwritable -o: %v", err)
	}
	if _, _, err := execute(t, "compare", "--pairs", writeFile(t, "p.csv", "name1,name2\na,b\n"), "--type", "x"); err == nil ||
		errors.Is(err, errAlert) || !strings.Contains(err.Error(), "--type") {
		t.Errorf("--type x: %v", err)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
)

// execute runs corridor in-process, in a fresh data directory unless args name one, and
// returns standard output and standard error apart: standard output is for results only.
func execute(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetIn(strings.NewReader(""))
	args, restore := actAs(args)
	defer restore()
	if !slices.Contains(args, "--data-dir") {
		args = append(args, "--data-dir", t.TempDir())
	}
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

// screenJSON screens with --json and decodes the result.
func screenJSON(t *testing.T, args ...string) (screenResult, error) {
	t.Helper()
	out, _, err := execute(t, append([]string{"screen", "--json"}, args...)...)
	var res screenResult
	if jerr := json.Unmarshal([]byte(out), &res); jerr != nil {
		t.Fatalf("%v: output is not JSON: %v\n%s", args, jerr, out)
	}
	return res, err
}

func findMatch(res screenResult, id string) *matchJSON {
	for i := range res.Matches {
		if res.Matches[i].EntityID == id {
			return &res.Matches[i]
		}
	}
	return nil
}

func TestScreenAlertsOnListedName(t *testing.T) {
	out, stderr, err := execute(t, "screen", "Sirajuddin Haqqani")
	if !errors.Is(err, errAlert) {
		t.Fatalf("err = %v, want errAlert\n%s", err, out)
	}
	if stderr != "" {
		t.Errorf("stderr: %q", stderr)
	}
	for _, id := range []string{"us_ofac_sdn:10743", "un:TAi.144"} {
		line := lineWith(out, id)
		if !strings.Contains(line, "ALERT") {
			t.Errorf("%s is not an alert in:\n%s", id, out)
		}
	}
	for _, want := range []string{"SCORE", "REASON", "2/2 tokens", "SDGT", "Taliban", fmt.Sprintf("2 alerts at threshold %.2f.", match.DefaultThreshold),
		"Lists screened: us_ofac_sdn ", "(embedded, 1003 entities)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "name: covers") {
		t.Errorf("explanations without --explain:\n%s", out)
	}

	out, _, err = execute(t, "screen", "Sirajuddin", "Haqqani", "--explain", "--limit", "1")
	if !errors.Is(err, errAlert) || strings.Count(out, "name: covers") != 2 || !strings.Contains(out, "sirajdin") {
		t.Errorf("--explain --limit 1 (words as arguments): %v\n%s", err, out)
	}
}

func lineWith(out, s string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

func TestScreenNegativeIsClear(t *testing.T) {
	out, _, err := execute(t, "screen", "Kathryn Barr", "--type", "person")
	if err != nil {
		t.Fatalf("err = %v, want none\n%s", err, out)
	}
	if !strings.Contains(out, fmt.Sprintf("0 alerts at threshold %.2f.", match.DefaultThreshold)) || strings.Contains(out, "ALERT") {
		t.Errorf("output:\n%s", out)
	}
	res, err := screenJSON(t, "Kathryn Barr")
	if err != nil || res.Alerts != 0 || res.Matches == nil {
		t.Errorf("--json: %v, %+v", err, res)
	}
}

func TestScreenJSON(t *testing.T) {
	res, err := screenJSON(t, "Sirajuddin Haqqani", "--dob", "1977", "--nationality", "Afghanistan", "--type", "person")
	if !errors.Is(err, errAlert) {
		t.Fatalf("err = %v, want errAlert", err)
	}
	if res.Query.Name != "Sirajuddin Haqqani" || res.Query.BirthDate != "1977" || !slices.Equal(res.Query.Countries, []string{"AF"}) ||
		res.Query.Kind != "person" || res.Threshold != match.DefaultThreshold || len(res.Lists) != 3 || res.Alerts < 2 || res.Found < res.Alerts {
		t.Errorf("result: %+v", res)
	}
	m := findMatch(res, "us_ofac_sdn:10743")
	if m == nil || !m.Alert || m.List != corridor.ListOFACSDN || m.Kind != corridor.KindPerson ||
		!slices.Contains(m.Programs, "SDGT") || m.PrimaryName != "MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa" ||
		m.Explanation.EntityID != m.EntityID || len(m.Explanation.Tokens) != 2 || !strings.Contains(m.Reason, "dob agrees") {
		t.Fatalf("us_ofac_sdn:10743: %+v", m)
	}
	un := findMatch(res, "un:TAi.144")
	if un == nil || !un.Alert || !strings.Contains(un.Reason, "country agrees") {
		t.Fatalf("un:TAi.144: %+v", un)
	}

	// --lists screens fewer lists, and a match scores as it does against all of them.
	only, err := screenJSON(t, "Sirajuddin Haqqani", "--dob", "1977", "--nationality", "AF", "--type", "person", "--lists", "un")
	if !errors.Is(err, errAlert) || len(only.Lists) != 1 || only.Lists[0].List != corridor.ListUN {
		t.Fatalf("--lists un: %v, %+v", err, only.Lists)
	}
	for _, m := range only.Matches {
		if m.List != corridor.ListUN {
			t.Errorf("--lists un gave %s", m.EntityID)
		}
	}
	if m := findMatch(only, "un:TAi.144"); m == nil || m.Score != un.Score {
		t.Errorf("un:TAi.144 with --lists un: %+v, want score %v", m, un.Score)
	}
}

func TestScreenConflictingFactsLowerTheScore(t *testing.T) {
	plain, _ := screenJSON(t, "Sirajuddin Haqqani")
	conflict, _ := screenJSON(t, "Sirajuddin Haqqani", "--dob", "1990-05-01", "--gender", "female")
	a, b := findMatch(plain, "us_ofac_sdn:10743"), findMatch(conflict, "us_ofac_sdn:10743")
	if a == nil || b == nil || b.Score >= a.Score || !strings.Contains(b.Reason, "dob conflicts") {
		t.Errorf("plain %+v\nconflicting %+v", a, b)
	}
}

func TestScreenLimitNeverHidesAnAlert(t *testing.T) {
	res, err := screenJSON(t, "Mohammad Haqqani", "--limit", "1")
	if err != nil && !errors.Is(err, errAlert) {
		t.Fatal(err)
	}
	if res.Found <= 1 || len(res.Matches) != max(1, res.Alerts) {
		t.Errorf("--limit 1: found %d, %d alerts, %d shown", res.Found, res.Alerts, len(res.Matches))
	}
	all, _ := screenJSON(t, "Mohammad Haqqani", "--limit", "0")
	if len(all.Matches) != all.Found || all.Found != res.Found {
		t.Errorf("--limit 0: found %d, %d shown", all.Found, len(all.Matches))
	}
}

func TestScreenFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--dob", "19x7"}, "--dob"},
		{[]string{"--dob", "1977-13-01"}, "--dob"},
		{[]string{"--type", "spaceship"}, "--type"},
		{[]string{"--lists", "un,nonsense"}, "--lists"},
		{[]string{"--lists", "eu"}, "--lists: list eu: no version stored"},
		{[]string{"--lists", ","}, "--lists"},
		{[]string{"--threshold", "0"}, "--threshold"},
		{[]string{"--threshold", "1.01"}, "--threshold"},
		{[]string{"--threshold", "NaN"}, "--threshold"},
		{[]string{"--nationality", "Atlantis"}, "--nationality"},
		{[]string{"--gender", "x"}, "--gender"},
		{[]string{"--id", " "}, "--id"},
		{[]string{"--limit", "-1"}, "--limit"},
		{[]string{"--limit", "ten"}, "--limit"},
	} {
		out, _, err := execute(t, append([]string{"screen", "Sirajuddin Haqqani"}, tc.args...)...)
		if err == nil || errors.Is(err, errAlert) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want one naming %s", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%v: output on error: %q", tc.args, out)
		}
	}
	for _, args := range [][]string{{"screen"}, {"screen", "  "}, {"screen", "\xff\xfe"}} {
		if _, _, err := execute(t, args...); err == nil || errors.Is(err, errAlert) {
			t.Errorf("%q: err = %v", args, err)
		}
	}
}

// storeCustomList stores the example custom list as the current version of custom_hsb.
func storeCustomList(t *testing.T, dir string) {
	t.Helper()
	content, err := os.ReadFile("../../lists/custom/testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"list.csv": content}
	list := corridor.CustomList("hsb")
	src, err := lists.SourceFor(list)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := lists.Load(src, files, "test")
	if err != nil {
		t.Fatal(err)
	}
	v := filestore.Version{ListVersion: snap.Version, Format: string(src.Format), Files: []filestore.FileMeta{{Name: "list.csv"}}}
	v.LoadedAt = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if err := filestore.New(dir).Save(v, files); err != nil {
		t.Fatal(err)
	}
}

func TestScreenStoredList(t *testing.T) {
	dir := t.TempDir()
	storeCustomList(t, dir)

	res, err := screenJSON(t, "Marek Kowalczyk", "--data-dir", dir)
	if !errors.Is(err, errAlert) || len(res.Lists) != 4 || res.Lists[3].List != "custom_hsb" || res.Lists[3].Source != "test" {
		t.Fatalf("%v, lists %+v", err, res.Lists)
	}
	if m := findMatch(res, "custom_hsb:HSB-0001"); m == nil || !m.Alert {
		t.Errorf("custom_hsb:HSB-0001 not alerted: %+v", res.Matches)
	}

	// An identifier that matches exactly decides, whatever the name.
	res, err = screenJSON(t, "M. K.", "--id", "ek 447 1234", "--data-dir", dir)
	if m := findMatch(res, "custom_hsb:HSB-0001"); !errors.Is(err, errAlert) || m == nil || m.Score != 1 ||
		!strings.Contains(m.Reason, "identifier ek 447 1234 matches") {
		t.Errorf("--id: %v, %+v", err, res.Matches)
	}

	res, err = screenJSON(t, "Marek Kowalczyk", "--lists", "un", "--data-dir", dir)
	if err != nil || findMatch(res, "custom_hsb:HSB-0001") != nil {
		t.Errorf("--lists un: %v, %+v", err, res.Matches)
	}
}

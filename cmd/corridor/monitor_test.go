package main

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
	"github.com/corridor-aml/corridor/postgres/pgtest"
)

// runStore executes corridor with --store and fails the test on an error other than errAlert.
func runStore(t *testing.T, store string, args ...string) string {
	t.Helper()
	out, stderr, err := execute(t, append(args, "--store", store)...)
	if err != nil && !errors.Is(err, errAlert) {
		t.Fatalf("%v: %v\n%s%s", args, err, out, stderr)
	}
	return out
}

func runJSON[T any](t *testing.T, store string, args ...string) T {
	t.Helper()
	out := runStore(t, store, append(args, "--json")...)
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return v
}

func casesByStatus(res screenResult) map[string][]*matchJSON {
	out := map[string][]*matchJSON{}
	for i := range res.Matches {
		if m := &res.Matches[i]; m.Case != nil {
			out[m.Case.Status] = append(out[m.Case.Status], m)
		}
	}
	return out
}

func TestMonitorCasesSQLite(t *testing.T) {
	testMonitorCases(t, "sqlite:"+filepath.Join(t.TempDir(), "corridor.db"))
}

func TestMonitorCasesPostgres(t *testing.T) {
	testMonitorCases(t, pgtest.Schema(t))
}

// testMonitorCases walks a party through its review: alerts opened once, four eyes, a
// cleared false positive suppressing the same hit, changed party data opening it again, and a
// confirmed true match blocking the party, with the audit trail intact at the end.
func testMonitorCases(t *testing.T, store string) {
	grantRoles(t, store, "teller:screen", "alice:approver", "bob:approver")
	screen := []string{"screen", "Sirajuddin Haqqani", "--monitor", "--ref", "C-1", "--actor", "teller"}
	first := runJSON[screenResult](t, store, screen...)
	if first.Alerts < 2 || first.Monitor == nil || first.Monitor.New != first.Alerts || first.Monitor.Result != "alert" {
		t.Fatalf("first screen: %d alerts, monitor %+v; want 2 or more, all new", first.Alerts, first.Monitor)
	}
	second := runJSON[screenResult](t, store, screen...)
	if k := second.Monitor; k.PartyID != first.Monitor.PartyID || k.New != 0 || k.Existing != first.Alerts {
		t.Fatalf("second screen: %+v; want the same party, no new alert, %d open", k, first.Alerts)
	}
	if got := runJSON[[]casejson.Party](t, store, "parties", "list"); len(got) != 1 || got[0].Ref != "C-1" {
		t.Fatalf("parties: %+v, want C-1 alone", got)
	}
	alerts := runJSON[[]casejson.Alert](t, store, "alerts", "list", "--state", "open")
	if len(alerts) != first.Alerts {
		t.Fatalf("%d open alerts, want %d", len(alerts), first.Alerts)
	}
	fp, tm := alerts[0], alerts[1]

	runStore(t, store, "alerts", "propose", itoa(fp.ID), "--outcome", "false_positive", "--reason", "born 1990", "--actor", "alice")
	_, _, err := execute(t, "alerts", "confirm", itoa(fp.ID), "--actor", "Alice ", "--store", store)
	if !errors.Is(err, corridor.ErrFourEyes) || !strings.Contains(err.Error(), "alert "+itoa(fp.ID)) {
		t.Fatalf("confirm by the proposer: %v, want four eyes naming the alert", err)
	}
	runStore(t, store, "alerts", "confirm", itoa(fp.ID), "--actor", "bob")

	third := runJSON[screenResult](t, store, screen...)
	cleared := casesByStatus(third)["previously_cleared"]
	if len(cleared) != 1 || cleared[0].EntityID != fp.EntityID || cleared[0].Case.AlertID != fp.ID || third.Monitor.New != 0 {
		t.Fatalf("after the false positive: cases %+v, monitor %+v; want %s previously cleared and no new alert", casesByStatus(third), third.Monitor, fp.EntityID)
	}
	text := runStore(t, store, screen...)
	if want := "previously cleared (alert " + itoa(fp.ID) + ", decision by alice, confirmed by bob on "; !strings.Contains(text, want) {
		t.Fatalf("text output lacks %q:\n%s", want, text)
	}

	changed := runJSON[screenResult](t, store, append(screen, "--dob", "1973")...)
	if k := changed.Monitor; k.PartyID != first.Monitor.PartyID || k.Cleared != 0 || k.New != changed.Alerts {
		t.Fatalf("changed party data: %+v; want every alert new, none cleared", k)
	}

	runStore(t, store, "alerts", "propose", itoa(tm.ID), "--outcome", "true_match", "--reason", "same person", "--actor", "alice")
	runStore(t, store, "alerts", "reject", itoa(tm.ID), "--reason", "check the aliases", "--actor", "bob")
	runStore(t, store, "alerts", "propose", itoa(tm.ID), "--outcome", "true_match", "--reason", "aliases agree", "--actor", "alice")
	if out := runStore(t, store, "alerts", "confirm", itoa(tm.ID), "--actor", "bob"); !strings.Contains(out, "is now blocked") {
		t.Fatalf("confirming a true match: %s", out)
	}
	p := runJSON[casejson.Party](t, store, "parties", "show", "--ref", "C-1")
	if p.BlockedBy != tm.ID || len(p.Alerts) != first.Alerts+changed.Alerts {
		t.Fatalf("party: blocked by %d, %d alerts; want %d, %d", p.BlockedBy, len(p.Alerts), tm.ID, first.Alerts+changed.Alerts)
	}
	if got := runJSON[[]casejson.Party](t, store, "parties", "list", "--blocked"); len(got) != 1 {
		t.Fatalf("blocked parties: %+v", got)
	}
	shown := runJSON[casejson.Alert](t, store, "alerts", "show", itoa(tm.ID))
	if len(shown.Decisions) != 4 || shown.State != corridor.AlertConfirmed || len(shown.Explanation) == 0 {
		t.Fatalf("alert %d: %+v", tm.ID, shown)
	}
	if out := runStore(t, store, "audit", "verify"); !strings.HasPrefix(out, "audit trail verified") {
		t.Fatal(out)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

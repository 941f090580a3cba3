package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/internal/casejson"
)

// TestCaseCommandErrors checks that each error names what it is about and is no alert.
func TestCaseCommandErrors(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "corridor.db")
	grantRoles(t, store, "teller:screen", "a:analyst", "b:approver", "alice:approver", "bob:approver")
	runStore(t, store, "screen", "Sirajuddin Haqqani", "--monitor", "--ref", "C-1", "--actor", "teller")
	open := runJSON[[]casejson.Alert](t, store, "alerts", "list")[0].ID
	id := itoa(open)
	missing := "sqlite:" + filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"alerts", "show", "999"}, "alert 999: not found"},
		{[]string{"alerts", "show", "x1"}, `alert "x1": want an alert ID`},
		{[]string{"alerts", "show", "0"}, `alert "0": want an alert ID`},
		{[]string{"alerts", "list", "--state", "closed"}, `--state "closed"`},
		{[]string{"alerts", "list", "--party", "-3"}, "--party -3"},
		{[]string{"alerts", "propose", id, "--outcome", "maybe", "--reason", "r", "--actor", "a"}, `alert ` + id + `: propose: outcome "maybe"`},
		{[]string{"alerts", "propose", id, "--outcome", "false_positive", "--actor", "a"}, "alert " + id + ": propose: invalid: a written reason is required"},
		{[]string{"alerts", "propose", "999", "--outcome", "false_positive", "--reason", "r", "--actor", "a"}, "alert 999"},
		{[]string{"alerts", "confirm", id, "--actor", "b"}, "alert " + id + ": confirm: not allowed in the alert's state: it is open"},
		{[]string{"alerts", "reject", id, "--reason", "r", "--actor", "b"}, "alert " + id + ": reject: not allowed"},
		{[]string{"parties", "show", "999"}, "party 999: not found"},
		{[]string{"parties", "show", "--ref", "NOPE"}, "NOPE"},
		{[]string{"parties", "show"}, "give a party ID or --ref"},
		{[]string{"parties", "show", "1", "--ref", "C-1"}, "give a party ID or --ref"},
		{[]string{"parties", "show", "p"}, `party "p"`},
		{[]string{"screen", "Ahmad", "--ref", "C-9"}, "--ref: a reference is kept only with --monitor"},
		{[]string{"screen", "Ahmad", "--monitor", "--actor", "bad\nname"}, "has no role"},
	} {
		_, _, err := execute(t, append(tc.args, "--store", store)...)
		if err == nil || errors.Is(err, errAlert) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error with %q", tc.args, err, tc.want)
		}
	}
	for _, args := range [][]string{{"alerts", "list"}, {"parties", "list"}, {"alerts", "show", "1"}} {
		if _, _, err := execute(t, append(args, "--store", missing)...); err == nil || !strings.Contains(err.Error(), "no store at") {
			t.Errorf("%v on a missing store: %v", args, err)
		}
	}
	// Reject needs a reason, and only a second person may give it.
	runStore(t, store, "alerts", "propose", id, "--outcome", "true_match", "--reason", "r", "--actor", "alice")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"alerts", "reject", id, "--actor", "bob"}, "a written reason is required"},
		{[]string{"alerts", "reject", id, "--reason", "r", "--actor", "ALICE"}, "four eyes"},
		{[]string{"alerts", "propose", id, "--outcome", "true_match", "--reason", "r", "--actor", "bob"}, "only an open alert takes a proposal"},
	} {
		_, _, err := execute(t, append(tc.args, "--store", store)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "alert "+id) {
			t.Errorf("%v: %v, want an error with %q naming alert %s", tc.args, err, tc.want, id)
		}
	}
	if out := runStore(t, store, "alerts", "list", "--entity", "nobody"); !strings.Contains(out, "No alerts.") {
		t.Errorf("alerts list --entity nobody:\n%s", out)
	}
}

package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
)

// A list update re-screens the monitored parties against what it added: a party named like
// an entity the new version adds gets an alert on that entity, one named like no one gets
// none, and running the re-screen again opens nothing new.
func TestListUpdateRescreensMonitoredParties(t *testing.T) {
	full, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	before := dropFirst(full, 10)
	src, err := lists.SourceFor(corridor.ListUN)
	if err != nil {
		t.Fatal(err)
	}
	oldSnap, err := lists.Load(src, map[string][]byte{"consolidated.xml": before}, "before")
	if err != nil {
		t.Fatal(err)
	}
	newSnap, err := lists.Load(src, map[string][]byte{"consolidated.xml": full}, "full")
	if err != nil {
		t.Fatal(err)
	}
	added := lists.Compare(oldSnap, newSnap).Added
	if len(added) != 10 {
		t.Fatalf("%d added, want 10", len(added))
	}
	target := added[0]

	var serving atomic.Value
	serving.Store(before)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(serving.Load().([]byte)) }))
	defer srv.Close()
	dir := t.TempDir()
	update := func() string {
		out, err := run(t, "lists", "update", "--list", "un", "--url", "un="+srv.URL+"/un.xml", "--data-dir", dir)
		if err != nil {
			t.Fatalf("update: %v\n%s", err, out)
		}
		return out
	}
	update()
	for ref, name := range map[string]string{"P1": target.PrimaryName(), "P2": "Kathryn Barr"} {
		if out, err := run(t, "screen", name, "--monitor", "--ref", ref, "--data-dir", dir); err != nil && !errors.Is(err, errAlert) {
			t.Fatalf("screen %s: %v\n%s", name, err, out)
		}
	}
	unAlerts := func() map[string][]string { // party ref -> UN entities alerted
		out, err := run(t, "alerts", "list", "--json", "--data-dir", dir)
		if err != nil {
			t.Fatalf("alerts list: %v\n%s", err, out)
		}
		var as []struct {
			PartyRef string `json:"party_ref"`
			EntityID string `json:"entity_id"`
		}
		if err := json.Unmarshal([]byte(out), &as); err != nil {
			t.Fatalf("alerts list --json: %v\n%s", err, out)
		}
		got := map[string][]string{}
		for _, a := range as {
			if strings.HasPrefix(a.EntityID, "un:") {
				got[a.PartyRef] = append(got[a.PartyRef], a.EntityID)
			}
		}
		return got
	}
	if got := unAlerts(); len(got) != 0 {
		t.Fatalf("UN alerts before the update: %v", got)
	}

	serving.Store(full)
	out := update()
	if !strings.Contains(out, "un: 10 added, 0 changed since") || !strings.Contains(out, "2 monitored parties screened again") {
		t.Fatalf("the update did not re-screen:\n%s", out)
	}
	got := unAlerts()
	if len(got["P1"]) == 0 || got["P1"][0] != target.ID || len(got["P2"]) != 0 {
		t.Fatalf("UN alerts after the update: %v, want P1 on %s only", got, target.ID)
	}
	out, err = run(t, "parties", "rescreen", "--list", "un", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "0 new alerts, 1 already open") {
		t.Errorf("second re-screen: %v\n%s", err, out)
	}
	loads := 0
	for _, a := range auditActions(t, dir) {
		if strings.HasPrefix(a, "list.load ") && strings.Contains(a, `"added":10`) {
			loads++
		}
	}
	if loads != 1 {
		t.Errorf("%d list.load records of the update that added 10, want 1", loads)
	}
	if out, err := run(t, "audit", "verify", "--data-dir", dir); err != nil {
		t.Errorf("audit verify: %v\n%s", err, out)
	}
}

func TestRescreenErrors(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, "parties", "rescreen", "--list", "un", "--data-dir", dir); err == nil || !strings.Contains(err.Error(), "no store at") {
		t.Errorf("no store: err = %v, want it to say so\n%s", err, out)
	}
	if out, err := run(t, "users", "grant", testUser, "admin", "--data-dir", dir); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"parties", "rescreen"}, "--list"},
		{[]string{"parties", "rescreen", "--list", "Bad List"}, "--list"},
		{[]string{"parties", "rescreen", "--list", "un"}, "un"},
	} {
		out, err := run(t, append(tt.args, "--data-dir", dir)...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err = %v, want it to name %q\n%s", tt.args, err, tt.want, out)
		}
	}
}

package http

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
)

// A monitored screen over the API keeps the party under the caller's reference, opens an
// alert per listed match with the key as the actor, and a second screen of the same party
// finds the alerts already open instead of opening more.
func TestScreenMonitor(t *testing.T) {
	path := filepath.Join(t.TempDir(), apikey.FileName)
	_, key, _ := apikey.Create(path, apikey.RoleScreen, "onboarding", time.Now())
	set, err := apikey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	store := newTestStore(t)
	s := newTestServer(t, Options{RequireKeys: true, Keys: func() *apikey.Set { return set }, Store: store})
	screenOnce := func() (monitor map[string]any, cases []string) {
		r := do(t, s.Handler(), "POST", "/v1/screen", `{"name": "Sirajuddin Haqqani", "birthDate": "1977", "monitor": true, "ref": "ONB-7"}`,
			"Authorization", "Bearer "+key)
		if r.status != 200 {
			t.Fatalf("monitored screen: %d %s", r.status, r.body)
		}
		var res struct {
			Monitor map[string]any `json:"monitor"`
			Matches []struct {
				Alert bool `json:"alert"`
				Case  *struct {
					Status string `json:"status"`
				} `json:"case"`
			} `json:"matches"`
		}
		if err := json.Unmarshal([]byte(r.body), &res); err != nil {
			t.Fatal(err)
		}
		for _, m := range res.Matches {
			if m.Alert {
				if m.Case == nil {
					t.Fatalf("an alert without its case: %s", r.body)
				}
				cases = append(cases, m.Case.Status)
			}
		}
		return res.Monitor, cases
	}
	first, cases := screenOnce()
	if first["ref"] != "ONB-7" || first["new_alerts"] == float64(0) || len(cases) == 0 || cases[0] != "new" {
		t.Fatalf("first screen: monitor %v, cases %v", first, cases)
	}
	second, cases := screenOnce()
	if second["new_alerts"] != float64(0) || second["existing_alerts"] != first["new_alerts"] || cases[0] != "open" {
		t.Errorf("second screen: monitor %v, cases %v", second, cases)
	}
	p, err := store.PartyByRef(t.Context(), "ONB-7")
	if err != nil {
		t.Fatal(err)
	}
	alerts, err := store.Alerts(t.Context(), corridor.AlertFilter{PartyID: p.ID})
	if err != nil || len(alerts) == 0 || alerts[0].CreatedBy == "" {
		t.Fatalf("alerts of the party: %v, %v", alerts, err)
	}
	if res, err := store.VerifyAudit(t.Context()); err != nil || res.Fault != nil {
		t.Errorf("audit: %+v, %v", res, err)
	}
}

func TestScreenMonitorErrors(t *testing.T) {
	s := newTestServer(t, Options{})
	if r := do(t, s.Handler(), "POST", "/v1/screen", `{"name": "x", "monitor": true}`); r.status != 503 || r.errorCode(t) != codeNoStore {
		t.Errorf("monitor without a store: %d %s", r.status, r.body)
	}
	if r := do(t, s.Handler(), "POST", "/v1/screen", `{"name": "x", "ref": "R1"}`); r.status != 400 || r.errorCode(t) != codeUnknownField {
		t.Errorf("ref without monitor: %d %s", r.status, r.body)
	}
	if r := do(t, s.Handler(), "POST", "/v1/screen/batch", `{"name": "x", "monitor": true}`+"\n"); r.status != 200 || !json.Valid([]byte(r.body)) {
		t.Errorf("batch line with monitor: %d %s", r.status, r.body)
	}
}

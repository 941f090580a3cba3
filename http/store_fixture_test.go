package http

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/sqlite"
)

// newTestStore returns a SQLite store in a temp directory holding one monitored party and
// the alerts the OpenAPI examples act on, always the same:
//
//	alert 1  open                              (read; reject it: illegal transition)
//	alert 2  proposed false_positive by anonymous (confirm it without a key: four eyes)
//	alert 3  open                              (propose it)
//	alert 4  open, no party                    (spare, for tests)
func newTestStore(t testing.TB) corridor.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "corridor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p, err := s.SaveParty(ctx, corridor.MonitoredParty{Ref: "C-1042", PartyData: corridor.PartyData{
		Name: "Sirajuddin Haqqani", Kind: corridor.KindPerson, BirthDate: "1979", Countries: []string{"AF"},
	}}, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 4; i++ {
		a := corridor.Alert{PartyID: p.ID, PartyRef: p.Ref, PartyName: p.Name, PartyHash: p.DataHash(),
			EntityID: "us_ofac_sdn:10743", EntityHash: "sha256:" + fixtureHex('e'), List: "us_ofac_sdn",
			ListVersion: "sha256:" + fixtureHex('1'), Score: 0.91, Explanation: json.RawMessage(`{"score":0.91}`)}
		if i == 4 {
			a.PartyID, a.PartyRef = 0, ""
		}
		if _, err := s.CreateAlert(ctx, a, "fixture"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Propose(ctx, 2, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "born 1990, the listed person 1979", Actor: anonymous.actor}); err != nil {
		t.Fatal(err)
	}
	return s
}

func fixtureHex(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}

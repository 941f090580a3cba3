package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
)

// testTwoNodes has two stores on one database (two corridor nodes) write at once, from
// several goroutines each, and checks that the chain did not fork: every change is in it
// once, in one unbroken line.
func testTwoNodes(t *testing.T, b Backend) {
	const workers, each = 3, 15
	ctx := context.Background()
	nodes := []corridor.Store{b.Store, b.Reopen(t)}
	var wg sync.WaitGroup
	errs := make(chan error, 2*workers)
	for n, s := range nodes {
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					name := fmt.Sprintf("node%d-w%d-%d", n, w, i)
					a, err := s.CreateAlert(ctx, newAlert(corridor.MonitoredParty{PartyData: corridor.PartyData{Name: name}}, "un:"+name, "v1"), "screener")
					if err == nil {
						_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "r", Actor: "ann"})
					}
					if err == nil {
						_, err = s.AppendAudit(ctx, corridor.AuditEvent{Actor: name, Action: corridor.AuditKeyChange, Subject: "key:" + name})
					}
					if err != nil {
						errs <- fmt.Errorf("%s: %w", name, err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, s := range nodes {
		rep := ok(s.VerifyAudit(ctx))(t)
		if want := int64(2 * workers * each * 3); rep.Fault != nil || rep.Records != want {
			t.Errorf("node %d: verify %+v, want %d records and no fault", i, rep, want)
		}
	}
}

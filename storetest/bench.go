package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/corridor-aml/corridor"
)

// BenchWrite measures one durable write transaction of s: an alert created with its audit
// record, committed before the call returns.
func BenchWrite(b *testing.B, s corridor.Store) {
	ctx := context.Background()
	party, err := s.SaveParty(ctx, corridor.MonitoredParty{Ref: "B-1", PartyData: corridor.PartyData{Name: "Ahmad Karimi"}}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if _, err := s.CreateAlert(ctx, newAlert(party, fmt.Sprintf("un:QDi.%d", i), "v1"), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchVerify measures verifying a trail of 4,000 records, each alert's creation, proposal
// and confirmation and the party's addition.
func BenchVerify(b *testing.B, s corridor.Store) {
	ctx := context.Background()
	party, err := s.SaveParty(ctx, corridor.MonitoredParty{Ref: "B-1", PartyData: corridor.PartyData{Name: "Ahmad Karimi"}}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 1333; i++ {
		a, err := s.CreateAlert(ctx, newAlert(party, fmt.Sprintf("un:QDi.%d", i), "v1"), "bench")
		if err == nil {
			_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "other person", Actor: "ann"})
		}
		if err == nil {
			_, err = s.Confirm(ctx, a.ID, "bob", "")
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		rep, err := s.VerifyAudit(ctx)
		if err != nil || rep.Fault != nil || rep.Records != 4000 {
			b.Fatalf("verify: %+v %v", rep, err)
		}
	}
}

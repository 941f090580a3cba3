package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/corridor-aml/corridor"
)

// newAlert returns an alert of party on entity as listed with content, ready to create.
func newAlert(party corridor.MonitoredParty, entity, content string) corridor.Alert {
	return corridor.Alert{
		PartyID: party.ID, PartyRef: party.Ref, PartyName: party.Name, PartyHash: party.DataHash(),
		EntityID: entity, EntityHash: corridor.EntityHash(corridor.Entity{ID: entity, Remarks: content}),
		List: corridor.ListOFACSDN, ListVersion: "sha256:" + fmt.Sprintf("%064x", 7), Score: 0.91,
		Explanation: json.RawMessage(`{"query":"Ahmad Karimi","entity_id":"` + entity + `","score":0.91}`),
	}
}

func addParty(t *testing.T, s corridor.Store, ref, name string) corridor.MonitoredParty {
	t.Helper()
	return ok(s.SaveParty(context.Background(), corridor.MonitoredParty{Ref: ref, PartyData: corridor.PartyData{Name: name}}, "onboarding"))(t)
}

func testAlerts(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	party := addParty(t, s, "C-1", "Ahmad Karimi")
	in := newAlert(party, "us_ofac_sdn:123", "v1")
	a := ok(s.CreateAlert(ctx, in, "screener"))(t)
	if a.ID == 0 || a.State != corridor.AlertOpen || a.CreatedBy != "screener" {
		t.Fatalf("created %+v", a)
	}
	got := ok(s.Alert(ctx, a.ID))(t)
	if got.PartyID != party.ID || got.PartyHash != in.PartyHash || got.EntityHash != in.EntityHash ||
		got.ListVersion != in.ListVersion || got.Score != in.Score || got.List != in.List || got.PartyRef != "C-1" {
		t.Errorf("read back %+v, want %+v", got, in)
	}
	var expl map[string]any
	if err := json.Unmarshal(got.Explanation, &expl); err != nil || expl["entity_id"] != "us_ofac_sdn:123" {
		t.Errorf("explanation read back as %s (%v)", got.Explanation, err)
	}

	// A one-off screen's alert has no monitored party.
	oneOff := newAlert(corridor.MonitoredParty{PartyData: corridor.PartyData{Name: "Walk-in"}}, "un:QDi.1", "x")
	b := ok(s.CreateAlert(ctx, oneOff, "screener"))(t)
	ok(s.Propose(ctx, b.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "other person", Actor: "ann"}))(t)

	open := ok(s.Alerts(ctx, corridor.AlertFilter{State: corridor.AlertOpen}))(t)
	proposed := ok(s.Alerts(ctx, corridor.AlertFilter{State: corridor.AlertProposed}))(t)
	byParty := ok(s.Alerts(ctx, corridor.AlertFilter{PartyID: party.ID}))(t)
	all := ok(s.Alerts(ctx, corridor.AlertFilter{}))(t)
	after := ok(s.Alerts(ctx, corridor.AlertFilter{AfterID: a.ID, Limit: 1}))(t)
	if ids(open) != fmt.Sprint([]int64{a.ID}) || ids(proposed) != fmt.Sprint([]int64{b.ID}) ||
		ids(byParty) != fmt.Sprint([]int64{a.ID}) || ids(all) != fmt.Sprint([]int64{a.ID, b.ID}) || ids(after) != fmt.Sprint([]int64{b.ID}) {
		t.Errorf("filters: open %s, proposed %s, by party %s, all %s, after %s", ids(open), ids(proposed), ids(byParty), ids(all), ids(after))
	}

	_, err := s.Alert(ctx, 99999)
	wantErr(t, err, corridor.ErrNotFound, "unknown alert")
	_, err = s.Propose(ctx, 99999, corridor.Proposal{Outcome: corridor.TrueMatch, Reason: "r", Actor: "ann"})
	wantErr(t, err, corridor.ErrNotFound, "proposal on an unknown alert")
	bad := in
	bad.EntityHash = ""
	_, err = s.CreateAlert(ctx, bad, "screener")
	wantErr(t, err, corridor.ErrInvalid, "alert without entity hash")
	bad = in
	bad.Explanation = json.RawMessage("{not json")
	_, err = s.CreateAlert(ctx, bad, "screener")
	wantErr(t, err, corridor.ErrInvalid, "alert with a broken explanation")
	bad = in
	bad.PartyID = 99999
	if _, err = s.CreateAlert(ctx, bad, "screener"); err == nil {
		t.Error("an alert of an unknown party was created")
	}
}

func ids(as []corridor.Alert) string {
	var out []int64
	for _, a := range as {
		out = append(out, a.ID)
	}
	return fmt.Sprint(out)
}

func testFourEyes(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	party := addParty(t, s, "C-1", "Ahmad Karimi")
	a := ok(s.CreateAlert(ctx, newAlert(party, "us_ofac_sdn:123", "v1"), "screener"))(t)
	fp := corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "born 1990, the listed man 1965", Actor: "ann"}

	_, err := s.Confirm(ctx, a.ID, "bob", "")
	wantErr(t, err, corridor.ErrTransition, "confirm an open alert")
	_, err = s.Reject(ctx, a.ID, "bob", "no")
	wantErr(t, err, corridor.ErrTransition, "reject an open alert")
	_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "  ", Actor: "ann"})
	wantErr(t, err, corridor.ErrInvalid, "proposal without a reason")
	_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: "maybe", Reason: "r", Actor: "ann"})
	wantErr(t, err, corridor.ErrInvalid, "proposal of an unknown outcome")
	_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "r"})
	wantErr(t, err, corridor.ErrInvalid, "proposal by nobody")

	p := ok(s.Propose(ctx, a.ID, fp))(t)
	if p.State != corridor.AlertProposed || p.Outcome != corridor.FalsePositive || p.ProposedBy != "ann" || p.Reason != fp.Reason || p.ProposedAt.IsZero() {
		t.Errorf("proposed: %+v", p)
	}
	_, err = s.Propose(ctx, a.ID, fp)
	wantErr(t, err, corridor.ErrTransition, "propose twice")
	_, err = s.Confirm(ctx, a.ID, "ann", "")
	wantErr(t, err, corridor.ErrFourEyes, "the proposer confirms")
	_, err = s.Confirm(ctx, a.ID, " ANN", "")
	wantErr(t, err, corridor.ErrFourEyes, "the proposer confirms, written otherwise")
	_, err = s.Reject(ctx, a.ID, "ann", "changed my mind")
	wantErr(t, err, corridor.ErrFourEyes, "the proposer rejects")
	_, err = s.Reject(ctx, a.ID, "bob", "")
	wantErr(t, err, corridor.ErrInvalid, "rejection without a reason")

	r := ok(s.Reject(ctx, a.ID, "bob", "the passport number agrees: look again"))(t)
	if r.State != corridor.AlertOpen || r.Outcome != "" || r.ProposedBy != "" {
		t.Errorf("rejected: %+v", r)
	}
	tm := corridor.Proposal{Outcome: corridor.TrueMatch, Reason: "passport number agrees", Actor: "ann"}
	ok(s.Propose(ctx, a.ID, tm))(t)
	c := ok(s.Confirm(ctx, a.ID, "bob", "agreed"))(t)
	if c.State != corridor.AlertConfirmed || c.ConfirmedBy != "bob" || c.ConfirmedAt.IsZero() || c.Outcome != corridor.TrueMatch {
		t.Errorf("confirmed: %+v", c)
	}
	_, err = s.Confirm(ctx, a.ID, "carol", "")
	wantErr(t, err, corridor.ErrTransition, "confirm twice")
	_, err = s.Propose(ctx, a.ID, fp)
	wantErr(t, err, corridor.ErrTransition, "propose on a confirmed alert")

	var steps []string
	for _, d := range ok(s.Alert(ctx, a.ID))(t).Decisions {
		steps = append(steps, fmt.Sprintf("%s %s %s", d.Action, d.Outcome, d.Actor))
		if d.AuditSeq == 0 || d.At.IsZero() || d.AlertID != a.ID {
			t.Errorf("decision %+v: want its audit seq, time and alert", d)
		}
	}
	if want := []string{"propose false_positive ann", "reject false_positive bob", "propose true_match ann", "confirm true_match bob"}; !slices.Equal(steps, want) {
		t.Errorf("decisions %q, want %q", steps, want)
	}
	if ds := ok(s.Alert(ctx, a.ID))(t).Decisions; len(ds) != 4 || ds[1].Reason != "the passport number agrees: look again" || ds[3].Reason != "agreed" {
		t.Errorf("decision reasons: %+v", ds)
	}
	if got := ok(s.Party(ctx, party.ID))(t); got.BlockedBy != a.ID {
		t.Errorf("a confirmed true match left the party with BlockedBy %d, want %d", got.BlockedBy, a.ID)
	}
	acts := auditActions(t, s, 1)
	sub := fmt.Sprintf("alert:%d", a.ID)
	want := []string{"party.add party:" + fmt.Sprint(party.ID), "alert.create " + sub, "alert.propose " + sub, "alert.reject " + sub,
		"alert.propose " + sub, "alert.confirm " + sub, "party.block party:" + fmt.Sprint(party.ID)}
	if !slices.Equal(acts, want) {
		t.Errorf("audit %q\nwant %q (refused changes append nothing)", acts, want)
	}
}

func testSuppression(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	party := addParty(t, s, "C-1", "Ahmad Karimi")
	a := newAlert(party, "us_ofac_sdn:123", "v1")
	created := ok(s.CreateAlert(ctx, a, "screener"))(t)

	_, err := s.ClearedFalsePositive(ctx, a.PartyHash, a.EntityID, a.EntityHash)
	wantErr(t, err, corridor.ErrNotFound, "an open alert clears nothing")
	ok(s.Propose(ctx, created.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "other person", Actor: "ann"}))(t)
	_, err = s.ClearedFalsePositive(ctx, a.PartyHash, a.EntityID, a.EntityHash)
	wantErr(t, err, corridor.ErrNotFound, "a proposal alone clears nothing")
	ok(s.Confirm(ctx, created.ID, "bob", ""))(t)

	got, err := s.ClearedFalsePositive(ctx, a.PartyHash, a.EntityID, a.EntityHash)
	if err != nil || got.ID != created.ID {
		t.Fatalf("cleared: got alert %d, %v; want %d", got.ID, err, created.ID)
	}
	changedEntity := newAlert(party, "us_ofac_sdn:123", "v2")
	_, err = s.ClearedFalsePositive(ctx, a.PartyHash, a.EntityID, changedEntity.EntityHash)
	wantErr(t, err, corridor.ErrNotFound, "the entity changed")
	moved := party
	moved.Countries = []string{"DE"}
	_, err = s.ClearedFalsePositive(ctx, moved.DataHash(), a.EntityID, a.EntityHash)
	wantErr(t, err, corridor.ErrNotFound, "the party's data changed")
	_, err = s.ClearedFalsePositive(ctx, a.PartyHash, "us_ofac_sdn:999", a.EntityHash)
	wantErr(t, err, corridor.ErrNotFound, "another entity")

	// A true match is not a clearance, and does not hide an older one.
	tm := ok(s.CreateAlert(ctx, a, "screener"))(t)
	ok(s.Propose(ctx, tm.ID, corridor.Proposal{Outcome: corridor.TrueMatch, Reason: "it is him", Actor: "ann"}))(t)
	ok(s.Confirm(ctx, tm.ID, "bob", ""))(t)
	if got, err := s.ClearedFalsePositive(ctx, a.PartyHash, a.EntityID, a.EntityHash); err != nil || got.ID != created.ID {
		t.Errorf("after a true match: got %d, %v; want the false positive %d", got.ID, err, created.ID)
	}
}

package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/corridor-aml/corridor"
)

func testParties(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	p := corridor.MonitoredParty{Ref: "C-1001", PartyData: corridor.PartyData{
		Name: " Ahmad Karimi ", Kind: corridor.KindPerson, BirthDate: "1980", Countries: []string{"de", "AF"}}}
	saved := ok(s.SaveParty(ctx, p, "alice"))(t)
	if saved.ID == 0 || saved.Name != "Ahmad Karimi" || !slices.Equal(saved.Countries, []string{"AF", "DE"}) {
		t.Fatalf("saved %+v: want an ID, the name trimmed and the countries sorted", saved)
	}
	for _, get := range []func() (corridor.MonitoredParty, error){
		func() (corridor.MonitoredParty, error) { return s.Party(ctx, saved.ID) },
		func() (corridor.MonitoredParty, error) { return s.PartyByRef(ctx, "C-1001") },
	} {
		got := ok(get())(t)
		if got.ID != saved.ID || got.DataHash() != saved.DataHash() || got.CreatedBy != "alice" || got.CreatedAt.IsZero() {
			t.Errorf("read back %+v, want %+v", got, saved)
		}
	}

	head := headSeq(t, s)
	same := p
	same.Countries = []string{"AF", "DE"} // the same facts in another order
	again := ok(s.SaveParty(ctx, same, "bob"))(t)
	if again.ID != saved.ID || headSeq(t, s) != head {
		t.Errorf("saving unchanged data: got ID %d (want %d) and %d audit records (want %d)", again.ID, saved.ID, headSeq(t, s), head)
	}

	changed := p
	changed.BirthDate = "1981"
	upd := ok(s.SaveParty(ctx, changed, "bob"))(t)
	if upd.ID != saved.ID || upd.DataHash() == saved.DataHash() || upd.BirthDate != "1981" {
		t.Errorf("update: got %+v", upd)
	}
	if got := auditActions(t, s, 1); !slices.Equal(got, []string{
		"party.add party:" + fmt.Sprint(saved.ID), "party.update party:" + fmt.Sprint(saved.ID)}) {
		t.Errorf("audit: %q", got)
	}

	for i := range 5 {
		ok(s.SaveParty(ctx, corridor.MonitoredParty{Ref: fmt.Sprintf("P-%d", i), PartyData: corridor.PartyData{Name: fmt.Sprintf("Name %d", i)}}, "alice"))(t)
	}
	var all []int64
	for after := int64(0); ; {
		page := ok(s.Parties(ctx, after, 2))(t)
		if len(page) == 0 {
			break
		}
		for _, p := range page {
			all = append(all, p.ID)
		}
		after = page[len(page)-1].ID
	}
	if len(all) != 6 || !slices.IsSorted(all) {
		t.Errorf("paged through %v, want 6 IDs in order", all)
	}

	_, err := s.Party(ctx, 99999)
	wantErr(t, err, corridor.ErrNotFound, "unknown party")
	_, err = s.PartyByRef(ctx, "nobody")
	wantErr(t, err, corridor.ErrNotFound, "unknown party ref")
	_, err = s.SaveParty(ctx, corridor.MonitoredParty{PartyData: corridor.PartyData{Name: "X"}}, "alice")
	wantErr(t, err, corridor.ErrInvalid, "party without a reference")
	_, err = s.SaveParty(ctx, corridor.MonitoredParty{Ref: "C-2", PartyData: corridor.PartyData{Name: "X"}}, "")
	wantErr(t, err, corridor.ErrInvalid, "party saved by nobody")
	if _, err := s.PartyByRef(ctx, "C-2"); err == nil {
		t.Error("a party whose audit record was refused was saved all the same")
	}
}

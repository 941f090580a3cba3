package http

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/sqlite"
)

// A reload that brings new entities re-screens the monitored parties against them, in the
// background: a party named like an entity the reload added gets its alert.
func TestReloadRescreensMonitoredParties(t *testing.T) {
	full, err := os.ReadFile("../lists/un/testdata/consolidated.xml")
	if err != nil {
		t.Fatal(err)
	}
	before := bytes.Clone(full) // the list without its first individual
	start, end := bytes.Index(before, []byte("<INDIVIDUAL>")), bytes.Index(before, []byte("</INDIVIDUAL>"))+len("</INDIVIDUAL>")
	before = append(before[:start], before[end:]...)
	src, err := lists.SourceFor(corridor.ListUN)
	if err != nil {
		t.Fatal(err)
	}
	version := func(content []byte) (*match.Index, []*corridor.ListSnapshot) {
		snap, err := lists.Load(src, map[string][]byte{"consolidated.xml": content}, "test")
		if err != nil {
			t.Fatal(err)
		}
		idx, err := match.Build([]*corridor.ListSnapshot{snap}, match.Config{})
		if err != nil {
			t.Fatal(err)
		}
		return idx, []*corridor.ListSnapshot{snap}
	}
	idxBefore, snapsBefore := version(before)
	idxFull, snapsFull := version(full)
	var added *corridor.Entity
	for i := range snapsFull[0].Entities {
		e := &snapsFull[0].Entities[i]
		if e.Kind == corridor.KindPerson {
			added = e
			break
		}
	}

	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "corridor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.SaveParty(ctx, corridor.MonitoredParty{Ref: "P1", PartyData: corridor.PartyData{Name: added.PrimaryName()}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	var reloads atomic.Int32
	s := New(Options{Store: store, Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		if reloads.Add(1) == 1 {
			return idxBefore, snapsBefore, nil
		}
		return idxFull, snapsFull, nil
	}})
	for range 2 {
		if _, err := s.Reload(ctx); err != nil {
			t.Fatal(err)
		}
	}
	s.WaitRescreens()
	alerts, err := store.Alerts(ctx, corridor.AlertFilter{PartyID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(alerts) != 1 || alerts[0].EntityID != added.ID || alerts[0].CreatedBy != "corridor serve" {
		t.Fatalf("alerts after the reload: %+v, want one on %s", alerts, added.ID)
	}
	// A reload that changes nothing re-screens nothing.
	if _, err := s.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	s.WaitRescreens()
	if again, _ := store.Alerts(ctx, corridor.AlertFilter{PartyID: p.ID}); len(again) != 1 {
		t.Errorf("%d alerts after a reload that changed nothing, want 1", len(again))
	}
}

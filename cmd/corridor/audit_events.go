package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
)

// existingStore opens the store when there is one: the one --store names, or the default
// SQLite file in the data directory when it exists. Without one (nil, nil) there is nobody
// monitored and no trail to append to; a store that --store names but cannot be opened is an
// error.
func existingStore(cmd *cobra.Command) (corridor.Store, error) {
	if cmd.Flag("store").Value.String() == "" {
		if _, err := os.Stat(filepath.Join(cmd.Flag("data-dir").Value.String(), storeFileName)); err != nil {
			return nil, nil
		}
	}
	return openStore(cmd, true)
}

// eventTrail appends the events a store does not make itself (a list version loaded, a key
// created or revoked) in the name of the person running the command. It is opened before
// the change, so that someone without the role is refused before anything changes; without
// a store it appends nothing.
type eventTrail struct {
	store corridor.Store
	actor string
}

// openEventTrail opens the existing store, if any, for a person with the admin role.
func openEventTrail(cmd *cobra.Command) (*eventTrail, error) {
	s, me, err := existingStoreAs(cmd, corridor.AccessAdmin)
	if err != nil {
		return nil, err
	}
	return &eventTrail{s, me}, nil
}

func (t *eventTrail) append(cmd *cobra.Command, e corridor.AuditEvent) error {
	if t.store == nil {
		return nil
	}
	e.Actor = t.actor
	if _, err := t.store.AppendAudit(cmd.Context(), e); err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	return nil
}

func (t *eventTrail) Close() {
	if t.store != nil {
		t.store.Close()
	}
}

// listLoadEvent is the audit record of a list version taken into use; eventTrail names the
// actor.
func listLoadEvent(r lists.UpdateResult) corridor.AuditEvent {
	payload := map[string]any{
		"list": r.List, "version": r.Version.Hash, "entities": r.Version.Entities,
		"source": r.Version.Source, "loaded_at": r.Version.LoadedAt,
	}
	if !r.Version.Published.IsZero() {
		payload["published"] = r.Version.Published.Format("2006-01-02")
	}
	if r.Previous != nil {
		payload["previous"] = r.Previous.Hash
	}
	if r.Changes != nil {
		payload["added"], payload["removed"], payload["changed"] = r.Changes.Added, r.Changes.Removed, r.Changes.Changed
	}
	return corridor.AuditEvent{Action: corridor.AuditListLoad, Subject: "list:" + string(r.List), Payload: payload}
}

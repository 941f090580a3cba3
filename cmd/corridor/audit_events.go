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

// appendAuditEvent appends an event the store does not make itself (a list version loaded, a
// key created or revoked) to the trail, when there is a store.
func appendAuditEvent(cmd *cobra.Command, e corridor.AuditEvent) error {
	store, err := existingStore(cmd)
	if err != nil || store == nil {
		return err
	}
	defer store.Close()
	if _, err := store.AppendAudit(cmd.Context(), e); err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	return nil
}

// listLoadEvent is the audit record of a list version taken into use.
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
	return corridor.AuditEvent{Actor: defaultActor(), Action: corridor.AuditListLoad, Subject: "list:" + string(r.List), Payload: payload}
}

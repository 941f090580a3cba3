package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/lists/bundled"
)

func newListsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lists",
		Short: "Show, update and compare the sanctions lists corridor screens against",
		Long: `Show, update and compare the sanctions lists corridor screens against.

corridor embeds a snapshot of the OFAC SDN, OFAC non-SDN and UN lists, so it works
offline out of the box. "corridor lists update" downloads newer versions from the
official sources into the data directory (--data-dir); a stored version takes
precedence over the embedded one. Every version is kept and identified by the
sha256 hash of its files.`,
		Example: `  corridor lists status
  corridor lists update --list us_ofac_sdn
  corridor lists diff --list us_ofac_sdn old/sdn.csv new/sdn.csv --summary
  corridor lists show us_ofac_sdn:10743`,
	}
	cmd.AddCommand(newListsStatusCmd(), newListsUpdateCmd(), newListsDiffCmd(), newListsShowCmd())
	return cmd
}

func listStore(cmd *cobra.Command) *filestore.Store {
	return filestore.New(cmd.Flag("data-dir").Value.String())
}

// currentSnapshot returns the version of a list in use: the current stored one, else the
// embedded one.
func currentSnapshot(store *filestore.Store, list corridor.ListID) (*corridor.ListSnapshot, error) {
	snap, err := lists.LoadCurrent(store, list)
	if err == nil || !errors.Is(err, filestore.ErrNotFound) {
		return snap, err
	}
	embedded, err := bundled.Lists()
	if err != nil {
		return nil, err
	}
	for _, id := range embedded {
		if id == list {
			return bundled.LoadList(list)
		}
	}
	return nil, fmt.Errorf("list %s: no version stored in %s and none embedded: run corridor lists update --list %s",
		list, store.Dir(), list)
}

// shortHash abbreviates a version hash the way git abbreviates commits; any unique prefix
// of the hex is accepted where a version is asked for.
func shortHash(hash string) string {
	hex := filestore.HashHex(hash)
	if len(hex) > 12 {
		hex = hex[:12]
	}
	return hex
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

func describeVersion(v corridor.ListVersion) string {
	return fmt.Sprintf("%s (%d entities, %s)", shortHash(v.Hash), v.Entities, strings.TrimSpace(v.Source))
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/lists/bundled"
)

func newListsStatusCmd() *cobra.Command {
	var maxAge time.Duration
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print each list's version, publish date, age and entity count; warn when stale",
		Long: `Print each list's version, publish date, age and entity count, and warn about
lists older than --max-age. A list's age counts from its publish date, or from its
load time when the list gives no publish date (for the embedded snapshot, the time
the snapshot was made). Lists with no version stored in the data directory show the
embedded snapshot.`,
		Example: `  corridor lists status
  corridor lists status --max-age 168h
  corridor lists status --json --data-dir /var/lib/corridor`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			versions, missing, err := currentVersions(listStore(cmd))
			if err != nil {
				return err
			}
			statuses := lists.Status(versions, time.Now().UTC(), maxAge)
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(statuses)
			}
			printStatus(cmd, statuses, missing)
			return nil
		},
	}
	cmd.Flags().DurationVar(&maxAge, "max-age", lists.DefaultMaxAge, "warn about lists older than this")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// currentVersions returns the version in use of every list that has one, and the official
// lists that have none.
func currentVersions(store *filestore.Store) ([]corridor.ListVersion, []corridor.ListID, error) {
	ids, err := store.Lists()
	if err != nil {
		return nil, nil, err
	}
	embedded, err := bundled.Lists()
	if err != nil {
		return nil, nil, err
	}
	for _, src := range lists.DefaultSources() {
		ids = append(ids, src.List)
	}
	ids = append(ids, embedded...)
	seen := map[corridor.ListID]bool{}
	var versions []corridor.ListVersion
	var missing []corridor.ListID
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		v, err := store.Current(id)
		switch {
		case err == nil:
			versions = append(versions, v.ListVersion)
		case !errors.Is(err, filestore.ErrNotFound):
			return nil, nil, err
		case slices.Contains(embedded, id):
			snap, err := bundled.LoadList(id)
			if err != nil {
				return nil, nil, err
			}
			versions = append(versions, snap.Version)
		default:
			missing = append(missing, id)
		}
	}
	return versions, missing, nil
}

func printStatus(cmd *cobra.Command, statuses []lists.ListStatus, missing []corridor.ListID) {
	out := cmd.OutOrStdout()
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LIST\tVERSION\tPUBLISHED\tAGE\tENTITIES\tSOURCE")
	for _, s := range statuses {
		v := s.Version
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s (%s)\t%d\t%s\n", v.List, shortHash(v.Hash), formatDate(v.Published),
			lists.FormatAge(s.Age), s.AgeFrom, v.Entities, v.Source)
	}
	for _, id := range missing {
		fmt.Fprintf(tw, "%s\t-\t-\t-\t-\tnone: run corridor lists update --list %s\n", id, id)
	}
	tw.Flush()
	for _, s := range statuses {
		if s.Warning != "" {
			fmt.Fprintf(out, "WARNING: %s: %s\n", s.Version.List, s.Warning)
		}
	}
}

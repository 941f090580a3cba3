package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
)

func newListsUpdateCmd() *cobra.Command {
	var (
		ids          []string
		urls         []string
		ofacAdvanced bool
		u            = lists.NewUpdater(nil)
		timeout      time.Duration
	)
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download new versions of the lists from their official sources",
		Long: `Download new versions of the lists from their official sources, check them and
store the good ones in the data directory as the versions in use.

A download is refused, and the list's current version stays in use, when it cannot
be fetched (after retries with back-off), is an HTML page, is larger than --max-size,
is truncated, does not parse, holds no entities, or has lost more than --max-shrink
of the current version's entities. Requests are conditional (ETag, Last-Modified):
a list the server reports unchanged is not downloaded again.

--url overrides a download location: LIST=URL for a list of one file, LIST=DIR/ (a
URL ending in /) for the OFAC lists' four files, LIST/FILE=URL for one file of them.
file:///path URLs read local files, e.g. for an institution's own list.

When a store exists (--store, default corridor.db in the data directory), every new
version is recorded in its audit trail, and every list that got one is followed by a
re-screen of the monitored parties against what it added or changed, as corridor
parties rescreen does; the person running the update then needs the admin role
(corridor users), which is checked before anything is downloaded.`,
		Example: `  corridor lists update
  corridor lists update --list us_ofac_sdn --list un
  corridor lists update --list un --url un=https://mirror.example/un/consolidated.xml
  corridor lists update --list custom_staff --url custom_staff=file:///srv/lists/staff.csv
  corridor lists update --max-shrink 0.05 --max-size 100000000
  corridor lists update --list us_ofac_sdn --ofac-advanced`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sources, err := updateSources(ids, urls, ofacAdvanced)
			if err != nil {
				return err
			}
			trail, err := openEventTrail(cmd)
			if err != nil {
				return err
			}
			defer trail.Close()
			u.Store = listStore(cmd)
			u.Client = lists.NewHTTPClient(timeout)
			results, err := u.UpdateAll(cmd.Context(), sources)
			for _, r := range results {
				printUpdate(cmd, r)
			}
			var errs []error
			for _, r := range results {
				if !r.Unchanged {
					errs = append(errs, trail.append(cmd, listLoadEvent(r)))
				}
			}
			if trail.store != nil {
				errs = append(errs, rescreenUpdated(cmd, results))
			}
			return errors.Join(append([]error{err}, errs...)...)
		},
	}
	cmd.Flags().StringArrayVar(&ids, "list", nil, "list to update (repeatable; default: us_ofac_sdn, us_ofac_nonsdn, un, eu, uk)")
	cmd.Flags().StringArrayVar(&urls, "url", nil, "download location override, LIST=URL, LIST=DIR/ or LIST/FILE=URL (repeatable)")
	cmd.Flags().BoolVar(&ofacAdvanced, "ofac-advanced", false, "read the OFAC lists from OFAC's Advanced XML (sdn_advanced.xml, cons_advanced.xml) instead of the CSV files")
	cmd.Flags().Float64Var(&u.MaxShrink, "max-shrink", lists.DefaultMaxShrink, "refuse a version that lost more than this fraction of the current version's entities")
	cmd.Flags().Int64Var(&u.MaxFileSize, "max-size", lists.DefaultMaxFileSize, "refuse a file larger than this many bytes")
	cmd.Flags().DurationVar(&timeout, "timeout", lists.DefaultTimeout, "time limit for downloading one file")
	cmd.Flags().IntVar(&u.Attempts, "attempts", lists.DefaultAttempts, "tries per file for network errors and 5xx answers")
	addStoreFlag(cmd)
	return cmd
}

// rescreenUpdated re-screens the monitored parties of the store for every list that got a new
// version with an earlier one to compare with.
func rescreenUpdated(cmd *cobra.Command, results []lists.UpdateResult) error {
	var updated []lists.UpdateResult
	for _, r := range results {
		if !r.Unchanged && r.Previous != nil {
			updated = append(updated, r)
		}
	}
	if len(updated) == 0 {
		return nil
	}
	var errs []error
	for _, r := range updated {
		if err := rescreenList(cmd, r.List, r.Previous.Hash); err != nil {
			errs = append(errs, fmt.Errorf("re-screening for %s: %w", r.List, err))
		}
	}
	return errors.Join(errs...)
}

// updateSources resolves the lists to update and applies the URL overrides.
func updateSources(ids, urls []string, ofacAdvanced bool) ([]lists.Source, error) {
	var sources []lists.Source
	var err error
	if len(ids) == 0 {
		sources = lists.DefaultSources()
	}
	for _, id := range ids {
		src, err := lists.SourceFor(corridor.ListID(id))
		if err != nil {
			return nil, err
		}
		sources = append(sources, src)
	}
	for i := range sources {
		if l := sources[i].List; ofacAdvanced && (l == corridor.ListOFACSDN || l == corridor.ListOFACNonSDN) {
			if sources[i], err = lists.OFACAdvancedSource(l); err != nil {
				return nil, err
			}
		}
	}
	for _, arg := range urls {
		list, file, url, err := lists.ParseURLOverride(arg)
		if err != nil {
			return nil, err
		}
		found := false
		for i := range sources {
			if sources[i].List == list {
				if sources[i], err = sources[i].WithURL(file, url); err != nil {
					return nil, err
				}
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("--url %s: list %s is not being updated (add --list %s)", arg, list, list)
		}
	}
	return sources, nil
}

func printUpdate(cmd *cobra.Command, r lists.UpdateResult) {
	out := cmd.OutOrStdout()
	switch {
	case r.Unchanged:
		fmt.Fprintf(out, "%s: unchanged, %s\n", r.List, describeVersion(r.Version))
	case r.Previous == nil:
		fmt.Fprintf(out, "%s: first version %s\n", r.List, describeVersion(r.Version))
	case r.Changes == nil:
		fmt.Fprintf(out, "%s: updated to %s, was %s\n", r.List, describeVersion(r.Version), shortHash(r.Previous.Hash))
	default:
		fmt.Fprintf(out, "%s: updated to %s, was %s: %d added, %d removed, %d changed\n", r.List,
			describeVersion(r.Version), shortHash(r.Previous.Hash), r.Changes.Added, r.Changes.Removed, r.Changes.Changed)
	}
}

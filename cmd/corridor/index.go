package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
)

// matchFlags are the flags of every command that screens or scores names: which lists, and
// the alert threshold.
type matchFlags struct {
	lists     []string
	threshold float64
}

func addMatchFlags(cmd *cobra.Command, f *matchFlags, listsHelp string) {
	cmd.Flags().StringSliceVar(&f.lists, "lists", nil, listsHelp+
		" (comma-separated list IDs, e.g. un,us_ofac_sdn; default: every list with a stored or embedded version)")
	cmd.Flags().Float64Var(&f.threshold, "threshold", match.DefaultThreshold,
		"alert threshold: a score at or above it is an alert (0 < t <= 1)")
}

// config returns the matcher configuration the flags ask for.
func (f *matchFlags) config() (match.Config, error) {
	if !(f.threshold > 0 && f.threshold <= 1) { // written so that NaN fails too
		return match.Config{}, fmt.Errorf("--threshold %v: want a number above 0 and at most 1", f.threshold)
	}
	return match.Config{Threshold: f.threshold}, nil
}

// selected returns the list IDs --lists names, validated and without repeats; nil when the
// flag was not given.
func (f *matchFlags) selected() ([]corridor.ListID, error) {
	var ids []corridor.ListID
	for _, raw := range f.lists {
		id := corridor.ListID(strings.TrimSpace(raw))
		if err := id.Validate(); err != nil {
			return nil, fmt.Errorf("--lists: %w", err)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(f.lists) > 0 && len(ids) == 0 {
		return nil, errors.New("--lists: no list named")
	}
	return ids, nil
}

// loadLists returns the version in use of each list: the current version stored in the data
// directory when there is one, else the embedded snapshot. With no IDs it loads every list
// that has either; a list asked for that has neither is an error.
func loadLists(cmd *cobra.Command, ids []corridor.ListID) ([]*corridor.ListSnapshot, error) {
	store := filestore.New(cmd.Flag("data-dir").Value.String())
	embedded, err := embeddedSnapshots()
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		ids, err = availableLists(store, embedded)
		if err != nil {
			return nil, err
		}
	}
	snaps := make([]*corridor.ListSnapshot, 0, len(ids))
	for _, id := range ids {
		snap, err := lists.LoadCurrent(store, id)
		if errors.Is(err, filestore.ErrNotFound) {
			snap = findSnapshot(embedded, id)
			if snap == nil {
				return nil, fmt.Errorf("list %s: no version stored in %s and none embedded: run corridor lists update --list %s",
					id, store.Dir(), id)
			}
		} else if err != nil {
			return nil, err
		}
		snaps = append(snaps, snap)
	}
	return snaps, nil
}

// availableLists returns the embedded lists in their order, then those only the store has,
// sorted, so that a given set of versions always makes the same index.
func availableLists(store *filestore.Store, embedded []*corridor.ListSnapshot) ([]corridor.ListID, error) {
	stored, err := store.Lists()
	if err != nil {
		return nil, err
	}
	var ids []corridor.ListID
	for _, snap := range embedded {
		ids = append(ids, snap.Version.List)
	}
	slices.Sort(stored)
	for _, id := range stored {
		if slices.Contains(ids, id) {
			continue
		}
		// A list directory may exist without a current version (an update that was refused).
		if _, err := store.Current(id); errors.Is(err, filestore.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func findSnapshot(snaps []*corridor.ListSnapshot, id corridor.ListID) *corridor.ListSnapshot {
	for _, s := range snaps {
		if s.Version.List == id {
			return s
		}
	}
	return nil
}

// embeddedSnapshots parses the embedded lists once per process: they are part of the binary
// and never change, and parsing them is most of a short command's run time.
var embeddedSnapshots = sync.OnceValues(bundled.Load)

// buildIndex indexes the snapshots. The last index built is kept for the next call with the
// same list versions and configuration: one command builds one index, but tests and any
// long-running caller run many commands in one process, and an Index never changes.
func buildIndex(snaps []*corridor.ListSnapshot, cfg match.Config) (*match.Index, error) {
	var key strings.Builder
	fmt.Fprintf(&key, "%v", cfg.Threshold)
	for _, s := range snaps {
		fmt.Fprintf(&key, " %s@%s from %s", s.Version.List, s.Version.Hash, s.Version.Source) // the same files from elsewhere are another version to report
	}
	lastIndex.Lock()
	defer lastIndex.Unlock()
	if lastIndex.idx != nil && lastIndex.key == key.String() {
		return lastIndex.idx, nil
	}
	idx, err := match.Build(snaps, cfg)
	if err != nil {
		return nil, err
	}
	lastIndex.key, lastIndex.idx = key.String(), idx
	return idx, nil
}

var lastIndex struct {
	sync.Mutex
	key string
	idx *match.Index
}

// loadIndex loads every available list and indexes it with the configuration the flags ask
// for, and returns the lists --lists selects (nil: all). The index always holds every list,
// whatever --lists says, so that a token weighs the same and a name scores the same however
// the lists screened are chosen.
func loadIndex(cmd *cobra.Command, f *matchFlags) (*match.Index, []corridor.ListID, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, nil, err
	}
	selected, err := f.selected()
	if err != nil {
		return nil, nil, err
	}
	snaps, err := loadLists(cmd, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, id := range selected {
		if findSnapshot(snaps, id) == nil {
			store := filestore.New(cmd.Flag("data-dir").Value.String())
			return nil, nil, fmt.Errorf("--lists: list %s: no version stored in %s and none embedded: run corridor lists update --list %s",
				id, store.Dir(), id)
		}
	}
	idx, err := buildIndex(snaps, cfg)
	if err != nil {
		return nil, nil, err
	}
	return idx, selected, nil
}

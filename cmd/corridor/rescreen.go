package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

func newPartiesRescreenCmd() *cobra.Command {
	var from string
	cmd := &cobra.Command{
		Use:   "rescreen --list LIST",
		Short: "Screen the monitored parties again against what a list version added or changed",
		Long: `Screen every monitored party again against the entities the current version of a
list added or changed since an earlier version (--from, default the version before it),
and open an alert for each new hit: a hit on an entity the update left alone was found
when the party was last screened. Confirmed false positives for the same party data and
entity version stay cleared; an alert already open is not opened twice. corridor lists
update does this by itself for every list it updates when a store exists.

Exit status: 0 when done (whatever was found; corridor alerts list shows it), 2 on an
error. It needs the admin role (corridor users).`,
		Example: `  corridor parties rescreen --list us_ofac_sdn
  corridor parties rescreen --list un --from 3f9a0c12`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			list := corridor.ListID(cmd.Flag("list").Value.String())
			if err := list.Validate(); err != nil {
				return fmt.Errorf("--list: %w", err)
			}
			return rescreenList(cmd, list, from)
		},
	}
	cmd.Flags().String("list", "", "the list whose new version the parties are screened against (required)")
	cmd.Flags().StringVar(&from, "from", "", "the earlier version (hash or unique prefix); default: the one stored before the current")
	return cmd
}

// rescreenList re-screens the monitored parties for one list's current version, as the person
// running the command, who needs the admin role.
func rescreenList(cmd *cobra.Command, list corridor.ListID, from string) error {
	store, actor, err := openStoreAs(cmd, true, corridor.AccessAdmin)
	if err != nil {
		return err
	}
	defer store.Close()
	fs := filestore.New(cmd.Flag("data-dir").Value.String())
	cur, err := fs.Current(list)
	if err != nil {
		return fmt.Errorf("list %s: %w", list, err)
	}
	if from == "" {
		if from, err = previousVersion(fs, list, cur.Hash); err != nil {
			return err
		}
	}
	old, err := lists.LoadStored(fs, list, from)
	if err != nil {
		return err
	}
	snap, err := lists.LoadStored(fs, list, cur.Hash)
	if err != nil {
		return err
	}
	idx, _, err := loadIndex(cmd, &matchFlags{threshold: match.DefaultThreshold})
	if err != nil {
		return err
	}
	rep, err := rescreen(cmd.Context(), store, idx, lists.Compare(old, snap), actor)
	if err != nil {
		return err
	}
	rep.write(cmd.OutOrStdout())
	return nil
}

// previousVersion returns the stored version of list loaded before current.
func previousVersion(fs *filestore.Store, list corridor.ListID, current string) (string, error) {
	vs, err := fs.Versions(list) // newest load first
	if err != nil {
		return "", err
	}
	for i, v := range vs {
		if v.Hash == current && i+1 < len(vs) {
			return vs[i+1].Hash, nil
		}
	}
	return "", fmt.Errorf("list %s: no version stored before the current one: give --from", list)
}

// rescreenReport says what a re-screen did.
type rescreenReport struct {
	diff                     lists.Diff
	parties                  int
	elapsed                  time.Duration
	newAlerts, open, cleared int
}

func (r rescreenReport) write(w io.Writer) {
	fmt.Fprintf(w, "%s: %d added, %d changed since %s: %d monitored parties screened again in %.1f s: %d new alerts, %d already open, %d previously cleared\n",
		r.diff.New.List, len(r.diff.Added), len(r.diff.Changed), shortHash(r.diff.Old.Hash), r.parties, r.elapsed.Seconds(), r.newAlerts, r.open, r.cleared)
}

// rescreen screens every monitored party against idx, keeps the hits on the entities d
// added or changed, and records them as a monitored screen would.
func rescreen(ctx context.Context, store corridor.Store, idx *match.Index, d lists.Diff, actor string) (rescreenReport, error) {
	changed := map[string]bool{}
	for _, e := range d.Added {
		changed[e.ID] = true
	}
	for _, c := range d.Changed {
		changed[c.ID] = true
	}
	r, err := screen.RescreenStore(ctx, store, idx, changed, actor)
	return rescreenReport{diff: d, parties: r.Parties, elapsed: r.Elapsed, newAlerts: r.New, open: r.Open, cleared: r.Cleared}, err
}

package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

func addMonitorFlags(cmd *cobra.Command, f *screenFlags) {
	fl := cmd.Flags()
	fl.BoolVar(&f.monitor, "monitor", false, "keep the party in the store, record the screen and open alerts (docs/cases.md)")
	fl.StringVar(&f.ref, "ref", "", "with --monitor: your own reference of the party (default: one derived from its data)")
	addStoreFlag(cmd)
}

// monitorScreen keeps the party screened and the alerts it raised, and marks each alert of
// res with what became of it. Only alerts are kept: a match below the threshold is no case.
func monitorScreen(cmd *cobra.Command, f *screenFlags, q *match.Query, s *match.Searcher, matches []match.Match, res *screenResult) error {
	var hits []screen.MonitorHit
	for _, m := range matches {
		if m.Alert {
			hits = append(hits, screen.MonitorHit{Match: m, Explanation: s.Explain(q, m)})
		}
	}
	store, me, err := openStoreAs(cmd, false, corridor.AccessScreen)
	if err != nil {
		return err
	}
	defer store.Close()
	mon := &screen.Monitor{Store: store, Actor: me, Channel: "cli", Lists: listRefs(res.Lists)}
	kept, cases, err := mon.Record(cmd.Context(), f.ref, screen.PartyDataOf(q), hits)
	if err != nil {
		return err
	}
	res.Monitor = &kept
	for i, h := range hits {
		for j := range res.Matches {
			if m := &res.Matches[j]; m.EntityID == h.Match.Entity.ID && m.List == h.Match.List {
				m.Case = &cases[i]
			}
		}
	}
	return nil
}

func writeMonitorText(w io.Writer, res screenResult) {
	k := res.Monitor
	if k == nil {
		return
	}
	fmt.Fprintf(w, "\nMonitored party %d (ref %s), screen recorded as audit record %d", k.PartyID, k.Ref, k.AuditSeq)
	if k.BlockedBy != 0 {
		fmt.Fprintf(w, "; the party is BLOCKED by confirmed true match alert %d", k.BlockedBy)
	}
	fmt.Fprintln(w, ".")
	for _, m := range res.Matches {
		if m.Case != nil {
			fmt.Fprintf(w, "  %s %s: %s\n", m.List, m.EntityID, m.Case)
		}
	}
}

// listRefs names the list versions screened, for the screen's audit record.
func listRefs(lists []listJSON) []corridor.ListVersionRef {
	out := make([]corridor.ListVersionRef, len(lists))
	for i, l := range lists {
		out[i] = corridor.ListVersionRef{List: l.List, Hash: l.Version}
	}
	return out
}

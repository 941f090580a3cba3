package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
	"github.com/corridor-aml/corridor/match"
)

func writeAlertsText(w io.Writer, list []casejson.Alert) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "No alerts.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tOUTCOME\tSCORE\tPARTY\tREF\tNAME\tLIST\tENTITY\tCREATED")
	for _, a := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.3f\t%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.State, dash(string(a.Outcome)), a.Score,
			a.PartyID, dash(a.PartyRef), oneLine(a.PartyName), a.List, a.EntityID, a.CreatedAt)
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeAlertText(w io.Writer, a corridor.Alert) error {
	j := casejson.AlertOf(a)
	fmt.Fprintf(w, "Alert %d: %s", a.ID, a.State)
	if a.Outcome != "" {
		fmt.Fprintf(w, " %s", a.Outcome)
	}
	fmt.Fprintf(w, "\nParty:   %d (ref %s) %q, data %s\n", a.PartyID, dash(a.PartyRef), a.PartyName, shortHash(a.PartyHash))
	fmt.Fprintf(w, "Entity:  %s %s, content %s, list version %s\n", a.List, a.EntityID, shortHash(a.EntityHash), shortHash(a.ListVersion))
	fmt.Fprintf(w, "Score:   %.3f\nRaised:  %s by %s\n", a.Score, j.CreatedAt, a.CreatedBy)
	var ex match.Explanation
	if len(a.Explanation) > 0 && json.Unmarshal(a.Explanation, &ex) == nil {
		fmt.Fprintf(w, "\n%s", ex.Text())
	}
	fmt.Fprintln(w, "\nDecisions:")
	if len(j.Decisions) == 0 {
		fmt.Fprintln(w, "  none yet")
	}
	for _, d := range j.Decisions {
		fmt.Fprintf(w, "  %s  %-8s %s", d.At, d.Action, d.Actor)
		if d.Outcome != "" {
			fmt.Fprintf(w, "  %s", d.Outcome)
		}
		if d.Reason != "" {
			fmt.Fprintf(w, "  %q", d.Reason)
		}
		fmt.Fprintf(w, "  (audit record %d)\n", d.AuditSeq)
	}
	return nil
}

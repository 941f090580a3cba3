package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// alertJSON is an alert as `alerts list|show --json` prints it.
type alertJSON struct {
	ID          int64               `json:"id"`
	State       corridor.AlertState `json:"state"`
	Outcome     corridor.Outcome    `json:"outcome,omitempty"`
	Reason      string              `json:"reason,omitempty"`
	ProposedBy  string              `json:"proposed_by,omitempty"`
	ProposedAt  string              `json:"proposed_at,omitempty"`
	ConfirmedBy string              `json:"confirmed_by,omitempty"`
	ConfirmedAt string              `json:"confirmed_at,omitempty"`
	PartyID     int64               `json:"party_id,omitempty"`
	PartyRef    string              `json:"party_ref,omitempty"`
	PartyName   string              `json:"party_name"`
	PartyHash   string              `json:"party_sha256"`
	EntityID    string              `json:"entity_id"`
	EntityHash  string              `json:"entity_sha256"`
	List        corridor.ListID     `json:"list"`
	ListVersion string              `json:"list_version"`
	Score       float64             `json:"score"`
	Explanation json.RawMessage     `json:"explanation,omitempty"`
	CreatedAt   string              `json:"created_at"`
	CreatedBy   string              `json:"created_by"`
	Decisions   []decisionJSON      `json:"decisions,omitempty"`
}

type decisionJSON struct {
	Action   corridor.AlertAction `json:"action"`
	Outcome  corridor.Outcome     `json:"outcome,omitempty"`
	Reason   string               `json:"reason,omitempty"`
	Actor    string               `json:"actor"`
	At       string               `json:"at"`
	AuditSeq int64                `json:"audit_seq"`
}

func alertJSONOf(a corridor.Alert) alertJSON {
	out := alertJSON{
		ID: a.ID, State: a.State, Outcome: a.Outcome, Reason: a.Reason,
		ProposedBy: a.ProposedBy, ProposedAt: timeJSON(a.ProposedAt), ConfirmedBy: a.ConfirmedBy, ConfirmedAt: timeJSON(a.ConfirmedAt),
		PartyID: a.PartyID, PartyRef: a.PartyRef, PartyName: a.PartyName, PartyHash: a.PartyHash,
		EntityID: a.EntityID, EntityHash: a.EntityHash, List: a.List, ListVersion: a.ListVersion,
		Score: a.Score, Explanation: a.Explanation, CreatedAt: timeJSON(a.CreatedAt), CreatedBy: a.CreatedBy,
	}
	for _, d := range a.Decisions {
		out.Decisions = append(out.Decisions, decisionJSON{d.Action, d.Outcome, d.Reason, d.Actor, timeJSON(d.At), d.AuditSeq})
	}
	return out
}

func timeJSON(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func writeAlertsText(w io.Writer, list []alertJSON) error {
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
	j := alertJSONOf(a)
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

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// addActorFlag adds --actor: the name the store records for what the command does. The CLI
// does not authenticate anyone (docs/cases.md): whoever can run corridor against the store
// can act, so the default is the OS user, the one name the machine vouches for.
func addActorFlag(cmd *cobra.Command, what string) *string {
	return cmd.Flags().String("actor", defaultActor(), what+" (env CORRIDOR_ACTOR; default: the OS user name)")
}

func defaultActor() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "unknown"
}

// monitor keeps screened parties in the store, records each screen in the audit trail and
// opens the alerts a person must review, unless a confirmed false positive still holds.
type monitor struct {
	store   corridor.Store
	actor   string
	channel string // cli, batch
	lists   []corridor.ListVersionRef
}

// listRefs names the list versions screened, for the screen's audit record.
func listRefs(lists []listJSON) []corridor.ListVersionRef {
	out := make([]corridor.ListVersionRef, len(lists))
	for i, l := range lists {
		out[i] = corridor.ListVersionRef{List: l.List, Hash: l.Version}
	}
	return out
}

// caseJSON is what the store made of one match at or above the threshold.
type caseJSON struct {
	// Status: new (an alert opened by this screen), open, proposed or confirmed (an alert
	// already there for this party data and entity version), or previously_cleared.
	Status      string           `json:"status"`
	AlertID     int64            `json:"alert_id"`
	Outcome     corridor.Outcome `json:"outcome,omitempty"`
	ProposedBy  string           `json:"proposed_by,omitempty"`
	ConfirmedBy string           `json:"confirmed_by,omitempty"`
	ConfirmedAt string           `json:"confirmed_at,omitempty"`
}

const statusNew, statusCleared = "new", "previously_cleared"

func (c *caseJSON) String() string {
	switch c.Status {
	case statusNew:
		return fmt.Sprintf("new alert %d", c.AlertID)
	case statusCleared:
		return fmt.Sprintf("previously cleared (alert %d, decision by %s, confirmed by %s on %s)", c.AlertID, c.ProposedBy, c.ConfirmedBy, c.ConfirmedAt)
	case string(corridor.AlertConfirmed):
		return fmt.Sprintf("alert %d confirmed %s by %s", c.AlertID, c.Outcome, c.ConfirmedBy)
	case string(corridor.AlertProposed):
		return fmt.Sprintf("alert %d already proposed %s by %s", c.AlertID, c.Outcome, c.ProposedBy)
	}
	return fmt.Sprintf("alert %d already open", c.AlertID)
}

// monitorJSON is what a monitored screen kept, as `screen --monitor --json` prints it.
type monitorJSON struct {
	PartyID   int64  `json:"party_id"`
	Ref       string `json:"ref"`
	BlockedBy int64  `json:"blocked_by,omitempty"` // the confirmed true match that blocked the party
	Result    string `json:"result"`               // clear, alert or suppressed, as the audit record says
	AuditSeq  int64  `json:"audit_seq"`            // the screen's audit record
	New       int    `json:"new_alerts"`
	Existing  int    `json:"existing_alerts"`
	Cleared   int    `json:"previously_cleared"`
}

// hit is a match at or above the threshold, with its explanation.
type hit struct {
	m  match.Match
	ex match.Explanation
}

// partyDataOf is the party data a query screens, the data an alert's decision is bound to.
func partyDataOf(q *match.Query) corridor.PartyData {
	d := corridor.PartyData{Name: q.Name, Countries: q.Countries, Gender: q.Gender, Identifiers: q.Identifiers}
	if q.Kind != corridor.KindUnknown {
		d.Kind = q.Kind
	}
	if q.BirthDate.Year != 0 {
		d.BirthDate = q.BirthDate.String()
	}
	return d.Normalize()
}

// partyRef is the reference a party is kept under: the caller's, else one derived from its
// data, so that the same data screened twice is the same party without one.
func partyRef(ref string, d corridor.PartyData) string {
	if ref = strings.TrimSpace(ref); ref != "" {
		return ref
	}
	return "data:" + strings.TrimPrefix(d.DataHash(), "sha256:")[:16]
}

// record keeps the party, opens or finds an alert for each hit, and appends the screen's
// audit record. cases[i] is what became of hits[i].
func (mon *monitor) record(ctx context.Context, ref string, data corridor.PartyData, hits []hit) (monitorJSON, []caseJSON, error) {
	p, err := mon.store.SaveParty(ctx, corridor.MonitoredParty{Ref: partyRef(ref, data), PartyData: data}, mon.actor)
	if err != nil {
		return monitorJSON{}, nil, fmt.Errorf("--monitor: %w", err)
	}
	res := monitorJSON{PartyID: p.ID, Ref: p.Ref, BlockedBy: p.BlockedBy, Result: "clear"}
	partyHash := p.DataHash()
	var existing []corridor.Alert
	if len(hits) > 0 {
		if existing, err = mon.store.Alerts(ctx, corridor.AlertFilter{PartyID: p.ID}); err != nil {
			return res, nil, fmt.Errorf("--monitor: party %d: %w", p.ID, err)
		}
	}
	cases := make([]caseJSON, len(hits))
	var alertIDs []int64
	for i, h := range hits {
		c, err := mon.caseOf(ctx, p, partyHash, h, existing)
		if err != nil {
			return res, nil, fmt.Errorf("--monitor: party %d: entity %s: %w", p.ID, h.m.Entity.ID, err)
		}
		cases[i] = c
		switch c.Status {
		case statusCleared:
			res.Cleared++
			continue
		case statusNew:
			res.New++
		default:
			res.Existing++
		}
		alertIDs = append(alertIDs, c.AlertID)
	}
	switch {
	case len(alertIDs) > 0:
		res.Result = "alert"
	case res.Cleared > 0:
		res.Result = "suppressed"
	}
	rec, err := mon.store.RecordScreen(ctx, corridor.Screening{Actor: mon.actor, Channel: mon.channel,
		InputHash: strings.TrimPrefix(partyHash, "sha256:"), PartyID: p.ID, Lists: mon.lists, Result: res.Result, Alerts: alertIDs})
	if err != nil {
		return res, nil, fmt.Errorf("--monitor: party %d: %w", p.ID, err)
	}
	res.AuditSeq = rec.Seq
	return res, cases, nil
}

// caseOf suppresses a hit a confirmed false positive cleared, finds the alert already raised
// for the same party data and entity version (an alert is not opened twice: its review is
// under way or done), or opens a new one.
func (mon *monitor) caseOf(ctx context.Context, p corridor.MonitoredParty, partyHash string, h hit, existing []corridor.Alert) (caseJSON, error) {
	entityHash := corridor.EntityHash(*h.m.Entity)
	cleared, err := mon.store.ClearedFalsePositive(ctx, partyHash, h.m.Entity.ID, entityHash)
	switch {
	case err == nil:
		return caseJSON{Status: statusCleared, AlertID: cleared.ID, Outcome: cleared.Outcome, ProposedBy: cleared.ProposedBy,
			ConfirmedBy: cleared.ConfirmedBy, ConfirmedAt: cleared.ConfirmedAt.UTC().Format(time.DateOnly)}, nil
	case !errors.Is(err, corridor.ErrNotFound):
		return caseJSON{}, err
	}
	for _, a := range existing {
		if a.PartyHash == partyHash && a.EntityID == h.m.Entity.ID && a.EntityHash == entityHash && a.List == h.m.List {
			return caseJSON{Status: string(a.State), AlertID: a.ID, Outcome: a.Outcome, ProposedBy: a.ProposedBy, ConfirmedBy: a.ConfirmedBy}, nil
		}
	}
	ex, err := json.Marshal(h.ex)
	if err != nil {
		return caseJSON{}, err
	}
	a, err := mon.store.CreateAlert(ctx, corridor.Alert{
		PartyID: p.ID, PartyRef: p.Ref, PartyName: p.Name, PartyHash: partyHash,
		EntityID: h.m.Entity.ID, EntityHash: entityHash, List: h.m.List, ListVersion: h.m.Version,
		Score: min(max(h.m.Score, 0), 1), Explanation: ex,
	}, mon.actor)
	if err != nil {
		return caseJSON{}, err
	}
	return caseJSON{Status: statusNew, AlertID: a.ID}, nil
}

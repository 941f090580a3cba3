package screen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// Monitor keeps screened parties in the store, records each screen in the audit trail and
// opens the alerts a person must review, unless a confirmed false positive still holds.
type Monitor struct {
	Store   corridor.Store
	Actor   string
	Channel string // cli, batch, rescreen, api
	Lists   []corridor.ListVersionRef
}

// Case is what the store made of one match at or above the threshold.
type Case struct {
	// Status: new (an alert opened by this screen), open, proposed or confirmed (an alert
	// already there for this party data and entity version), or previously_cleared.
	Status      string           `json:"status"`
	AlertID     int64            `json:"alert_id"`
	Outcome     corridor.Outcome `json:"outcome,omitempty"`
	ProposedBy  string           `json:"proposed_by,omitempty"`
	ConfirmedBy string           `json:"confirmed_by,omitempty"`
	ConfirmedAt string           `json:"confirmed_at,omitempty"`
}

// Case statuses besides the alert states (open, proposed, confirmed) of an alert found.
const (
	CaseNew     = "new"                // an alert opened by this screen
	CaseCleared = "previously_cleared" // a confirmed false positive still holds
)

func (c *Case) String() string {
	switch c.Status {
	case CaseNew:
		return fmt.Sprintf("new alert %d", c.AlertID)
	case CaseCleared:
		return fmt.Sprintf("previously cleared (alert %d, decision by %s, confirmed by %s on %s)", c.AlertID, c.ProposedBy, c.ConfirmedBy, c.ConfirmedAt)
	case string(corridor.AlertConfirmed):
		return fmt.Sprintf("alert %d confirmed %s by %s", c.AlertID, c.Outcome, c.ConfirmedBy)
	case string(corridor.AlertProposed):
		return fmt.Sprintf("alert %d already proposed %s by %s", c.AlertID, c.Outcome, c.ProposedBy)
	}
	return fmt.Sprintf("alert %d already open", c.AlertID)
}

// MonitorResult is what a monitored screen kept.
type MonitorResult struct {
	PartyID   int64  `json:"party_id"`
	Ref       string `json:"ref"`
	BlockedBy int64  `json:"blocked_by,omitempty"` // the confirmed true match that blocked the party
	Result    string `json:"result"`               // clear, alert or suppressed, as the audit record says
	AuditSeq  int64  `json:"audit_seq"`            // the screen's audit record
	New       int    `json:"new_alerts"`
	Existing  int    `json:"existing_alerts"`
	Cleared   int    `json:"previously_cleared"`
}

// MonitorHit is a match at or above the threshold, with its explanation.
type MonitorHit struct {
	Match       match.Match
	Explanation match.Explanation
}

// PartyDataOf is the party data a query screens, the data an alert's decision is bound to.
func PartyDataOf(q *match.Query) corridor.PartyData {
	d := corridor.PartyData{Name: q.Name, Countries: q.Countries, Gender: q.Gender, Identifiers: q.Identifiers}
	if q.Kind != corridor.KindUnknown {
		d.Kind = q.Kind
	}
	if q.BirthDate.Year != 0 {
		d.BirthDate = q.BirthDate.String()
	}
	return d.Normalize()
}

// PartyRef is the reference a party is kept under: the caller's, else one derived from its
// data, so that the same data screened twice is the same party without one.
func PartyRef(ref string, d corridor.PartyData) string {
	if ref = strings.TrimSpace(ref); ref != "" {
		return ref
	}
	return "data:" + strings.TrimPrefix(d.DataHash(), "sha256:")[:16]
}

// Record keeps the party, opens or finds an alert for each hit, and appends the screen's
// audit record. cases[i] is what became of hits[i].
func (mon *Monitor) Record(ctx context.Context, ref string, data corridor.PartyData, hits []MonitorHit) (MonitorResult, []Case, error) {
	p, err := mon.Store.SaveParty(ctx, corridor.MonitoredParty{Ref: PartyRef(ref, data), PartyData: data}, mon.Actor)
	if err != nil {
		return MonitorResult{}, nil, fmt.Errorf("monitor: %w", err)
	}
	res := MonitorResult{PartyID: p.ID, Ref: p.Ref, BlockedBy: p.BlockedBy, Result: "clear"}
	partyHash := p.DataHash()
	var existing []corridor.Alert
	if len(hits) > 0 {
		if existing, err = mon.Store.Alerts(ctx, corridor.AlertFilter{PartyID: p.ID}); err != nil {
			return res, nil, fmt.Errorf("monitor: party %d: %w", p.ID, err)
		}
	}
	cases := make([]Case, len(hits))
	var alertIDs []int64
	for i, h := range hits {
		c, err := mon.caseOf(ctx, p, partyHash, h, existing)
		if err != nil {
			return res, nil, fmt.Errorf("monitor: party %d: entity %s: %w", p.ID, h.Match.Entity.ID, err)
		}
		cases[i] = c
		switch c.Status {
		case CaseCleared:
			res.Cleared++
			continue
		case CaseNew:
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
	rec, err := mon.Store.RecordScreen(ctx, corridor.Screening{Actor: mon.Actor, Channel: mon.Channel,
		InputHash: strings.TrimPrefix(partyHash, "sha256:"), PartyID: p.ID, Lists: mon.Lists, Result: res.Result, Alerts: alertIDs})
	if err != nil {
		return res, nil, fmt.Errorf("monitor: party %d: %w", p.ID, err)
	}
	res.AuditSeq = rec.Seq
	return res, cases, nil
}

// caseOf suppresses a hit a confirmed false positive cleared, finds the alert already raised
// for the same party data and entity version (an alert is not opened twice: its review is
// under way or done), or opens a new one.
func (mon *Monitor) caseOf(ctx context.Context, p corridor.MonitoredParty, partyHash string, h MonitorHit, existing []corridor.Alert) (Case, error) {
	entityHash := corridor.EntityHash(*h.Match.Entity)
	cleared, err := mon.Store.ClearedFalsePositive(ctx, partyHash, h.Match.Entity.ID, entityHash)
	switch {
	case err == nil:
		return Case{Status: CaseCleared, AlertID: cleared.ID, Outcome: cleared.Outcome, ProposedBy: cleared.ProposedBy,
			ConfirmedBy: cleared.ConfirmedBy, ConfirmedAt: cleared.ConfirmedAt.UTC().Format(time.DateOnly)}, nil
	case !errors.Is(err, corridor.ErrNotFound):
		return Case{}, err
	}
	for _, a := range existing {
		if a.PartyHash == partyHash && a.EntityID == h.Match.Entity.ID && a.EntityHash == entityHash && a.List == h.Match.List {
			return Case{Status: string(a.State), AlertID: a.ID, Outcome: a.Outcome, ProposedBy: a.ProposedBy, ConfirmedBy: a.ConfirmedBy}, nil
		}
	}
	ex, err := json.Marshal(h.Explanation)
	if err != nil {
		return Case{}, err
	}
	a, err := mon.Store.CreateAlert(ctx, corridor.Alert{
		PartyID: p.ID, PartyRef: p.Ref, PartyName: p.Name, PartyHash: partyHash,
		EntityID: h.Match.Entity.ID, EntityHash: entityHash, List: h.Match.List, ListVersion: h.Match.Version,
		Score: min(max(h.Match.Score, 0), 1), Explanation: ex,
	}, mon.Actor)
	if err != nil {
		return Case{}, err
	}
	return Case{Status: CaseNew, AlertID: a.ID}, nil
}

// Package casejson is the JSON of alerts, their decisions and monitored parties. The command
// line (corridor alerts|parties --json) and the HTTP API (/v1/alerts, /v1/parties) both
// write it, so that a script reads the one as the other.
package casejson

import (
	"encoding/json"
	"time"

	"github.com/corridor-aml/corridor"
)

// Alert is an alert with its decisions, oldest first.
type Alert struct {
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
	Decisions   []Decision          `json:"decisions,omitempty"`
}

// Decision is one propose, confirm or reject of an alert.
type Decision struct {
	Action   corridor.AlertAction `json:"action"`
	Outcome  corridor.Outcome     `json:"outcome,omitempty"`
	Reason   string               `json:"reason,omitempty"`
	Actor    string               `json:"actor"`
	At       string               `json:"at"`
	AuditSeq int64                `json:"audit_seq"`
}

// AlertOf is the JSON of a.
func AlertOf(a corridor.Alert) Alert {
	out := Alert{
		ID: a.ID, State: a.State, Outcome: a.Outcome, Reason: a.Reason,
		ProposedBy: a.ProposedBy, ProposedAt: Time(a.ProposedAt), ConfirmedBy: a.ConfirmedBy, ConfirmedAt: Time(a.ConfirmedAt),
		PartyID: a.PartyID, PartyRef: a.PartyRef, PartyName: a.PartyName, PartyHash: a.PartyHash,
		EntityID: a.EntityID, EntityHash: a.EntityHash, List: a.List, ListVersion: a.ListVersion,
		Score: a.Score, Explanation: a.Explanation, CreatedAt: Time(a.CreatedAt), CreatedBy: a.CreatedBy,
	}
	for _, d := range a.Decisions {
		out.Decisions = append(out.Decisions, Decision{d.Action, d.Outcome, d.Reason, d.Actor, Time(d.At), d.AuditSeq})
	}
	return out
}

// Party is a monitored party; Alerts is filled where a party is shown with its alerts.
type Party struct {
	ID  int64  `json:"id"`
	Ref string `json:"ref"`
	corridor.PartyData
	DataHash  string  `json:"data_sha256"`
	BlockedBy int64   `json:"blocked_by,omitempty"`
	CreatedAt string  `json:"created_at"`
	CreatedBy string  `json:"created_by"`
	UpdatedAt string  `json:"updated_at"`
	Alerts    []Alert `json:"alerts,omitempty"` // when one party is shown, without explanations
}

// PartyOf is the JSON of p, without its alerts.
func PartyOf(p corridor.MonitoredParty) Party {
	return Party{ID: p.ID, Ref: p.Ref, PartyData: p.PartyData, DataHash: p.DataHash(), BlockedBy: p.BlockedBy,
		CreatedAt: Time(p.CreatedAt), CreatedBy: p.CreatedBy, UpdatedAt: Time(p.UpdatedAt)}
}

// Time is a time in UTC, RFC 3339, or "" for the zero time.
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

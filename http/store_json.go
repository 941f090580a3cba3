package http

import (
	"encoding/json"
	"time"

	"github.com/corridor-aml/corridor"
)

// The JSON of alerts and parties is that of corridor alerts|parties --json, so that a script
// reads the CLI and the API alike.

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

type partyJSON struct {
	ID  int64  `json:"id"`
	Ref string `json:"ref"`
	corridor.PartyData
	DataHash  string      `json:"data_sha256"`
	BlockedBy int64       `json:"blocked_by,omitempty"`
	CreatedAt string      `json:"created_at"`
	CreatedBy string      `json:"created_by"`
	UpdatedAt string      `json:"updated_at"`
	Alerts    []alertJSON `json:"alerts,omitempty"` // GET /v1/parties/{id} only, without explanations
}

func partyJSONOf(p corridor.MonitoredParty) partyJSON {
	return partyJSON{ID: p.ID, Ref: p.Ref, PartyData: p.PartyData, DataHash: p.DataHash(), BlockedBy: p.BlockedBy,
		CreatedAt: timeJSON(p.CreatedAt), CreatedBy: p.CreatedBy, UpdatedAt: timeJSON(p.UpdatedAt)}
}

func timeJSON(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

package corridor

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// AlertState is where an alert stands in its review.
//
//	open ──propose──> proposed ──confirm (another person)──> confirmed
//	  ^                  │
//	  └─────reject───────┘ (another person, with a reason)
type AlertState string

// Alert states.
const (
	AlertOpen      AlertState = "open"
	AlertProposed  AlertState = "proposed"
	AlertConfirmed AlertState = "confirmed"
)

// Outcome is what an analyst decided an alert is.
type Outcome string

// Outcomes. A confirmed false positive suppresses the same hit later (see
// Store.ClearedFalsePositive); a confirmed true match blocks the party.
const (
	TrueMatch     Outcome = "true_match"
	FalsePositive Outcome = "false_positive"
)

// Validate reports whether o is a known outcome.
func (o Outcome) Validate() error {
	if o != TrueMatch && o != FalsePositive {
		return fmt.Errorf("outcome %q: %w: want %s or %s", o, ErrInvalid, TrueMatch, FalsePositive)
	}
	return nil
}

// Alert is a hit of a party on a listed entity that a person must look at. It names the
// exact party data and entity version it was raised for, so that a later screen can tell
// whether a decision on it still holds.
type Alert struct {
	ID        int64
	PartyID   int64  // the monitored party; 0 for a one-off screen
	PartyRef  string // the institution's reference, when it gave one
	PartyName string
	PartyHash string // PartyData.DataHash of the data screened

	EntityID    string
	EntityHash  string // EntityHash of the entity as listed in ListVersion
	List        ListID
	ListVersion string // the list version's hash
	Score       float64
	Explanation json.RawMessage // match.Explanation as JSON

	State       AlertState
	Outcome     Outcome // the proposal's outcome; empty while open
	Reason      string  // the proposer's written reason
	ProposedBy  string
	ProposedAt  time.Time
	ConfirmedBy string
	ConfirmedAt time.Time

	CreatedAt time.Time
	CreatedBy string

	Decisions []AlertDecision // filled by Store.Alert only
}

// AlertAction is one step of an alert's review.
type AlertAction string

// Alert actions.
const (
	ActionPropose AlertAction = "propose"
	ActionConfirm AlertAction = "confirm"
	ActionReject  AlertAction = "reject"
)

// AlertDecision is one step a person took on an alert, kept for ever with the audit record that
// logged it.
type AlertDecision struct {
	ID       int64
	AlertID  int64
	Action   AlertAction
	Outcome  Outcome // propose: what was proposed; confirm: what was confirmed; reject: what was rejected
	Reason   string
	Actor    string
	At       time.Time
	AuditSeq int64
}

// Proposal is an analyst's proposed outcome of an alert.
type Proposal struct {
	Outcome Outcome
	Reason  string
	Actor   string
}

// AlertFilter selects alerts; zero fields select all.
type AlertFilter struct {
	State   AlertState
	PartyID int64
	AfterID int64
	Limit   int // 0: no limit
}

// ValidateNew checks an alert about to be created.
func (a *Alert) ValidateNew() error {
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"party name", a.PartyName}, {"party hash", a.PartyHash}, {"entity id", a.EntityID},
		{"entity hash", a.EntityHash}, {"list", string(a.List)}, {"list version", a.ListVersion},
	} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("alert: %w: %s required", ErrInvalid, strings.Join(missing, ", "))
	}
	if !(a.Score >= 0 && a.Score <= 1) {
		return fmt.Errorf("alert: %w: score %v not in [0,1]", ErrInvalid, a.Score)
	}
	if len(a.Explanation) > 0 && !json.Valid(a.Explanation) {
		return fmt.Errorf("alert: %w: explanation is not JSON", ErrInvalid)
	}
	return nil
}

// Propose applies an analyst's proposal to an open alert.
func (a *Alert) Propose(p Proposal, at time.Time) error {
	if err := validActor(p.Actor); err != nil {
		return fmt.Errorf("alert %d: propose: %w", a.ID, err)
	}
	if err := p.Outcome.Validate(); err != nil {
		return fmt.Errorf("alert %d: propose: %w", a.ID, err)
	}
	if strings.TrimSpace(p.Reason) == "" {
		return fmt.Errorf("alert %d: propose: %w: a written reason is required", a.ID, ErrInvalid)
	}
	if a.State != AlertOpen {
		return fmt.Errorf("alert %d: propose: %w: it is %s, only an open alert takes a proposal", a.ID, ErrTransition, a.State)
	}
	a.State, a.Outcome, a.Reason, a.ProposedBy, a.ProposedAt = AlertProposed, p.Outcome, p.Reason, p.Actor, at
	return nil
}

// Confirm applies a second person's confirmation of the proposal.
func (a *Alert) Confirm(approver string, at time.Time) error {
	if err := a.checkReview("confirm", approver); err != nil {
		return err
	}
	a.State, a.ConfirmedBy, a.ConfirmedAt = AlertConfirmed, approver, at
	return nil
}

// Reject sends the proposal back: the alert is open again, for a new proposal.
func (a *Alert) Reject(approver, reason string) error {
	if err := a.checkReview("reject", approver); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return fmt.Errorf("alert %d: reject: %w: a written reason is required", a.ID, ErrInvalid)
	}
	a.State, a.Outcome, a.Reason, a.ProposedBy, a.ProposedAt = AlertOpen, "", "", "", time.Time{}
	return nil
}

func (a *Alert) checkReview(action, approver string) error {
	if err := validActor(approver); err != nil {
		return fmt.Errorf("alert %d: %s: %w", a.ID, action, err)
	}
	if a.State != AlertProposed {
		return fmt.Errorf("alert %d: %s: %w: it is %s, only a proposed alert can be reviewed", a.ID, action, ErrTransition, a.State)
	}
	if sameName(approver, a.ProposedBy) {
		return fmt.Errorf("alert %d: %s: %w (%s proposed it)", a.ID, action, ErrFourEyes, approver)
	}
	return nil
}

// The audit payloads of alert changes. Both stores write the same, so that a trail reads
// alike whatever database kept it. They hold hashes of the party data and of the
// explanation, not the data (see Screening).

type alertCreated struct {
	AlertID         int64   `json:"alert_id"`
	PartyID         int64   `json:"party_id,omitempty"`
	PartyHash       string  `json:"party_sha256"`
	EntityID        string  `json:"entity_id"`
	EntityHash      string  `json:"entity_sha256"`
	List            ListID  `json:"list"`
	ListVersion     string  `json:"list_version"`
	Score           float64 `json:"score"`
	ExplanationHash string  `json:"explanation_sha256"`
}

// NewAlertEvent is the audit event of a's creation.
func NewAlertEvent(a Alert, actor string) AuditEvent {
	return AuditEvent{Actor: actor, Action: AuditAlertCreate, Subject: fmt.Sprintf("alert:%d", a.ID), Payload: alertCreated{
		a.ID, a.PartyID, a.PartyHash, a.EntityID, a.EntityHash, a.List, a.ListVersion, a.Score, sha256Hex(a.Explanation),
	}}
}

type alertDecided struct {
	AlertID int64       `json:"alert_id"`
	Action  AlertAction `json:"action"`
	Outcome Outcome     `json:"outcome"`
	Reason  string      `json:"reason"`
	State   AlertState  `json:"state"` // after the decision
}

// NewDecisionEvent is the audit event of decision d, which left the alert as a.
func NewDecisionEvent(a Alert, d AlertDecision) AuditEvent {
	action := map[AlertAction]string{ActionPropose: AuditAlertPropose, ActionConfirm: AuditAlertConfirm, ActionReject: AuditAlertReject}[d.Action]
	return AuditEvent{Actor: d.Actor, Action: action, Subject: fmt.Sprintf("alert:%d", a.ID),
		Payload: alertDecided{a.ID, d.Action, d.Outcome, d.Reason, a.State}}
}

// NewBlockEvent is the audit event of the party block that confirming a brings, if it does:
// a confirmed true match on a monitored party.
func NewBlockEvent(a Alert, actor string) (AuditEvent, bool) {
	if a.State != AlertConfirmed || a.Outcome != TrueMatch || a.PartyID == 0 {
		return AuditEvent{}, false
	}
	return AuditEvent{Actor: actor, Action: AuditPartyBlock, Subject: fmt.Sprintf("party:%d", a.PartyID),
		Payload: struct {
			PartyID int64 `json:"party_id"`
			AlertID int64 `json:"alert_id"`
		}{a.PartyID, a.ID}}, true
}

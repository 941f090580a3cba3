package corridor

import (
	"context"
	"errors"
)

// Store is corridor's memory: the parties it monitors, the alerts it raised and the analysts'
// decisions on them, and the audit trail of everything that changed. The embedded default is
// package sqlite; package postgres serves deployments with several corridor nodes. Both pass
// the suite in package storetest.
//
// Every method that changes state appends its audit record in the same transaction as the
// change, so the trail holds a change exactly when the change happened. Actors are the names
// of the people or keys acting; a store does not authenticate them, its callers do.
type Store interface {
	// SaveParty adds a monitored party, or updates the one with the same Ref when its data
	// differ (its DataHash then changes, which ends any suppression based on the old data).
	// Saving unchanged data changes nothing and appends no audit record.
	SaveParty(ctx context.Context, p MonitoredParty, actor string) (MonitoredParty, error)
	Party(ctx context.Context, id int64) (MonitoredParty, error)
	PartyByRef(ctx context.Context, ref string) (MonitoredParty, error)
	// Parties returns up to limit parties with an ID above afterID, in ID order, so that a
	// re-screen can walk a million of them in pages.
	Parties(ctx context.Context, afterID int64, limit int) ([]MonitoredParty, error)

	// RecordScreen appends the audit record of one screening.
	RecordScreen(ctx context.Context, s Screening) (AuditRecord, error)

	// CreateAlert stores a new open alert.
	CreateAlert(ctx context.Context, a Alert, actor string) (Alert, error)
	// Alert returns one alert with its decisions, oldest first.
	Alert(ctx context.Context, id int64) (Alert, error)
	// Alerts returns alerts without their decisions, in ID order.
	Alerts(ctx context.Context, f AlertFilter) ([]Alert, error)
	// Propose, Confirm and Reject move an alert through its states (see AlertState) and
	// return it as it now is, without its decisions.
	Propose(ctx context.Context, id int64, p Proposal) (Alert, error)
	Confirm(ctx context.Context, id int64, approver, note string) (Alert, error)
	Reject(ctx context.Context, id int64, approver, reason string) (Alert, error)
	// ClearedFalsePositive returns the latest confirmed false positive for exactly this party
	// data and this version of the listed entity, or ErrNotFound: a screen that finds it shows
	// the hit as previously cleared instead of opening a new alert.
	ClearedFalsePositive(ctx context.Context, partyHash, entityID, entityHash string) (Alert, error)

	// GrantRole gives the person name the role, replacing the one they had, and RevokeRole
	// takes it away; each appends a role.grant or role.revoke record. Only an admin may change roles, and
	// a store keeps at least one admin; on a store without users, the first grant must be
	// a person making themself admin (see CheckGrant). The check runs in the transaction of
	// the change.
	GrantRole(ctx context.Context, name string, role AccessRole, actor string) (User, error)
	RevokeRole(ctx context.Context, name, actor string) error
	// User returns one person's role, or ErrNotFound when they have none.
	User(ctx context.Context, name string) (User, error)
	// Users returns everyone with a role, by name.
	Users(ctx context.Context) ([]User, error)

	// AppendAudit appends a record for an event the store does not make itself: a list
	// version loaded, a key or role changed.
	AppendAudit(ctx context.Context, e AuditEvent) (AuditRecord, error)
	// AuditRecords calls fn with each record from sequence number from on, in order, and
	// stops at the first error fn returns.
	AuditRecords(ctx context.Context, from int64, fn func(AuditRecord) error) error
	// VerifyAudit walks the whole chain; Report.Fault names the first bad record, if any.
	VerifyAudit(ctx context.Context) (AuditReport, error)
	// PruneAudit removes the payloads of the records older than q.Before that still have
	// one, oldest first, and appends the audit.prune record that accounts for them, in one
	// transaction (see retention.go). Nothing to remove changes nothing and appends nothing.
	// A cutoff in the future is ErrInvalid.
	PruneAudit(ctx context.Context, q PruneRequest) (PruneReport, error)

	Close() error
}

// Errors a store returns, wrapped with what was asked; test them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	// ErrTransition: the alert is not in a state that allows the change.
	ErrTransition = errors.New("not allowed in the alert's state")
	// ErrFourEyes: the same person may not both propose and confirm (or reject) a decision.
	ErrFourEyes = errors.New("four eyes: the approver must not be the proposer")
	// ErrInvalid: a field is missing or malformed.
	ErrInvalid = errors.New("invalid")
	// ErrSchemaTooNew: the database was migrated by a newer corridor than this one.
	ErrSchemaTooNew = errors.New("database schema is newer than this corridor knows")
)

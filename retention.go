package corridor

import (
	"encoding/json"
	"fmt"
	"time"
)

// Retention: the trail keeps every record for ever, but not every payload. A prune removes
// the payloads of the records older than a cutoff (the store sets them to the empty string)
// and keeps their payload hashes, which is what the record hashes cover, so the chain still
// verifies. It removes them oldest first: every record from the start of the trail up to the
// first one at or after the cutoff, so that what is gone is always a prefix of the trail and
// a payload gone anywhere else shows. Times in the chain only go forward, so that is every
// record older than the cutoff; after a clock stepped back, a few wait for the next prune.
// The records of prunes (audit.prune) keep their payloads: they are what accounts for the
// others, and they hold no personal data.
//
// Each prune appends an audit.prune record in its transaction, whose payload (PruneRecord)
// names the cutoff, the first and last record pruned and how many. ChainVerifier checks
// every payload gone against these records.

// PruneRequest asks a store to prune the audit trail.
type PruneRequest struct {
	Before time.Time // remove the payloads of records older than this; not in the future
	Actor  string    // who prunes, for the audit.prune record
	DryRun bool      // count what would be removed; change nothing and append nothing
}

// Check returns ErrInvalid for a request a store must refuse at time now.
func (q PruneRequest) Check(now time.Time) error {
	if err := validActor(q.Actor); err != nil {
		return fmt.Errorf("audit prune: %w", err)
	}
	if q.Before.IsZero() {
		return fmt.Errorf("audit prune: %w: no cutoff", ErrInvalid)
	}
	if q.Before.After(now) {
		return fmt.Errorf("audit prune: %w: the cutoff %s is in the future (now %s)", ErrInvalid,
			q.Before.UTC().Format(AuditTimeFormat), now.UTC().Format(AuditTimeFormat))
	}
	return nil
}

// PruneReport is what a prune removed, or on a dry run would remove.
type PruneReport struct {
	PruneRecord
	// Record is the audit.prune record appended; its Seq is 0 on a dry run or when there
	// was nothing to remove, which changes nothing and appends nothing.
	Record AuditRecord
}

// PruneRecord is the payload of an audit.prune record.
type PruneRecord struct {
	Before   time.Time // the cutoff, to the microsecond
	FirstSeq int64     // the first record whose payload was removed
	LastSeq  int64     // and the last; records of prunes in between keep theirs
	Count    int64     // how many payloads were removed
}

type pruneRecordJSON struct {
	Before   string `json:"before"`
	FirstSeq int64  `json:"first_seq"`
	LastSeq  int64  `json:"last_seq"`
	Count    int64  `json:"count"`
}

// ParsePruneRecord reads the payload of an audit.prune record and checks it is one.
func ParsePruneRecord(payload []byte) (PruneRecord, error) {
	var in pruneRecordJSON
	if err := json.Unmarshal(payload, &in); err != nil {
		return PruneRecord{}, fmt.Errorf("audit.prune payload: %w", err)
	}
	before, err := time.Parse(AuditTimeFormat, in.Before)
	if err != nil {
		return PruneRecord{}, fmt.Errorf("audit.prune payload: before: %w", err)
	}
	if in.Count < 1 || in.FirstSeq < 1 || in.LastSeq < in.FirstSeq || in.Count > in.LastSeq-in.FirstSeq+1 {
		return PruneRecord{}, fmt.Errorf("audit.prune payload: %d records from %d to %d is not a prune", in.Count, in.FirstSeq, in.LastSeq)
	}
	return PruneRecord{before, in.FirstSeq, in.LastSeq, in.Count}, nil
}

// PruneEvent is the audit.prune record of a prune that removed p.Count payloads. The cutoff
// is written as record times are, so that it reads alike.
func PruneEvent(actor string, p PruneRecord) AuditEvent {
	return AuditEvent{Actor: actor, Action: AuditPrune, Subject: "audit_log",
		Payload: pruneRecordJSON{p.Before.UTC().Format(AuditTimeFormat), p.FirstSeq, p.LastSeq, p.Count}}
}

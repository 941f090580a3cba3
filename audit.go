package corridor

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The audit trail is a hash chain: each record carries the SHA-256 of the record before it,
// so that editing, deleting or reordering any record breaks the chain from there on. The
// hash of a record is the SHA-256 of its canonical encoding, the eight lines
//
//	corridor-audit-v1
//	<seq, decimal>
//	<time, UTC, 2006-01-02T15:04:05.000000Z>
//	<actor>
//	<action>
//	<subject>
//	<payload SHA-256, 64 lower-case hex digits>
//	<previous record's hash, 64 lower-case hex digits; 64 zeros for the first record>
//
// joined by "\n" (LF) with no final LF, as UTF-8. Actor, action and subject hold no control
// characters, so the lines cannot be confused. The payload is hashed apart so that the chain
// still verifies once a retention prune has removed old payloads and kept their hashes
// (retention.go). docs/audit.md shows how to recompute it with printf and sha256sum.

// AuditVersion is the first line of the canonical encoding.
const AuditVersion = "corridor-audit-v1"

// AuditTimeFormat is how a record's time is written in its canonical encoding; stores keep
// times to the microsecond so that a time read back writes the same.
const AuditTimeFormat = "2006-01-02T15:04:05.000000Z"

// GenesisHash is the previous hash of the first record.
var GenesisHash = strings.Repeat("0", 64)

// Audit actions corridor writes.
const (
	AuditPartyAdd     = "party.add"
	AuditPartyUpdate  = "party.update"
	AuditPartyBlock   = "party.block"
	AuditScreen       = "screen"
	AuditAlertCreate  = "alert.create"
	AuditAlertPropose = "alert.propose"
	AuditAlertConfirm = "alert.confirm"
	AuditAlertReject  = "alert.reject"
	AuditListLoad     = "list.load"
	AuditKeyChange    = "key.change"
	AuditPrune        = "audit.prune" // payloads removed under the retention period; see PruneRecord
)

// AuditEvent is what a caller asks to append; the store adds sequence, time and hashes.
type AuditEvent struct {
	Actor   string
	Action  string
	Subject string // what it is about: "alert:12", "party:3", "list:us_ofac_sdn"
	Payload any    // marshalled with encoding/json; nil is written as null
}

// AuditRecord is one record of the trail, as stored and exported.
type AuditRecord struct {
	Seq         int64
	Time        time.Time
	Actor       string
	Action      string
	Subject     string
	Payload     json.RawMessage // canonical JSON as appended, empty once pruned; exported as a string, see MarshalJSON
	PayloadHash string          // SHA-256 hex of Payload as appended, kept when it is pruned
	PrevHash    string          // the previous record's Hash
	Hash        string          // SHA-256 hex of CanonicalEncoding
}

// Pruned reports whether the record's payload was removed under the retention period. An
// appended payload is never empty (encoding/json writes at least null), so an empty one can
// only be a removed one; the verifier checks that a recorded prune removed it.
func (r *AuditRecord) Pruned() bool { return len(r.Payload) == 0 }

// auditRecordJSON is a record as exported: one line of corridor audit export.
type auditRecordJSON struct {
	Seq         int64   `json:"seq"`
	Time        string  `json:"time"`
	Actor       string  `json:"actor"`
	Action      string  `json:"action"`
	Subject     string  `json:"subject"`
	Payload     *string `json:"payload,omitempty"`
	Pruned      bool    `json:"pruned,omitempty"`
	PayloadHash string  `json:"payload_sha256"`
	PrevHash    string  `json:"prev_sha256"`
	Hash        string  `json:"sha256"`
}

// MarshalJSON writes the payload as a JSON string of its exact bytes, so that a reader can
// hash what it finds there (jq -j .payload | sha256sum) without re-encoding it. A pruned
// record has "pruned": true and no payload at all, rather than an empty one that a reader
// might take for what was appended.
func (r AuditRecord) MarshalJSON() ([]byte, error) {
	out := auditRecordJSON{Seq: r.Seq, Time: r.Time.UTC().Format(AuditTimeFormat), Actor: r.Actor, Action: r.Action,
		Subject: r.Subject, PayloadHash: r.PayloadHash, PrevHash: r.PrevHash, Hash: r.Hash}
	if r.Pruned() {
		out.Pruned = true
	} else {
		p := string(r.Payload)
		out.Payload = &p
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads a record as MarshalJSON writes it, so that an export can be decoded
// and fed to a ChainVerifier.
func (r *AuditRecord) UnmarshalJSON(b []byte) error {
	var in auditRecordJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	at, err := time.Parse(AuditTimeFormat, in.Time)
	if err != nil {
		return fmt.Errorf("audit record %d: time: %w", in.Seq, err)
	}
	switch {
	case in.Pruned && in.Payload != nil:
		return fmt.Errorf("audit record %d: pruned, yet it holds a payload", in.Seq)
	case !in.Pruned && (in.Payload == nil || *in.Payload == ""):
		return fmt.Errorf("audit record %d: no payload, and not marked pruned", in.Seq)
	}
	*r = AuditRecord{Seq: in.Seq, Time: at, Actor: in.Actor, Action: in.Action, Subject: in.Subject,
		PayloadHash: in.PayloadHash, PrevHash: in.PrevHash, Hash: in.Hash}
	if in.Payload != nil {
		r.Payload = json.RawMessage(*in.Payload)
	}
	return nil
}

// NextAuditRecord builds the record that follows the head (seq, hash) at time at.
func NextAuditRecord(headSeq int64, headHash string, at time.Time, e AuditEvent) (AuditRecord, error) {
	for _, f := range []struct{ name, v string }{{"actor", e.Actor}, {"action", e.Action}, {"subject", e.Subject}} {
		if err := auditField(f.v); err != nil {
			return AuditRecord{}, fmt.Errorf("audit %s: %w", f.name, err)
		}
	}
	payload, err := json.Marshal(e.Payload)
	if err != nil {
		return AuditRecord{}, fmt.Errorf("audit %s payload: %w", e.Action, err)
	}
	r := AuditRecord{
		Seq: headSeq + 1, Time: at.UTC().Truncate(time.Microsecond),
		Actor: e.Actor, Action: e.Action, Subject: e.Subject,
		Payload: payload, PayloadHash: sha256Hex(payload), PrevHash: headHash,
	}
	r.Hash = r.ComputeHash()
	return r, nil
}

func auditField(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%w: empty", ErrInvalid)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %q is not UTF-8", ErrInvalid, s)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return fmt.Errorf("%w: %q holds a control character", ErrInvalid, s)
	}
	return nil
}

func validActor(actor string) error {
	if err := auditField(actor); err != nil {
		return fmt.Errorf("actor: %w", err)
	}
	return nil
}

// CanonicalEncoding returns the bytes whose SHA-256 is the record's hash.
func (r *AuditRecord) CanonicalEncoding() []byte {
	return []byte(strings.Join([]string{
		AuditVersion,
		strconv.FormatInt(r.Seq, 10),
		r.Time.UTC().Format(AuditTimeFormat),
		r.Actor, r.Action, r.Subject,
		r.PayloadHash, r.PrevHash,
	}, "\n"))
}

// ComputeHash returns the hash the record should carry.
func (r *AuditRecord) ComputeHash() string { return sha256Hex(r.CanonicalEncoding()) }

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Screening is what the trail keeps of one screen: who, when (the record's time), a hash of
// the input rather than the input itself (the trail cannot be edited, so it must not hold
// personal data that may have to be erased), the list versions and the result.
type Screening struct {
	Actor     string           `json:"-"`
	Channel   string           `json:"channel"`            // cli, api, batch, payment, rescreen
	InputHash string           `json:"input_sha256"`       // of the input as received
	PartyID   int64            `json:"party_id,omitempty"` // when a monitored party was screened
	Lists     []ListVersionRef `json:"lists"`
	Result    string           `json:"result"` // clear, alert, suppressed
	Alerts    []int64          `json:"alerts,omitempty"`
}

// ListVersionRef names one list version.
type ListVersionRef struct {
	List ListID `json:"list"`
	Hash string `json:"hash"`
}

// AuditReport is the outcome of walking the chain.
type AuditReport struct {
	Records  int64  // records read
	HeadSeq  int64  // the last record's seq, as the store's head says
	HeadHash string // and its hash: note it elsewhere to detect a rewrite of the whole tail
	Pruned   int64  // records read whose payload a recorded prune removed
	Fault    *AuditFault
}

// AuditFault names the first record where the chain breaks.
type AuditFault struct {
	Seq    int64
	Kind   string // edited, missing, broken-link, truncated, unrecorded-prune
	Detail string
}

func (f *AuditFault) Error() string {
	return fmt.Sprintf("audit record %d: %s: %s", f.Seq, f.Kind, f.Detail)
}

// Kinds of AuditFault.
const (
	FaultEdited     = "edited"      // the record does not match its own hashes
	FaultMissing    = "missing"     // a sequence number is absent: the record was deleted
	FaultBrokenLink = "broken-link" // its previous hash is not the hash of the record before: reordered or replaced
	FaultTruncated  = "truncated"   // records at the end were deleted, or the head was changed
	// FaultUnrecordedPrune: a payload is gone that no audit.prune record after it accounts
	// for, or an audit.prune record does not match the payloads that are gone. The database
	// lets anyone blank a payload (that is how a prune works), so this is how verify tells a
	// prune from someone hiding what a record said.
	FaultUnrecordedPrune = "unrecorded-prune"
)

// ChainVerifier checks records fed to it in sequence order. Stores use it for VerifyAudit;
// anyone can use it on an export.
type ChainVerifier struct {
	seq    int64
	hash   string
	count  int64
	pruned int64
	// kept is the first record read that kept its payload and that a prune could have
	// removed (0: none yet). A prune removes every payload up to some record, oldest first,
	// so no payload after it may be gone.
	kept int64
	// pending are the pruned records read that no audit.prune record has accounted for
	// yet, as runs of consecutive sequence numbers. Runs break only at the audit.prune
	// records, whose payloads are never removed, so they stay few however long the trail.
	pending []seqRun
}

type seqRun struct{ first, last int64 }

// NewChainVerifier starts a verifier at the beginning of the chain.
func NewChainVerifier() *ChainVerifier { return &ChainVerifier{hash: GenesisHash} }

// Next checks the next record read and returns the fault it shows, if any.
func (v *ChainVerifier) Next(r *AuditRecord) *AuditFault {
	v.count++
	want := v.seq + 1
	switch {
	case r.Seq > want:
		return &AuditFault{want, FaultMissing, fmt.Sprintf("the record after %d is %d", v.seq, r.Seq)}
	case r.Seq < want:
		return &AuditFault{r.Seq, FaultBrokenLink, fmt.Sprintf("read after record %d", v.seq)}
	case !r.Pruned() && sha256Hex(r.Payload) != r.PayloadHash:
		return &AuditFault{r.Seq, FaultEdited, "its payload does not match its payload hash"}
	case r.ComputeHash() != r.Hash:
		return &AuditFault{r.Seq, FaultEdited, "its fields do not match its hash (changed, or moved from another place)"}
	case r.PrevHash != v.hash:
		return &AuditFault{r.Seq, FaultBrokenLink, fmt.Sprintf("its previous hash %.12s… is not record %d's hash %.12s…", r.PrevHash, v.seq, v.hash)}
	}
	v.seq, v.hash = r.Seq, r.Hash
	return v.retention(r)
}

// retention checks a record, whose hashes hold, against the prunes recorded so far: every
// payload gone must be accounted for by an audit.prune record that follows it.
func (v *ChainVerifier) retention(r *AuditRecord) *AuditFault {
	unrecorded := func(seq int64, format string, a ...any) *AuditFault {
		return &AuditFault{seq, FaultUnrecordedPrune, fmt.Sprintf(format, a...)}
	}
	isPrune := r.Action == AuditPrune
	switch {
	case r.Pruned() && isPrune:
		return unrecorded(r.Seq, "the payload of an audit.prune record is gone; a prune never removes one")
	case r.Pruned() && v.kept != 0:
		return unrecorded(r.Seq, "its payload is gone while record %d before it kept its own; a prune removes the oldest first", v.kept)
	case r.Pruned():
		v.pruned++
		if n := len(v.pending); n > 0 && v.pending[n-1].last == r.Seq-1 {
			v.pending[n-1].last = r.Seq
		} else {
			v.pending = append(v.pending, seqRun{r.Seq, r.Seq})
		}
		return nil
	case !isPrune:
		if v.kept == 0 {
			v.kept = r.Seq
		}
		return nil
	}
	p, err := ParsePruneRecord(r.Payload)
	if err != nil {
		return unrecorded(r.Seq, "%v", err)
	}
	if p.LastSeq >= r.Seq || p.Before.After(r.Time) {
		return unrecorded(r.Seq, "it records a prune of records up to %d older than %s, after its own place or time", p.LastSeq, p.Before.Format(AuditTimeFormat))
	}
	if len(v.pending) > 0 && v.pending[0].first < p.FirstSeq {
		return unrecorded(v.pending[0].first, "its payload is gone, but the audit.prune record %d after it covers only records %d to %d", r.Seq, p.FirstSeq, p.LastSeq)
	}
	// Take the pending records this prune accounts for: those up to its last.
	var n int64
	rest := v.pending[:0]
	for _, run := range v.pending {
		switch {
		case run.last <= p.LastSeq:
			n += run.last - run.first + 1
		case run.first <= p.LastSeq:
			n += p.LastSeq - run.first + 1
			rest = append(rest, seqRun{p.LastSeq + 1, run.last})
		default:
			rest = append(rest, run)
		}
	}
	v.pending = rest
	if n != p.Count {
		return unrecorded(r.Seq, "it records %d payloads removed from records %d to %d, but %d are gone", p.Count, p.FirstSeq, p.LastSeq, n)
	}
	return nil
}

// End checks that the chain read ends where the store's head says it does, and that every
// payload gone was accounted for by a prune.
func (v *ChainVerifier) End(headSeq int64, headHash string) *AuditFault {
	switch {
	case headSeq > v.seq:
		return &AuditFault{v.seq + 1, FaultTruncated, fmt.Sprintf("the log ends at %d but its head says %d", v.seq, headSeq)}
	case headSeq < v.seq || headHash != v.hash:
		return &AuditFault{v.seq, FaultTruncated, fmt.Sprintf("the head (%d, %.12s…) does not match the last record", headSeq, headHash)}
	case len(v.pending) > 0:
		return &AuditFault{v.pending[0].first, FaultUnrecordedPrune, "its payload is gone, but no audit.prune record after it records that"}
	}
	return nil
}

// Count returns how many records the verifier has read.
func (v *ChainVerifier) Count() int64 { return v.count }

// Pruned returns how many of the records read had their payload removed by a prune.
func (v *ChainVerifier) Pruned() int64 { return v.pruned }

// VerifyChain verifies the records each yields in sequence order against the store's head,
// stopping at the first fault. Stores call it with a read of one consistent snapshot.
func VerifyChain(headSeq int64, headHash string, each func(fn func(AuditRecord) error) error) (AuditReport, error) {
	rep := AuditReport{HeadSeq: headSeq, HeadHash: headHash}
	v := NewChainVerifier()
	err := each(func(r AuditRecord) error {
		if f := v.Next(&r); f != nil {
			rep.Fault = f
			return errStopVerify
		}
		return nil
	})
	rep.Records, rep.Pruned = v.Count(), v.Pruned()
	if err != nil && err != errStopVerify {
		return rep, err
	}
	if rep.Fault == nil {
		rep.Fault = v.End(headSeq, headHash)
	}
	return rep, nil
}

var errStopVerify = errors.New("stop")

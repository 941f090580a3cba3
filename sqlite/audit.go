package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

// appendAudit appends a record in tx. tx holds SQLite's write lock from its BEGIN, so no
// other writer can read the same head.
func appendAudit(ctx context.Context, tx *sql.Tx, now time.Time, e corridor.AuditEvent) (corridor.AuditRecord, error) {
	var seq int64
	var hash string
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash); err != nil {
		return corridor.AuditRecord{}, fmt.Errorf("audit head: %w", err)
	}
	r, err := corridor.NextAuditRecord(seq, hash, now, e)
	if err != nil {
		return r, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log
		(seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, formatTime(r.Time), r.Actor, r.Action, r.Subject, string(r.Payload), r.PayloadHash, r.PrevHash, r.Hash); err != nil {
		return r, fmt.Errorf("audit append: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, r.Seq, r.Hash); err != nil {
		return r, fmt.Errorf("audit head: %w", err)
	}
	return r, nil
}

// AppendAudit implements corridor.Store.
func (s *Store) AppendAudit(ctx context.Context, e corridor.AuditEvent) (corridor.AuditRecord, error) {
	var r corridor.AuditRecord
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) (err error) {
		r, err = appendAudit(ctx, tx, now, e)
		return err
	})
	return r, err
}

// RecordScreen implements corridor.Store.
func (s *Store) RecordScreen(ctx context.Context, sc corridor.Screening) (corridor.AuditRecord, error) {
	subject := "screen"
	if sc.PartyID != 0 {
		subject = fmt.Sprintf("party:%d", sc.PartyID)
	}
	return s.AppendAudit(ctx, corridor.AuditEvent{Actor: sc.Actor, Action: corridor.AuditScreen, Subject: subject, Payload: sc})
}

// AuditRecords implements corridor.Store.
func (s *Store) AuditRecords(ctx context.Context, from int64, fn func(corridor.AuditRecord) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash
		FROM audit_log WHERE seq >= ? ORDER BY seq`, from)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return scanAudit(rows, fn)
}

func scanAudit(rows *sql.Rows, fn func(corridor.AuditRecord) error) error {
	defer rows.Close()
	for rows.Next() {
		var r corridor.AuditRecord
		var at, payload string
		if err := rows.Scan(&r.Seq, &at, &r.Actor, &r.Action, &r.Subject, &payload, &r.PayloadHash, &r.PrevHash, &r.Hash); err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		t, err := parseTime(at)
		if err != nil {
			// A time that does not parse cannot be re-encoded: the record was edited.
			t = time.Time{}
		}
		r.Time, r.Payload = t, []byte(payload)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// VerifyAudit implements corridor.Store. It reads the head and the chain in one read
// transaction, so that appends made meanwhile are not mistaken for a broken end.
func (s *Store) VerifyAudit(ctx context.Context) (corridor.AuditReport, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return corridor.AuditReport{}, err
	}
	defer tx.Rollback()
	var seq int64
	var hash string
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash); err != nil {
		return corridor.AuditReport{}, fmt.Errorf("audit head: %w", err)
	}
	return corridor.VerifyChain(seq, hash, func(fn func(corridor.AuditRecord) error) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash
			FROM audit_log ORDER BY seq`)
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		return scanAudit(rows, fn)
	})
}

package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
)

// appendAudit appends a record after the head tx holds and moves the head.
func appendAudit(ctx context.Context, tx *writeTx, e corridor.AuditEvent) (corridor.AuditRecord, error) {
	r, err := corridor.NextAuditRecord(tx.headSeq, tx.headHash, tx.now, e)
	if err != nil {
		return r, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO audit_log
		(seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		r.Seq, r.Time, r.Actor, r.Action, r.Subject, string(r.Payload), r.PayloadHash, r.PrevHash, r.Hash); err != nil {
		return r, fmt.Errorf("audit append: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, r.Seq, r.Hash); err != nil {
		return r, fmt.Errorf("audit head: %w", err)
	}
	tx.headSeq, tx.headHash = r.Seq, r.Hash
	return r, nil
}

// AppendAudit implements corridor.Store.
func (s *Store) AppendAudit(ctx context.Context, e corridor.AuditEvent) (corridor.AuditRecord, error) {
	var r corridor.AuditRecord
	err := s.write(ctx, func(tx *writeTx) (err error) {
		r, err = appendAudit(ctx, tx, e)
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

const auditSelect = `SELECT seq, at, actor, action, subject, payload, payload_hash, prev_hash, hash FROM audit_log`

// AuditRecords implements corridor.Store.
func (s *Store) AuditRecords(ctx context.Context, from int64, fn func(corridor.AuditRecord) error) error {
	rows, err := s.pool.Query(ctx, auditSelect+` WHERE seq >= $1 ORDER BY seq`, from)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return scanAudit(rows, fn)
}

func scanAudit(rows pgx.Rows, fn func(corridor.AuditRecord) error) error {
	defer rows.Close()
	for rows.Next() {
		var r corridor.AuditRecord
		var payload string
		if err := rows.Scan(&r.Seq, &r.Time, &r.Actor, &r.Action, &r.Subject, &payload, &r.PayloadHash, &r.PrevHash, &r.Hash); err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		r.Time, r.Payload = r.Time.UTC(), []byte(payload)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// VerifyAudit implements corridor.Store. It reads the head and the chain in one snapshot
// (REPEATABLE READ), so that appends made meanwhile are not mistaken for a broken end.
func (s *Store) VerifyAudit(ctx context.Context) (corridor.AuditReport, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return corridor.AuditReport{}, err
	}
	defer tx.Rollback(ctx)
	var seq int64
	var hash string
	if err := tx.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash); err != nil {
		return corridor.AuditReport{}, fmt.Errorf("audit head: %w", err)
	}
	return corridor.VerifyChain(seq, hash, func(fn func(corridor.AuditRecord) error) error {
		rows, err := tx.Query(ctx, auditSelect+` ORDER BY seq`)
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		return scanAudit(rows, fn)
	})
}

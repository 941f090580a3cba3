package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

// PruneAudit implements corridor.Store. It holds SQLite's write lock throughout, so no record
// is appended between what it counts and what it changes.
func (s *Store) PruneAudit(ctx context.Context, q corridor.PruneRequest) (corridor.PruneReport, error) {
	// Truncated as record times are, so that a cutoff of now is not taken for the future.
	q.Before = q.Before.UTC().Truncate(time.Microsecond)
	rep := corridor.PruneReport{PruneRecord: corridor.PruneRecord{Before: q.Before}}
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		if err := q.Check(now); err != nil {
			return err
		}
		// Every payload up to the last prune's last record is gone already: start after it
		// rather than read the whole trail again every day.
		from, err := prunedThrough(ctx, tx)
		if err != nil {
			return err
		}
		// The prune ends at the first record, not itself a prune's, at or after the cutoff.
		end := int64(-1)
		err = tx.QueryRowContext(ctx, `SELECT seq FROM audit_log WHERE seq > ? AND at >= ? AND action <> ?
			ORDER BY seq LIMIT 1`, from, formatTime(rep.Before), corridor.AuditPrune).Scan(&end)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("audit prune: %w", err)
		}
		where := `seq > ? AND payload <> '' AND action <> ?`
		args := []any{from, corridor.AuditPrune}
		if end >= 0 {
			where += ` AND seq < ?`
			args = append(args, end)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM audit_log WHERE `+where, args...).
			Scan(&rep.Count, &rep.FirstSeq, &rep.LastSeq); err != nil {
			return fmt.Errorf("audit prune: %w", err)
		}
		if rep.Count == 0 || q.DryRun {
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE audit_log SET payload = '' WHERE `+where, args...)
		if err != nil {
			return fmt.Errorf("audit prune: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != rep.Count {
			return fmt.Errorf("audit prune: %d payloads counted, %d removed (%v)", rep.Count, n, err)
		}
		rep.Record, err = appendAudit(ctx, tx, now, corridor.PruneEvent(q.Actor, rep.PruneRecord))
		return err
	})
	if err != nil {
		return corridor.PruneReport{}, err
	}
	return rep, nil
}

// prunedThrough returns the last record the latest prune removed a payload from, or 0.
func prunedThrough(ctx context.Context, tx *sql.Tx) (int64, error) {
	var payload string
	err := tx.QueryRowContext(ctx, `SELECT payload FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1`, corridor.AuditPrune).Scan(&payload)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("audit prune: the last prune: %w", err)
	}
	p, err := corridor.ParsePruneRecord([]byte(payload))
	if err != nil {
		return 0, fmt.Errorf("audit prune: the last prune: %w", err)
	}
	return p.LastSeq, nil
}

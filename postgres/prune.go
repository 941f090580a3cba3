package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
)

// PruneAudit implements corridor.Store. Like every write it holds the audit head's row lock
// throughout, so no record is appended between what it counts and what it changes.
func (s *Store) PruneAudit(ctx context.Context, q corridor.PruneRequest) (corridor.PruneReport, error) {
	// Truncated as record times are, so that a cutoff of now is not taken for the future.
	q.Before = q.Before.UTC().Truncate(time.Microsecond)
	rep := corridor.PruneReport{PruneRecord: corridor.PruneRecord{Before: q.Before}}
	err := s.write(ctx, func(tx *writeTx) error {
		if err := q.Check(tx.now); err != nil {
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
		err = tx.QueryRow(ctx, `SELECT seq FROM audit_log WHERE seq > $1 AND at >= $2 AND action <> $3
			ORDER BY seq LIMIT 1`, from, rep.Before, corridor.AuditPrune).Scan(&end)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("audit prune: %w", err)
		}
		where := `seq > $1 AND payload <> '' AND action <> $2`
		args := []any{from, corridor.AuditPrune}
		if end >= 0 {
			where += ` AND seq < $3`
			args = append(args, end)
		}
		if err := tx.QueryRow(ctx, `SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM audit_log WHERE `+where, args...).
			Scan(&rep.Count, &rep.FirstSeq, &rep.LastSeq); err != nil {
			return fmt.Errorf("audit prune: %w", err)
		}
		if rep.Count == 0 || q.DryRun {
			return nil
		}
		tag, err := tx.Exec(ctx, `UPDATE audit_log SET payload = '' WHERE `+where, args...)
		if err != nil {
			return fmt.Errorf("audit prune: %w", err)
		}
		if tag.RowsAffected() != rep.Count {
			return fmt.Errorf("audit prune: %d payloads counted, %d removed", rep.Count, tag.RowsAffected())
		}
		rep.Record, err = appendAudit(ctx, tx, corridor.PruneEvent(q.Actor, rep.PruneRecord))
		return err
	})
	if err != nil {
		return corridor.PruneReport{}, err
	}
	return rep, nil
}

// prunedThrough returns the last record the latest prune removed a payload from, or 0.
func prunedThrough(ctx context.Context, tx *writeTx) (int64, error) {
	var payload string
	err := tx.QueryRow(ctx, `SELECT payload FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1`, corridor.AuditPrune).Scan(&payload)
	if errors.Is(err, pgx.ErrNoRows) {
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

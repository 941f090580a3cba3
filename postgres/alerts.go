package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
)

// CreateAlert implements corridor.Store.
func (s *Store) CreateAlert(ctx context.Context, a corridor.Alert, actor string) (corridor.Alert, error) {
	if err := a.ValidateNew(); err != nil {
		return a, err
	}
	a.State, a.Outcome, a.Reason, a.ProposedBy, a.ConfirmedBy = corridor.AlertOpen, "", "", "", ""
	a.ProposedAt, a.ConfirmedAt, a.Decisions = time.Time{}, time.Time{}, nil
	err := s.write(ctx, func(tx *writeTx) error {
		var party *int64
		if a.PartyID != 0 {
			party = &a.PartyID
		}
		if err := tx.QueryRow(ctx, `INSERT INTO alerts (party_id, party_ref, party_name, party_hash, entity_id,
			entity_hash, list, list_version, score, explanation, state, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			party, a.PartyRef, a.PartyName, a.PartyHash, a.EntityID, a.EntityHash, string(a.List), a.ListVersion,
			a.Score, string(a.Explanation), string(a.State), tx.now, actor).Scan(&a.ID); err != nil {
			return err
		}
		a.CreatedAt, a.CreatedBy = tx.now, actor
		_, err := appendAudit(ctx, tx, corridor.NewAlertEvent(a, actor))
		return err
	})
	if err != nil {
		return a, fmt.Errorf("create alert %s for %s: %w", a.EntityID, a.PartyHash, err)
	}
	return a, nil
}

const alertSelect = `SELECT id, coalesce(party_id, 0), party_ref, party_name, party_hash, entity_id, entity_hash, list,
	list_version, score, explanation, state, outcome, reason, proposed_by, proposed_at, confirmed_by, confirmed_at,
	created_at, created_by FROM alerts`

func scanAlert(row pgx.Row) (corridor.Alert, error) {
	var a corridor.Alert
	var list, expl, state, outcome string
	var proposedAt, confirmedAt *time.Time
	if err := row.Scan(&a.ID, &a.PartyID, &a.PartyRef, &a.PartyName, &a.PartyHash, &a.EntityID, &a.EntityHash, &list,
		&a.ListVersion, &a.Score, &expl, &state, &outcome, &a.Reason, &a.ProposedBy, &proposedAt, &a.ConfirmedBy,
		&confirmedAt, &a.CreatedAt, &a.CreatedBy); err != nil {
		return a, err
	}
	a.List, a.State, a.Outcome = corridor.ListID(list), corridor.AlertState(state), corridor.Outcome(outcome)
	if expl != "" {
		a.Explanation = []byte(expl)
	}
	a.ProposedAt, a.ConfirmedAt, a.CreatedAt = timeOf(proposedAt), timeOf(confirmedAt), a.CreatedAt.UTC()
	return a, nil
}

// Alert implements corridor.Store.
func (s *Store) Alert(ctx context.Context, id int64) (corridor.Alert, error) {
	a, err := scanAlert(s.pool.QueryRow(ctx, alertSelect+` WHERE id = $1`, id))
	if err != nil {
		return a, notFound(err, fmt.Sprintf("alert %d", id))
	}
	rows, err := s.pool.Query(ctx, `SELECT id, alert_id, action, outcome, reason, actor, at, audit_seq
		FROM decisions WHERE alert_id = $1 ORDER BY id`, id)
	if err != nil {
		return a, fmt.Errorf("alert %d: decisions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d corridor.AlertDecision
		var action, outcome string
		if err := rows.Scan(&d.ID, &d.AlertID, &action, &outcome, &d.Reason, &d.Actor, &d.At, &d.AuditSeq); err != nil {
			return a, fmt.Errorf("alert %d: decisions: %w", id, err)
		}
		d.Action, d.Outcome, d.At = corridor.AlertAction(action), corridor.Outcome(outcome), d.At.UTC()
		a.Decisions = append(a.Decisions, d)
	}
	return a, rows.Err()
}

// Alerts implements corridor.Store.
func (s *Store) Alerts(ctx context.Context, f corridor.AlertFilter) ([]corridor.Alert, error) {
	where, args := []string{"id > $1"}, []any{f.AfterID}
	if f.State != "" {
		args = append(args, string(f.State))
		where = append(where, fmt.Sprintf("state = $%d", len(args)))
	}
	if f.PartyID != 0 {
		args = append(args, f.PartyID)
		where = append(where, fmt.Sprintf("party_id = $%d", len(args)))
	}
	q := alertSelect + " WHERE " + strings.Join(where, " AND ") + " ORDER BY id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	defer rows.Close()
	var out []corridor.Alert
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ClearedFalsePositive implements corridor.Store.
func (s *Store) ClearedFalsePositive(ctx context.Context, partyHash, entityID, entityHash string) (corridor.Alert, error) {
	a, err := scanAlert(s.pool.QueryRow(ctx, alertSelect+` WHERE party_hash = $1 AND entity_id = $2 AND entity_hash = $3
		AND state = 'confirmed' AND outcome = 'false_positive' ORDER BY confirmed_at DESC, id DESC LIMIT 1`,
		partyHash, entityID, entityHash))
	if err != nil {
		return a, notFound(err, fmt.Sprintf("cleared false positive of %s on %s", partyHash, entityID))
	}
	return a, nil
}

// Propose implements corridor.Store.
func (s *Store) Propose(ctx context.Context, id int64, p corridor.Proposal) (corridor.Alert, error) {
	return s.decide(ctx, id, corridor.ActionPropose, p.Actor, p.Reason, func(a *corridor.Alert, now time.Time) error {
		return a.Propose(p, now)
	})
}

// Confirm implements corridor.Store.
func (s *Store) Confirm(ctx context.Context, id int64, approver, note string) (corridor.Alert, error) {
	return s.decide(ctx, id, corridor.ActionConfirm, approver, note, func(a *corridor.Alert, now time.Time) error {
		return a.Confirm(approver, now)
	})
}

// Reject implements corridor.Store.
func (s *Store) Reject(ctx context.Context, id int64, approver, reason string) (corridor.Alert, error) {
	return s.decide(ctx, id, corridor.ActionReject, approver, reason, func(a *corridor.Alert, _ time.Time) error {
		return a.Reject(approver, reason)
	})
}

// decide applies one review step to an alert: the alert's new state, the decision, its audit
// record and, for a confirmed true match, the party's block, all in one transaction.
func (s *Store) decide(ctx context.Context, id int64, action corridor.AlertAction, actor, reason string,
	apply func(*corridor.Alert, time.Time) error) (corridor.Alert, error) {
	var out corridor.Alert
	err := s.write(ctx, func(tx *writeTx) error {
		a, err := scanAlert(tx.QueryRow(ctx, alertSelect+` WHERE id = $1 FOR UPDATE`, id))
		if err != nil {
			return notFound(err, fmt.Sprintf("alert %d", id))
		}
		outcome := a.Outcome
		if err := apply(&a, tx.now); err != nil {
			return err
		}
		if action == corridor.ActionPropose {
			outcome = a.Outcome
		}
		if _, err := tx.Exec(ctx, `UPDATE alerts SET state = $1, outcome = $2, reason = $3, proposed_by = $4,
			proposed_at = $5, confirmed_by = $6, confirmed_at = $7 WHERE id = $8`,
			string(a.State), string(a.Outcome), a.Reason, a.ProposedBy, timeOrNil(a.ProposedAt), a.ConfirmedBy,
			timeOrNil(a.ConfirmedAt), a.ID); err != nil {
			return err
		}
		d := corridor.AlertDecision{AlertID: a.ID, Action: action, Outcome: outcome, Reason: reason, Actor: actor, At: tx.now}
		rec, err := appendAudit(ctx, tx, corridor.NewDecisionEvent(a, d))
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO decisions (alert_id, action, outcome, reason, actor, at, audit_seq)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, a.ID, string(action), string(outcome), reason, actor, tx.now, rec.Seq); err != nil {
			return err
		}
		if ev, ok := corridor.NewBlockEvent(a, actor); ok {
			if _, err := tx.Exec(ctx, `UPDATE parties SET blocked_by = $1 WHERE id = $2`, a.ID, a.PartyID); err != nil {
				return err
			}
			if _, err := appendAudit(ctx, tx, ev); err != nil {
				return err
			}
		}
		out = a
		return nil
	})
	return out, err
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// CreateAlert implements corridor.Store.
func (s *Store) CreateAlert(ctx context.Context, a corridor.Alert, actor string) (corridor.Alert, error) {
	if err := a.ValidateNew(); err != nil {
		return a, err
	}
	a.State, a.Outcome, a.Reason, a.ProposedBy, a.ConfirmedBy = corridor.AlertOpen, "", "", "", ""
	a.ProposedAt, a.ConfirmedAt, a.Decisions = time.Time{}, time.Time{}, nil
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		var party any
		if a.PartyID != 0 {
			party = a.PartyID
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO alerts (party_id, party_ref, party_name, party_hash, entity_id,
			entity_hash, list, list_version, score, explanation, state, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			party, a.PartyRef, a.PartyName, a.PartyHash, a.EntityID, a.EntityHash, string(a.List), a.ListVersion,
			a.Score, string(a.Explanation), string(a.State), formatTime(now), actor)
		if err != nil {
			return err
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		a.CreatedAt, a.CreatedBy = now, actor
		_, err = appendAudit(ctx, tx, now, corridor.NewAlertEvent(a, actor))
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

func scanAlert(row rowScanner) (corridor.Alert, error) {
	var a corridor.Alert
	var list, expl, state, outcome, proposedAt, confirmedAt, createdAt string
	if err := row.Scan(&a.ID, &a.PartyID, &a.PartyRef, &a.PartyName, &a.PartyHash, &a.EntityID, &a.EntityHash, &list,
		&a.ListVersion, &a.Score, &expl, &state, &outcome, &a.Reason, &a.ProposedBy, &proposedAt, &a.ConfirmedBy,
		&confirmedAt, &createdAt, &a.CreatedBy); err != nil {
		return a, err
	}
	a.List, a.State, a.Outcome = corridor.ListID(list), corridor.AlertState(state), corridor.Outcome(outcome)
	if expl != "" {
		a.Explanation = []byte(expl)
	}
	var err error
	for _, t := range []struct {
		dst *time.Time
		s   string
	}{{&a.ProposedAt, proposedAt}, {&a.ConfirmedAt, confirmedAt}, {&a.CreatedAt, createdAt}} {
		if *t.dst, err = parseTime(t.s); err != nil {
			return a, fmt.Errorf("alert %d: %w", a.ID, err)
		}
	}
	return a, nil
}

// Alert implements corridor.Store.
func (s *Store) Alert(ctx context.Context, id int64) (corridor.Alert, error) {
	a, err := scanAlert(s.db.QueryRowContext(ctx, alertSelect+` WHERE id = ?`, id))
	if err != nil {
		return a, notFound(err, fmt.Sprintf("alert %d", id))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, alert_id, action, outcome, reason, actor, at, audit_seq
		FROM decisions WHERE alert_id = ? ORDER BY id`, id)
	if err != nil {
		return a, fmt.Errorf("alert %d: decisions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d corridor.AlertDecision
		var action, outcome, at string
		if err := rows.Scan(&d.ID, &d.AlertID, &action, &outcome, &d.Reason, &d.Actor, &at, &d.AuditSeq); err != nil {
			return a, fmt.Errorf("alert %d: decisions: %w", id, err)
		}
		d.Action, d.Outcome = corridor.AlertAction(action), corridor.Outcome(outcome)
		if d.At, err = parseTime(at); err != nil {
			return a, fmt.Errorf("alert %d: decision %d: %w", id, d.ID, err)
		}
		a.Decisions = append(a.Decisions, d)
	}
	return a, rows.Err()
}

// Alerts implements corridor.Store.
func (s *Store) Alerts(ctx context.Context, f corridor.AlertFilter) ([]corridor.Alert, error) {
	where, args := []string{"id > ?"}, []any{f.AfterID}
	if f.State != "" {
		where, args = append(where, "state = ?"), append(args, string(f.State))
	}
	if f.PartyID != 0 {
		where, args = append(where, "party_id = ?"), append(args, f.PartyID)
	}
	q := alertSelect + " WHERE " + strings.Join(where, " AND ") + " ORDER BY id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
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
	a, err := scanAlert(s.db.QueryRowContext(ctx, alertSelect+` WHERE party_hash = ? AND entity_id = ? AND entity_hash = ?
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
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		a, err := scanAlert(tx.QueryRowContext(ctx, alertSelect+` WHERE id = ?`, id))
		if err != nil {
			return notFound(err, fmt.Sprintf("alert %d", id))
		}
		outcome := a.Outcome
		if err := apply(&a, now); err != nil {
			return err
		}
		if action == corridor.ActionPropose {
			outcome = a.Outcome
		}
		if _, err := tx.ExecContext(ctx, `UPDATE alerts SET state = ?, outcome = ?, reason = ?, proposed_by = ?,
			proposed_at = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ?`,
			string(a.State), string(a.Outcome), a.Reason, a.ProposedBy, formatTime(a.ProposedAt), a.ConfirmedBy,
			formatTime(a.ConfirmedAt), a.ID); err != nil {
			return err
		}
		d := corridor.AlertDecision{AlertID: a.ID, Action: action, Outcome: outcome, Reason: reason, Actor: actor, At: now}
		rec, err := appendAudit(ctx, tx, now, corridor.NewDecisionEvent(a, d))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO decisions (alert_id, action, outcome, reason, actor, at, audit_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, string(action), string(outcome), reason, actor, formatTime(now), rec.Seq); err != nil {
			return err
		}
		if ev, ok := corridor.NewBlockEvent(a, actor); ok {
			if _, err := tx.ExecContext(ctx, `UPDATE parties SET blocked_by = ? WHERE id = ?`, a.ID, a.PartyID); err != nil {
				return err
			}
			if _, err := appendAudit(ctx, tx, now, ev); err != nil {
				return err
			}
		}
		out = a
		return nil
	})
	return out, err
}

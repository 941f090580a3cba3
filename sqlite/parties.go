package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

// partyAudit is the audit payload of a party change: its reference and the hash of its data,
// not the data, which may have to be erased one day while the trail may not.
type partyAudit struct {
	ID       int64  `json:"party_id"`
	Ref      string `json:"ref"`
	DataHash string `json:"data_sha256"`
}

// SaveParty implements corridor.Store.
func (s *Store) SaveParty(ctx context.Context, p corridor.MonitoredParty, actor string) (corridor.MonitoredParty, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	p.PartyData = p.PartyData.Normalize()
	hash := p.DataHash()
	data, err := json.Marshal(p.PartyData)
	if err != nil {
		return p, err
	}
	var out corridor.MonitoredParty
	err = s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		old, err := scanParty(tx.QueryRowContext(ctx, partySelect+` WHERE ref = ?`, p.Ref))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			res, err := tx.ExecContext(ctx, `INSERT INTO parties (ref, data, data_hash, created_at, created_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, p.Ref, string(data), hash, formatTime(now), actor, formatTime(now))
			if err != nil {
				return err
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			out = corridor.MonitoredParty{ID: id, Ref: p.Ref, PartyData: p.PartyData, CreatedAt: now, CreatedBy: actor, UpdatedAt: now}
			_, err = appendAudit(ctx, tx, now, corridor.AuditEvent{Actor: actor, Action: corridor.AuditPartyAdd,
				Subject: fmt.Sprintf("party:%d", id), Payload: partyAudit{id, p.Ref, hash}})
			return err
		case err != nil:
			return err
		case old.DataHash() == hash:
			out = old
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE parties SET data = ?, data_hash = ?, updated_at = ? WHERE id = ?`,
			string(data), hash, formatTime(now), old.ID); err != nil {
			return err
		}
		out = old
		out.PartyData, out.UpdatedAt = p.PartyData, now
		_, err = appendAudit(ctx, tx, now, corridor.AuditEvent{Actor: actor, Action: corridor.AuditPartyUpdate,
			Subject: fmt.Sprintf("party:%d", old.ID), Payload: partyAudit{old.ID, p.Ref, hash}})
		return err
	})
	if err != nil {
		return out, fmt.Errorf("save party %s: %w", p.Ref, err)
	}
	return out, nil
}

const partySelect = `SELECT id, ref, data, coalesce(blocked_by, 0), created_at, created_by, updated_at FROM parties`

type rowScanner interface{ Scan(dest ...any) error }

func scanParty(row rowScanner) (corridor.MonitoredParty, error) {
	var p corridor.MonitoredParty
	var data, created, updated string
	if err := row.Scan(&p.ID, &p.Ref, &data, &p.BlockedBy, &created, &p.CreatedBy, &updated); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(data), &p.PartyData); err != nil {
		return p, fmt.Errorf("party %d: data: %w", p.ID, err)
	}
	var err1, err2 error
	p.CreatedAt, err1 = parseTime(created)
	p.UpdatedAt, err2 = parseTime(updated)
	return p, errors.Join(err1, err2)
}

// Party implements corridor.Store.
func (s *Store) Party(ctx context.Context, id int64) (corridor.MonitoredParty, error) {
	p, err := scanParty(s.db.QueryRowContext(ctx, partySelect+` WHERE id = ?`, id))
	if err != nil {
		return p, notFound(err, fmt.Sprintf("party %d", id))
	}
	return p, nil
}

// PartyByRef implements corridor.Store.
func (s *Store) PartyByRef(ctx context.Context, ref string) (corridor.MonitoredParty, error) {
	p, err := scanParty(s.db.QueryRowContext(ctx, partySelect+` WHERE ref = ?`, ref))
	if err != nil {
		return p, notFound(err, fmt.Sprintf("party %q", ref))
	}
	return p, nil
}

// Parties implements corridor.Store.
func (s *Store) Parties(ctx context.Context, afterID int64, limit int) ([]corridor.MonitoredParty, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("parties: %w: limit must be positive", corridor.ErrInvalid)
	}
	rows, err := s.db.QueryContext(ctx, partySelect+` WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("parties: %w", err)
	}
	defer rows.Close()
	var out []corridor.MonitoredParty
	for rows.Next() {
		p, err := scanParty(rows)
		if err != nil {
			return nil, fmt.Errorf("parties: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

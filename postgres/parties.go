package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

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
	err = s.write(ctx, func(tx *writeTx) error {
		old, err := scanParty(tx.QueryRow(ctx, partySelect+` WHERE ref = $1`, p.Ref))
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO parties (ref, data, data_hash, created_at, created_by, updated_at)
				VALUES ($1, $2, $3, $4, $5, $4) RETURNING id`, p.Ref, string(data), hash, tx.now, actor).Scan(&id); err != nil {
				return err
			}
			out = corridor.MonitoredParty{ID: id, Ref: p.Ref, PartyData: p.PartyData, CreatedAt: tx.now, CreatedBy: actor, UpdatedAt: tx.now}
			_, err = appendAudit(ctx, tx, corridor.AuditEvent{Actor: actor, Action: corridor.AuditPartyAdd,
				Subject: fmt.Sprintf("party:%d", id), Payload: partyAudit{id, p.Ref, hash}})
			return err
		case err != nil:
			return err
		case old.DataHash() == hash:
			out = old
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE parties SET data = $1, data_hash = $2, updated_at = $3 WHERE id = $4`,
			string(data), hash, tx.now, old.ID); err != nil {
			return err
		}
		out = old
		out.PartyData, out.UpdatedAt = p.PartyData, tx.now
		_, err = appendAudit(ctx, tx, corridor.AuditEvent{Actor: actor, Action: corridor.AuditPartyUpdate,
			Subject: fmt.Sprintf("party:%d", old.ID), Payload: partyAudit{old.ID, p.Ref, hash}})
		return err
	})
	if err != nil {
		return out, fmt.Errorf("save party %s: %w", p.Ref, err)
	}
	return out, nil
}

const partySelect = `SELECT id, ref, data, coalesce(blocked_by, 0), created_at, created_by, updated_at FROM parties`

func scanParty(row pgx.Row) (corridor.MonitoredParty, error) {
	var p corridor.MonitoredParty
	var data string
	if err := row.Scan(&p.ID, &p.Ref, &data, &p.BlockedBy, &p.CreatedAt, &p.CreatedBy, &p.UpdatedAt); err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(data), &p.PartyData); err != nil {
		return p, fmt.Errorf("party %d: data: %w", p.ID, err)
	}
	return p, nil
}

// Party implements corridor.Store.
func (s *Store) Party(ctx context.Context, id int64) (corridor.MonitoredParty, error) {
	p, err := scanParty(s.pool.QueryRow(ctx, partySelect+` WHERE id = $1`, id))
	if err != nil {
		return p, notFound(err, fmt.Sprintf("party %d", id))
	}
	return p, nil
}

// PartyByRef implements corridor.Store.
func (s *Store) PartyByRef(ctx context.Context, ref string) (corridor.MonitoredParty, error) {
	p, err := scanParty(s.pool.QueryRow(ctx, partySelect+` WHERE ref = $1`, ref))
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
	rows, err := s.pool.Query(ctx, partySelect+` WHERE id > $1 ORDER BY id LIMIT $2`, afterID, limit)
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

package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/corridor-aml/corridor"
)

const userSelect = `SELECT name, role, granted_by, granted_at FROM users`

func scanUser(row pgx.Row) (corridor.User, error) {
	var u corridor.User
	err := row.Scan(&u.Name, &u.Role, &u.GrantedBy, &u.GrantedAt)
	u.GrantedAt = u.GrantedAt.UTC()
	return u, err
}

// txRoles reads the users table in a write transaction. Every write transaction holds the
// audit head's row lock, so two role changes cannot interleave.
type txRoles struct {
	ctx context.Context
	tx  *writeTx
}

func (r txRoles) user(name string) (corridor.User, error) {
	return scanUser(r.tx.QueryRow(r.ctx, userSelect+` WHERE name = $1`, name))
}

func (r txRoles) RoleOf(name string) (corridor.AccessRole, error) {
	u, err := r.user(name)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return u.Role, err
}

func (r txRoles) Count(adminsOnly bool) (n int, err error) {
	err = r.tx.QueryRow(r.ctx, `SELECT count(*) FROM users WHERE role = 'admin' OR NOT $1`, adminsOnly).Scan(&n)
	return n, err
}

// GrantRole implements corridor.Store.
func (s *Store) GrantRole(ctx context.Context, name string, role corridor.AccessRole, actor string) (corridor.User, error) {
	u := corridor.User{Name: corridor.UserName(name), Role: role, GrantedBy: actor}
	err := s.write(ctx, func(tx *writeTx) error {
		change, err := corridor.PlanGrant(txRoles{ctx, tx}, name, role, actor)
		if err != nil {
			return err
		}
		if change.Unchanged() {
			u, err = txRoles{ctx, tx}.user(u.Name)
			return err
		}
		u.GrantedAt = tx.now
		if _, err := tx.Exec(ctx, `INSERT INTO users (name, role, granted_by, granted_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (name) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
			u.Name, string(role), actor, tx.now); err != nil {
			return err
		}
		_, err = appendAudit(ctx, tx, corridor.AuditEvent{Actor: actor, Action: corridor.AuditRoleGrant, Subject: "user:" + u.Name, Payload: change})
		return err
	})
	if err != nil {
		return u, fmt.Errorf("grant %s to %s: %w", role, name, err)
	}
	return u, nil
}

// RevokeRole implements corridor.Store.
func (s *Store) RevokeRole(ctx context.Context, name, actor string) error {
	err := s.write(ctx, func(tx *writeTx) error {
		change, err := corridor.PlanRevoke(txRoles{ctx, tx}, name, actor)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM users WHERE name = $1`, change.User); err != nil {
			return err
		}
		_, err = appendAudit(ctx, tx, corridor.AuditEvent{Actor: actor, Action: corridor.AuditRoleRevoke, Subject: "user:" + change.User, Payload: change})
		return err
	})
	if err != nil {
		return fmt.Errorf("revoke %s's role: %w", name, err)
	}
	return nil
}

// User implements corridor.Store.
func (s *Store) User(ctx context.Context, name string) (corridor.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, userSelect+` WHERE name = $1`, corridor.UserName(name)))
	if err != nil {
		return u, notFound(err, fmt.Sprintf("user %q", name))
	}
	return u, nil
}

// Users implements corridor.Store.
func (s *Store) Users(ctx context.Context) ([]corridor.User, error) {
	rows, err := s.pool.Query(ctx, userSelect+` ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (corridor.User, error) { return scanUser(row) })
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	return out, nil
}

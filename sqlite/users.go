package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

const userSelect = `SELECT name, role, granted_by, granted_at FROM users`

func scanUser(row rowScanner) (corridor.User, error) {
	var u corridor.User
	var at string
	if err := row.Scan(&u.Name, &u.Role, &u.GrantedBy, &at); err != nil {
		return u, err
	}
	t, err := parseTime(at)
	u.GrantedAt = t
	return u, err
}

// txRoles reads the users table in a write transaction, which holds SQLite's write lock.
type txRoles struct {
	ctx context.Context
	tx  *sql.Tx
}

func (r txRoles) user(name string) (corridor.User, error) {
	return scanUser(r.tx.QueryRowContext(r.ctx, userSelect+` WHERE name = ?`, name))
}

func (r txRoles) RoleOf(name string) (corridor.AccessRole, error) {
	u, err := r.user(name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return u.Role, err
}

func (r txRoles) Count(adminsOnly bool) (n int, err error) {
	err = r.tx.QueryRowContext(r.ctx, `SELECT count(*) FROM users WHERE role = 'admin' OR NOT ?`, adminsOnly).Scan(&n)
	return n, err
}

// GrantRole implements corridor.Store.
func (s *Store) GrantRole(ctx context.Context, name string, role corridor.AccessRole, actor string) (corridor.User, error) {
	u := corridor.User{Name: corridor.UserName(name), Role: role, GrantedBy: actor}
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		change, err := corridor.PlanGrant(txRoles{ctx, tx}, name, role, actor)
		if err != nil {
			return err
		}
		if change.Unchanged() {
			u, err = txRoles{ctx, tx}.user(u.Name)
			return err
		}
		u.GrantedAt = now
		if _, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, granted_by, granted_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
			u.Name, string(role), actor, formatTime(now)); err != nil {
			return err
		}
		_, err = appendAudit(ctx, tx, now, corridor.AuditEvent{Actor: actor, Action: corridor.AuditRoleGrant, Subject: "user:" + u.Name, Payload: change})
		return err
	})
	if err != nil {
		return u, fmt.Errorf("grant %s to %s: %w", role, name, err)
	}
	return u, nil
}

// RevokeRole implements corridor.Store.
func (s *Store) RevokeRole(ctx context.Context, name, actor string) error {
	err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
		change, err := corridor.PlanRevoke(txRoles{ctx, tx}, name, actor)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, change.User); err != nil {
			return err
		}
		_, err = appendAudit(ctx, tx, now, corridor.AuditEvent{Actor: actor, Action: corridor.AuditRoleRevoke, Subject: "user:" + change.User, Payload: change})
		return err
	})
	if err != nil {
		return fmt.Errorf("revoke %s's role: %w", name, err)
	}
	return nil
}

// User implements corridor.Store.
func (s *Store) User(ctx context.Context, name string) (corridor.User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, userSelect+` WHERE name = ?`, corridor.UserName(name)))
	if err != nil {
		return u, notFound(err, fmt.Sprintf("user %q", name))
	}
	return u, nil
}

// Users implements corridor.Store.
func (s *Store) Users(ctx context.Context) ([]corridor.User, error) {
	rows, err := s.db.QueryContext(ctx, userSelect+` ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	var out []corridor.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

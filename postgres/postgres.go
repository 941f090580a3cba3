// Package postgres is corridor's store (corridor.Store) for deployments where several
// corridor nodes share one database, through pgx and its connection pool.
//
// Every write transaction first locks the one row of audit_head, which holds the end of the
// audit chain. That serializes the writes of every node at the point where they extend the
// chain, so the chain cannot fork, and it gives all write transactions one lock order, so
// they cannot deadlock. Transactions run at READ COMMITTED: a row locked with FOR UPDATE is
// read as its latest committed version.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/corridor-aml/corridor"
)

// Store is a corridor.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

var _ corridor.Store = (*Store)(nil)

// Open connects to the database at url (postgres://user@host:port/db?sslmode=disable; a
// search_path parameter puts corridor's tables in that schema) and brings its schema up to
// date. It refuses a database whose schema is newer than this binary knows.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{pool: pool, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s@%s/%s: %w", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	return s, nil
}

// Close closes the pool.
func (s *Store) Close() error { s.pool.Close(); return nil }

// Pool returns the connection pool, for tests that must reach under the store.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// writeTx is a write transaction that holds the chain's head.
type writeTx struct {
	pgx.Tx
	now      time.Time
	headSeq  int64
	headHash string
}

// write runs fn in a transaction that holds the audit head's row lock from its start.
func (s *Store) write(ctx context.Context, fn func(tx *writeTx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		w := &writeTx{Tx: tx}
		if err := tx.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`).Scan(&w.headSeq, &w.headHash); err != nil {
			return fmt.Errorf("audit head: %w", err)
		}
		// The time is taken once the lock is held, so that times in the chain never go back.
		w.now = s.now().UTC().Truncate(time.Microsecond)
		return fn(w)
	})
}

func notFound(err error, what string) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, corridor.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

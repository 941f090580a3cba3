// Package sqlite is corridor's embedded store (corridor.Store): one SQLite file in the data
// directory, through modernc.org/sqlite, which is pure Go, so the binary needs no C compiler.
//
// Writes take SQLite's one write lock at BEGIN (BEGIN IMMEDIATE), so appends to the audit
// chain are serialized across goroutines and processes sharing the file. WAL journal with
// synchronous=FULL: a committed transaction survives a crash of the process and of the
// machine.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/corridor-aml/corridor"
)

// Store is a corridor.Store in one SQLite file.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

var _ corridor.Store = (*Store)(nil)

// Open opens (creating it if needed) the database file at path and brings its schema up to
// date. It refuses a database whose schema is newer than this binary knows.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite %s: a path with ? or # cannot be opened", path)
	}
	// The file holds personal data: owner only. SQLite gives its -wal and -shm files the
	// same mode.
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	// SQLite's own error for a file this process may not write is "unable to open database
	// file"; say what it is.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w (the store is its owner's alone; docs/cases.md shows how people share one)", err)
	}
	f.Close()
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	s := &Store{db: db, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the database handle, for tests that must reach under the store.
func (s *Store) DB() *sql.DB { return s.db }

// write runs fn in a write transaction with the time of the change.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx, now time.Time) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx, s.now().UTC().Truncate(time.Microsecond)); err != nil {
		return err
	}
	return tx.Commit()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(corridor.AuditTimeFormat)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(corridor.AuditTimeFormat, s)
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, corridor.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/migrations"
)

// Migrations are files NNNN_name.sql, applied in order, each in its own transaction with its
// row in schema_migrations, so that a crash leaves the schema at one version or the next.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

func embedded() ([]migrations.Migration, error) {
	return migrations.Read(migrationFS, "migrations")
}

// SchemaVersion is the newest schema version this binary knows.
func SchemaVersion() int {
	ms, err := embedded()
	if err != nil {
		return 0
	}
	return migrations.Newest(ms)
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := embedded()
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	for _, m := range ms {
		// The check runs inside the write transaction: another process may have applied the
		// migration since this one looked.
		err := s.write(ctx, func(tx *sql.Tx, now time.Time) error {
			var current int
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
				return err
			}
			if newest := migrations.Newest(ms); current > newest {
				return fmt.Errorf("%w: the database is at version %d, this corridor knows up to %d: upgrade corridor",
					corridor.ErrSchemaTooNew, current, newest)
			}
			if current >= m.Version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.Version, m.Name, formatTime(now))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

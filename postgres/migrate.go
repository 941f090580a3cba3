package postgres

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5"

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

// lockMigrations makes nodes starting together migrate one after the other. The key holds
// the schema, so that corridors in different schemas of one database do not wait for each
// other.
const lockMigrations = `SELECT pg_advisory_xact_lock(1129270340, hashtext(current_schema()))`

func (s *Store) migrate(ctx context.Context) error {
	ms, err := embedded()
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, lockMigrations); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
		return err
	})
	if err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	for _, m := range ms {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, lockMigrations); err != nil {
				return err
			}
			var current int
			if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
				return err
			}
			if newest := migrations.Newest(ms); current > newest {
				return fmt.Errorf("%w: the database is at version %d, this corridor knows up to %d: upgrade corridor",
					corridor.ErrSchemaTooNew, current, newest)
			}
			if current >= m.Version {
				return nil
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

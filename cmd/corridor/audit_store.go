package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/postgres"
	"github.com/corridor-aml/corridor/sqlite"
)

// storeFileName is the SQLite store's file in the data directory, when --store names none.
const storeFileName = "corridor.db"

// addStoreFlag adds --store to cmd and every command under it.
func addStoreFlag(cmd *cobra.Command) {
	cmd.PersistentFlags().String("store", "",
		"where alerts, decisions and the audit trail are kept: sqlite:PATH or postgres://user@host:port/db?sslmode=disable (default: SQLite file "+
			storeFileName+" in the data directory)")
}

// openStore opens the store --store names. With mustExist, a SQLite file that is not there
// is an error rather than a new empty store: verifying an empty trail by mistake would pass.
func openStore(cmd *cobra.Command, mustExist bool) (corridor.Store, error) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	spec := cmd.Flag("store").Value.String()
	switch {
	case strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://"):
		return postgres.Open(ctx, spec)
	case spec == "" || strings.HasPrefix(spec, "sqlite:"):
		path := strings.TrimPrefix(spec, "sqlite:")
		if path == "" {
			path = filepath.Join(cmd.Flag("data-dir").Value.String(), storeFileName)
		}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			if mustExist {
				return nil, fmt.Errorf("no store at %s (see --store)", path)
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return nil, err
			}
		}
		return sqlite.Open(ctx, path)
	}
	return nil, fmt.Errorf("--store %q: want sqlite:PATH or a postgres:// URL", spec)
}

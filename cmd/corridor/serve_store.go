package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

// serveStore opens the store serve answers /v1/alerts, /v1/parties and /v1/audit from, or
// returns nil for none. Without --store it takes the data directory's SQLite file only if
// it is there: a screening-only server should not grow an empty store it never fills. A
// store named explicitly must exist too: serve only reads and decides what screen --monitor
// and batch --monitor recorded, and a mistyped path would otherwise answer with an empty,
// trivially verifying trail.
func serveStore(cmd *cobra.Command) (corridor.Store, error) {
	switch spec := cmd.Flag("store").Value.String(); spec {
	case "none":
		return nil, nil
	case "":
		path := filepath.Join(cmd.Flag("data-dir").Value.String(), storeFileName)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
	}
	return openStore(cmd, true)
}

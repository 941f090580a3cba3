package batch

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/corridor-aml/corridor/internal/atomicfile"
)

// AlertsPath derives the alerts CSV's path from the results file's: results.csv gives
// results.alerts.csv.
func AlertsPath(results string) string {
	ext := filepath.Ext(results)
	return strings.TrimSuffix(results, ext) + ".alerts" + ext
}

// alertsFile is the alerts-only CSV, written under a temporary name while the batch runs and
// renamed into place when it ends whole: an interrupted batch leaves the previous one alone.
type alertsFile struct {
	path string
	tmp  *renameio.PendingFile
	buf  *bufio.Writer
	cw   *csv.Writer
	rec  []string
}

func newAlertsFile(path string, header []string) (*alertsFile, error) {
	a := &alertsFile{path: path}
	if path == "" {
		return a, nil
	}
	tmp, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return nil, fmt.Errorf("--alerts: %w", err)
	}
	a.tmp = tmp
	a.buf = bufio.NewWriterSize(tmp, 64<<10)
	a.cw = csv.NewWriter(a.buf)
	if err := a.cw.Write(header); err != nil {
		a.discard()
		return nil, fmt.Errorf("--alerts: %w", err)
	}
	return a, nil
}

func (a *alertsFile) add(o *Outcome) error {
	if a.tmp == nil || o.Decision != Alert {
		return nil
	}
	var scratch [32]byte
	a.rec = o.appendRecord(a.rec[:0], scratch[:])
	if err := a.cw.Write(a.rec); err != nil {
		return fmt.Errorf("--alerts: %w", err)
	}
	return nil
}

func (a *alertsFile) commit() error {
	if a.tmp == nil {
		return nil
	}
	a.cw.Flush()
	err := a.cw.Error()
	if err == nil {
		err = a.buf.Flush()
	}
	if err == nil {
		err = a.tmp.CloseAtomicallyReplace()
	}
	if err != nil {
		return fmt.Errorf("--alerts: %w", err)
	}
	return nil
}

// discard removes the temporary file, unless commit has put it in place.
func (a *alertsFile) discard() {
	if a.tmp != nil {
		a.tmp.Cleanup()
	}
}

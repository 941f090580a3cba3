package batch

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	tmp  *os.File
	buf  *bufio.Writer
	cw   *csv.Writer
	rec  []string
	done bool
}

func newAlertsFile(path string, header []string) (*alertsFile, error) {
	a := &alertsFile{path: path}
	if path == "" {
		return a, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("--alerts: %w", err)
	}
	a.tmp = tmp
	tmp.Chmod(0o644) // CreateTemp makes it 0600; the alerts CSV is an ordinary file, as the results are
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
		err = a.tmp.Sync()
	}
	if cerr := a.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.tmp.Name(), a.path)
	}
	if err != nil {
		return fmt.Errorf("--alerts: %w", err)
	}
	a.done = true
	return nil
}

func (a *alertsFile) discard() {
	if a.tmp != nil && !a.done {
		a.tmp.Close()
		os.Remove(a.tmp.Name())
	}
}

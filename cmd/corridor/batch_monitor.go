package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

func addBatchMonitorFlags(cmd *cobra.Command, f *batchFlags) {
	cmd.Flags().BoolVar(&f.monitor, "monitor", false, "keep every row as a monitored party (its ref column is its reference), record each screen and open alerts (docs/cases.md)")
	addStoreFlag(cmd)
}

// batchMonitor keeps the rows a batch wrote in the store, on a goroutine of its own so that
// the screening goroutines never wait for a database. Rows arrive in input order; an alert
// row is screened again to find every alert with its explanation, which the results file
// does not keep (a clear row has none to find: its best match would be an alert).
type batchMonitor struct {
	mon  *screen.Monitor
	rq   *batch.RowQuery
	s    *match.Searcher
	ref  int // the own-reference column; -1: none
	rows chan monitorRow
	wg   sync.WaitGroup

	mu    sync.Mutex
	err   error
	stats batchMonitorStats
}

type monitorRow struct {
	fields []string
	alert  bool
}

type batchMonitorStats struct {
	Parties, New, Existing, Cleared, Skipped int64 // Parties: rows kept; a reference repeated in the file counts each time
}

func startBatchMonitor(ctx context.Context, mon *screen.Monitor, idx *match.Index, cols batch.Columns, header []string, kind corridor.Kind, lists []corridor.ListID) *batchMonitor {
	bm := &batchMonitor{mon: mon, rq: batch.NewRowQuery(cols, header, kind, lists), s: match.NewSearcher(idx),
		ref: cols.Ref, rows: make(chan monitorRow, 1024)}
	// Every row written to the results file is kept, even after Ctrl-C: --resume does not
	// screen those rows again, so a row dropped here would never be monitored.
	ctx = context.WithoutCancel(ctx)
	bm.wg.Add(1)
	go func() {
		defer bm.wg.Done()
		for r := range bm.rows {
			if bm.failed() != nil {
				continue // drain, so that the writer never blocks
			}
			if err := bm.keep(ctx, r); err != nil {
				bm.mu.Lock()
				bm.err = err
				bm.mu.Unlock()
			}
		}
	}()
	return bm
}

// onRow is batch.Config.OnRow: it copies the row, which the pipeline reuses, and hands it on.
func (bm *batchMonitor) onRow(o *batch.Outcome) error {
	if err := bm.failed(); err != nil {
		return err
	}
	if o.Decision == batch.Error {
		bm.mu.Lock()
		bm.stats.Skipped++ // a row that cannot be screened has no facts to keep
		bm.mu.Unlock()
		return nil
	}
	bm.rows <- monitorRow{fields: append([]string(nil), o.Fields...), alert: o.Decision == batch.Alert}
	return nil
}

func (bm *batchMonitor) failed() error {
	bm.mu.Lock()
	defer bm.mu.Unlock()
	return bm.err
}

// finish waits for the rows handed on so far to be kept.
func (bm *batchMonitor) finish() (batchMonitorStats, error) {
	close(bm.rows)
	bm.wg.Wait()
	bm.mu.Lock()
	defer bm.mu.Unlock()
	return bm.stats, bm.err
}

func (bm *batchMonitor) keep(ctx context.Context, r monitorRow) error {
	q, problem := bm.rq.Query(r.fields)
	if problem != "" { // the pipeline read the row; it cannot be wrong now
		return fmt.Errorf("--monitor: %s", problem)
	}
	var hits []screen.MonitorHit
	if r.alert {
		for _, m := range bm.s.Screen(q, nil) {
			if m.Alert {
				hits = append(hits, screen.MonitorHit{Match: m, Explanation: bm.s.Explain(q, m)})
			}
		}
	}
	ref := ""
	if bm.ref >= 0 {
		ref = strings.TrimSpace(r.fields[bm.ref])
	}
	kept, _, err := bm.mon.Record(ctx, ref, screen.PartyDataOf(q), hits)
	if err != nil {
		return err
	}
	bm.mu.Lock()
	defer bm.mu.Unlock()
	bm.stats.Parties++
	bm.stats.New += int64(kept.New)
	bm.stats.Existing += int64(kept.Existing)
	bm.stats.Cleared += int64(kept.Cleared)
	return nil
}

func (st batchMonitorStats) write(w io.Writer) {
	fmt.Fprintf(w, "monitor: %s kept as parties, %s opened, %d already open or decided, %d previously cleared",
		countNoun(int(st.Parties), "row", "rows"), countNoun(int(st.New), "alert", "alerts"), st.Existing, st.Cleared)
	if st.Skipped > 0 {
		fmt.Fprintf(w, ", %s not kept", countNoun(int(st.Skipped), "bad row", "bad rows"))
	}
	fmt.Fprintln(w)
}

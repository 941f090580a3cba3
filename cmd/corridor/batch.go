package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/batch/xlsx"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

// errBadRows is returned by batch when no row alerted but some could not be screened: a
// script must not take such a file as clear. main turns it into exitBadRows.
var errBadRows = errors.New("bad rows")

type batchFlags struct {
	match     matchFlags
	output    string
	alerts    string
	report    string
	mapping   []string
	kind      string
	sheet     string
	delimiter string
	resume    bool
	quiet     bool
	workers   int
	monitor   bool
}

func newBatchCmd() *cobra.Command {
	var f batchFlags
	cmd := &cobra.Command{
		Use:   "batch FILE",
		Short: "Screen every row of a CSV or XLSX file (payroll, beneficiaries)",
		Long: `Screen every row of a CSV or XLSX file against the sanctions lists and write
every row back, in input order and with all its columns, followed by six
columns: match_decision (alert, clear or error), match_score, match_entity_id,
match_entity_name (the listed name that matched), match_list and match_reason.
Only the best match of a row is written: its highest-scoring alert, else its
highest-scoring match (a clear row may show a match below the threshold).

FILE is CSV (delimiter , ; TAB or |, sniffed from the header; UTF-8 with or
without a byte order mark, or UTF-16 with one; "-" reads standard input) or an
XLSX workbook (the first sheet, or --sheet). The header names the columns: a full
name ("Full Name", "Name", "Beneficiary name") or first/middle/last names, and,
when present, date of birth (YYYY, YYYY-MM or YYYY-MM-DD), nationality (ISO code
or English name; several split by ; or /), ID number and an own reference.
--map ROLE=COLUMN says which column is which when the header does not; ROLE is
name, first, middle, last, dob, nationality, id or ref, and COLUMN a header name or
a column number (from 1); "ROLE=-" ignores a column.

A row that cannot be screened (empty name, broken encoding, a wrong number of
fields, a date or country that cannot be read) is written with match_decision
error and the reason, and reported on standard error with its line number; it
never stops the batch.

-o writes the results to a file (without -o they go to standard output); the
alerts alone go to --alerts, by default beside -o (results.csv gives
results.alerts.csv); --report writes a self-contained HTML report: the summary,
the score distribution and each alert's evidence. A results file is always valid,
even after Ctrl-C or a crash: run the same command with --resume to continue it
without duplicates or gaps. --resume refuses a results file made from another
input, other lists or another threshold (results.csv.batch.json records them).

--monitor keeps every row screened as a monitored party in the store (--store),
under its own reference column when there is one, records each screen in the
audit trail and opens an alert for each match at or above the threshold, unless
one is open already or a confirmed false positive for the same data and entity
version cleared it (see docs/cases.md). With --resume it keeps only the rows
screened by the resumed run. Rows that cannot be screened are not kept.

A progress bar (rows/s and time left) is shown when standard error is a
terminal, unless --quiet.

Exit status: 0 when every row was screened and none alerted, 1 when a row
alerted, 3 when none alerted but some rows could not be screened (bad rows), 2
when the batch failed or was interrupted.`,
		Example: `  corridor batch payroll.csv -o results.csv --report report.html
  corridor batch beneficiaries.xlsx --sheet "March" -o results.csv
  corridor batch staff.csv --map name="Employee",dob="Born",id="Tazkira No" -o results.csv
  corridor batch payroll.csv --lists un,us_ofac_sdn --type person -o results.csv
  corridor batch payroll.csv -o results.csv --resume    # after Ctrl-C or a crash
  corridor batch payroll.csv --quiet > results.csv || echo "review needed"
  corridor batch customers.csv -o results.csv --monitor`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBatch(cmd, args[0], &f)
		},
	}
	addMatchFlags(cmd, &f.match, "screen only these lists")
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", "", "write the results CSV to this file (default: standard output)")
	fl.StringVar(&f.alerts, "alerts", "", "write the alert rows alone to this CSV file (default: beside -o, NAME.alerts.csv)")
	fl.StringVar(&f.report, "report", "", "write an HTML report to this file")
	fl.StringSliceVar(&f.mapping, "map", nil, "which column is which: ROLE=COLUMN[,ROLE=COLUMN...] with ROLE one of "+strings.Join(batch.Roles, ", "))
	fl.StringVar(&f.kind, "type", "any", "what the parties are: person, organization, vessel, aircraft or any")
	fl.StringVar(&f.sheet, "sheet", "", "XLSX: the sheet to read (default: the first)")
	fl.StringVar(&f.delimiter, "delimiter", "", `CSV: the delimiter, one of , ; | or "tab" (default: sniffed from the header)`)
	fl.BoolVar(&f.resume, "resume", false, "continue the results file -o of an interrupted batch")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "show no progress bar")
	fl.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "rows screened at once (default: the cores usable)")
	addBatchMonitorFlags(cmd, &f)
	return cmd
}

func runBatch(cmd *cobra.Command, path string, f *batchFlags) error {
	kind, err := match.ParseKind(f.kind)
	if err != nil {
		return fmt.Errorf("--type: %w", err)
	}
	delim, err := parseDelimiter(f.delimiter)
	if err != nil {
		return err
	}
	if f.workers < 1 {
		return fmt.Errorf("--workers %d: want 1 or more", f.workers)
	}
	if f.output == "" && f.resume {
		return errors.New("--resume needs the results file it continues: give it with -o")
	}
	if path == "-" && f.resume {
		return errors.New("--resume needs the input as a file: standard input cannot be read again to check it is the same")
	}
	for _, out := range []struct{ flag, path string }{{"-o", f.output}, {"--alerts", f.alerts}, {"--report", f.report}} {
		if sameFile(path, out.path) {
			return fmt.Errorf("%s %s: that is the input file", out.flag, out.path)
		}
	}
	src, job, err := openBatchInput(cmd, path, f.sheet, delim)
	if err != nil {
		return err
	}
	defer src.Close()
	idx, selected, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}
	alerts := f.alerts
	if alerts == "" && f.output != "" {
		alerts = batch.AlertsPath(f.output)
	}

	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	bar := newBatchProgress(cmd.ErrOrStderr(), src, f.quiet)
	cfg := batch.Config{
		Source: src, Job: job, Index: idx, Lists: selected, Kind: kind, Map: f.mapping,
		Workers: f.workers, Output: f.output, Stdout: cmd.OutOrStdout(), Alerts: alerts,
		Report: f.report, Resume: f.resume, Warn: bar.warnings(), MaxWarnings: 20,
		Progress: bar.update,
	}
	var bm *batchMonitor
	if f.monitor {
		cols, err := batch.DetectColumns(src.Header(), f.mapping)
		if err != nil {
			return fmt.Errorf("%s: %w", job.Input, err)
		}
		store, me, err := openStoreAs(cmd, false, corridor.AccessScreen)
		if err != nil {
			return err
		}
		defer store.Close()
		mon := &screen.Monitor{Store: store, Actor: me, Channel: "batch", Lists: listRefs(screenedVersions(idx, selected))}
		bm = startBatchMonitor(ctx, mon, idx, cols, src.Header(), kind, selected)
		cfg.OnRow = bm.onRow
	}
	res, err := batch.Run(ctx, cfg)
	bar.finish()
	stderr := cmd.ErrOrStderr()
	writeMonitored := func() {}
	if bm != nil {
		st, merr := bm.finish()
		if err == nil {
			err = merr
		}
		writeMonitored = func() { st.write(stderr) }
	}
	if err != nil {
		return fmt.Errorf("%s: %w", job.Input, err)
	}
	if res.Interrupted {
		writeMonitored()
		if f.output == "" {
			return fmt.Errorf("%s: interrupted after %d rows", job.Input, res.Rows)
		}
		return fmt.Errorf("%s: interrupted after %d rows, all of them in %s: run the same command with --resume to continue", job.Input, res.Rows, f.output)
	}
	fmt.Fprintf(stderr, "%s: %s: %s, %d clear, %s at threshold %.2f (columns %s)\n",
		job.Input, countNoun(int(res.Rows), "row", "rows"), countNoun(int(res.Alerts), "alert", "alerts"), res.Clear,
		countNoun(int(res.Errors), "bad row", "bad rows"), idx.Config().Threshold, res.Columns.Describe(res.Header))
	writeMonitored()
	if f.output != "" {
		fmt.Fprintf(stderr, "results: %s", f.output)
		if res.Resumed > 0 {
			fmt.Fprintf(stderr, " (resumed after row %d)", res.Resumed)
		}
		fmt.Fprintf(stderr, "; alerts: %s", alerts)
		if f.report != "" {
			fmt.Fprintf(stderr, "; report: %s", f.report)
		}
		fmt.Fprintln(stderr)
	}
	switch {
	case res.Alerts > 0:
		return errAlert
	case res.Errors > 0:
		return errBadRows
	}
	return nil
}

// openBatchInput opens FILE as a workbook or a CSV file, by what it holds rather than its name.
func openBatchInput(cmd *cobra.Command, path, sheet string, delim rune) (batch.Source, batch.Job, error) {
	job := batch.Job{Input: path, Sheet: sheet}
	if path == "-" {
		job.Input = "standard input"
		src, err := batch.NewCSVSource(cmd.InOrStdin(), batch.CSVOptions{Delimiter: delim})
		if err != nil {
			return nil, job, fmt.Errorf("standard input: %w", err)
		}
		return src, job, nil
	}
	size, sum, err := batch.HashFile(path)
	if err != nil {
		return nil, job, err
	}
	job.Size, job.SHA256 = size, sum
	file, err := os.Open(path)
	if err != nil {
		return nil, job, err
	}
	head, _ := bufio.NewReader(io.LimitReader(file, 4)).Peek(4)
	if xlsx.IsWorkbook(head) {
		file.Close()
		if delim != 0 {
			return nil, job, fmt.Errorf("--delimiter: %s is a workbook, not CSV", path)
		}
		src, err := xlsx.Open(path, sheet)
		if err != nil {
			return nil, job, fmt.Errorf("%s: %w", path, err)
		}
		job.Sheet = src.Sheet
		return src, job, nil
	}
	if sheet != "" {
		file.Close()
		return nil, job, fmt.Errorf("--sheet: %s is not a workbook", path)
	}
	if _, err := file.Seek(0, io.SeekStart); err != nil {
		file.Close()
		return nil, job, err
	}
	src, err := batch.NewCSVSource(file, batch.CSVOptions{Delimiter: delim, Size: size})
	if err != nil {
		file.Close()
		return nil, job, fmt.Errorf("%s: %w", path, err)
	}
	return src, job, nil
}

func parseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "":
		return 0, nil
	case ",", ";", "|":
		return rune(s[0]), nil
	case "tab", "\t", `\t`:
		return '\t', nil
	}
	return 0, fmt.Errorf(`--delimiter %q: want , ; | or tab`, s)
}

// sameFile says whether an output would overwrite the input.
func sameFile(in, out string) bool {
	if in == "-" || out == "" {
		return false
	}
	a, err := os.Stat(in)
	if err != nil {
		return false
	}
	b, err := os.Stat(out)
	return err == nil && os.SameFile(a, b)
}

package batch

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/atomicfile"
	"github.com/corridor-aml/corridor/match"
)

// Config is one batch: where the rows come from, what they are screened against, and where
// the results go.
type Config struct {
	Source Source
	// Job identifies the input: Input, Size, SHA256 and Sheet are the caller's to fill; Run
	// fills the rest.
	Job     Job
	Index   *match.Index
	Lists   []corridor.ListID // screen only these; nil: all
	Kind    corridor.Kind
	Map     []string // --map overrides, ROLE=COLUMN
	Workers int      // goroutines that screen; 0: 1

	Output string    // the results CSV; "": Stdout, which cannot be resumed
	Stdout io.Writer // where the results go without Output
	Alerts string    // the alerts-only CSV; "": none
	Report string    // the HTML report; "": none
	Resume bool      // continue the results file Output rather than start it again

	Warn        io.Writer // bad rows are reported here, the first MaxWarnings of them
	MaxWarnings int
	Progress    func(rows int64) // called as rows are written, from one goroutine
	// OnRow, when set, is called with each row screened by this run (not the rows a resume
	// skips), after its record is written, in input order, from one goroutine. The Outcome
	// and its Fields are reused once it returns; an error stops the batch as a write error does.
	OnRow func(*Outcome) error
	Now   func() time.Time // the report's date; nil: time.Now
}

// Result is what Run did.
type Result struct {
	*Summary
	Columns Columns
	Header  []string
}

// Run screens every row of the source and writes the results file, then the alerts CSV and
// the report. When ctx is done it stops reading, writes every row read so far and returns
// with Summary.Interrupted set and no alerts CSV or report: those describe a whole batch.
// With Resume, the rows already in the results file are counted, not screened again, and
// the alerts CSV and the report are made from the whole results file, so that they come out
// the same as after a batch that ran without a stop.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	header := cfg.Source.Header()
	cols, err := DetectColumns(header, cfg.Map)
	if err != nil {
		return nil, err
	}
	res := &Result{Summary: newSummary(), Columns: cols, Header: header}
	job := cfg.job(cols, header)
	outHeader := append(slices.Clip(header), addedColumns...)

	alerts, err := newAlertsFile(cfg.Alerts, outHeader)
	if err != nil {
		return nil, err
	}
	defer alerts.discard()

	var out io.Writer
	var file *os.File
	var skip int64
	switch {
	case cfg.Output == "" && cfg.Resume:
		return nil, fmt.Errorf("--resume needs the results file it continues: give it with -o")
	case cfg.Output == "":
		out = cfg.Stdout
		if err := writeHeader(out, outHeader); err != nil {
			return nil, err
		}
	default:
		file, skip, err = openResults(cfg, job, outHeader, func(o *Outcome) { res.add(o); alerts.add(o) })
		if err != nil {
			return nil, err
		}
		defer file.Close()
		out = file
	}
	res.Resumed = skip

	warned := 0
	p := &pipeline{
		src: cfg.Source, skip: skip, header: header, cols: cols, idx: cfg.Index, kind: cfg.Kind,
		lists: cfg.Lists, workers: cfg.Workers, out: out, progress: cfg.Progress,
		emit: func(o *Outcome) error {
			if cfg.OnRow != nil {
				if err := cfg.OnRow(o); err != nil {
					return err
				}
			}
			res.add(o)
			if o.Decision == Error && cfg.Warn != nil {
				if warned++; warned <= cfg.MaxWarnings {
					fmt.Fprintf(cfg.Warn, "%s: %s\n", job.Input, o.Reason)
				}
			}
			return alerts.add(o)
		},
	}
	_, interrupted, err := p.run(ctx)
	if file != nil {
		if serr := file.Sync(); err == nil && serr != nil {
			err = fmt.Errorf("-o: %w", serr)
		}
	}
	if cfg.Warn != nil && warned > cfg.MaxWarnings {
		fmt.Fprintf(cfg.Warn, "%s: %d more bad rows not shown: see match_reason in the results\n", job.Input, warned-cfg.MaxWarnings)
	}
	if err != nil {
		return res, err
	}
	if interrupted {
		res.Interrupted = true
		return res, nil
	}
	if err := alerts.commit(); err != nil {
		return res, err
	}
	if cfg.Report != "" {
		now := time.Now
		if cfg.Now != nil {
			now = cfg.Now
		}
		rep := newReport(res, job, cfg, now())
		if err := atomicfile.Write(cfg.Report, 0o644, rep.write); err != nil {
			return res, fmt.Errorf("--report: %w", err)
		}
	}
	return res, nil
}

// job completes the caller's Job with what this batch screens with.
func (cfg *Config) job(cols Columns, header []string) Job {
	job := cfg.Job
	job.Columns = cols.Describe(header)
	job.Kind = string(cfg.Kind)
	if cfg.Kind == corridor.KindUnknown || cfg.Kind == "" {
		job.Kind = "any"
	}
	job.Header = header
	job.Threshold, job.MinScore = cfg.Index.Config().Threshold, cfg.Index.Config().MinScore
	job.Screened, job.Versions = nil, nil
	for _, v := range cfg.Index.Versions() {
		job.Versions = append(job.Versions, string(v.List)+"@"+v.Hash)
		if len(cfg.Lists) == 0 || slices.Contains(cfg.Lists, v.List) {
			job.Screened = append(job.Screened, string(v.List))
		}
	}
	return job
}

// openResults opens the results file: afresh, or, to resume, after its last complete record,
// replaying the records it holds into replay.
func openResults(cfg Config, job Job, header []string, replay func(*Outcome)) (*os.File, int64, error) {
	if !cfg.Resume {
		// Emptied before the sidecar is replaced: a crash in between leaves an empty results
		// file that the old sidecar refuses to resume, never old rows under a new sidecar.
		f, err := os.Create(cfg.Output)
		if err != nil {
			return nil, 0, fmt.Errorf("-o: %w", err)
		}
		if err := writeSidecar(SidecarPath(cfg.Output), job); err != nil {
			f.Close()
			return nil, 0, fmt.Errorf("-o: %w", err)
		}
		if err := writeHeader(f, header); err != nil {
			f.Close()
			return nil, 0, fmt.Errorf("-o: %w", err)
		}
		return f, 0, nil
	}
	if err := checkResume(cfg.Output, job); err != nil {
		return nil, 0, err
	}
	f, err := os.OpenFile(cfg.Output, os.O_RDWR, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("--resume: %w", err)
	}
	fail := func(err error) (*os.File, int64, error) {
		f.Close()
		return nil, 0, err
	}
	info, err := f.Stat()
	if err != nil {
		return fail(fmt.Errorf("--resume: %w", err))
	}
	rs := newRescreener(cfg, job.Header)
	row := int64(0)
	sc, err := ScanResults(f, info.Size(), header, func(rec []string) error {
		row++
		o, err := outcomeOf(rec, len(job.Header), row)
		if err != nil {
			return err
		}
		if o.Decision == Alert {
			if _, m, ok := rs.find(&o); ok {
				o.Programs = m.Entity.Programs
			}
		}
		replay(&o)
		return nil
	})
	if err != nil {
		return fail(fmt.Errorf("--resume: %s: %w", cfg.Output, err))
	}
	if err := f.Truncate(sc.End); err != nil {
		return fail(fmt.Errorf("--resume: %w", err))
	}
	if _, err := f.Seek(sc.End, io.SeekStart); err != nil {
		return fail(fmt.Errorf("--resume: %w", err))
	}
	if !sc.HasHeader {
		if err := writeHeader(f, header); err != nil {
			return fail(fmt.Errorf("-o: %w", err))
		}
	}
	return f, sc.Records, nil
}

func writeHeader(w io.Writer, header []string) error {
	cw := csv.NewWriter(w)
	cw.Write(header)
	cw.Flush()
	return cw.Error()
}

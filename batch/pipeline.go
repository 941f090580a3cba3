package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"sync"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// chunkRows is how many rows travel together between the goroutines: one channel operation
// per row would cost more than parsing it.
const chunkRows = 256

type chunk struct {
	seq   int64
	n     int
	slots [chunkRows]slot
}

type slot struct {
	rec Record
	out Outcome
}

// pipeline screens the rows of a source on several goroutines and hands the outcomes, in
// input order, to emit. One goroutine reads, workers screen with a Searcher each, and the
// caller's goroutine writes. A fixed set of chunks circulates between them, so memory does not
// grow with the file, and the reorder buffer cannot outgrow it either.
type pipeline struct {
	src      Source
	skip     int64 // rows already in the results file
	header   []string
	cols     Columns
	idx      *match.Index
	kind     corridor.Kind
	lists    []corridor.ListID
	workers  int
	out      io.Writer            // each Write is whole records
	emit     func(*Outcome) error // after the record is written
	progress func(rows int64)     // after each chunk
}

// run returns the rows written (beyond skip) and whether ctx stopped it before the end.
// Everything read before the stop is screened and written, so the results file stays a gapless
// prefix of the input.
func (p *pipeline) run(ctx context.Context) (rows int64, interrupted bool, err error) {
	workers := max(1, p.workers)
	nchunks := 3*workers + 2
	free := make(chan *chunk, nchunks)
	for range nchunks {
		free <- new(chunk)
	}
	work := make(chan *chunk, nchunks)
	done := make(chan *chunk, nchunks)
	stop := make(chan struct{}) // the writer failed: the reader must stop
	var readErr error
	var stopped bool

	go func() {
		defer close(work)
		readErr, stopped = p.read(ctx, stop, free, work)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker(p)
			for c := range work {
				for i := range c.n {
					w.screen(&c.slots[i])
				}
				done <- c
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var writeErr error
	ring := make([]*chunk, nchunks)
	next := int64(0)
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	var rec []string
	var scratch [32]byte
	for c := range done {
		ring[c.seq%int64(nchunks)] = c
		for {
			c := ring[next%int64(nchunks)]
			if c == nil || c.seq != next {
				break
			}
			ring[next%int64(nchunks)] = nil
			next++
			if writeErr == nil {
				writeErr = p.write(c, cw, &buf, rec, scratch[:])
				if writeErr != nil {
					close(stop)
				} else {
					rows += int64(c.n)
					if p.progress != nil {
						p.progress(p.skip + rows)
					}
				}
			}
			free <- c
		}
	}
	if writeErr != nil {
		return rows, false, writeErr
	}
	return rows, stopped, readErr
}

// write writes a chunk's records with one Write, then hands each outcome to emit.
func (p *pipeline) write(c *chunk, cw *csv.Writer, buf *bytes.Buffer, rec []string, scratch []byte) error {
	buf.Reset()
	for i := range c.n {
		rec = c.slots[i].out.appendRecord(rec[:0], scratch)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if _, err := p.out.Write(buf.Bytes()); err != nil {
		return err
	}
	for i := range c.n {
		if err := p.emit(&c.slots[i].out); err != nil {
			return err
		}
	}
	return nil
}

// read fills chunks from the source, after skipping the rows already done. It stops at the
// end of the file, on a read error, when ctx is done (stopped) or when the writer failed.
func (p *pipeline) read(ctx context.Context, stop <-chan struct{}, free <-chan *chunk, work chan<- *chunk) (err error, stopped bool) {
	var skipped Record
	for i := int64(0); i < p.skip; i++ {
		if err := p.src.Next(&skipped); err != nil {
			if errors.Is(err, io.EOF) {
				return errors.New("the results file has more rows than the input: is it the results of another file?"), false
			}
			return err, false
		}
	}
	row := p.skip
	for seq := int64(0); ; seq++ {
		var c *chunk
		select {
		case <-ctx.Done():
			return nil, true
		case <-stop:
			return nil, false
		case c = <-free:
		}
		c.seq, c.n = seq, 0
		var err error
		for c.n < chunkRows {
			s := &c.slots[c.n]
			if err = p.src.Next(&s.rec); err != nil {
				break
			}
			row++
			s.out.Row = row
			c.n++
		}
		if c.n > 0 {
			work <- c
		}
		if errors.Is(err, io.EOF) {
			return nil, false
		}
		if err != nil {
			return err, false
		}
		if ctx.Err() != nil {
			return nil, true
		}
	}
}

// worker screens rows with its own Searcher: a Searcher is not safe for concurrent use.
type worker struct {
	p       *pipeline
	s       *match.Searcher
	qb      queryBuilder
	matches []match.Match
}

func newWorker(p *pipeline) *worker {
	return &worker{p: p, s: match.NewSearcher(p.idx),
		qb: queryBuilder{cols: p.cols, header: p.header, kind: p.kind, lists: p.lists}}
}

func (w *worker) screen(s *slot) {
	o := &s.out
	fields, problem := fitWidth(append(o.Fields[:0], s.rec.Fields...), w.p.cols.Width)
	o.Fields = fields
	if s.rec.Problem != "" {
		if problem != "" {
			problem = s.rec.Problem + "; " + problem
		} else {
			problem = s.rec.Problem
		}
	}
	if problem != "" {
		o.setError(s.rec.Line, problem)
		return
	}
	q, problem := w.qb.build(fields)
	if problem != "" {
		o.setError(s.rec.Line, problem)
		return
	}
	w.matches = w.s.Screen(q, w.matches[:0])
	m, ok := bestMatch(w.matches)
	if !ok {
		*o = Outcome{Row: o.Row, Fields: o.Fields, Decision: Clear}
		return
	}
	o.setMatch(m, Reason(m, w.s.Explain(q, m)))
}

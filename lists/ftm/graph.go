package ftm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
	"unicode/utf8"
)

// record is one top-level line of the file.
type record struct {
	line     int
	e        *entity
	returned bool // a party the snapshot holds: a party schema, and not "target": false
}

// graph is the whole file in memory: the flat form references entities by ID in either
// direction (a Sanction names its party; a party names its Address), so nothing can be
// mapped before everything is read.
type graph struct {
	records []record
	byID    map[string]int   // entity ID -> index in records
	inbound map[string][]int // entity ID -> records that reference it by ID
	nested  bool             // some property value was a nested entity
	newest  time.Time        // the newest last_change

	rejected []error
	dropped  int
}

func readGraph(r io.Reader) (*graph, error) {
	g := &graph{byID: map[string]int{}, inbound: map[string][]int{}}
	lines := lineReader{r: bufio.NewReaderSize(r, 64<<10)}
	for {
		raw, n, err := lines.next()
		if err == io.EOF {
			return g, nil
		}
		if err != nil {
			return nil, fmt.Errorf("ftm list: line %d: %w", n, err)
		}
		line := bytes.TrimSpace(raw)
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			return nil, fmt.Errorf("ftm list: line %d: invalid UTF-8 (the file must be UTF-8 JSON lines)", n)
		}
		if line[0] != '{' {
			return nil, fmt.Errorf("ftm list: line %d: want a JSON object per line, got %q", n, clip(string(line)))
		}
		e := new(entity)
		if err := json.Unmarshal(line, e); err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				return nil, fmt.Errorf("ftm list: line %d: invalid JSON at byte %d: %v (file cut short?)", n, syntax.Offset, err)
			}
			g.reject(n, e, err)
			continue
		}
		if err := g.add(n, e); err != nil {
			g.reject(n, e, err)
		}
	}
}

// add checks one decoded line and indexes it.
func (g *graph) add(n int, e *entity) error {
	if err := e.validate(0); err != nil {
		return err
	}
	if prev, dup := g.byID[e.ID]; dup {
		return fmt.Errorf("id repeats the entity on line %d", g.records[prev].line)
	}
	if err := g.noteChanges(e); err != nil {
		return err
	}
	idx := len(g.records)
	_, party := partySchemas[e.Schema]
	g.records = append(g.records, record{line: n, e: e, returned: party && (e.Target == nil || *e.Target)})
	g.byID[e.ID] = idx
	for prop, values := range e.Properties {
		for _, v := range values {
			if v.entity == nil && refProps[prop] {
				if refs := g.inbound[v.text]; len(refs) == 0 || refs[len(refs)-1] != idx {
					g.inbound[v.text] = append(refs, idx)
				}
			}
		}
	}
	return nil
}

// noteChanges keeps the newest last_change of the entity and those nested in it, so that
// both forms of one export give the same Published time.
func (g *graph) noteChanges(e *entity) error {
	if e.LastChange != "" {
		t, err := parseTimestamp(e.LastChange)
		if err != nil {
			return err
		}
		if t.After(g.newest) {
			g.newest = t
		}
	}
	for _, values := range e.Properties {
		for _, v := range values {
			if v.entity == nil {
				continue
			}
			g.nested = true
			if err := g.noteChanges(v.entity); err != nil {
				return fmt.Errorf("nested %s %s: %w", v.entity.Schema, v.entity.ID, err)
			}
		}
	}
	return nil
}

func (g *graph) reject(n int, e *entity, err error) {
	if len(g.rejected) >= maxRecordErrors {
		g.dropped++
		return
	}
	g.rejected = append(g.rejected, &RecordError{Line: n, ID: e.ID, Schema: e.Schema, Err: err})
}

// lineReader reads lines of any length: OpenSanctions lines reach several megabytes, so no
// fixed limit such as bufio.Scanner's applies.
type lineReader struct {
	r   *bufio.Reader
	buf []byte
	n   int
}

// next returns the next line, valid until the following call, and its 1-based number.
func (lr *lineReader) next() ([]byte, int, error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		switch {
		case err == nil:
			lr.n++
			if len(lr.buf) == 0 {
				return chunk, lr.n, nil
			}
			lr.buf = append(lr.buf, chunk...)
			return lr.buf, lr.n, nil
		case errors.Is(err, bufio.ErrBufferFull):
			lr.buf = append(lr.buf, chunk...)
		case err == io.EOF:
			lr.buf = append(lr.buf, chunk...)
			if len(lr.buf) == 0 {
				return nil, lr.n, io.EOF
			}
			lr.n++
			return lr.buf, lr.n, nil
		default:
			return nil, lr.n + 1, err
		}
	}
}

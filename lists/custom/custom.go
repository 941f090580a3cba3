// Package custom reads an institution's own list: a UTF-8 CSV file with a header row, one
// party per row, in the format docs/lists.md ("An institution's own list") defines. testdata/example.csv shows it.
package custom

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
)

// maxRecordErrors caps how many rejected rows Parse reports one by one, so that a file broken
// on every row still yields a readable error.
const maxRecordErrors = 100

// RecordError is a row Parse could not take into the snapshot.
type RecordError struct {
	Line   int    // 1-based line of the row (of the faulty field, when one is named)
	Column string // the faulty column's name; "" when the row as a whole is wrong
	ID     string // the row's id; "" when it has none or the id is what is wrong
	Err    error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "custom list: line %d", e.Line)
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %s", e.Column)
	}
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %s)", e.ID)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *RecordError) Unwrap() error { return e.Err }

// Parse reads an institution's own list; list must be corridor.CustomList(name).
//
// A file that cannot be read as CSV (a stray quote, UTF-16, no header, an unknown or repeated
// column) yields a nil snapshot and an error naming the line and column. A row that breaks
// the format (no id, a repeated id, no name, a bad date, kind or country, the wrong number
// of columns, bytes that are not UTF-8) is left out: Parse reads on and returns the snapshot
// of every other row together with an error joining one *RecordError per rejected row.
func Parse(list corridor.ListID, r io.Reader) (*corridor.ListSnapshot, error) {
	if err := list.Validate(); err != nil {
		return nil, fmt.Errorf("custom list: %w", err)
	}
	if !strings.HasPrefix(string(list), string(corridor.CustomList(""))) {
		return nil, fmt.Errorf("custom list: list id %q: want custom_<name>", list)
	}
	br := bufio.NewReader(r)
	if err := skipBOM(br); err != nil {
		return nil, err
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // rows of the wrong width are rejected one by one, below
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("custom list: empty file: the header row is required")
	}
	if err != nil {
		return nil, fmt.Errorf("custom list: %w", err)
	}
	cols, err := parseHeader(header)
	if err != nil {
		return nil, err
	}

	snap := &corridor.ListSnapshot{Version: corridor.ListVersion{List: list}}
	var rejected []error
	dropped := 0
	reject := func(err *RecordError) {
		if len(rejected) < maxRecordErrors {
			rejected = append(rejected, err)
		} else {
			dropped++
		}
	}
	firstLine := map[string]int{} // id -> line of the row that holds it
	for {
		record, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("custom list: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if blank(record) {
			continue // spreadsheets export empty rows as a line of commas
		}
		if len(record) != len(cols.names) {
			reject(&RecordError{Line: line, Err: fmt.Errorf("wrong number of columns: %d, the header has %d", len(record), len(cols.names))})
			continue
		}
		row := row{cols: cols, fields: record, pos: cr.FieldPos}
		ent, err := row.entity(list)
		if err == nil {
			if first, dup := firstLine[ent.NativeID]; dup {
				err = &RecordError{Line: line, Column: colID, Err: fmt.Errorf("id %q repeats the row on line %d", ent.NativeID, first)}
			}
		}
		if err != nil {
			var rec *RecordError
			if !errors.As(err, &rec) {
				rec = &RecordError{Line: line, Err: err}
			}
			reject(rec)
			continue
		}
		firstLine[ent.NativeID] = line
		ent.Source.Record = fmt.Sprintf("line %d", line)
		snap.Entities = append(snap.Entities, ent)
	}
	snap.Version.Entities = len(snap.Entities)
	if dropped > 0 {
		rejected = append(rejected, fmt.Errorf("custom list: %d more rows rejected", dropped))
	}
	return snap, errors.Join(rejected...)
}

// skipBOM drops a UTF-8 byte-order mark, as Excel writes one, and refuses UTF-16, which
// Excel's "Unicode text" gives and which would otherwise fail as garbled CSV.
func skipBOM(br *bufio.Reader) error {
	peek, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(peek, []byte("\uFEFF")):
		_, err := br.Discard(3)
		return err
	case bytes.HasPrefix(peek, []byte{0xFF, 0xFE}), bytes.HasPrefix(peek, []byte{0xFE, 0xFF}):
		return errors.New("custom list: line 1: the file is UTF-16; save it as CSV UTF-8")
	}
	return nil
}

func blank(record []string) bool {
	for _, f := range record {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// invalidUTF8 reports the first field that is not UTF-8, by index, or -1.
func invalidUTF8(record []string) int {
	for i, f := range record {
		if !utf8.ValidString(f) {
			return i
		}
	}
	return -1
}

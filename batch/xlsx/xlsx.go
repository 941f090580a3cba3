// Package xlsx reads the rows of an Excel workbook for batch, through excelize. It is a
// package of its own so that screening CSV files needs none of excelize.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/xuri/excelize/v2"

	"github.com/corridor-aml/corridor/batch"
)

// Source reads one sheet of a workbook row by row, as the cells show their values. The
// sheet's XML is streamed; excelize keeps the workbook's shared strings in memory.
type Source struct {
	f      *excelize.File
	rows   *excelize.Rows
	header []string
	row    int          // the sheet row last read, from 1
	done   atomic.Int64 // row, for Progress, which another goroutine calls
	total  int64        // the sheet's last row, from its dimension; 0 when it gives none
	Sheet  string
}

// Open opens the workbook at path and reads the header, the first row that is not empty, of
// sheet ("" for the first sheet).
func Open(path, sheet string) (*Source, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("not a workbook corridor can read: %w", err)
	}
	s, err := newSource(f, sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func newSource(f *excelize.File, sheet string) (*Source, error) {
	sheets := f.GetSheetList()
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, errors.New("the workbook has no sheet")
		}
		sheet = sheets[0]
	} else if !slices.Contains(sheets, sheet) {
		return nil, fmt.Errorf("--sheet %q: the workbook has no such sheet (it has: %s)", sheet, strings.Join(sheets, ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", sheet, err)
	}
	s := &Source{f: f, rows: rows, Sheet: sheet}
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		s.total = lastRow(dim)
	}
	var rec batch.Record
	if err := s.next(&rec); err != nil {
		rows.Close()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("sheet %s is empty: want a header row naming the columns", sheet)
		}
		return nil, err
	}
	s.header = rec.Fields
	return s, nil
}

// lastRow reads the last row of a dimension such as "A1:F10001".
func lastRow(dim string) int64 {
	_, end, _ := strings.Cut(dim, ":")
	n, _ := strconv.ParseInt(strings.TrimLeft(end, "ABCDEFGHIJKLMNOPQRSTUVWXYZ$"), 10, 64)
	return n
}

func (s *Source) Header() []string { return s.header }

// Next reads the next row that has a value. Empty rows are skipped, as a CSV reader skips
// empty lines. A row is as wide as the header, unless cells beyond it hold values.
func (s *Source) Next(rec *batch.Record) error {
	if err := s.next(rec); err != nil {
		return err
	}
	for len(rec.Fields) < len(s.header) {
		rec.Fields = append(rec.Fields, "")
	}
	for len(rec.Fields) > len(s.header) && rec.Fields[len(rec.Fields)-1] == "" {
		rec.Fields = rec.Fields[:len(rec.Fields)-1]
	}
	return nil
}

func (s *Source) next(rec *batch.Record) error {
	rec.Problem = ""
	for s.rows.Next() {
		s.row++
		cells, err := s.rows.Columns()
		if err != nil {
			return fmt.Errorf("sheet %s: row %d: %w", s.Sheet, s.row, err)
		}
		if !slices.ContainsFunc(cells, func(c string) bool { return c != "" }) {
			continue
		}
		rec.Line = s.row
		rec.Fields = append(rec.Fields[:0], cells...)
		s.done.Store(int64(s.row))
		return nil
	}
	if err := s.rows.Error(); err != nil {
		return fmt.Errorf("sheet %s: after row %d: %w", s.Sheet, s.row, err)
	}
	return io.EOF
}

func (s *Source) Progress() (done, total int64, inBytes bool) {
	return s.done.Load(), s.total, false
}

func (s *Source) Close() error {
	err := s.rows.Close()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// IsWorkbook says whether a file starts as a zip archive does, as every XLSX file does.
func IsWorkbook(head []byte) bool {
	return len(head) >= 4 && string(head[:4]) == "PK\x03\x04"
}

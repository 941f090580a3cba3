package batch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Scan is what ScanResults found in a results file.
type Scan struct {
	Records int64 // complete data records after the header
	// End is the offset just after the last complete record (or the header): what follows
	// it is a record cut short by a crash, to be cut off before appending.
	End       int64
	HasHeader bool // false when the file does not even hold a whole header line
}

// ScanResults reads a results file of size bytes written by batch, and counts its complete
// records. A record is complete when it ends with a newline and has as many fields as the
// header; a CSV record may span lines (a field may hold a line break), so records are
// counted, not lines. Only the last record may be incomplete: damage anywhere else is an
// error, since appending to such a file would not make it whole. each, when not nil, is
// called with every complete record after the header; rec is valid until it returns.
func ScanResults(r io.Reader, size int64, header []string, each func(rec []string) error) (Scan, error) {
	var sc Scan
	whole := endsRecord(r, size) // only the last record can lack its newline
	cr := csv.NewReader(bufio.NewReaderSize(r, 64<<10))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return sc, nil
	}
	if cr.InputOffset() == size && (err != nil || !whole) {
		return sc, nil // a header cut short by a crash before any row was written: start afresh
	}
	if err != nil {
		return sc, fmt.Errorf("line 1: %w", err)
	}
	if !slices.Equal(first, header) {
		return sc, fmt.Errorf("line 1: the header is not the one this batch writes: want %s, have %s", quoteAll(header), quoteAll(first))
	}
	sc.HasHeader, sc.End = true, cr.InputOffset()
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return sc, nil
		}
		end := cr.InputOffset()
		if err != nil || len(rec) != len(header) {
			if end == size && (err != nil || !whole) {
				return sc, nil // the tail a crash cut short
			}
			if err != nil { // a csv.ParseError names the line
				return sc, fmt.Errorf("record %d: %w", sc.Records+1, err)
			}
			line, _ := cr.FieldPos(0)
			return sc, fmt.Errorf("line %d (record %d): %d fields, want %d: the file is damaged, not just cut short", line, sc.Records+1, len(rec), len(header))
		}
		if end == size && !whole {
			return sc, nil // cut short inside its last field
		}
		if each != nil {
			if err := each(rec); err != nil {
				line, _ := cr.FieldPos(0)
				return sc, fmt.Errorf("line %d (record %d): %w", line, sc.Records+1, err)
			}
		}
		sc.Records++
		sc.End = end
	}
}

// endsRecord says whether the file ends with a newline, as every record batch writes does.
// It needs r to be an io.ReaderAt; other readers are taken to end whole.
func endsRecord(r io.Reader, size int64) bool {
	ra, ok := r.(io.ReaderAt)
	if !ok || size == 0 {
		return ok
	}
	var b [1]byte
	if _, err := ra.ReadAt(b[:], size-1); err != nil {
		return false
	}
	return b[0] == '\n'
}

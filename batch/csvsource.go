package batch

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
)

// CSVOptions tune how a CSV file is read.
type CSVOptions struct {
	Delimiter rune  // 0: sniffed from the header among , ; TAB |
	Size      int64 // the file's size, for progress; 0 when unknown
}

// CSVSource reads a delimited text file in UTF-8 (with or without a byte order mark) or
// UTF-16 (with one).
type CSVSource struct {
	cr        *csv.Reader
	raw       *rawTail
	closer    io.Closer
	header    []string
	read      *countingReader
	size      int64
	last      int64  // the offset in the text where the next record starts
	Delimiter rune   // the delimiter in use
	Encoding  string // "UTF-8" or "UTF-16LE"/"UTF-16BE"
}

// NewCSVSource reads the header of r and returns the source of its rows. r is closed by
// Close when it is an io.Closer.
func NewCSVSource(r io.Reader, opt CSVOptions) (*CSVSource, error) {
	s := &CSVSource{read: &countingReader{r: r}, size: opt.Size, Encoding: "UTF-8"}
	if c, ok := r.(io.Closer); ok {
		s.closer = c
	}
	br := bufio.NewReaderSize(s.read, 64<<10)
	var text io.Reader = br
	bom, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(bom, []byte("\xef\xbb\xbf")):
		br.Discard(3)
	case bytes.HasPrefix(bom, []byte("\xff\xfe")):
		br.Discard(2)
		text, s.Encoding = bufio.NewReaderSize(newUTF16Reader(br, binary.LittleEndian), 64<<10), "UTF-16LE"
	case bytes.HasPrefix(bom, []byte("\xfe\xff")):
		br.Discard(2)
		text, s.Encoding = bufio.NewReaderSize(newUTF16Reader(br, binary.BigEndian), 64<<10), "UTF-16BE"
	case len(bom) >= 2 && (bom[0] == 0) != (bom[1] == 0):
		return nil, errors.New("line 1: looks like UTF-16 without a byte order mark: save the file as UTF-8, or as UTF-16 with a byte order mark")
	}
	tb := text.(*bufio.Reader)
	s.Delimiter = opt.Delimiter
	if s.Delimiter == 0 {
		head, _ := tb.Peek(64 << 10)
		s.Delimiter = SniffDelimiter(head)
	}
	s.raw = &rawTail{r: tb}
	s.cr = csv.NewReader(s.raw)
	s.cr.Comma = s.Delimiter
	s.cr.FieldsPerRecord = -1 // a row of another width is a bad row, not the end of the file
	header, err := s.cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: want a header row naming the columns")
	}
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	s.header = header
	s.last = s.cr.InputOffset()
	return s, nil
}

func (s *CSVSource) Header() []string { return s.header }

func (s *CSVSource) Next(rec *Record) error {
	fields, err := s.cr.Read()
	rec.Problem = ""
	rec.Fields = rec.Fields[:0]
	var perr *csv.ParseError
	switch {
	case err == nil:
		s.last = s.cr.InputOffset()
		s.raw.drop(s.last)
		rec.Line, _ = s.cr.FieldPos(0)
		rec.Fields = append(rec.Fields, fields...)
		return nil
	case errors.As(err, &perr):
		// Keep what the row held: its text split at every delimiter, quotes and all, so
		// that the results file shows the row as the file wrote it.
		rec.Line = perr.StartLine
		rec.Problem = perr.Err.Error()
		if perr.Err == csv.ErrQuote && perr.Line > perr.StartLine {
			rec.Problem += fmt.Sprintf(" (a quote opened on line %d is not closed by line %d)", perr.StartLine, perr.Line)
		}
		raw := strings.TrimRight(string(s.raw.since(s.last, s.cr.InputOffset())), "\r\n")
		rec.Fields = append(rec.Fields, strings.Split(raw, string(s.Delimiter))...)
		s.last = s.cr.InputOffset()
		s.raw.drop(s.last)
		return nil
	}
	return err
}

func (s *CSVSource) Progress() (done, total int64, inBytes bool) {
	return s.read.n.Load(), s.size, true
}

func (s *CSVSource) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// SniffDelimiter picks the delimiter of a CSV file from its first lines: among , ; TAB and
// |, the one that splits the header into the most fields and splits the next lines as the
// header; a comma when none splits anything.
func SniffDelimiter(head []byte) rune {
	lines := bytes.SplitN(head, []byte("\n"), 12)
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut short by the peek
	}
	best, bestScore := ',', 0
	for _, d := range []rune{',', ';', '\t', '|'} {
		n := countOutsideQuotes(lines[0], byte(d))
		if n == 0 {
			continue
		}
		score := n * 4
		for _, l := range lines[1:] {
			if len(bytes.TrimSpace(l)) > 0 && countOutsideQuotes(l, byte(d)) == n {
				score++ // a later line agreeing with the header weighs a little
			}
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countOutsideQuotes(line []byte, d byte) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// countingReader counts the bytes read, for progress; the writer goroutine reads it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// rawTail keeps the text the CSV reader has read since the last record it returned, so that
// a record it cannot parse can still be written out. It is trimmed only when it grows, so
// that a good record costs a copy of its bytes and nothing more.
type rawTail struct {
	r    io.Reader
	buf  []byte
	base int64 // the text offset of buf[0]
}

func (t *rawTail) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// drop forgets the text before offset, when enough has gathered to be worth moving.
func (t *rawTail) drop(offset int64) {
	k := offset - t.base
	if k < 64<<10 || k > int64(len(t.buf)) {
		return
	}
	t.buf = t.buf[:copy(t.buf, t.buf[k:])]
	t.base = offset
}

// since returns the text between two offsets the reader has passed.
func (t *rawTail) since(from, to int64) []byte {
	from, to = max(from-t.base, 0), min(to-t.base, int64(len(t.buf)))
	if from >= to {
		return nil
	}
	return t.buf[from:to]
}

package ofac

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// dosEOF is the end-of-file byte (Ctrl-Z) OFAC appends after the last CR LF.
const dosEOF = 0x1a

// empty is how OFAC writes an empty field; a trailing space often follows it.
const empty = "-0-"

// readRecords reads one headerless OFAC file and calls fn with each record and the line it
// starts on. Every record must have exactly columns fields. The slice of fields is reused
// between calls; the strings in it may be kept.
func readRecords(file string, data []byte, columns int, fn func(line int, fields []string) error) error {
	data, fromCP1252, err := decode(data)
	if err != nil {
		return fmt.Errorf("%s: bad encoding: %w", file, err)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted below, for a clearer message
	cr.ReuseRecord = true
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(file, data, err)
		}
		line, _ := cr.FieldPos(0)
		if len(fields) != columns {
			return fmt.Errorf("%s line %d: %d columns, want %d", file, line, len(fields), columns)
		}
		for i, field := range fields {
			if r, ok := badRune(field, fromCP1252); ok {
				line, _ := cr.FieldPos(i)
				return fmt.Errorf("%s line %d: bad encoding: %s %U in column %d", file, line, runeKind(r), r, i+1)
			}
		}
		if err := fn(line, fields); err != nil {
			return fmt.Errorf("%s line %d: %w", file, line, err)
		}
	}
}

// decode drops the DOS end-of-file byte and returns the file as UTF-8. OFAC's current files
// are ASCII; a file that is not valid UTF-8 is taken to be Windows-1252, the code page of
// OFAC's older exports, and fromCP1252 says so.
func decode(data []byte) (text []byte, fromCP1252 bool, err error) {
	data = bytes.TrimSuffix(data, []byte{dosEOF})
	if utf8.Valid(data) {
		return data, false, nil
	}
	text, err = charmap.Windows1252.NewDecoder().Bytes(data)
	return text, true, err
}

// badRune returns the first character of s that no name or remark holds: a control
// character (C0, a line break inside a field included, DEL or C1), or, in a file decoded from
// Windows-1252, U+FFFD, which stands for the five bytes that code page leaves undefined. Such
// characters mean a corrupt file, a binary one or another encoding.
func badRune(s string, fromCP1252 bool) (rune, bool) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b == 0x7f {
			return rune(b), true
		}
		if b >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r < 0x20 || r >= 0x7f && r <= 0x9f || fromCP1252 && r == utf8.RuneError {
					return r, true
				}
			}
			return 0, false
		}
	}
	return 0, false
}

func runeKind(r rune) string {
	if r == utf8.RuneError {
		return "byte undefined in Windows-1252, decoded as"
	}
	return "control character"
}

// csvError names the file and line of a CSV syntax error, and says when the file looks cut
// short: it ends inside a quoted field.
func csvError(file string, data []byte, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", file, err)
	}
	if errors.Is(pe.Err, csv.ErrQuote) && pe.Line >= bytes.Count(data, []byte{'\n'}) {
		return fmt.Errorf("%s line %d: file ends inside a quoted field (truncated?): %w", file, pe.StartLine, pe.Err)
	}
	return fmt.Errorf("%s line %d: %w (at line %d, column %d)", file, pe.StartLine, pe.Err, pe.Line, pe.Column)
}

// value returns a field with spaces trimmed and OFAC's "-0-" read as empty.
func value(field string) string {
	v := strings.TrimSpace(field)
	if v == empty {
		return ""
	}
	return v
}

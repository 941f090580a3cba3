package mt103

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
)

// MaxSize is the largest input Read accepts. An MT103 is at most about 10,000 characters;
// a file of this size holds thousands of them.
const MaxSize = 64 << 20

// Read reads one MT103, or an RJE file of MT103s separated by lines holding only "$", and
// returns one payment per message, in file order. name names the input in errors. A file
// with any message that is not a well-formed MT103 is rejected whole, with the message
// number, the line and the field at fault: screening part of a file would hide the rest.
func Read(r io.Reader, name string) ([]corridor.Payment, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, MaxSize)
	}
	return Parse(data, name)
}

// Parse is Read on bytes in memory.
func Parse(data []byte, name string) ([]corridor.Payment, error) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fmt.Errorf("%s: line %d: not valid UTF-8 (SWIFT messages are ASCII)", name, line)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var payments []corridor.Payment
	for _, chunk := range splitMessages(text) {
		got, err := parseChunk(chunk.text, chunk.line)
		if err != nil {
			return nil, fmt.Errorf("%s: message %d: %w", name, len(payments)+1, err)
		}
		for _, p := range got {
			p.Index = len(payments) + 1
			if err := p.Validate(); err != nil {
				return nil, fmt.Errorf("%s: message %d (line %d): %w", name, p.Index, chunk.line, err)
			}
			payments = append(payments, p)
		}
	}
	if len(payments) == 0 {
		return nil, fmt.Errorf("%s: no MT103 message", name)
	}
	return payments, nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

type chunk struct {
	text string
	line int // of the chunk's first line, from 1
}

// splitMessages cuts an RJE file at its "$" lines; a single message is one chunk. Blank
// chunks (a "$" at the end) are dropped.
func splitMessages(text string) []chunk {
	var out []chunk
	start, startLine, line := 0, 1, 1
	flush := func(end int) {
		if s := text[start:end]; strings.TrimSpace(s) != "" {
			out = append(out, chunk{text: s, line: startLine + leadingNewlines(s)})
		}
	}
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text) - i
		}
		if strings.TrimSpace(text[i:i+end]) == "$" {
			flush(i)
			start, startLine = min(i+end+1, len(text)), line+1
		}
		i += end + 1
		line++
	}
	flush(len(text))
	return out
}

func leadingNewlines(s string) int {
	n := 0
	for _, c := range s {
		switch c {
		case '\n':
			n++
		case ' ', '\t':
		default:
			return n
		}
	}
	return n
}

package jsonform

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/payment/internal/readlimit"
)

// DefaultMaxBytes bounds an input when Reader.MaxBytes is not set.
const DefaultMaxBytes = 256 << 20

// Reader reads the JSON form within a size limit. The zero value uses the default.
type Reader struct {
	MaxBytes int64
}

// Read reads payments with the default limit.
func Read(r io.Reader) ([]corridor.Payment, error) { return Reader{}.Read(r) }

// Read reads one payment object, an array of them, or a sequence of them (NDJSON). Each
// payment is checked (see docs/payments.md); Format defaults to "json" and Index to the
// payment's place in the input. Errors are *Error.
func (rd Reader) Read(r io.Reader) ([]corridor.Payment, error) {
	limit := rd.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	br := bufio.NewReader(readlimit.Reader(r, limit, ErrTooLarge))
	first, err := firstByte(br)
	if err != nil {
		return nil, &Error{Err: err}
	}
	dec := json.NewDecoder(br)
	dec.DisallowUnknownFields()
	var out []corridor.Payment
	// next reads one payment; it reports io.EOF, bare, at a clean end between payments.
	next := func() error {
		var p payment
		n := len(out) + 1
		if err := dec.Decode(&p); err != nil {
			if err == io.EOF { // not wrapped: a clean end between values
				return err
			}
			return decodeError(n, dec, err)
		}
		pay, err := check(&p, n)
		if err != nil {
			return err
		}
		out = append(out, pay)
		return nil
	}
	switch first {
	case '[':
		if _, err := dec.Token(); err != nil {
			return nil, decodeError(0, dec, err)
		}
		for dec.More() {
			err := next()
			if err == io.EOF { // after a comma: the array was cut short
				return nil, &Error{Payment: len(out) + 1, Err: errors.New("input ends inside the array")}
			}
			if err != nil {
				return nil, err
			}
		}
		if _, err := dec.Token(); err != nil { // the closing bracket
			return nil, decodeError(0, dec, err)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, &Error{Err: fmt.Errorf("offset %d: data after the array", dec.InputOffset())}
		}
	case '{':
		for {
			err := next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
		}
	default:
		return nil, &Error{Err: fmt.Errorf("want a payment object, an array of them or NDJSON; input starts with %q", first)}
	}
	return out, nil
}

// firstByte peeks at the first byte that is not white space, after a UTF-8 byte order mark
// (which files saved on Windows often start with).
func firstByte(br *bufio.Reader) (byte, error) {
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	for {
		c, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			return 0, errors.New("no payments: the input is empty")
		}
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c, br.UnreadByte()
	}
}

// decodeError names the payment and, for a value of the wrong type, the field.
func decodeError(n int, dec *json.Decoder, err error) error {
	if errors.Is(err, ErrTooLarge) {
		return &Error{Payment: n, Err: err}
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		if typ.Field == "" {
			return &Error{Payment: n, Err: fmt.Errorf("want a payment object, not a JSON %s", typ.Value)}
		}
		return &Error{Payment: n, Field: typ.Field, Err: fmt.Errorf("want %s, not a JSON %s", jsonKind(typ.Type), typ.Value)}
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return &Error{Payment: n, Err: fmt.Errorf("malformed JSON at offset %d: %v", syn.Offset, err)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{Payment: n, Err: fmt.Errorf("input ends inside the payment (offset %d)", dec.InputOffset())}
	}
	return &Error{Payment: n, Err: err} // unknown fields: the message names the key
}

// jsonKind names a Go type as its JSON form.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return t.String()
}

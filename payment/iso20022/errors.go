package iso20022

import (
	"errors"
	"fmt"
)

// Error is a fault in a message, with where it was found.
type Error struct {
	Line int    // the input line, 0 when unknown
	Path string // the element, e.g. "CdtTrfTxInf[2]/IntrBkSttlmAmt"; "" for the message as a whole
	Err  error
}

func (e *Error) Error() string {
	msg := "iso20022: "
	if e.Line > 0 {
		msg += fmt.Sprintf("line %d: ", e.Line)
	}
	if e.Path != "" {
		msg += e.Path + ": "
	}
	return msg + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is returned when the input passes Reader.MaxBytes.
var ErrTooLarge = errors.New("input larger than the limit")

func errorf(line int, path, format string, args ...any) error {
	return &Error{Line: line, Path: path, Err: fmt.Errorf(format, args...)}
}

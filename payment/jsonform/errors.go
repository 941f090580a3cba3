package jsonform

import (
	"errors"
	"fmt"
)

// Error is a fault in the input, with the payment and the field it was found in.
type Error struct {
	Payment int    // the payment's place in the input, from 1; 0 for the input as a whole
	Field   string // e.g. "parties[2].role"; "" when the fault is not in one field
	Err     error
}

func (e *Error) Error() string {
	msg := "jsonform: "
	if e.Payment > 0 {
		msg += fmt.Sprintf("payment %d: ", e.Payment)
	}
	if e.Field != "" {
		msg += e.Field + ": "
	}
	return msg + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is returned when the input passes Reader.MaxBytes.
var ErrTooLarge = errors.New("input larger than the limit")

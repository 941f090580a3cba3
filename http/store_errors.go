package http

import (
	"errors"
	"net/http"

	"github.com/corridor-aml/corridor"
)

// storeError turns what the store refused into the answer: the store checks transitions and
// four eyes in the transaction that makes the change, so its verdict is the one to report.
// notFound is the code for corridor.ErrNotFound, which depends on what was looked up.
func storeError(err error, notFound string) error {
	switch {
	case errors.Is(err, corridor.ErrNotFound):
		return &apiError{Status: http.StatusNotFound, Code: notFound, Message: err.Error()}
	case errors.Is(err, corridor.ErrFourEyes):
		return &apiError{Status: http.StatusConflict, Code: codeFourEyes, Message: err.Error()}
	case errors.Is(err, corridor.ErrTransition):
		return &apiError{Status: http.StatusConflict, Code: codeIllegalTransition, Message: err.Error()}
	case errors.Is(err, corridor.ErrInvalid):
		return badRequest(codeBadParameter, "", "%v", err)
	}
	return err
}

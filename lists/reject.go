package lists

import (
	"fmt"

	"github.com/corridor-aml/corridor"
)

// Reason says why a downloaded list version was refused.
type Reason string

// Reasons for refusing an update. Each leaves the list's current version in use.
const (
	ReasonDownload  Reason = "download failed"
	ReasonHTML      Reason = "got an HTML page instead of the list"
	ReasonTooLarge  Reason = "file exceeds the size limit"
	ReasonTruncated Reason = "truncated download"
	ReasonParse     Reason = "does not parse"
	ReasonEmpty     Reason = "no entities"
	ReasonShrink    Reason = "list shrank more than allowed"
)

// RejectedError is an update that was refused; the list's current version (Kept, empty when
// the list had none) stays in use.
type RejectedError struct {
	List   corridor.ListID
	File   string // the file at fault, when one is
	Reason Reason
	Kept   string // hash of the version that stays current
	Err    error
}

func (e *RejectedError) Error() string {
	msg := fmt.Sprintf("list %s: update rejected: %s", e.List, e.Reason)
	if e.File != "" {
		msg += " (" + e.File + ")"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.Kept != "" {
		msg += "; version " + e.Kept + " stays current"
	} else {
		msg += "; no version stored"
	}
	return msg
}

func (e *RejectedError) Unwrap() error { return e.Err }

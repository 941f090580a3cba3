package http

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes: every 4xx answer carries one, so that clients branch on it rather than on the
// message. docs/api.md lists them.
const (
	codeMalformedJSON    = "malformed_json"
	codeEmptyBody        = "empty_body"
	codeUnknownField     = "unknown_field"
	codeWrongType        = "wrong_type"
	codeBodyTooLarge     = "body_too_large"
	codeMissingName      = "missing_name"
	codeBadName          = "bad_name"
	codeBadType          = "bad_type"
	codeBadBirthDate     = "bad_birth_date"
	codeBadCountry       = "bad_country"
	codeBadGender        = "bad_gender"
	codeBadIdentifier    = "bad_identifier"
	codeBadList          = "bad_list"
	codeUnknownList      = "unknown_list"
	codeBadThreshold     = "bad_threshold"
	codeBadLimit         = "bad_limit"
	codeBadParameter     = "bad_parameter"
	codeBadPayment       = "bad_payment"
	codeLineTooLong      = "line_too_long"
	codeTooManyLines     = "too_many_lines"
	codeNotFound         = "not_found"
	codeEntityNotFound   = "entity_not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeUnauthorized     = "unauthorized"
	codeForbidden        = "forbidden"
	codeNotReady         = "not_ready"
	codeReloadFailed     = "reload_failed"
	codeInternal         = "internal"
	// Alerts, parties and the audit trail.
	codeAlertNotFound     = "alert_not_found"
	codePartyNotFound     = "party_not_found"
	codeBadState          = "bad_state"
	codeBadAction         = "bad_action"
	codeBadOutcome        = "bad_outcome"
	codeMissingReason     = "missing_reason"
	codeFourEyes          = "four_eyes"
	codeIllegalTransition = "illegal_transition"
	codeNoStore           = "no_store"
	// OpenSanctions-compatible API only.
	codeUnknownDataset  = "unknown_dataset"
	codeBadSchema       = "bad_schema"
	codeNoQueries       = "no_queries"
	codeTooManyQueries  = "too_many_queries"
	codeBadAlgorithm    = "bad_algorithm"
	codeMissingQuery    = "missing_query"
	codeTooManyExcluded = "too_many_excluded"
)

// apiError is an answer other than success: the status, a machine-readable code, a message
// for people and, when one field of the request is at fault, its name.
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func badRequest(code, field, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the one shape of every error answer. Detail repeats the message on the
// OpenSanctions-compatible routes, where yente's clients read it.
type errorBody struct {
	Error  *apiError `json:"error"`
	Detail string    `json:"detail,omitempty"`
}

// asAPIError turns any error into the answer to send: an apiError as it is, anything else
// as a 500 whose message does not leak internals.
func asAPIError(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	return &apiError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "internal error; see the server log for the request ID"}
}

package http

import (
	"net/http"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
	"github.com/corridor-aml/corridor/internal/casejson"
)

// decisionRequest is the body of POST /v1/alerts/{id}/decisions.
type decisionRequest struct {
	Action  corridor.AlertAction `json:"action"`
	Outcome corridor.Outcome     `json:"outcome"`
	Reason  string               `json:"reason"`
}

// handleDecision proposes, confirms or rejects an alert's outcome as the key's holder. The
// store checks the transition and four eyes in the transaction that makes the change and
// appends the audit record; this handler checks only what the request says and who may say it.
func (s *Server) handleDecision(w http.ResponseWriter, r *http.Request) error {
	id, aerr := pathID(r, codeAlertNotFound, "alert")
	if aerr != nil {
		return aerr
	}
	var req decisionRequest
	if err := decodeJSON(w, r, s.opt.Limits.MaxBodyBytes, &req); err != nil {
		return err
	}
	who := callerFrom(r.Context())
	reason := strings.TrimSpace(req.Reason)
	var change func() (corridor.Alert, error)
	switch req.Action {
	case corridor.ActionPropose:
		if err := req.Outcome.Validate(); err != nil {
			return badRequest(codeBadOutcome, "outcome", "outcome %q: want true_match or false_positive", req.Outcome)
		}
		if reason == "" {
			return badRequest(codeMissingReason, "reason", "a proposal needs a written reason a reviewer and a regulator can follow")
		}
		change = func() (corridor.Alert, error) {
			return s.opt.Store.Propose(r.Context(), id, corridor.Proposal{Outcome: req.Outcome, Reason: reason, Actor: who.actor})
		}
	case corridor.ActionConfirm, corridor.ActionReject:
		if err := who.require(apikey.RoleApprover, string(req.Action)+" of a decision"); err != nil {
			return err
		}
		// The outcome confirmed or rejected is the proposal's; one given must agree with it,
		// so that an approver cannot confirm what they did not read.
		if req.Outcome != "" {
			if err := req.Outcome.Validate(); err != nil {
				return badRequest(codeBadOutcome, "outcome", "outcome %q: want true_match or false_positive, or none", req.Outcome)
			}
		}
		if req.Action == corridor.ActionReject && reason == "" {
			return badRequest(codeMissingReason, "reason", "a rejection needs a written reason")
		}
		change = func() (corridor.Alert, error) {
			if req.Outcome != "" {
				cur, err := s.opt.Store.Alert(r.Context(), id)
				if err != nil {
					return corridor.Alert{}, err
				}
				if cur.State == corridor.AlertProposed && cur.Outcome != req.Outcome {
					return corridor.Alert{}, &apiError{Status: http.StatusConflict, Code: codeBadOutcome,
						Message: "alert proposes " + string(cur.Outcome) + ", not " + string(req.Outcome)}
				}
			}
			if req.Action == corridor.ActionConfirm {
				return s.opt.Store.Confirm(r.Context(), id, who.actor, reason)
			}
			return s.opt.Store.Reject(r.Context(), id, who.actor, reason)
		}
	default:
		return badRequest(codeBadAction, "action", "action %q: want propose, confirm or reject", req.Action)
	}
	if _, err := change(); err != nil {
		return storeError(err, codeAlertNotFound)
	}
	a, err := s.opt.Store.Alert(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, casejson.AlertOf(a))
	return nil
}

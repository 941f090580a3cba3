package http

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/corridor-aml/corridor/match"
)

type compareRequest struct {
	Name1 string `json:"name1"`
	Name2 string `json:"name2"`
	Type  string `json:"type"`
}

type compareResponse struct {
	Score       float64           `json:"score"`
	Alert       bool              `json:"alert"`
	Threshold   float64           `json:"threshold"`
	Explanation match.Explanation `json:"explanation"`
}

// handleCompare scores two names against each other, as corridor compare does, with the
// token weights of the lists in use.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	var req compareRequest
	if err := decodeJSON(w, r, s.opt.Limits.MaxBodyBytes, &req); err != nil {
		return err
	}
	for _, f := range []struct{ field, v string }{{"name1", req.Name1}, {"name2", req.Name2}} {
		v := strings.TrimSpace(f.v)
		switch {
		case v == "":
			return badRequest(codeMissingName, f.field, "%s is required and must not be blank", f.field)
		case !utf8.ValidString(v) || len(v) > maxNameBytes:
			return badRequest(codeBadName, f.field, "%s must be valid UTF-8 of at most %d bytes", f.field, maxNameBytes)
		}
	}
	kind, err := match.ParseKind(req.Type)
	if err != nil {
		return badRequest(codeBadType, "type", "%v", err)
	}
	idx := s.current().Index()
	score, ex, err := idx.Compare(strings.TrimSpace(req.Name1), strings.TrimSpace(req.Name2), kind)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, compareResponse{Score: score, Alert: ex.Alert, Threshold: ex.Threshold, Explanation: ex})
	return nil
}

package http

import (
	_ "embed"
	"net/http"
)

type statusResponse struct {
	Status string `json:"status"`
}

// handleHealthz answers while the process is alive, loaded or not: an orchestrator should not
// restart a server that is still loading its lists.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, statusResponse{Status: "ok"})
	return nil
}

// handleReadyz answers 200 once screens can be answered, so that a load balancer sends no
// traffic before the lists are in place.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) error {
	if !s.Ready() {
		w.Header().Set("Retry-After", "5")
		return &apiError{Status: http.StatusServiceUnavailable, Code: codeNotReady, Message: "the lists are still loading"}
	}
	writeJSON(w, http.StatusOK, statusResponse{Status: "ok"})
	return nil
}

// openAPI is the API's description, written by hand; TestOpenAPIMatchesRoutes keeps it and
// the route table in step.
//
//go:embed openapi.json
var openAPI []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
	return nil
}

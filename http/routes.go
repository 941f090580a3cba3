package http

import (
	"context"
	"net/http"
	"strings"

	"github.com/corridor-aml/corridor/apikey"
)

// route is one method on one path. The table is the single source of what the server
// answers: the mux, the metrics labels and the OpenAPI test all read it.
type route struct {
	method  string
	pattern string      // a net/http ServeMux path pattern, e.g. /v1/entities/{id}
	role    apikey.Role // "" for routes open to anyone
	ready   bool        // needs the index: 503 until the lists are loaded
	compat  bool        // OpenSanctions-compatible: errors carry yente's "detail" too
	store   bool        // needs Options.Store: 503 no_store without one
	handle  func(w http.ResponseWriter, r *http.Request) error
}

func (s *Server) routeTable() []route {
	// Each route names the least role it needs; apikey.Role.Allows orders them. Decisions
	// need analyst to reach the handler, which asks approver for confirm and reject.
	screen, analyst, admin := apikey.RoleScreen, apikey.RoleAnalyst, apikey.RoleAdmin
	return []route{
		{method: "POST", pattern: "/v1/screen", role: screen, ready: true, handle: s.handleScreen},
		{method: "POST", pattern: "/v1/screen/batch", role: screen, ready: true, handle: s.handleBatch},
		{method: "POST", pattern: "/v1/compare", role: screen, ready: true, handle: s.handleCompare},
		{method: "GET", pattern: "/v1/entities/{id}", role: screen, ready: true, handle: s.handleEntity},
		{method: "GET", pattern: "/v1/lists", role: screen, ready: true, handle: s.handleLists},
		{method: "POST", pattern: "/v1/lists/reload", role: admin, handle: s.handleReload},
		{method: "POST", pattern: "/v1/payments/screen", role: screen, ready: true, handle: s.handlePayments},

		{method: "GET", pattern: "/v1/alerts", role: analyst, store: true, handle: s.handleAlerts},
		{method: "GET", pattern: "/v1/alerts/{id}", role: analyst, store: true, handle: s.handleAlert},
		{method: "POST", pattern: "/v1/alerts/{id}/decisions", role: analyst, store: true, handle: s.handleDecision},
		{method: "GET", pattern: "/v1/parties", role: analyst, store: true, handle: s.handleParties},
		{method: "GET", pattern: "/v1/parties/{id}", role: analyst, store: true, handle: s.handleParty},
		{method: "GET", pattern: "/v1/audit/verify", role: admin, store: true, handle: s.handleAuditVerify},
		{method: "GET", pattern: "/v1/audit/export", role: admin, store: true, handle: s.handleAuditExport},

		{method: "POST", pattern: "/match/{dataset}", role: screen, ready: true, compat: true, handle: s.handleMatch},
		{method: "GET", pattern: "/search/{dataset}", role: screen, ready: true, compat: true, handle: s.handleSearch},
		{method: "GET", pattern: "/entities/{id}", role: screen, ready: true, compat: true, handle: s.handleFtMEntity},
		{method: "GET", pattern: "/catalog", role: screen, ready: true, compat: true, handle: s.handleCatalog},
		{method: "GET", pattern: "/algorithms", role: screen, compat: true, handle: s.handleAlgorithms},
		{method: "GET", pattern: "/healthz", compat: true, handle: s.handleHealthz},
		{method: "GET", pattern: "/readyz", compat: true, handle: s.handleReadyz},

		{method: "GET", pattern: "/metrics", role: screen, handle: s.handleMetrics},
		{method: "GET", pattern: "/openapi.json", handle: s.handleOpenAPI},
	}
}

// buildMux registers each path once and dispatches on the method itself, so that a wrong
// method gets a JSON 405 like every other error rather than ServeMux's plain-text one.
func (s *Server) buildMux() *http.ServeMux {
	mux := http.NewServeMux()
	byPath := map[string][]route{}
	var order []string
	for _, rt := range s.routes {
		if _, ok := byPath[rt.pattern]; !ok {
			order = append(order, rt.pattern)
		}
		byPath[rt.pattern] = append(byPath[rt.pattern], rt)
	}
	for _, p := range order {
		rts := byPath[p]
		handlers := map[string]http.Handler{}
		var allow []string
		for _, rt := range rts {
			handlers[rt.method] = s.wrap(rt)
			allow = append(allow, rt.method)
		}
		notAllowed := s.wrap(route{pattern: p, compat: rts[0].compat, handle: func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return &apiError{Status: http.StatusMethodNotAllowed, Code: codeMethodNotAllowed,
				Message: r.Method + " not allowed on " + p + "; allowed: " + strings.Join(allow, ", ")}
		}})
		mux.Handle(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h, ok := handlers[r.Method]; ok {
				h.ServeHTTP(w, r)
				return
			}
			if h, ok := handlers["GET"]; ok && r.Method == "HEAD" {
				h.ServeHTTP(w, r)
				return
			}
			notAllowed.ServeHTTP(w, r)
		}))
	}
	mux.Handle("/", s.wrap(route{pattern: "unmatched", handle: func(w http.ResponseWriter, r *http.Request) error {
		return &apiError{Status: http.StatusNotFound, Code: codeNotFound, Message: "no such endpoint: " + r.URL.Path + " (see /openapi.json)"}
	}}))
	return mux
}

type ctxKey int

const (
	ctxRequestID ctxKey = iota
	ctxCaller
)

// requestID returns the ID of the request, for logs.
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxRequestID).(string)
	return id
}

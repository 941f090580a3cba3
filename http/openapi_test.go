package http

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"
)

type openAPIDoc struct {
	OpenAPI string                                 `json:"openapi"`
	Paths   map[string]map[string]openAPIOperation `json:"paths"`
}

type openAPIOperation struct {
	Responses map[string]any `json:"responses"`
	Examples  []struct {
		Name   string          `json:"name"`
		Path   string          `json:"path"`
		Body   json.RawMessage `json:"body"`
		Raw    *string         `json:"raw"`
		Status int             `json:"status"`
		Code   string          `json:"code"`
	} `json:"x-corridor-examples"`
}

// The OpenAPI document and the route table describe the same API: every documented
// operation is routed, every route is documented, and every example request gets the
// status (and error code) the document gives when sent to the real handler.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	// The store examples act on the alerts newTestStore sets up, each on its own alert, so
	// that they hold in whatever order the map of paths is walked.
	s := newTestServer(t, Options{Store: newTestStore(t)})
	routed := map[string]bool{}
	for _, rt := range s.routes {
		routed[strings.ToLower(rt.method)+" "+rt.pattern] = true
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			key := method + " " + path
			documented[key] = true
			if !routed[key] {
				t.Errorf("documented but not routed: %s", key)
			}
			if len(op.Examples) == 0 {
				t.Errorf("%s: no x-corridor-examples", key)
			}
			for _, ex := range op.Examples {
				if _, ok := op.Responses[strconv.Itoa(ex.Status)]; !ok {
					t.Errorf("%s example %q: status %d is not among the documented responses", key, ex.Name, ex.Status)
				}
				target := ex.Path
				if target == "" {
					target = path
				}
				body := ""
				switch {
				case ex.Raw != nil:
					body = *ex.Raw
				case len(ex.Body) > 0:
					body = string(ex.Body)
				}
				r := do(t, s.Handler(), strings.ToUpper(method), target, body)
				if r.status != ex.Status {
					t.Errorf("%s example %q: status %d, want %d: %.300s", key, ex.Name, r.status, ex.Status, r.body)
					continue
				}
				if ex.Code != "" && r.errorCode(t) != ex.Code {
					t.Errorf("%s example %q: code %s, want %s", key, ex.Name, r.errorCode(t), ex.Code)
				}
			}
		}
	}
	var missing []string
	for key := range routed {
		if !documented[key] {
			missing = append(missing, key)
		}
	}
	sort.Strings(missing)
	for _, key := range missing {
		t.Errorf("routed but not documented: %s", key)
	}
	if r := do(t, s.Handler(), http.MethodGet, "/openapi.json", ""); r.status != 200 || r.header.Get("Content-Type") != "application/json" {
		t.Errorf("/openapi.json: %d %v", r.status, r.header)
	}
}

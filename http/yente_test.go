package http

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The OpenSanctions-compatible routes answer the recorded requests of testdata/yente, written
// from yente's documented request and response shapes, with answers of the recorded shape.
// A recorded answer is a pattern: objects must have every key it has (more are allowed),
// arrays at least its elements, in order, and "<string>", "<number>", "<bool>",
// "<string|null>" and "<any>" stand for values that vary (scores, timestamps).
func TestYenteContract(t *testing.T) {
	files, err := filepath.Glob("testdata/yente/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	s := newTestServer(t, Options{})
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var fx struct {
				Request struct {
					Method, Path string
					Body         json.RawMessage
				}
				Response struct {
					Status int
					Body   any
				}
			}
			if err := json.Unmarshal(b, &fx); err != nil {
				t.Fatal(err)
			}
			r := do(t, s.Handler(), fx.Request.Method, fx.Request.Path, string(fx.Request.Body))
			if r.status != fx.Response.Status {
				t.Fatalf("status %d, want %d: %.400s", r.status, fx.Response.Status, r.body)
			}
			var got any
			if err := json.Unmarshal(r.body, &got); err != nil {
				t.Fatal(err)
			}
			for _, problem := range matchPattern("$", fx.Response.Body, got) {
				t.Error(problem)
			}
		})
	}
}

func matchPattern(at string, want, got any) []string {
	switch w := want.(type) {
	case string:
		switch w {
		case "<any>":
			return nil
		case "<string>":
			if _, ok := got.(string); ok {
				return nil
			}
		case "<number>":
			if _, ok := got.(float64); ok {
				return nil
			}
		case "<bool>":
			if _, ok := got.(bool); ok {
				return nil
			}
		case "<string|null>":
			if _, ok := got.(string); ok || got == nil {
				return nil
			}
		default:
			if got == w {
				return nil
			}
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			break
		}
		var out []string
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				out = append(out, fmt.Sprintf("%s.%s: missing", at, k))
				continue
			}
			out = append(out, matchPattern(at+"."+k, wv, gv)...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || (len(w) == 0 && len(g) != 0) || len(g) < len(w) {
			break
		}
		var out []string
		for i := range w {
			out = append(out, matchPattern(fmt.Sprintf("%s[%d]", at, i), w[i], g[i])...)
		}
		return out
	default:
		if want == got {
			return nil
		}
	}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	return []string{fmt.Sprintf("%s: got %.300s, want %.300s", at, gb, wb)}
}

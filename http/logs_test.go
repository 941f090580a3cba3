package http

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// Every request is logged as one JSON line with its request ID, route and status.
func TestRequestLog(t *testing.T) {
	var buf syncBuffer
	s := newTestServer(t, Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	r := do(t, s.Handler(), "POST", "/v1/screen", `{"name":"x","type":"robot"}`, "X-Request-ID", "req-42")
	if r.status != 400 {
		t.Fatal(r.status)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(buf.b.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if m["msg"] == "request" && m["request_id"] == "req-42" {
			found = true
			if m["route"] != "/v1/screen" || m["status"] != float64(400) || m["method"] != "POST" {
				t.Errorf("log line %v", m)
			}
		}
	}
	if !found {
		t.Errorf("no request line for req-42 in\n%s", buf.b.String())
	}
}

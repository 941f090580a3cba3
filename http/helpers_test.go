package http

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
)

// The bundled lists and their index, built once per test binary: each takes a fraction of a
// second, many times that under -race.
var fixture = sync.OnceValues(func() (*fixtureData, error) {
	snaps, err := bundled.Load()
	if err != nil {
		return nil, err
	}
	idx, err := match.Build(snaps, match.Config{})
	if err != nil {
		return nil, err
	}
	return &fixtureData{snaps: snaps, idx: idx}, nil
})

type fixtureData struct {
	snaps []*corridor.ListSnapshot
	idx   *match.Index
}

func loadFixture(t testing.TB) *fixtureData {
	t.Helper()
	f, err := fixture()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// newTestServer returns a server over the bundled lists, loaded and ready.
func newTestServer(t testing.TB, opt Options) *Server {
	t.Helper()
	f := loadFixture(t)
	if opt.Load == nil {
		opt.Load = func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) { return f.idx, f.snaps, nil }
	}
	s := New(opt)
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

// errorCode returns the code of an error answer, checking its shape.
func (r reply) errorCode(t testing.TB) string {
	t.Helper()
	m := r.json(t)
	e, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %s", r.body)
	}
	if msg, _ := e["message"].(string); msg == "" {
		t.Errorf("error without a message: %s", r.body)
	}
	code, _ := e["code"].(string)
	return code
}

func do(t testing.TB, h http.Handler, method, target, body string, header ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return reply{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func mustDecode(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
}

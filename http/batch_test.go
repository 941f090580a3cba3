package http

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func batchLines(t *testing.T, body []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(string(body)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}

func errCodeOf(m map[string]any) string {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func TestBatch(t *testing.T) {
	s := newTestServer(t, Options{})
	in := `{"id":"a","name":"Sirajuddin Haqqani"}` + "\n\n" +
		`{"id":"b","name":""}` + "\r\n" +
		`not json` + "\n" +
		`{"id":"d","name":"Margaret Thistlewood","dob":"x"}` + "\n" +
		`{"id":"e","name":"Margaret Thistlewood"}` // no newline at the end
	r := do(t, s.Handler(), "POST", "/v1/screen/batch", in)
	if r.status != 200 || r.header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("%d %v", r.status, r.header)
	}
	if v := r.header.Get("Corridor-List-Versions"); !strings.Contains(v, "un@sha256:") {
		t.Errorf("Corridor-List-Versions %q", v)
	}
	lines := batchLines(t, r.body)
	want := []struct {
		line float64
		id   string
		code string
	}{{1, "a", ""}, {3, "b", codeMissingName}, {4, "", codeMalformedJSON}, {5, "", codeUnknownField}, {6, "e", ""}}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), r.body)
	}
	for i, w := range want {
		l := lines[i]
		if l["line"] != w.line || (w.id != "" && l["id"] != w.id) || errCodeOf(l) != w.code {
			t.Errorf("line %d: %v, want %+v", i+1, l, w)
		}
	}
	if lines[0]["alert"] != true || lines[4]["alert"] != false {
		t.Errorf("alerts: %v / %v", lines[0]["alert"], lines[4]["alert"])
	}
	if _, ok := lines[1]["matches"]; ok {
		t.Errorf("an error line carries matches: %v", lines[1])
	}
}

func TestBatchLimits(t *testing.T) {
	s := newTestServer(t, Options{Limits: Limits{MaxBatchLines: 3, MaxLineBytes: 100}})
	h := s.Handler()
	line := `{"name":"Ali Khan"}` + "\n"
	cases := []struct {
		name, body string
		status     int
		code       string // of the error answer, or of the last line when status is 200
		lines      int
	}{
		{"empty", "", 400, codeEmptyBody, 0},
		{"only blank lines", "\n\n", 400, codeEmptyBody, 0},
		{"first line too long", `{"name":"` + strings.Repeat("a", 120) + `"}`, 413, codeLineTooLong, 0},
		{"later line too long", line + `{"name":"` + strings.Repeat("a", 120) + `"}`, 200, codeLineTooLong, 2},
		{"too many lines", line + line + "\n" + line + line, 200, codeTooManyLines, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, "POST", "/v1/screen/batch", c.body)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if c.status != 200 {
				if got := r.errorCode(t); got != c.code {
					t.Errorf("code %q, want %q", got, c.code)
				}
				return
			}
			lines := batchLines(t, r.body)
			if len(lines) != c.lines || errCodeOf(lines[len(lines)-1]) != c.code {
				t.Errorf("lines %v, want %d ending in %s", lines, c.lines, c.code)
			}
		})
	}
	// A declared length beyond what the limits allow is refused before reading.
	req := httptest.NewRequest("POST", "/v1/screen/batch", strings.NewReader(line))
	req.ContentLength = 1 << 30
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Errorf("huge Content-Length: %d", rec.Code)
	}
}

// The batch endpoint answers each line before the next is sent: neither side buffers the
// whole body. Over a real connection, through net/http's full-duplex mode.
func TestBatchStreams(t *testing.T) {
	s := newTestServer(t, Options{})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", ts.URL+"/v1/screen/batch", pr)
	type result struct {
		resp *http.Response
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		got <- result{resp, err}
	}()
	fmt.Fprintln(pw, `{"id":"1","name":"Sirajuddin Haqqani"}`)
	var res result
	select {
	case res = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no answer to the first line while the body is still open")
	}
	if res.err != nil {
		t.Fatal(res.err)
	}
	defer res.resp.Body.Close()
	rd := bufio.NewReader(res.resp.Body)
	for i := 1; i <= 3; i++ {
		if i > 1 {
			fmt.Fprintf(pw, `{"id":"%d","name":"Ali Khan"}`+"\n", i)
		}
		l, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if !strings.Contains(l, fmt.Sprintf(`"id":"%d"`, i)) {
			t.Errorf("answer %d: %s", i, l)
		}
	}
	pw.Close()
	if rest, _ := io.ReadAll(rd); len(rest) != 0 {
		t.Errorf("after the body ended: %q", rest)
	}
}

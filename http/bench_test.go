package http

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/eval"
)

// BenchmarkScreenHandler runs POST /v1/screen in process, through the whole handler (routing,
// request ID, decoding, screening, explaining, encoding, metrics), on the bundled negatives
// with every tenth listed name mixed in, as the load test does over the network.
func BenchmarkScreenHandler(b *testing.B) {
	s := newTestServer(b, Options{})
	bodies := benchBodies(b)
	h := s.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req := httptest.NewRequest("POST", "/v1/screen", strings.NewReader(bodies[i%len(bodies)]))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			i++
		}
	})
}

func benchBodies(b *testing.B) []string {
	negatives, err := eval.BundledNegatives()
	if err != nil {
		b.Fatal(err)
	}
	f := loadFixture(b)
	var bodies []string
	for _, snap := range f.snaps {
		for i := 0; i < len(snap.Entities); i += 10 {
			bodies = append(bodies, mustJSON(map[string]string{"name": snap.Entities[i].PrimaryName()}))
		}
	}
	for _, n := range negatives[:20000] {
		bodies = append(bodies, mustJSON(map[string]string{"name": n}))
	}
	// Interleave, so that every stretch of requests mixes listed names and negatives.
	out := make([]string, 0, len(bodies))
	listed, rest := bodies[:len(bodies)-20000], bodies[len(bodies)-20000:]
	for i := range rest {
		out = append(out, rest[i])
		if i%7 == 0 && i/7 < len(listed) {
			out = append(out, listed[i/7])
		}
	}
	return out
}

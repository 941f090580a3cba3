package http

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// A second index of the same lists, so that a reload really swaps one index for another.
var otherIndex = sync.OnceValues(func() (*match.Index, error) {
	f, err := fixture()
	if err != nil {
		return nil, err
	}
	return match.Build(f.snaps, match.Config{})
})

// Many clients screen over real connections while the lists are reloaded again and again:
// not one request may fail.
func TestReloadUnderLoad(t *testing.T) {
	f := loadFixture(t)
	other, err := otherIndex()
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	s := newTestServer(t, Options{Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		if n.Add(1)%2 == 0 {
			return other, f.snaps, nil
		}
		return f.idx, f.snaps, nil
	}})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	names := []string{`{"name":"Sirajuddin Haqqani"}`, `{"name":"Margaret Thistlewood","birthDate":"1980"}`, `{"name":"Bank Melli","type":"organization"}`}
	stop := make(chan struct{})
	var ok, failed atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Post(ts.URL+"/v1/screen", "application/json", bytes.NewBufferString(names[i%len(names)]))
				if err != nil {
					failed.Add(1)
					t.Error(err)
					continue
				}
				var body bytes.Buffer
				body.ReadFrom(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					failed.Add(1)
					t.Errorf("status %d: %s", resp.StatusCode, body.Bytes())
					continue
				}
				ok.Add(1)
			}
		}(g)
	}
	for i := 0; i < 6; i++ {
		time.Sleep(40 * time.Millisecond)
		resp, err := http.Post(ts.URL+"/v1/lists/reload", "", nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("reload: %v %v", resp, err)
		}
		resp.Body.Close()
	}
	time.Sleep(20 * time.Millisecond)
	close(stop)
	wg.Wait()
	if failed.Load() != 0 || ok.Load() == 0 {
		t.Errorf("%d requests failed, %d succeeded", failed.Load(), ok.Load())
	}
	if got := n.Load(); got != 7 {
		t.Errorf("%d loads, want 7", got)
	}
	t.Logf("%d screens during 6 reloads", ok.Load())
}

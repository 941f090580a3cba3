package http

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// Run opens the socket before the lists are loaded, loads them in the background, and on
// cancellation lets a request in flight finish before it returns.
func TestRunLoadsInBackgroundAndShutsDownGracefully(t *testing.T) {
	f := loadFixture(t)
	release := make(chan struct{})
	s := New(Options{Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		<-release
		return f.idx, f.snaps, nil
	}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, RunOptions{ShutdownGrace: 10 * time.Second}) }()

	status := func(path string) int {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := status("/readyz"); st != 503 {
		t.Errorf("readyz before load: %d", st)
	}
	if st := status("/healthz"); st != 200 {
		t.Errorf("healthz before load: %d", st)
	}
	close(release)
	deadline := time.Now().Add(10 * time.Second)
	for status("/readyz") != 200 {
		if time.Now().After(deadline) {
			t.Fatal("never ready")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// A batch stream in flight when shutdown starts.
	pr, pw := io.Pipe()
	resp := make(chan *http.Response, 1)
	go func() {
		r, err := http.Post(url+"/v1/screen/batch", "application/x-ndjson", pr)
		if err != nil {
			t.Error(err)
			close(resp)
			return
		}
		resp <- r
	}()
	fmt.Fprintln(pw, `{"id":"1","name":"Ali Khan"}`)
	r := <-resp
	if r == nil {
		t.FailNow()
	}
	rd := bufio.NewReader(r.Body)
	if _, err := rd.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown close the listener
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("new connections accepted after shutdown began")
	}
	select {
	case err := <-done:
		t.Fatalf("Run returned while a request was in flight: %v", err)
	default:
	}
	fmt.Fprintln(pw, `{"id":"2","name":"Sirajuddin Haqqani"}`)
	pw.Close()
	rest, err := io.ReadAll(rd)
	if err != nil || !strings.Contains(string(rest), `"id":"2"`) {
		t.Errorf("the request in flight did not finish: %q %v", rest, err)
	}
	r.Body.Close()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("Run did not return after the last request")
	}
}

// With ReloadEvery, Run reloads the lists on a schedule.
func TestRunReloadsOnSchedule(t *testing.T) {
	f := loadFixture(t)
	loads := make(chan struct{}, 100)
	s := New(Options{Load: func(context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
		loads <- struct{}{}
		return f.idx, f.snaps, nil
	}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, RunOptions{ReloadEvery: 20 * time.Millisecond}) }()
	for i := 0; i < 3; i++ { // the first load, then two on schedule
		select {
		case <-loads:
		case <-time.After(10 * time.Second):
			t.Fatalf("only %d loads", i)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// Command corridor-load is a load generator for corridor serve: it sends POST /v1/screen
// with names drawn from the bundled lists and the bundled negatives, as fast as the server
// answers, over a fixed number of connections, and prints requests per second, latency
// percentiles and errors. With -reload-every it also reloads the lists during the run, to
// check that a reload under load loses no request. It runs in its own process so that it
// does not share the server's scheduler and heap.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists/bundled"
)

type options struct {
	url         string
	conns       int
	duration    time.Duration
	warmup      time.Duration
	reloadEvery time.Duration
	key         string
	listedShare float64
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "http://127.0.0.1:8080", "base URL of corridor serve")
	flag.IntVar(&o.conns, "c", 16, "connections (one client goroutine each)")
	flag.DurationVar(&o.duration, "d", 10*time.Second, "how long to measure")
	flag.DurationVar(&o.warmup, "warmup", time.Second, "how long to send before measuring")
	flag.DurationVar(&o.reloadEvery, "reload-every", 0, "POST /v1/lists/reload this often during the run (0: never)")
	flag.StringVar(&o.key, "key", os.Getenv("CORRIDOR_KEY"), "API key (env CORRIDOR_KEY); an admin key to reload")
	flag.Float64Var(&o.listedShare, "listed", 0.1, "share of requests with a listed name; the rest are the bundled negatives")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "corridor-load:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	bodies, err := requestBodies(o.listedShare)
	if err != nil {
		return err
	}
	tr := &http.Transport{MaxIdleConns: o.conns * 2, MaxIdleConnsPerHost: o.conns * 2, MaxConnsPerHost: o.conns * 2}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	ctx, cancel := context.WithTimeout(context.Background(), o.warmup+o.duration)
	defer cancel()
	measureFrom := time.Now().Add(o.warmup)
	type worker struct {
		lat    []time.Duration
		errs   int
		errMsg map[string]int
	}
	workers := make([]worker, o.conns)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func(w *worker, seed uint64) {
			defer wg.Done()
			w.errMsg = map[string]int{}
			rng := rand.New(rand.NewPCG(seed, 1))
			for ctx.Err() == nil {
				body := bodies[rng.IntN(len(bodies))]
				start := time.Now()
				err := screen(ctx, client, o, body)
				if ctx.Err() != nil {
					return // cut off by the end of the run: not the server's fault
				}
				if start.Before(measureFrom) {
					continue
				}
				if err != nil {
					w.errs++
					w.errMsg[err.Error()]++
					continue
				}
				w.lat = append(w.lat, time.Since(start))
			}
		}(&workers[w], uint64(w)+1)
	}
	var reloads, reloadErrs int
	if o.reloadEvery > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(o.reloadEvery)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if err := reload(ctx, client, o); err != nil && ctx.Err() == nil {
						reloadErrs++
						fmt.Fprintln(os.Stderr, "reload:", err)
					} else if err == nil {
						reloads++
					}
				}
			}
		}()
	}
	wg.Wait()

	var lat []time.Duration
	errs := 0
	msgs := map[string]int{}
	for _, w := range workers {
		lat = append(lat, w.lat...)
		errs += w.errs
		for m, n := range w.errMsg {
			msgs[m] += n
		}
	}
	if len(lat) == 0 {
		return errors.New("no request succeeded")
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(float64(len(lat))*p))] }
	fmt.Printf("connections %d, %s measured after %s warm-up, %d request bodies (%.0f%% listed names)\n",
		o.conns, o.duration, o.warmup, len(bodies), o.listedShare*100)
	fmt.Printf("requests %d ok, %d errors: %.0f req/s\n", len(lat), errs, float64(len(lat))/o.duration.Seconds())
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  p99.9 %s  max %s\n",
		round(pct(.5)), round(pct(.9)), round(pct(.99)), round(pct(.999)), round(lat[len(lat)-1]))
	if o.reloadEvery > 0 {
		fmt.Printf("reloads %d ok, %d failed\n", reloads, reloadErrs)
	}
	for m, n := range msgs {
		fmt.Printf("  error x%d: %s\n", n, m)
	}
	if errs > 0 || reloadErrs > 0 {
		return fmt.Errorf("%d requests and %d reloads failed", errs, reloadErrs)
	}
	return nil
}

func round(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }

func screen(ctx context.Context, c *http.Client, o options, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, "POST", o.url+"/v1/screen", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if o.key != "" {
		req.Header.Set("Authorization", "Bearer "+o.key)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func reload(ctx context.Context, c *http.Client, o options) error {
	req, err := http.NewRequestWithContext(ctx, "POST", o.url+"/v1/lists/reload", nil)
	if err != nil {
		return err
	}
	if o.key != "" {
		req.Header.Set("Authorization", "Bearer "+o.key)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

// requestBodies returns screen requests: the primary names of the bundled lists and the
// bundled negatives, in the proportion asked for.
func requestBodies(listedShare float64) ([][]byte, error) {
	snaps, err := bundled.Load()
	if err != nil {
		return nil, err
	}
	var listed []string
	for _, s := range snaps {
		for i := range s.Entities {
			if n := s.Entities[i].PrimaryName(); n != "" {
				listed = append(listed, n)
			}
		}
	}
	negatives, err := eval.BundledNegatives()
	if err != nil {
		return nil, err
	}
	nListed := int(float64(len(negatives)) * listedShare / (1 - listedShare))
	var bodies [][]byte
	for i := 0; i < nListed; i++ {
		bodies = append(bodies, body(listed[i%len(listed)]))
	}
	for _, n := range negatives {
		bodies = append(bodies, body(n))
	}
	return bodies, nil
}

func body(name string) []byte {
	b, _ := json.Marshal(map[string]string{"name": name})
	return b
}

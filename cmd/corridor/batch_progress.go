package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/corridor-aml/corridor/batch"
)

// batchProgress shows a batch's progress on a terminal: the share of the file read, rows/s and
// the time left. It draws nothing when standard error is not a terminal, so that logs of
// scheduled runs stay clean.
type batchProgress struct {
	w     io.Writer
	src   batch.Source
	bar   *progressbar.ProgressBar
	start time.Time
	last  time.Time
	mu    sync.Mutex // bad-row warnings and the bar share the terminal
}

func newBatchProgress(w io.Writer, src batch.Source, quiet bool) *batchProgress {
	p := &batchProgress{w: w, src: src, start: time.Now()}
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	_, total, inBytes := src.Progress()
	if total <= 0 {
		total = -1 // a spinner
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(inBytes),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("screening"),
	)
	return p
}

// update is called by the batch after each chunk of rows is written.
func (p *batchProgress) update(rows int64) {
	if p.bar == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	done, _, _ := p.src.Progress()
	p.mu.Lock()
	defer p.mu.Unlock()
	rate := float64(rows) / max(now.Sub(p.start).Seconds(), 1e-3)
	p.bar.Describe(fmt.Sprintf("%d rows, %.0f rows/s", rows, rate))
	p.bar.Set64(done)
}

func (p *batchProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// warnings returns where bad rows are reported: above the bar, which is cleared first.
func (p *batchProgress) warnings() io.Writer {
	if p.bar == nil {
		return p.w
	}
	return writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.bar.Clear()
		return p.w.Write(b)
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

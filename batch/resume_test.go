package batch

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// outputs are the files a batch leaves, read back.
type outputs struct {
	results, alerts, report []byte
	dir                     string
}

var reportTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func withReport(dir string) func(*Config) {
	return func(c *Config) {
		c.Report = filepath.Join(dir, "report.html")
		c.Now = func() time.Time { return reportTime }
	}
}

func readOutputs(t *testing.T, dir string) outputs {
	t.Helper()
	o := outputs{dir: dir}
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"results.csv", &o.results}, {"results.alerts.csv", &o.alerts}, {"report.html", &o.report}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		*f.dst = b
	}
	return o
}

func (o outputs) compare(t *testing.T, whole outputs, what string) {
	t.Helper()
	if !bytes.Equal(o.results, whole.results) {
		t.Errorf("%s: the results file differs from an uninterrupted run's:\n%s", what, firstDiff(o.results, whole.results))
	}
	if !bytes.Equal(o.alerts, whole.alerts) {
		t.Errorf("%s: the alerts CSV differs:\n%s", what, firstDiff(o.alerts, whole.alerts))
	}
	if !bytes.Equal(o.report, whole.report) {
		t.Errorf("%s: the report differs:\n%s", what, firstDiff(o.report, whole.report))
	}
}

// wholeRun makes the reference: the outputs of a batch that ran without a stop.
func wholeRun(t *testing.T, input []byte) outputs {
	dir := t.TempDir()
	if _, err := batchFiles(t, context.Background(), dir, input, withReport(dir)); err != nil {
		t.Fatal(err)
	}
	return readOutputs(t, dir)
}

func resume(t *testing.T, dir string, input []byte) *Result {
	t.Helper()
	res, err := batchFiles(t, context.Background(), dir, input, func(c *Config) {
		withReport(dir)(c)
		c.Resume = true
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Interrupted {
		t.Fatal("resumed batch interrupted")
	}
	return res
}

// Ctrl-C at a random row, then --resume, gives what an uninterrupted run gives.
func TestResumeAfterCancel(t *testing.T) {
	rows := testRows(t, 3000)
	input := encodeCSV(t, rows, ';')
	whole := wholeRun(t, input)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		stopAt := rng.Int64N(int64(len(rows)))
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		res, err := batchFiles(t, ctx, dir, input, func(c *Config) {
			withReport(dir)(c)
			c.Progress = func(rows int64) {
				if rows >= stopAt {
					cancel()
				}
			}
		})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if !res.Interrupted && res.Rows < int64(len(rows)-1) {
			t.Fatalf("stopped at %d: not interrupted after %d rows", stopAt, res.Rows)
		}
		if _, err := os.Stat(filepath.Join(dir, "report.html")); res.Interrupted && err == nil {
			t.Errorf("an interrupted batch wrote a report")
		}
		partial, _ := os.ReadFile(filepath.Join(dir, "results.csv"))
		if !bytes.HasPrefix(whole.results, partial) {
			t.Fatalf("stopped at %d: the partial results are not a prefix of the whole", stopAt)
		}
		again := resume(t, dir, input)
		if again.Resumed != res.Rows {
			t.Errorf("resumed after %d rows, %d were written", again.Resumed, res.Rows)
		}
		readOutputs(t, dir).compare(t, whole, "cancelled after "+strconv.FormatInt(res.Rows, 10)+" rows")
	}
}

// A crash can leave the results file cut anywhere, even inside a record or a quoted field
// holding a line break: --resume cuts the partial record and goes on.
func TestResumeAfterTruncation(t *testing.T) {
	rows := testRows(t, 1200)
	input := encodeCSV(t, rows, ',')
	whole := wholeRun(t, input)
	rng := rand.New(rand.NewPCG(3, 4))
	cuts := []int64{0, 1, 10, int64(bytes.IndexByte(whole.results, '\n')), int64(bytes.IndexByte(whole.results, '\n') + 1), int64(len(whole.results)) - 1, int64(len(whole.results))}
	for range 8 {
		cuts = append(cuts, rng.Int64N(int64(len(whole.results))))
	}
	// A cut just after a line break inside a quoted field.
	if i := bytes.Index(whole.results, []byte("multi\n")); i > 0 {
		cuts = append(cuts, int64(i+len("multi\n")))
	}
	sidecar, err := os.ReadFile(SidecarPath(filepath.Join(whole.dir, "results.csv")))
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range cuts {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "results.csv"), whole.results[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(SidecarPath(filepath.Join(dir, "results.csv")), sidecar, 0o644); err != nil {
			t.Fatal(err)
		}
		resume(t, dir, input)
		readOutputs(t, dir).compare(t, whole, "cut at byte "+strconv.FormatInt(cut, 10))
	}
}

// A batch killed outright (SIGKILL, as a crash or the OOM killer would) resumes as well.
// The test binary runs the batch in a child process, which the test kills when the results
// file has grown to a random size.
func TestResumeAfterKill(t *testing.T) {
	if dir := os.Getenv("CORRIDOR_BATCH_CHILD"); dir != "" {
		// The child: a batch slowed down so that the parent can catch it mid-way.
		input, _ := os.ReadFile(filepath.Join(dir, "input.csv"))
		_, err := batchFiles(t, context.Background(), dir, input, func(c *Config) {
			c.Progress = func(int64) { time.Sleep(3 * time.Millisecond) }
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	rows := testRows(t, 3000)
	input := encodeCSV(t, rows, ',')
	whole := wholeRun(t, input)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2 {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "input.csv"), input, 0o644); err != nil {
			t.Fatal(err)
		}
		killAt := rng.Int64N(int64(len(whole.results)))
		cmd := exec.Command(os.Args[0], "-test.run=^TestResumeAfterKill$")
		cmd.Env = append(os.Environ(), "CORRIDOR_BATCH_CHILD="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		results := filepath.Join(dir, "results.csv")
		deadline := time.Now().Add(2 * time.Minute)
		for time.Now().Before(deadline) {
			if fi, err := os.Stat(results); err == nil && fi.Size() >= killAt {
				break
			}
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		fi, _ := os.Stat(results)
		t.Logf("killed at %d bytes of %d", fi.Size(), len(whole.results))
		resume(t, dir, input)
		readOutputs(t, dir).compare(t, whole, "killed")
	}
}

// --resume refuses results made from another input, other lists or another threshold.
func TestResumeRefusesAnotherJob(t *testing.T) {
	rows := testRows(t, 200)
	input := encodeCSV(t, rows, ',')
	dir := t.TempDir()
	if _, err := batchFiles(t, context.Background(), dir, input, nil); err != nil {
		t.Fatal(err)
	}
	other, err := match.Build(fixture.snaps, match.Config{Threshold: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		input []byte
		mod   func(*Config)
		want  string
	}{
		{"input", append(bytes.Clone(input), "S9,x,,,,\n"...), nil, "another input"},
		{"lists", input, func(c *Config) { c.Lists = []corridor.ListID{"un"} }, "the lists"},
		{"threshold", input, func(c *Config) { c.Index = other }, ", not 0.9:"},
		{"columns", input, func(c *Config) { c.Map = []string{"dob=-"} }, "columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := batchFiles(t, context.Background(), dir, tc.input, func(c *Config) {
				if tc.mod != nil {
					tc.mod(c)
				}
				c.Resume = true
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "without --resume") {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
	os.Remove(SidecarPath(filepath.Join(dir, "results.csv")))
	if _, err := batchFiles(t, context.Background(), dir, input, func(c *Config) { c.Resume = true }); err == nil || !strings.Contains(err.Error(), "batch.json") {
		t.Errorf("no sidecar: %v", err)
	}
}

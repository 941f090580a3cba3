package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor/internal/atomicfile"
)

// Job is what a results file was made from and with. It is stored beside the results file
// (results.csv.batch.json) so that --resume can refuse to append the results of another
// input, other lists or another threshold: the file would then hold two batches in one.
type Job struct {
	Input     string   `json:"input"` // the file's name, for people; Size and SHA256 decide
	Size      int64    `json:"size"`
	SHA256    string   `json:"sha256"`
	Sheet     string   `json:"sheet,omitempty"`
	Columns   string   `json:"columns"`
	Kind      string   `json:"kind"`
	Screened  []string `json:"screened"` // the lists screened
	Versions  []string `json:"versions"` // every list in the index, as list@hash: weights depend on all
	Threshold float64  `json:"threshold"`
	MinScore  float64  `json:"min_score"`
	Header    []string `json:"header"`
}

// SidecarPath is where the Job of a results file is kept.
func SidecarPath(results string) string { return results + ".batch.json" }

// HashFile returns the size and SHA-256 of a file.
func HashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

func writeSidecar(path string, job Job) error {
	b, err := json.MarshalIndent(job, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteSynced(path, append(b, '\n'), 0o644)
}

func readSidecar(path string) (Job, error) {
	var job Job
	b, err := os.ReadFile(path)
	if err != nil {
		return job, err
	}
	if err := json.Unmarshal(b, &job); err != nil {
		return job, fmt.Errorf("%s: %w", path, err)
	}
	return job, nil
}

// sameJob says how the job a results file was made by differs from this one, "" when not.
func sameJob(was, now Job) string {
	switch {
	case was.Size != now.Size || was.SHA256 != now.SHA256:
		return fmt.Sprintf("another input: %s (%d bytes, sha256 %.12s), not %s (%d bytes, sha256 %.12s)",
			was.Input, was.Size, was.SHA256, now.Input, now.Size, now.SHA256)
	case was.Sheet != now.Sheet:
		return fmt.Sprintf("sheet %q, not %q", was.Sheet, now.Sheet)
	case was.Columns != now.Columns:
		return fmt.Sprintf("the columns %s, not %s", was.Columns, now.Columns)
	case was.Kind != now.Kind:
		return fmt.Sprintf("--type %s, not %s", was.Kind, now.Kind)
	case !slices.Equal(was.Screened, now.Screened):
		return fmt.Sprintf("the lists %s, not %s", strings.Join(was.Screened, ","), strings.Join(now.Screened, ","))
	case !slices.Equal(was.Versions, now.Versions):
		return fmt.Sprintf("the list versions %s, not %s", strings.Join(was.Versions, " "), strings.Join(now.Versions, " "))
	case was.Threshold != now.Threshold || was.MinScore != now.MinScore:
		return fmt.Sprintf("threshold %v, not %v", was.Threshold, now.Threshold)
	case !slices.Equal(was.Header, now.Header):
		return "another header"
	}
	return ""
}

// checkResume refuses to resume a results file made by another job.
func checkResume(results string, now Job) error {
	was, err := readSidecar(SidecarPath(results))
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("--resume: %s has no record of the batch that wrote it (%s is missing): run without --resume to start again",
			results, filepath.Base(SidecarPath(results)))
	}
	if err != nil {
		return fmt.Errorf("--resume: %w", err)
	}
	if diff := sameJob(was, now); diff != "" {
		return fmt.Errorf("--resume: %s was made from %s: run without --resume to start again, or -o another file", results, diff)
	}
	return nil
}

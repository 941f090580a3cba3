package batch

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"testing"
)

// BenchmarkBatch measures the whole pipeline: CSV parsing, screening on every core, writing
// the results in order. One op is one row.
func BenchmarkBatch(b *testing.B) {
	rows := testRows(b, 50_000)
	input := encodeCSV(b, rows, ',')
	idx := testIndex(b)
	b.SetBytes(int64(len(input)) / int64(len(rows)))
	b.ReportAllocs()
	b.ResetTimer()
	done := 0
	for done < b.N {
		src, err := NewCSVSource(bytes.NewReader(input), CSVOptions{})
		if err != nil {
			b.Fatal(err)
		}
		lim := &limitSource{Source: src, left: b.N - done} // so that ns/op is per row
		res, err := Run(context.Background(), Config{Source: lim, Index: idx, Stdout: io.Discard, Workers: runtime.GOMAXPROCS(0)})
		if err != nil {
			b.Fatal(err)
		}
		done += int(res.Rows)
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "rows/s")
}

type limitSource struct {
	Source
	left int
}

func (l *limitSource) Next(rec *Record) error {
	if l.left == 0 {
		return io.EOF
	}
	l.left--
	return l.Source.Next(rec)
}

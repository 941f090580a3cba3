package custom

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

func benchmarkParse(b *testing.B, content []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		snap, err := Parse(testList, bytes.NewReader(content))
		if err != nil || len(snap.Entities) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseExample reads testdata/example.csv, the bundled file.
func BenchmarkParseExample(b *testing.B) {
	content, err := os.ReadFile("testdata/example.csv")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkParse(b, content)
}

// BenchmarkParseLarge reads 20,000 rows, the example's rows with renumbered ids: the size of
// a large institution's own list.
func BenchmarkParseLarge(b *testing.B) {
	content, err := os.ReadFile("testdata/example.csv")
	if err != nil {
		b.Fatal(err)
	}
	header, rows, _ := bytes.Cut(content, []byte("\n"))
	var large bytes.Buffer
	large.Write(header)
	large.WriteByte('\n')
	for i := range 20000 / 9 {
		large.Write(bytes.ReplaceAll(rows, []byte("HSB-"), []byte(fmt.Sprintf("HSB-%d-", i))))
	}
	benchmarkParse(b, large.Bytes())
}

package eu

import (
	"bytes"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	raw := readExtract(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

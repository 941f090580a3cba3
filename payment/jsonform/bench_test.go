package jsonform

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func BenchmarkRead(b *testing.B) {
	one := example(b)
	ndjson := strings.Repeat(strings.ReplaceAll(one, "\n", "")+"\n", 100)
	for name, data := range map[string]string{"one": one, "ndjson-100": ndjson} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(strings.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	ps, err := Read(strings.NewReader(example(b)))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, ps); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, ps); err != nil {
			b.Fatal(err)
		}
	}
}

package ftm

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The bundled files are small and hand-written (see ftm_test.go); BenchmarkParseLarge reads
// 500 renamed copies of entities.ftm.json (19,000 lines, about 9 MB) for a per-entity cost
// closer to a real OpenSanctions dataset's.

func benchmarkFile(b *testing.B, content []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		snap, err := Parse(testList, bytes.NewReader(content))
		if err != nil || len(snap.Entities) == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseFlat(b *testing.B) {
	content, err := os.ReadFile("testdata/entities.ftm.json")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkFile(b, content)
}

func BenchmarkParseNested(b *testing.B) {
	content, err := os.ReadFile("testdata/targets.nested.json")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkFile(b, content)
}

func BenchmarkParseLarge(b *testing.B) {
	content, err := os.ReadFile("testdata/entities.ftm.json")
	if err != nil {
		b.Fatal(err)
	}
	// Every quoted entity ID gets a copy number, references included.
	var ids []string
	for _, m := range regexp.MustCompile(`"id":"([^"]+)"`).FindAllSubmatch(content, -1) {
		ids = append(ids, string(m[1]))
	}
	var large bytes.Buffer
	for i := range 500 {
		pairs := make([]string, 0, 2*len(ids))
		for _, id := range ids {
			pairs = append(pairs, `"`+id+`"`, fmt.Sprintf(`"%s-%d"`, id, i))
		}
		large.WriteString(strings.NewReplacer(pairs...).Replace(string(content)))
	}
	benchmarkFile(b, large.Bytes())
}

package batch

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// reportIndex is a small list of its own, so that the golden report does not change with the
// bundled lists.
func reportIndex(t *testing.T) *match.Index {
	person := func(id, name string, programs ...string) corridor.Entity {
		return corridor.Entity{ID: "example:" + id, List: "example", NativeID: id, Kind: corridor.KindPerson,
			Names: []corridor.Name{{Full: name, Kind: corridor.NamePrimary}}, Programs: programs, Nationalities: []string{"AF"}}
	}
	snap := &corridor.ListSnapshot{
		Version: corridor.ListVersion{List: "example", Hash: "sha256:" + strings.Repeat("ab", 32), Entities: 4, Source: "test",
			Published: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		Entities: []corridor.Entity{
			person("1", "Sirajuddin Haqqani", "SDGT", "TAQA"),
			person("2", "Abdul Ghani Baradar", "TAQA"),
			person("3", "Bogdan Petrovich Ivanov", "UKRAINE-EO13660"),
			{ID: "example:4", List: "example", NativeID: "4", Kind: corridor.KindOrganization,
				Names: []corridor.Name{{Full: "Haqqani Network", Kind: corridor.NamePrimary}}, Programs: []string{"SDGT"}},
		},
	}
	idx, err := match.Build([]*corridor.ListSnapshot{snap}, match.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// The numbers a matcher change may move: scores, weights, coverages.
var decimals = regexp.MustCompile(`\d+\.\d+|\d+%`)

func TestReportGolden(t *testing.T) {
	input := "Ref;Full Name;DOB;Nationality\n" +
		"R1;Kathryn Barr;1980-02-03;US\n" +
		"R2;Sirajuddin Haqqani;;AF\n" +
		"R3;;;\n" +
		"R4;Ingeborg Abrahamsen;;\n" +
		"R5;BARADAR, Abdul Ghani;;Afghanistan\n" +
		"R6;<script>alert(1)</script>;;\n" +
		"R7;Bogdan Ivanov;31/12/1960;\n"
	dir := t.TempDir()
	_, err := batchFiles(t, context.Background(), dir, []byte(input), func(c *Config) {
		c.Index = reportIndex(t)
		withReport(dir)(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	got = decimals.ReplaceAll(got, []byte("#"))
	for _, want := range []string{"<script>alert(1)</script>", "http://", "https://", "<link", "<img", "<script"} {
		if bytes.Contains(got, []byte(want)) {
			t.Errorf("the report holds %q: it must escape the input and load nothing", want)
		}
	}
	golden := filepath.Join("testdata", "report.golden.html")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the report differs from %s (go test ./batch -run TestReportGolden -update to accept):\n%s", golden, firstDiff(got, want))
	}
}

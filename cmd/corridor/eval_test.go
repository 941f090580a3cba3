package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/match"
)

func TestEvalJSON(t *testing.T) {
	out, _, err := execute(t, "eval", "--sample", "50", "--json", "--worst", "5")
	if err != nil {
		t.Fatal(err)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%.500s", err, out)
	}
	if rep.Threshold != match.DefaultThreshold || rep.Seed != 1 || rep.Sample != 50 || rep.Negatives.Queries != 50000 {
		t.Errorf("report: threshold %v, seed %d, sample %d, %d negatives", rep.Threshold, rep.Seed, rep.Sample, rep.Negatives.Queries)
	}
	for name, tally := range map[string]eval.Tally{"damaged": rep.Damaged, "other-script": rep.OtherScript, "negatives": rep.Negatives} {
		if tally.Queries == 0 || tally.Rate() < 0 || tally.Rate() > 1 {
			t.Errorf("%s: %+v", name, tally)
		}
	}
	for d, tally := range rep.ByDamage {
		if tally.Rate() < 0 || tally.Rate() > 1 {
			t.Errorf("%s: %+v", d, tally)
		}
	}
	for _, p := range rep.Sweep {
		for _, r := range []float64{p.Damaged, p.OtherScript, p.AlertRate} {
			if r < 0 || r > 1 {
				t.Errorf("sweep: %+v", p)
			}
		}
	}
	if len(rep.WorstMisses) > 5 || len(rep.FalseAlerts) > 5 {
		t.Errorf("--worst 5: %d misses, %d false alerts", len(rep.WorstMisses), len(rep.FalseAlerts))
	}
}

func TestEvalTextWithOwnNegatives(t *testing.T) {
	negatives := writeFile(t, "negatives.csv", "\ufeffid,full_name\n1,Kathryn Barr\n2,Sirajuddin Haqqani\n3,Ingeborg Abrahamsen\n")
	out, _, err := execute(t, "eval", "--sample", "100", "--seed", "7", "--lists", "un", "--negatives", negatives)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"seed 7, every 100. alias", "all damaged positives", "other-script positives",
		"alert rate 33.333% (1 alerts)", `"Sirajuddin Haqqani"  ->  un:TAi.144`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "us_ofac_sdn:") {
		t.Errorf("--lists un evaluated OFAC:\n%s", out)
	}
}

func TestEvalFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--sample", "0"}, "--sample"},
		{[]string{"--seed", "0"}, "--seed"},
		{[]string{"--workers", "-1"}, "--workers"},
		{[]string{"--worst", "0"}, "--worst"},
		{[]string{"--threshold", "2"}, "--threshold"},
		{[]string{"--lists", "un,bogus"}, "--lists"},
		{[]string{"--negatives", "does-not-exist.csv"}, "--negatives"},
		{[]string{"--negatives", writeFile(t, "n.csv", "name\nKathryn Barr\n")}, "n.csv: no full_name column"},
		{[]string{"--negatives", writeFile(t, "n.csv", "full_name\nKathryn Barr\n\"\"\n")}, "line 3: empty full_name"},
		{[]string{"extra"}, "unknown command"},
	} {
		out, _, err := execute(t, append([]string{"eval"}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want one naming %s", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%q: output on error: %.200q", tc.args, out)
		}
	}
}

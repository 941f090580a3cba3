package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor/eval"
)

type evalFlags struct {
	match     matchFlags
	seed      uint64
	sample    int
	workers   int
	worst     int
	negatives string
	asJSON    bool
}

func newEvalCmd() *cobra.Command {
	var f evalFlags
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure recall and the false-alert rate of the matcher on the lists",
		Long: `Measure the matcher on the lists in use (each list's current version in the data
directory, else the embedded snapshot; --lists chooses which):

  - damaged positives: every Latin-script name of every listed entity, as listed and
    with realistic damage (swapped, doubled or dropped letters, dropped accents,
    changed vowels, reordered or missing middle tokens, joined or split compounds,
    added titles, "SURNAME, Given" order), each expected to alert on its entity;
  - other-script positives: each UN individual's name in its original script,
    screened against an index without those names, expected to find the person;
  - negatives: persons on no list (by default the 50,000 bundled ones from
    OpenSanctions' screening fixtures; --negatives FILE reads a CSV file with a
    full_name column instead), where every alert is a false alert.

It prints recall and the alert rate at the threshold, recall by damage type, the
figures at other thresholds, and the worst misses and false alerts. The damage is
random but reproducible: the same --seed gives the same queries.`,
		Example: `  corridor eval
  corridor eval --sample 10 --seed 7
  corridor eval --lists un --json > eval-un.json
  corridor eval --negatives staff.csv --threshold 0.9`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEval(cmd, &f)
		},
	}
	addMatchFlags(cmd, &f.match, "evaluate on these lists only")
	fl := cmd.Flags()
	fl.Uint64Var(&f.seed, "seed", 1, "seed of the random damage (not 0)")
	fl.IntVar(&f.sample, "sample", 1, "query every N-th listed name only, for a quicker run (1: all)")
	fl.IntVar(&f.workers, "workers", 0, "goroutines that screen (0: one per core)")
	fl.IntVar(&f.worst, "worst", 20, "how many worst misses and false alerts to print")
	fl.StringVar(&f.negatives, "negatives", "", "CSV file of persons on no list, with a full_name column (default: the bundled 50,000)")
	fl.BoolVar(&f.asJSON, "json", false, "print the report as JSON")
	return cmd
}

func runEval(cmd *cobra.Command, f *evalFlags) error {
	cfg, err := f.match.config()
	if err != nil {
		return err
	}
	switch {
	case f.seed == 0:
		return fmt.Errorf("--seed 0: want a positive number")
	case f.sample < 1:
		return fmt.Errorf("--sample %d: want 1 or more", f.sample)
	case f.workers < 0:
		return fmt.Errorf("--workers %d: want 0 (one per core) or more", f.workers)
	case f.worst < 1:
		return fmt.Errorf("--worst %d: want 1 or more", f.worst)
	}
	selected, err := f.match.selected()
	if err != nil {
		return err
	}
	negatives, err := readNegatives(f.negatives)
	if err != nil {
		return err
	}
	snaps, err := loadLists(cmd, selected)
	if err != nil {
		return err
	}
	rep, err := eval.Run(snaps, negatives, eval.Config{Seed: f.seed, Sample: f.sample, Workers: f.workers, Match: cfg, Worst: f.worst})
	if err != nil {
		return err
	}
	if f.asJSON {
		return writeJSON(cmd.OutOrStdout(), rep)
	}
	return rep.WriteText(cmd.OutOrStdout())
}

func readNegatives(path string) ([]string, error) {
	if path == "" {
		return eval.BundledNegatives()
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--negatives: %w", err)
	}
	defer file.Close()
	names, err := eval.ReadNegatives(file, path)
	if err != nil {
		return nil, fmt.Errorf("--negatives: %w", err)
	}
	return names, nil
}

package eval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteText writes the report for a person to read.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "threshold %.2f, seed %d, every %d. alias\n\n", r.Threshold, r.Seed, r.Sample)
	fmt.Fprintf(tw, "damage\tqueries\trecall\n")
	for _, d := range Damages {
		t := r.ByDamage[d]
		fmt.Fprintf(tw, "%s\t%d\t%.2f%%\n", d, t.Queries, 100*t.Rate())
	}
	fmt.Fprintf(tw, "all damaged positives\t%d\t%.2f%%\n", r.Damaged.Queries, 100*r.Damaged.Rate())
	fmt.Fprintf(tw, "other-script positives\t%d\t%.2f%%\n", r.OtherScript.Queries, 100*r.OtherScript.Rate())
	fmt.Fprintf(tw, "\nnegatives\t%d\talert rate %.3f%% (%d alerts)\n", r.Negatives.Queries, 100*r.Negatives.Rate(), r.Negatives.Hits)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nat other thresholds:\n")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "threshold\tdamaged recall\tother-script recall\talert rate\n")
	for _, p := range r.Sweep {
		fmt.Fprintf(tw, "%.2f\t%.2f%%\t%.2f%%\t%.3f%%\n", p.Threshold, 100*p.Damaged, 100*p.OtherScript, 100*p.AlertRate)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	writeMisses(w, "worst misses", r.WorstMisses)
	writeMisses(w, "worst other-script misses", r.ScriptMisses)
	fmt.Fprintf(w, "\nworst false alerts:\n")
	for _, a := range r.FalseAlerts {
		fmt.Fprintf(w, "  %.3f  %q  ->  %s %q\n", a.Score, a.Query, a.Entity, a.Name)
	}
	return nil
}

func writeMisses(w io.Writer, title string, misses []Miss) {
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, m := range misses {
		fmt.Fprintf(w, "  %.3f  %-14s %q  (listed %q, %s)\n", m.Score, m.Damage, m.Query, m.Listed, m.Expected)
	}
}

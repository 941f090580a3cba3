package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/payment/anyformat"
	"github.com/corridor-aml/corridor/policy"
	"github.com/corridor-aml/corridor/screen"
)

type explainFlags struct {
	match   matchFlags
	payment string
	date    string
	asJSON  bool
	all     bool
}

func newPolicyExplainCmd() *cobra.Command {
	var f explainFlags
	cmd := &cobra.Command{
		Use:   "explain [PACK] --payment FILE",
		Short: "Screen a payment file and show which licences of a pack applied, and why",
		Long: `Read a payment file (MT103, ISO 20022 pacs.008 or pain.001, or corridor's JSON form;
the format is told from the content), screen every payment against the lists, and
evaluate the pack (default: the embedded Afghanistan pack) for it: for the payment
as a whole and for each hit, the licences considered, whether each condition held,
and the effect they combine to (deny over authorize over review).

This shows the licences, not the release, review or block decision. Licences out
of a hit's scope are counted, and listed with --all.

Exit status: 0 when the file was read and evaluated, 2 on an error.`,
		Example: `  corridor policy explain --payment pacs008.xml
  corridor policy explain my-pack.yaml --payment payment.json --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPolicyExplain(cmd, args, &f)
		},
	}
	addMatchFlags(cmd, &f.match, "screen only these lists")
	fl := cmd.Flags()
	fl.StringVar(&f.payment, "payment", "", "payment file: MT103, ISO 20022 XML or JSON (required)")
	fl.StringVar(&f.date, "date", "", "YYYY-MM-DD: judge licences in force on this date when a payment has no value date (default today)")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON")
	fl.BoolVar(&f.all, "all", false, "list the licences out of scope too")
	return cmd
}

func runPolicyExplain(cmd *cobra.Command, args []string, f *explainFlags) error {
	if f.payment == "" {
		return errors.New("--payment FILE: required")
	}
	var opt policy.Options
	if f.date != "" {
		d, err := time.Parse("2006-01-02", f.date)
		if err != nil {
			return fmt.Errorf("--date %q: want YYYY-MM-DD", f.date)
		}
		opt.Today = d
	}
	pack, err := loadPack(args)
	if err != nil {
		return err
	}
	payments, err := readPayments(f.payment)
	if err != nil {
		return err
	}
	idx, selected, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}
	s := screen.NewScreener(match.NewCurrent(idx), screen.Options{Lists: selected})
	out := explainJSON{Pack: pack.Evaluate(&corridor.Payment{}, nil, opt).Pack, File: f.payment, Payments: []paymentExplainJSON{}}
	for i := range payments {
		p := &payments[i]
		res := s.Payment(p)
		out.Payments = append(out.Payments, paymentExplainOf(i+1, p, &res, pack.Evaluate(p, &res, opt)))
	}
	if f.asJSON {
		return writeJSON(cmd.OutOrStdout(), out)
	}
	return writeExplainText(cmd.OutOrStdout(), pack, out, f.all)
}

// readPayments reads a payment file in whichever format its content shows.
func readPayments(path string) ([]corridor.Payment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return anyformat.Read(data, path)
}

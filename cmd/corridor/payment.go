package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/policy"
	"github.com/corridor-aml/corridor/screen"
)

// errReview and errBlock are returned by payment screen for the strongest decision of a
// file; main turns them into the exit statuses 1 and 3.
var (
	errReview = errors.New("review")
	errBlock  = errors.New("block")
)

type paymentFlags struct {
	match           matchFlags
	pack            string
	reviewThreshold float64
	date            string
	asJSON          bool
	report          string
}

func newPaymentCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "payment",
		Short: "Screen payment messages and decide: release, review or block",
		Long: `Screen payment messages (ISO 20022 pacs.008 and pain.001, MT103, corridor's JSON
form), apply the humanitarian licence pack and decide each payment: release, review
or block, with the evidence and the legal basis. See docs/payments.md.`,
		Example: `  corridor payment screen pacs008.xml
  corridor payment screen mt103.txt --json --report decisions.html`,
	}
	cmd.AddCommand(newPaymentScreenCmd())
	return cmd
}

func newPaymentScreenCmd() *cobra.Command {
	var f paymentFlags
	cmd := &cobra.Command{
		Use:   "screen FILE",
		Short: "Screen every payment of a message file and decide: release, review or block",
		Long: `Read a payment file (ISO 20022 pacs.008 or pain.001, MT103 or an RJE file of them, or
corridor's JSON form; the format is told from the content), screen every party and
the free text of every payment against the lists, evaluate the licence pack (default:
the embedded Afghanistan pack) and decide each payment:

  block    a licence limit denies it, or a party or text matches a listed entity at
           or above the alert threshold and no licence of the pack covers that;
  review   a near miss (a score between --review-threshold and the alert threshold),
           a licence that asks for review, or a condition that could not be evaluated;
  release  anything else, with the licences that authorized it and the jurisdictions.

Each decision comes with its reasons, the licences and their citations, the list and
pack versions, and a summary to paste into a file note. The pack is configuration
for counsel to review, not legal advice; every decision says so.

Exit status: 0 when every payment is released, 1 when the strongest decision is
review, 3 when it is block, 2 on an error (a file that cannot be read whole).`,
		Example: `  corridor payment screen pacs008.xml
  corridor payment screen mt103.txt --json
  corridor payment screen salaries.pain001.xml --report decisions.html
  corridor payment screen payment.json --pack my-pack.yaml --review-threshold 0.7`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPaymentScreen(cmd, args[0], &f)
		},
	}
	addMatchFlags(cmd, &f.match, "screen only these lists")
	fl := cmd.Flags()
	fl.StringVar(&f.pack, "pack", "", "licence policy pack (YAML); default: the embedded Afghanistan pack")
	fl.Float64Var(&f.reviewThreshold, "review-threshold", policy.DefaultReviewThreshold,
		"a hit scoring from here up to the alert threshold sends the payment to review")
	fl.StringVar(&f.date, "date", "", "YYYY-MM-DD: judge licences in force on this date when a payment has no value date (default today)")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON: every payment, its screening, the licences and the decision")
	fl.StringVar(&f.report, "report", "", "also write a self-contained HTML report to this file")
	return cmd
}

// paymentFileResult is the decisions on the payments of one file.
type paymentFileResult struct {
	File string
	policy.FileDecision
}

func runPaymentScreen(cmd *cobra.Command, file string, f *paymentFlags) error {
	cfg, err := f.match.config()
	if err != nil {
		return err
	}
	if !(f.reviewThreshold > 0 && f.reviewThreshold <= cfg.Threshold) {
		return fmt.Errorf("--review-threshold %v: want a number above 0 and at most the alert threshold %v", f.reviewThreshold, cfg.Threshold)
	}
	var opt policy.Options
	if f.date != "" {
		if opt.Today, err = time.Parse("2006-01-02", f.date); err != nil {
			return fmt.Errorf("--date %q: want YYYY-MM-DD", f.date)
		}
	}
	pack, err := loadPack([]string{f.pack})
	if err != nil {
		return err
	}
	payments, err := readPayments(file)
	if err != nil {
		return err
	}
	idx, selected, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}
	s := screen.NewScreener(match.NewCurrent(idx), screen.Options{Lists: selected})
	out := paymentFileResult{File: file, FileDecision: policy.DecideAll(s, pack, payments, opt, f.reviewThreshold)}
	if f.report != "" {
		if err := writePaymentReport(f.report, &out); err != nil {
			return fmt.Errorf("--report: %w", err)
		}
	}
	if f.asJSON {
		err = writeJSON(cmd.OutOrStdout(), out.FileDecision)
	} else {
		err = writePaymentText(cmd.OutOrStdout(), &out)
	}
	if err != nil {
		return err
	}
	switch out.Decision {
	case corridor.Block:
		return errBlock
	case corridor.Review:
		return errReview
	}
	return nil
}

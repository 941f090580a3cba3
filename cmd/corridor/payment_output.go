package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/corridor-aml/corridor"
)

// writePaymentText prints one line a payment, then each payment's summary.
func writePaymentText(w io.Writer, r *paymentFileResult) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tDECISION\tPAYMENT\tAMOUNT\tFROM\tTO\tHITS")
	for i := range r.Payments {
		d := &r.Payments[i]
		alerts := 0
		for _, h := range d.Screening.Hits {
			if h.Match.Alert {
				alerts++
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d alerts, %d below\n", d.Index, strings.ToUpper(string(d.Verdict.Decision)),
			ref(&d.Payment), d.Payment.Amount, clip(partyOf(&d.Payment, corridor.RoleDebtor), 30),
			clip(partyOf(&d.Payment, corridor.RoleCreditor), 30), alerts, len(d.Screening.Hits)-alerts)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i := range r.Payments {
		d := &r.Payments[i]
		fmt.Fprintf(w, "\n%d. %s\n", d.Index, d.Verdict.Summary)
	}
	_, err := fmt.Fprintf(w, "\nFile %s: %s.\n", r.File, strings.ToUpper(string(r.Decision)))
	return err
}

func ref(p *corridor.Payment) string {
	for _, s := range []string{p.EndToEndID, p.InstructionID, p.MessageID} {
		if s != "" && s != "NOTPROVIDED" {
			return s
		}
	}
	return "-"
}

func partyOf(p *corridor.Payment, role corridor.Role) string {
	for _, party := range p.Parties {
		if party.Role == role {
			if party.Name != "" {
				return party.Name
			}
			return party.BIC
		}
	}
	return "-"
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

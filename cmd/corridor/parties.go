package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
)

func newPartiesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "parties",
		Short: "List and show the parties monitored screens keep",
		Long: `A monitored party is one screened with screen --monitor or batch --monitor: its
reference, the data it was screened on and, after a confirmed true match, the alert
that blocked it. See docs/cases.md. Exit status: 0 when done, 2 on an error.`,
		Args: cobra.NoArgs,
	}
	addStoreFlag(cmd)
	cmd.AddCommand(newPartiesListCmd(), newPartiesShowCmd(), newPartiesRescreenCmd())
	return cmd
}

// partiesPage is how many parties a list reads at once: a store may hold millions.
const partiesPage = 1000

func newPartiesListCmd() *cobra.Command {
	var blocked, asJSON bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List monitored parties, in ID order",
		Example: "  corridor parties list --blocked\n  corridor parties list --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, _, err := openStoreAs(cmd, true, corridor.AccessAnalyst)
			if err != nil {
				return err
			}
			defer s.Close()
			list := []casejson.Party{}
			for after := int64(0); ; {
				page, err := s.Parties(cmd.Context(), after, partiesPage)
				if err != nil {
					return fmt.Errorf("parties list: %w", err)
				}
				for _, p := range page {
					if !blocked || p.BlockedBy != 0 {
						list = append(list, casejson.PartyOf(p))
					}
				}
				if len(page) < partiesPage {
					break
				}
				after = page[len(page)-1].ID
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), list)
			}
			return writePartiesText(cmd.OutOrStdout(), list)
		},
	}
	cmd.Flags().BoolVar(&blocked, "blocked", false, "only the parties a confirmed true match blocked")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newPartiesShowCmd() *cobra.Command {
	var ref string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "show ID|--ref REF",
		Short:   "Show a monitored party and its alerts",
		Example: "  corridor parties show 12\n  corridor parties show --ref C-1042 --json",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (len(args) == 1) == (ref != "") {
				return errors.New("parties show: give a party ID or --ref, one of them")
			}
			var id int64
			if len(args) == 1 {
				var err error
				if id, err = strconv.ParseInt(args[0], 10, 64); err != nil || id < 1 {
					return fmt.Errorf("party %q: want a party ID (a number from 1)", args[0])
				}
			}
			s, _, err := openStoreAs(cmd, true, corridor.AccessAnalyst)
			if err != nil {
				return err
			}
			defer s.Close()
			var p corridor.MonitoredParty
			if id != 0 {
				p, err = s.Party(cmd.Context(), id)
			} else {
				p, err = s.PartyByRef(cmd.Context(), ref)
			}
			if err != nil {
				return err
			}
			alerts, err := s.Alerts(cmd.Context(), corridor.AlertFilter{PartyID: p.ID})
			if err != nil {
				return fmt.Errorf("party %d: %w", p.ID, err)
			}
			out := casejson.PartyOf(p)
			for _, a := range alerts {
				j := casejson.AlertOf(a)
				j.Explanation = nil
				out.Alerts = append(out.Alerts, j)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			return writePartyText(cmd.OutOrStdout(), out)
		},
	}
	cmd.Flags().StringVar(&ref, "ref", "", "the party's own reference, instead of its ID")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func writePartiesText(w io.Writer, list []casejson.Party) error {
	if len(list) == 0 {
		_, err := fmt.Fprintln(w, "No parties.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tREF\tNAME\tBORN\tCOUNTRIES\tBLOCKED BY\tUPDATED")
	for _, p := range list {
		blocked := "-"
		if p.BlockedBy != 0 {
			blocked = fmt.Sprintf("alert %d", p.BlockedBy)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.Ref, oneLine(p.Name), dash(p.BirthDate),
			dash(strings.Join(p.Countries, ",")), blocked, p.UpdatedAt)
	}
	return tw.Flush()
}

func writePartyText(w io.Writer, p casejson.Party) error {
	fmt.Fprintf(w, "Party %d (ref %s): %q\n", p.ID, p.Ref, p.Name)
	for _, f := range []struct{ name, v string }{
		{"kind", string(p.Kind)}, {"born", p.BirthDate}, {"countries", strings.Join(p.Countries, ", ")},
		{"gender", string(p.Gender)}, {"identifiers", strings.Join(p.Identifiers, ", ")},
	} {
		if f.v != "" {
			fmt.Fprintf(w, "  %-12s %s\n", f.name+":", f.v)
		}
	}
	fmt.Fprintf(w, "  %-12s %s\n  %-12s %s by %s, updated %s\n", "data:", p.DataHash, "kept:", p.CreatedAt, p.CreatedBy, p.UpdatedAt)
	if p.BlockedBy != 0 {
		fmt.Fprintf(w, "BLOCKED by confirmed true match alert %d\n", p.BlockedBy)
	}
	fmt.Fprintln(w)
	return writeAlertsText(w, p.Alerts)
}

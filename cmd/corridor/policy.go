package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor/policy"
)

func newPolicyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Check licence policy packs and explain what they say of a payment",
		Long: `A policy pack is a YAML file of humanitarian licences: who issued each, where it is
published, what it covers, a condition in CEL and its effect (authorize, deny or
review). corridor embeds an Afghanistan pack; see docs/policy.md for the format.

A pack is configuration for counsel to review, not legal advice.`,
		Example: `  corridor policy check
  corridor policy check my-pack.yaml
  corridor policy explain --payment pacs008.xml`,
	}
	cmd.AddCommand(newPolicyCheckCmd(), newPolicyExplainCmd())
	return cmd
}

func newPolicyCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check [PACK]",
		Short: "Validate a policy pack and list its licences",
		Long: `Validate a policy pack: every key known, every field valid, every condition
compiled and type-checked to a bool. Without PACK, the embedded Afghanistan pack.

Exit status: 0 when the pack is valid, 2 when it is not, with the file, line,
licence id and error (for a condition, CEL's message with its column).`,
		Example: `  corridor policy check
  corridor policy check my-pack.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pack, err := loadPack(args)
			if err != nil {
				return err
			}
			return writePackSummary(cmd.OutOrStdout(), pack)
		},
	}
}

// loadPack loads the pack a command names, or the embedded one.
func loadPack(args []string) (*policy.Pack, error) {
	if len(args) == 0 || args[0] == "" {
		return policy.Bundled()
	}
	return policy.LoadFile(args[0])
}

func writePackSummary(w io.Writer, p *policy.Pack) error {
	fmt.Fprintf(w, "%s: %s\n%d licences, every condition type-checked\n\n", p, p.Title, len(p.Licences))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tAUTHORITY\tFOR\tEFFECT\tIN FORCE\tSCOPE\tTITLE")
	for _, l := range p.Licences {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.ID, l.Authority, l.AppliesTo, l.Effect, inForce(l), scopeText(l.Scope), l.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", p.Disclaimer)
	return err
}

func inForce(l *policy.Licence) string {
	if l.To == "" {
		return "from " + l.From
	}
	return l.From + " to " + l.To
}

func scopeText(s policy.Scope) string {
	var parts []string
	if len(s.Lists) > 0 {
		var ls []string
		for _, l := range s.Lists {
			ls = append(ls, string(l))
		}
		parts = append(parts, "lists "+strings.Join(ls, ","))
	}
	if len(s.Programs) > 0 {
		parts = append(parts, "programmes "+strings.Join(s.Programs, ","))
	}
	if len(s.Jurisdictions) > 0 {
		parts = append(parts, "in "+strings.Join(s.Jurisdictions, ","))
	}
	if len(parts) == 0 {
		return "any"
	}
	return strings.Join(parts, "; ")
}

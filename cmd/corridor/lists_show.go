package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

func newListsShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one listed entity with all its fields",
		Long: `Print one listed entity, by its stable ID "<list>:<native id>", from the version
of its list in use (the data directory's current version, else the embedded one).`,
		Example: `  corridor lists show us_ofac_sdn:10743
  corridor lists show un:TAi.144 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			list, _, err := corridor.SplitEntityID(args[0])
			if err != nil {
				return err
			}
			if err := list.Validate(); err != nil {
				return err
			}
			snap, err := currentSnapshot(listStore(cmd), list)
			if err != nil {
				return err
			}
			for i := range snap.Entities {
				if e := &snap.Entities[i]; e.ID == args[0] {
					if asJSON {
						enc := json.NewEncoder(cmd.OutOrStdout())
						enc.SetIndent("", "  ")
						return enc.Encode(e)
					}
					writeEntity(cmd.OutOrStdout(), e, snap.Version)
					return nil
				}
			}
			return fmt.Errorf("%s: not in %s version %s", args[0], list, shortHash(snap.Version.Hash))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func writeEntity(w io.Writer, e *corridor.Entity, v corridor.ListVersion) {
	line := func(label, value string) {
		if value != "" && label != "" {
			fmt.Fprintf(w, "%-14s %s\n", label+":", value)
		} else if value != "" { // a further value of the field above
			fmt.Fprintf(w, "%-14s %s\n", "", value)
		}
	}
	line("ID", e.ID)
	line("List", fmt.Sprintf("%s, version %s (%s)", e.List, shortHash(v.Hash), v.Source))
	line("Kind", string(e.Kind))
	for i, n := range e.Names {
		label := ""
		if i == 0 {
			label = "Names"
		}
		line(label, describeName(n))
	}
	var dates []string
	for _, d := range e.BirthDates {
		dates = append(dates, d.String())
	}
	line("Born", strings.Join(dates, "; "))
	for _, p := range e.BirthPlaces {
		line("Birth place", withCountry(p.Text, p.Country))
	}
	line("Nationality", strings.Join(e.Nationalities, ", "))
	line("Citizenship", strings.Join(e.Citizenships, ", "))
	line("Gender", string(e.Gender))
	for _, a := range e.Addresses {
		text := a.Text
		if text == "" {
			text = strings.Join(nonEmpty(a.Street, a.City, a.Region, a.PostalCode), ", ")
		}
		line("Address", withCountry(text, a.Country))
	}
	for _, id := range e.Identifiers {
		text := fmt.Sprintf("%s %s", id.Type, id.Number)
		if id.Note != "" {
			text += " (" + id.Note + ")"
		}
		line("Identifier", withCountry(text, id.Country))
	}
	line("Programs", strings.Join(e.Programs, ", "))
	line("Listed on", e.ListedOn)
	for _, l := range e.Links {
		text := l.Name
		if l.EntityID != "" {
			text += " (" + l.EntityID + ")"
		}
		line("Linked to", text)
	}
	if vs := e.Vessel; vs != nil {
		line("Vessel", strings.Join(nonEmpty(labelled("type", vs.Type), labelled("flag", vs.Flag),
			labelled("tonnage", vs.Tonnage), labelled("GRT", vs.GRT), labelled("owner", vs.Owner),
			labelled("call sign", vs.CallSign), labelled("model", vs.Model), labelled("built", vs.Built)), "; "))
	}
	line("Remarks", e.Remarks)
	line("Source", strings.TrimSpace(e.Source.File+" "+e.Source.Record))
}

func describeName(n corridor.Name) string {
	kind := string(n.Kind)
	if n.Weak {
		kind += ", weak"
	}
	if n.Lang != "" {
		kind += ", " + n.Lang
	}
	return fmt.Sprintf("%s (%s)", n.Full, kind)
}

func withCountry(text, country string) string {
	if country == "" {
		return text
	}
	return text + " [" + country + "]"
}

func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}

func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

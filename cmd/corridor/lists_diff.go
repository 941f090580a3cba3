package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/lists/bundled"
)

func newListsDiffCmd() *cobra.Command {
	var list string
	var asJSON, summary bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show the entities added, removed and changed between two versions of a list",
		Long: `Show the entities added, removed and changed between two versions of a list, and
which fields of each changed entity differ.

OLD and NEW are each one of:
  a stored version's hash, or a unique prefix of it (see corridor lists status)
  "current" (the version in use) or "embedded" (the snapshot built into corridor)
  a file: read as the list's file of the same name, else as its primary file
          (sdn.csv for us_ofac_sdn), so a downloaded sdn.csv alone can be compared
  a directory holding the list's files under their own names`,
		Example: `  corridor lists diff sdn-2024-04-26.csv sdn-2024-05-03.csv
  corridor lists diff --summary embedded current
  corridor lists diff --list un 3f2a9c 81be07 --json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			store := listStore(cmd)
			src, err := lists.SourceFor(corridor.ListID(list))
			if err != nil {
				return err
			}
			old, err := resolveVersion(store, src, args[0])
			if err != nil {
				return err
			}
			new, err := resolveVersion(store, src, args[1])
			if err != nil {
				return err
			}
			d := lists.Compare(old, new)
			if asJSON {
				return writeDiffJSON(cmd.OutOrStdout(), d, summary)
			}
			writeDiffText(cmd.OutOrStdout(), d, summary)
			return nil
		},
	}
	cmd.Flags().StringVar(&list, "list", string(corridor.ListOFACSDN), "the list both versions belong to")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&summary, "summary", false, "print the counts only")
	return cmd
}

// resolveVersion reads the version of src.List an argument names.
func resolveVersion(store *filestore.Store, src lists.Source, arg string) (*corridor.ListSnapshot, error) {
	switch arg {
	case "current":
		return currentSnapshot(store, src.List)
	case "embedded":
		return bundled.LoadList(src.List)
	}
	info, err := os.Stat(arg)
	switch {
	case err == nil && info.IsDir():
		return loadDir(src, arg)
	case err == nil:
		return loadFile(src, arg)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	snap, err := lists.LoadStored(store, src.List, arg)
	if errors.Is(err, filestore.ErrNotFound) {
		return nil, fmt.Errorf("%s is neither a file, a directory nor a stored version of %s: %w", arg, src.List, err)
	}
	return snap, err
}

func loadFile(src lists.Source, path string) (*corridor.ListSnapshot, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := src.Files[0].Name
	if base := filepath.Base(path); slices.Contains(src.FileNames(), strings.ToLower(base)) {
		name = strings.ToLower(base)
	}
	return lists.Load(src, map[string][]byte{name: content}, path)
}

func loadDir(src lists.Source, dir string) (*corridor.ListSnapshot, error) {
	files := map[string][]byte{}
	for _, name := range src.FileNames() {
		for _, candidate := range []string{name, strings.ToUpper(name)} {
			content, err := os.ReadFile(filepath.Join(dir, candidate))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			files[name] = content
			break
		}
	}
	return lists.Load(src, files, dir)
}

func writeDiffText(w io.Writer, d lists.Diff, summaryOnly bool) {
	s := d.Summary()
	fmt.Fprintf(w, "%s: %s -> %s\n", d.New.List, describeVersion(d.Old), describeVersion(d.New))
	fmt.Fprintf(w, "%d added, %d removed, %d changed\n", s.Added, s.Removed, s.Changed)
	if summaryOnly {
		return
	}
	for _, e := range d.Added {
		fmt.Fprintf(w, "+ %s  %s\n", e.ID, e.PrimaryName())
	}
	for _, e := range d.Removed {
		fmt.Fprintf(w, "- %s  %s\n", e.ID, e.PrimaryName())
	}
	for _, c := range d.Changed {
		fmt.Fprintf(w, "~ %s  %s  [%s]\n", c.ID, c.New.PrimaryName(), strings.Join(c.Fields, ", "))
	}
}

// diffJSON is the --json form of a diff: entities by ID and name, and for each change the old
// and new value of every field that differs.
type diffJSON struct {
	Old     corridor.ListVersion
	New     corridor.ListVersion
	Summary lists.Summary
	Added   []entityRef  `json:",omitempty"`
	Removed []entityRef  `json:",omitempty"`
	Changed []changeJSON `json:",omitempty"`
}

type entityRef struct {
	ID   string
	Name string
}

type changeJSON struct {
	ID     string
	Name   string
	Fields map[string]fieldChange
}

type fieldChange struct {
	Old any
	New any
}

func writeDiffJSON(w io.Writer, d lists.Diff, summaryOnly bool) error {
	out := diffJSON{Old: d.Old, New: d.New, Summary: d.Summary()}
	if !summaryOnly {
		for _, e := range d.Added {
			out.Added = append(out.Added, entityRef{e.ID, e.PrimaryName()})
		}
		for _, e := range d.Removed {
			out.Removed = append(out.Removed, entityRef{e.ID, e.PrimaryName()})
		}
		for _, c := range d.Changed {
			cj := changeJSON{ID: c.ID, Name: c.New.PrimaryName(), Fields: map[string]fieldChange{}}
			oldV, newV := reflect.ValueOf(c.Old), reflect.ValueOf(c.New)
			for _, f := range c.Fields {
				cj.Fields[f] = fieldChange{Old: oldV.FieldByName(f).Interface(), New: newV.FieldByName(f).Interface()}
			}
			out.Changed = append(out.Changed, cj)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

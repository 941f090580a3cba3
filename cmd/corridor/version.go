package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print corridor's version, the commit it was built from and the Go version",
		Long: `Print corridor's version, the source commit it was built from (when the build
recorded one, with "+dirty" for uncommitted changes) and the Go version, so that a
screening result can be traced to the code that produced it.`,
		Example: `  corridor version`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			version, goVersion, commit := "(devel)", "unknown", ""
			if info, ok := debug.ReadBuildInfo(); ok {
				goVersion = info.GoVersion
				if info.Main.Version != "" {
					version = info.Main.Version
				}
				commit = commitOf(info.Settings)
			}
			if commit != "" {
				version += " " + commit
			}
			fmt.Fprintf(cmd.OutOrStdout(), "corridor %s (%s)\n", version, goVersion)
			return nil
		},
	}
}

// commitOf returns the VCS revision a binary was built from, shortened, with "+dirty" when
// the tree had uncommitted changes; "" when the build did not record it (go run, tests).
func commitOf(settings []debug.BuildSetting) string {
	var rev string
	dirty := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && dirty {
		rev += "+dirty"
	}
	return rev
}

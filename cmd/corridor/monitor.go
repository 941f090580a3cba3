package main

import (
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

// addActorFlag adds --actor: the name the store records for what the command does. The CLI
// does not authenticate anyone (docs/cases.md): whoever can run corridor against the store
// can act, so the default is the OS user, the one name the machine vouches for.
func addActorFlag(cmd *cobra.Command, what string) *string {
	return cmd.Flags().String("actor", defaultActor(), what+" (env CORRIDOR_ACTOR; default: the OS user name)")
}

func defaultActor() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "unknown"
}

// listRefs names the list versions screened, for the screen's audit record.
func listRefs(lists []listJSON) []corridor.ListVersionRef {
	out := make([]corridor.ListVersionRef, len(lists))
	for i, l := range lists {
		out[i] = corridor.ListVersionRef{List: l.List, Hash: l.Version}
	}
	return out
}

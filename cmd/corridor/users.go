package main

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

// cliUser names the person running the command: the operating system's login name, the one
// name the machine vouches for. There is no flag to claim another name, or roles would mean
// nothing. Tests replace it.
var cliUser = osUserName

// osUserName is the login name of the person running corridor. Under sudo it is the person
// who ran sudo (SUDO_USER, which sudo sets), not the account sudo runs corridor as: the
// deployment docs/cases.md recommends gives the store to a service account that people
// reach only through sudo, and every one of them must stay a person of their own. Outside
// sudo, whoever sets SUDO_USER already has the store's files, and with them everything.
func osUserName() (string, error) {
	if name := strings.TrimSpace(os.Getenv("SUDO_USER")); name != "" {
		return name, nil
	}
	u, err := user.Current()
	if err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username, nil
	}
	if name := strings.TrimSpace(os.Getenv("USER")); name != "" {
		return name, nil
	}
	return "", fmt.Errorf("cannot tell who runs corridor: no OS user name (%v)", err)
}

// openStoreAs opens the store --store names for the person running the command, who must
// have a role allowing need, and returns it with that person's name. The first person to use
// a store without users becomes its admin, which the trail records; see docs/cases.md.
func openStoreAs(cmd *cobra.Command, mustExist bool, need corridor.AccessRole) (corridor.Store, string, error) {
	me, err := cliUser()
	if err != nil {
		return nil, "", err
	}
	s, err := openStore(cmd, mustExist)
	if err != nil {
		return nil, "", err
	}
	if err := authorize(cmd, s, me, need); err != nil {
		s.Close()
		return nil, "", err
	}
	return s, me, nil
}

// existingStoreAs is existingStore (nil when there is no store) with openStoreAs's check.
func existingStoreAs(cmd *cobra.Command, need corridor.AccessRole) (corridor.Store, string, error) {
	me, err := cliUser()
	if err != nil {
		return nil, "", err
	}
	s, err := existingStore(cmd)
	if err != nil || s == nil {
		return nil, me, err
	}
	if err := authorize(cmd, s, me, need); err != nil {
		s.Close()
		return nil, "", err
	}
	return s, me, nil
}

func authorize(cmd *cobra.Command, s corridor.Store, me string, need corridor.AccessRole) error {
	ctx := cmd.Context()
	u, err := s.User(ctx, me)
	if errors.Is(err, corridor.ErrNotFound) {
		u, err = claimFirstAdmin(cmd, s, me)
	}
	if err != nil {
		return err
	}
	if !u.Role.Allows(need) {
		return fmt.Errorf("%s has the role %s on this store; this needs %s (an admin grants it: corridor users grant %s %s)",
			me, u.Role, need, me, need)
	}
	return nil
}

// claimFirstAdmin makes me the admin of a store nobody uses yet. On a store with users it
// fails with the reason, which the store decides in the grant's transaction.
func claimFirstAdmin(cmd *cobra.Command, s corridor.Store, me string) (corridor.User, error) {
	users, err := s.Users(cmd.Context())
	if err != nil {
		return corridor.User{}, err
	}
	if len(users) > 0 {
		return corridor.User{}, fmt.Errorf("%s has no role on this store (an admin grants one: corridor users grant %s ROLE)", me, me)
	}
	u, err := s.GrantRole(cmd.Context(), me, corridor.AccessAdmin, me)
	if err != nil {
		return u, err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "corridor: %s is the first user of this store and now its admin; corridor users grant NAME ROLE gives others a role\n", me)
	return u, nil
}

func newUsersCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "users",
		Short: "List, grant and revoke the roles of the people using corridor on a store",
		Long: `The command line acts as the OS user running it, with the role an admin granted
that login name on the store:

  screen    screen --monitor and batch --monitor
  analyst   also alerts list|show, alerts propose, parties list|show
  approver  also alerts confirm|reject (never of one's own proposal)
  admin     also audit verify|export|prune, parties rescreen, lists update and
            keys create|revoke when a store exists, and users grant|revoke

The first person to use a store becomes its admin. A store always keeps one admin.
Every change is in the audit trail. See docs/cases.md.`,
		Args: cobra.NoArgs,
	}
	addStoreFlag(cmd)
	cmd.AddCommand(newUsersListCmd(), newUsersGrantCmd(), newUsersRevokeCmd())
	return cmd
}

func newUsersListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the people with a role",
		Example: `  corridor users list`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, _, err := openStoreAs(cmd, true, corridor.AccessScreen)
			if err != nil {
				return err
			}
			defer s.Close()
			users, err := s.Users(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if users == nil {
					users = []corridor.User{}
				}
				return writeJSON(cmd.OutOrStdout(), users)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "USER\tROLE\tGRANTED BY\tGRANTED AT")
			for _, u := range users {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.GrantedBy, u.GrantedAt.Format("2006-01-02 15:04 MST"))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newUsersGrantCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "grant NAME ROLE",
		Short: "Give a person (their OS login name) a role: screen, analyst, approver or admin",
		Example: `  corridor users grant amina analyst
  corridor users grant farid approver`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			role, err := corridor.ParseAccessRole(args[1])
			if err != nil {
				return err
			}
			// A new store may start here: its first user makes themself admin.
			s, me, err := openStoreAs(cmd, false, corridor.AccessAdmin)
			if err != nil {
				return err
			}
			defer s.Close()
			u, err := s.GrantRole(cmd.Context(), args[0], role, me)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s has the role %s (granted by %s)\n", u.Name, u.Role, me)
			return nil
		},
	}
}

func newUsersRevokeCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "revoke NAME",
		Short:   "Take a person's role away",
		Example: `  corridor users revoke amina`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, me, err := openStoreAs(cmd, true, corridor.AccessAdmin)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.RevokeRole(cmd.Context(), args[0], me); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s has no role any more (revoked by %s)\n", strings.TrimSpace(args[0]), me)
			return nil
		},
	}
}

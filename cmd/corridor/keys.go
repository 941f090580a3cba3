package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
)

func newKeysCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, list and revoke the API keys of corridor serve",
		Long: `Create, list and revoke the API keys of corridor serve. The data directory holds
only each key's SHA-256 hash, in apikeys.json; a key is shown once, when it is
created. A running server picks up changes within a few seconds.

Roles, each allowing what the ones before it allow:
  screen    every screening and lookup endpoint, and /metrics
  analyst   also reading /v1/alerts and /v1/parties, and proposing decisions
  approver  also confirming or rejecting another key's proposal (four eyes)
  admin     also /v1/audit (verify, export) and POST /v1/lists/reload
A key stands for one person: its ID and name are the actor the audit trail records
for the decisions made with it, and four eyes compares keys, so give each person
their own key. When a store exists (--store, or corridor.db in the data directory),
creating and revoking a key are recorded in its audit trail.`,
		Example: `  corridor keys create --role screen --name payments-gateway
  corridor keys list
  corridor keys revoke 3f9a0c12d4e5`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newKeysCreateCmd(), newKeysListCmd(), newKeysRevokeCmd())
	addStoreFlag(cmd)
	return cmd
}

func keysPath(cmd *cobra.Command) string {
	return apikey.Path(cmd.Flag("data-dir").Value.String())
}

func newKeysCreateCmd() *cobra.Command {
	var role, name string
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a key and print it (once: it is not stored)",
		Example: `  corridor keys create --role screen --name payments-service
  corridor keys create --role analyst --name alice
  corridor keys create --role approver --name bob
  corridor keys create --role admin --name ops`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := apikey.ParseRole(role)
			if err != nil {
				return fmt.Errorf("--role: %w", err)
			}
			trail, err := openEventTrail(cmd)
			if err != nil {
				return err
			}
			defer trail.Close()
			k, secret, err := apikey.Create(keysPath(cmd), r, name, time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), secret)
			fmt.Fprintf(cmd.ErrOrStderr(), "key %s (role %s) created; it is shown only now: keep it in your secret store.\n", k.ID, k.Role)
			return trail.append(cmd, keyEvent(k, "created"))
		},
	}
	cmd.Flags().StringVar(&role, "role", "screen", "what the key may do: screen, analyst, approver or admin")
	cmd.Flags().StringVar(&name, "name", "", "who or what the key is for, to recognise it in keys list")
	return cmd
}

func newKeysListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the keys (IDs, names, roles, creation time, revoked or not; never the keys)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, err := apikey.Load(keysPath(cmd))
			if err != nil {
				return err
			}
			keys := set.Keys()
			if asJSON {
				if keys == nil {
					keys = []apikey.Key{}
				}
				for i := range keys {
					keys[i].Hash = "" // not secret, but of no use to a reader either
				}
				return writeJSON(cmd.OutOrStdout(), keys)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tROLE\tCREATED\tSTATUS")
			for _, k := range keys {
				status := "active"
				if k.Revoked {
					status = "revoked"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Role, k.Created.Format(time.RFC3339), status)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newKeysRevokeCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "revoke ID",
		Short:   "Revoke a key; it stays listed, marked revoked",
		Example: `  corridor keys revoke 3f9a0c12d4e5`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			trail, err := openEventTrail(cmd)
			if err != nil {
				return err
			}
			defer trail.Close()
			k, err := apikey.Revoke(keysPath(cmd), args[0], time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "key %s (%s) revoked\n", k.ID, k.Name)
			return trail.append(cmd, keyEvent(k, "revoked"))
		},
	}
}

// keyEvent is the audit record of a key created or revoked: who it is for and its role,
// never the key. eventTrail names the actor.
func keyEvent(k apikey.Key, change string) corridor.AuditEvent {
	return corridor.AuditEvent{Action: corridor.AuditKeyChange, Subject: "key:" + k.ID,
		Payload: map[string]any{"change": change, "key_id": k.ID, "name": k.Name, "role": k.Role}}
}

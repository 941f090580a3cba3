package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
)

func newAlertsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alerts",
		Short: "List, show and decide the alerts monitored screens raised",
		Long: `An alert is a match at or above the threshold found by screen --monitor or
batch --monitor. Its review: open -> proposed (true_match or false_positive, with a
written reason) -> confirmed by a second person, who may instead reject the
proposal (the alert is open again). The approver can never be the proposer: the
store refuses it, whoever runs the command. A confirmed false positive clears the
same match of the same party data against the same entity version in later
screens; a confirmed true match blocks the party. See docs/cases.md.

Whoever runs the command acts: the OS user, with the role an admin granted
them (corridor users): analyst to list, show and propose, approver to confirm
and reject.
Exit status: 0 when done, 2 on an error (naming the alert).`,
		Args: cobra.NoArgs,
	}
	addStoreFlag(cmd)
	cmd.AddCommand(newAlertsListCmd(), newAlertsShowCmd(), newAlertsProposeCmd(), newAlertsConfirmCmd(), newAlertsRejectCmd())
	return cmd
}

func newAlertsListCmd() *cobra.Command {
	var state, entity string
	var party int64
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List alerts, oldest first",
		Example: `  corridor alerts list --state open
  corridor alerts list --party 12 --json
  corridor alerts list --entity 7890 --state confirmed`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := corridor.AlertFilter{State: corridor.AlertState(state), PartyID: party}
			switch f.State {
			case "", corridor.AlertOpen, corridor.AlertProposed, corridor.AlertConfirmed:
			default:
				return fmt.Errorf("--state %q: want open, proposed or confirmed", state)
			}
			if party < 0 {
				return fmt.Errorf("--party %d: want a party ID", party)
			}
			s, _, err := openStoreAs(cmd, true, corridor.AccessAnalyst)
			if err != nil {
				return err
			}
			defer s.Close()
			all, err := s.Alerts(cmd.Context(), f)
			if err != nil {
				return fmt.Errorf("alerts list: %w", err)
			}
			// The store filters by state and party; an entity is rarely asked for, so it is
			// picked here rather than in both stores' SQL.
			list := make([]casejson.Alert, 0, len(all))
			for _, a := range all {
				if entity == "" || a.EntityID == entity {
					list = append(list, casejson.AlertOf(a))
				}
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), list)
			}
			return writeAlertsText(cmd.OutOrStdout(), list)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&state, "state", "", "only alerts in this state: open, proposed or confirmed")
	fl.Int64Var(&party, "party", 0, "only the alerts of this party ID")
	fl.StringVar(&entity, "entity", "", "only the alerts on this listed entity ID")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newAlertsShowCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Show an alert, its explanation and its decisions",
		Example: `  corridor alerts show 42`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := alertID(args[0])
			if err != nil {
				return err
			}
			s, _, err := openStoreAs(cmd, true, corridor.AccessAnalyst)
			if err != nil {
				return err
			}
			defer s.Close()
			a, err := s.Alert(cmd.Context(), id)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), casejson.AlertOf(a))
			}
			return writeAlertText(cmd.OutOrStdout(), a)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON, with the explanation and the decisions")
	return cmd
}

func newAlertsProposeCmd() *cobra.Command {
	var outcome, reason string
	cmd := &cobra.Command{
		Use:   "propose ID",
		Short: "Propose an open alert's outcome: true_match or false_positive, with a reason",
		Example: `  corridor alerts propose 42 --outcome false_positive --reason "born 1990, the listed person 1977"
  corridor alerts propose 43 --outcome true_match --reason "passport number agrees" `,
		Args: cobra.ExactArgs(1),
	}
	cmd.RunE = decide(corridor.AccessAnalyst, func(cmd *cobra.Command, s corridor.Store, id int64, me string) (corridor.Alert, error) {
		return s.Propose(cmd.Context(), id, corridor.Proposal{Outcome: corridor.Outcome(outcome), Reason: reason, Actor: me})
	})
	cmd.Flags().StringVar(&outcome, "outcome", "", "true_match or false_positive")
	cmd.Flags().StringVar(&reason, "reason", "", "why, in words a reviewer and a regulator can follow")
	return cmd
}

func newAlertsConfirmCmd() *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:     "confirm ID",
		Short:   "Confirm a proposed alert (four eyes: not by its proposer)",
		Example: `  corridor alerts confirm 42`,
		Args:    cobra.ExactArgs(1),
	}
	cmd.RunE = decide(corridor.AccessApprover, func(cmd *cobra.Command, s corridor.Store, id int64, me string) (corridor.Alert, error) {
		return s.Confirm(cmd.Context(), id, me, note)
	})
	cmd.Flags().StringVar(&note, "note", "", "an optional note kept with the confirmation")
	return cmd
}

func newAlertsRejectCmd() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:     "reject ID",
		Short:   "Reject a proposal, with a reason: the alert is open again",
		Example: `  corridor alerts reject 42 --reason "the dates of birth were not compared"`,
		Args:    cobra.ExactArgs(1),
	}
	cmd.RunE = decide(corridor.AccessApprover, func(cmd *cobra.Command, s corridor.Store, id int64, me string) (corridor.Alert, error) {
		return s.Reject(cmd.Context(), id, me, reason)
	})
	cmd.Flags().StringVar(&reason, "reason", "", "why the proposal does not hold")
	return cmd
}

// decide runs one state change as the person running the command, who needs the role need,
// and prints where it left the alert. The store checks the transition and four eyes in the
// transaction that makes the change; nothing here does.
func decide(need corridor.AccessRole, change func(cmd *cobra.Command, s corridor.Store, id int64, me string) (corridor.Alert, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		id, err := alertID(args[0])
		if err != nil {
			return err
		}
		s, me, err := openStoreAs(cmd, true, need)
		if err != nil {
			return err
		}
		defer s.Close()
		a, err := change(cmd, s, id, me)
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "alert %d: %s by %s\n", a.ID, stateLine(a), me)
		if a.State == corridor.AlertConfirmed && a.Outcome == corridor.TrueMatch && a.PartyID != 0 {
			fmt.Fprintf(cmd.OutOrStdout(), "party %d (ref %s) is now blocked\n", a.PartyID, a.PartyRef)
		}
		return nil
	}
}

func stateLine(a corridor.Alert) string {
	switch a.State {
	case corridor.AlertProposed:
		return "proposed " + string(a.Outcome)
	case corridor.AlertConfirmed:
		return "confirmed " + string(a.Outcome)
	}
	return "open again (proposal rejected)"
}

func alertID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, fmt.Errorf("alert %q: want an alert ID (a number from 1)", s)
	}
	return id, nil
}

// Command corridor screens names, files and payments against sanctions lists.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// Exit statuses, so that scripts can branch on the result.
const (
	exitClear   = 0 // nothing reached the alert threshold
	exitAlert   = 1 // something reached the alert threshold
	exitError   = 2 // bad input or a failure
	exitBadRows = 3 // batch: no alert, but some rows could not be screened
	exitBlock   = 3 // payment screen: a payment is to be blocked (exitAlert: to be reviewed)
)

// errAlert is returned by a command whose result holds an alert; main turns it into exitAlert.
var errAlert = errors.New("alert")

func main() {
	root := newRootCmd()
	err := root.Execute()
	switch {
	case err == nil:
		os.Exit(exitClear)
	case errors.Is(err, errAlert), errors.Is(err, errReview):
		os.Exit(exitAlert)
	case errors.Is(err, errBlock):
		os.Exit(exitBlock)
	case errors.Is(err, errBadRows):
		fmt.Fprintln(os.Stderr, "corridor: some rows could not be screened: see match_reason in the results")
		os.Exit(exitBadRows)
	default:
		fmt.Fprintln(os.Stderr, "corridor:", err)
		os.Exit(exitError)
	}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "corridor",
		Short:         "Screen names, files and payments against sanctions lists",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("data-dir", defaultDataDir(), "directory for downloaded list versions (env CORRIDOR_DATA_DIR)")
	root.PersistentFlags().String("config", "", "YAML config file of flag values (env CORRIDOR_CONFIG; default "+defaultConfigPath()+" when it exists)")
	// Every flag may also come from CORRIDOR_<FLAG> or the config file; see config.go.
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return applyConfig(cmd) }
	root.AddCommand(
		newVersionCmd(),
		newListsCmd(),
		newScreenCmd(),
		newCompareCmd(),
		newEvalCmd(),
		newBatchCmd(),
		newPaymentCmd(),
		newServeCmd(),
		newKeysCmd(),
		newAuditCmd(),
		newPolicyCmd(),
		newAlertsCmd(),
		newPartiesCmd(),
		newUsersCmd(),
	)
	return root
}

func defaultDataDir() string {
	if dir := os.Getenv("CORRIDOR_DATA_DIR"); dir != "" {
		return dir
	}
	if dir, err := os.UserCacheDir(); err == nil {
		return dir + "/corridor"
	}
	return ".corridor"
}

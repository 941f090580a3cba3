package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

func newAuditPruneCmd() *cobra.Command {
	var keep retention
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "prune --retain PERIOD",
		Short: "Remove the payloads of audit records older than the retention period",
		Long: `Remove the payloads of the audit records older than --retain, and append an
audit.prune record that names the cutoff and the records pruned. Every record stays,
with its payload's SHA-256, so the chain still verifies; corridor audit verify counts
the pruned records and checks that a prune accounts for every payload gone. The
records of prunes keep their payloads.

PERIOD is a number of calendar years (10y) or days (3650d), or a Go duration (8760h);
at least one day. The trail is verified first: a trail that does not verify is not
pruned, since the payloads a prune removes may be the evidence of what broke it.
--dry-run counts what would be removed and changes nothing.

corridor serve --audit-retain prunes the same way once a day. docs/audit.md describes
retention.`,
		Example: `  corridor audit prune --retain 10y --dry-run
  corridor audit prune --retain 3650d
  CORRIDOR_RETAIN=10y corridor audit prune --store postgres://corridor@db:5432/corridor`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !keep.set() {
				return errors.New("--retain is required: how long the trail keeps payloads, e.g. --retain 10y (or CORRIDOR_RETAIN, or retain: in the config file)")
			}
			s, actor, err := openStoreAs(cmd, true, corridor.AccessAdmin)
			if err != nil {
				return err
			}
			defer s.Close()
			rep, err := pruneAudit(cmd.Context(), s, keep, actor, time.Now(), dryRun)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), describePrune(rep, dryRun))
			return nil
		},
	}
	cmd.Flags().Var(&keep, "retain", "keep payloads this long: years (10y), days (3650d) or a Go duration (8760h); at least 1d")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "count the payloads a prune would remove; change nothing")
	return cmd
}

// pruneAudit verifies the trail, then removes the payloads older than keep before now. A
// trail that does not verify is left alone: the payloads a prune removes may be the
// evidence of what broke it, and once they are gone their hashes prove nothing.
func pruneAudit(ctx context.Context, s corridor.Store, keep retention, actor string, now time.Time, dryRun bool) (corridor.PruneReport, error) {
	v, err := s.VerifyAudit(ctx)
	if err != nil {
		return corridor.PruneReport{}, fmt.Errorf("audit prune: %w", err)
	}
	if v.Fault != nil {
		return corridor.PruneReport{}, fmt.Errorf("audit prune: nothing pruned: the trail does not verify (%v); see corridor audit verify", v.Fault)
	}
	return s.PruneAudit(ctx, corridor.PruneRequest{Before: keep.cutoff(now), Actor: actor, DryRun: dryRun})
}

func describePrune(rep corridor.PruneReport, dryRun bool) string {
	before := rep.Before.UTC().Format(time.RFC3339)
	switch {
	case rep.Count == 0:
		return fmt.Sprintf("audit prune: no payload older than %s left to remove", before)
	case dryRun:
		return fmt.Sprintf("audit prune: would remove the payloads of %d records (%d to %d) older than %s; nothing changed (--dry-run)",
			rep.Count, rep.FirstSeq, rep.LastSeq, before)
	}
	return fmt.Sprintf("audit prune: removed the payloads of %d records (%d to %d) older than %s; recorded as record %d (audit.prune)",
		rep.Count, rep.FirstSeq, rep.LastSeq, before, rep.Record.Seq)
}

// retentionActor names who serve's prunes are in the name of: the person running serve, who
// needs the admin role on the store, as for corridor audit prune.
func retentionActor(cmd *cobra.Command, store corridor.Store) (string, error) {
	me, err := cliUser()
	if err != nil {
		return "", err
	}
	if err := authorize(cmd, store, me, corridor.AccessAdmin); err != nil {
		return "", fmt.Errorf("--audit-retain: %w", err)
	}
	return me, nil
}

// serveAuditRetention checks serve's --audit-retain before the server starts, and returns
// what starts the prunes once it runs.
func serveAuditRetention(cmd *cobra.Command, log *slog.Logger, store corridor.Store, keep retention, every time.Duration) (start func(context.Context) (wait func()), err error) {
	off := func(context.Context) func() { return func() {} }
	switch {
	case !keep.set():
		return off, nil
	case store == nil:
		log.Warn("--audit-retain is set, but there is no store to prune (see --store)", slog.String("retain", keep.String()))
		return off, nil
	}
	actor, err := retentionActor(cmd, store)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) func() { return startAuditRetention(ctx, log, store, keep, every, actor) }, nil
}

// startAuditRetention prunes the trail of store in the name of actor once now, and then
// every interval until ctx ends, and returns a function that waits for a prune in flight to
// finish (the caller closes the store after it). A failed prune is logged and tried again at
// the next interval: the server keeps serving.
func startAuditRetention(ctx context.Context, log *slog.Logger, store corridor.Store, keep retention, every time.Duration, actor string) (wait func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			rep, err := pruneAudit(ctx, store, keep, actor, time.Now(), false)
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				log.Error("audit prune failed", slog.String("retain", keep.String()), slog.Any("err", err))
			default:
				log.Info("audit prune", slog.String("retain", keep.String()), slog.Time("before", rep.Before),
					slog.Int64("pruned", rep.Count), slog.Int64("first_seq", rep.FirstSeq), slog.Int64("last_seq", rep.LastSeq),
					slog.Int64("record", rep.Record.Seq))
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return wg.Wait
}

// minRetention is the shortest retention corridor accepts: anything shorter would remove
// payloads about as fast as they are written, which is a mistake, not a policy.
const minRetention = 24 * time.Hour

// retention is how long the trail keeps payloads, a flag value: calendar years (10y) or
// days (3650d), or a Go duration (8760h). Years and days count back by the calendar, so that
// 10y keeps ten years to the day whatever the leap days. The zero value is unset.
type retention struct {
	text        string
	years, days int
	dur         time.Duration
}

func parseRetention(s string) (retention, error) {
	text := strings.TrimSpace(s)
	r := retention{text: text}
	if text == "" {
		return r, nil
	}
	switch unit := text[len(text)-1]; unit {
	case 'y', 'd':
		n, err := strconv.Atoi(text[:len(text)-1])
		if err != nil || n < 0 || n > 1000*366 || (unit == 'y' && n > 1000) {
			return retention{}, errors.New("want a whole number of years or days, e.g. 10y or 3650d")
		}
		if unit == 'y' {
			r.years = n
		} else {
			r.days = n
		}
	default:
		d, err := time.ParseDuration(text)
		if err != nil {
			return retention{}, errors.New("want years (10y), days (3650d) or a Go duration (8760h)")
		}
		r.dur = d
	}
	if r.years == 0 && r.days == 0 && r.dur < minRetention {
		return retention{}, errors.New("keep payloads at least one day (1d): a shorter retention would remove them about as fast as they are written")
	}
	return r, nil
}

func (r *retention) Set(s string) error {
	v, err := parseRetention(s)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

func (r *retention) String() string { return r.text }
func (r *retention) Type() string   { return "period" }

func (r retention) set() bool { return r.text != "" }

// cutoff is the time before which payloads are removed, for a prune at now.
func (r retention) cutoff(now time.Time) time.Time {
	return now.UTC().AddDate(-r.years, 0, -r.days).Add(-r.dur)
}

package storetest

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

// The crash test: a child process (this test binary again, running childTest) records
// decisions and writes "ack <action> <alert>" once each is committed; the parent kills it
// with SIGKILL at a random moment, reopens the store and checks that every acknowledged
// decision is there and the audit chain verifies.

const (
	crashEnv       = "CORRIDOR_CRASH_STORE" // what the child opens; set only in the child
	CrashDecisions = 10000                  // the decisions the child sets out to record
)

// StoreOpener opens a store from a data source name: a file path or a URL.
type StoreOpener func(ctx context.Context, dsn string) (corridor.Store, error)

// CrashChild is the child's side: call it from a test named childTest. Outside a crash test
// it skips.
func CrashChild(t *testing.T, open StoreOpener) {
	dsn := os.Getenv(crashEnv)
	if dsn == "" {
		t.Skip("the child process of the crash test; runs only when the crash test starts it")
	}
	ctx := context.Background()
	s, err := open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	ack := func(action string, id int64) {
		// Flushed at once: a decision is acknowledged only once its line can be read.
		fmt.Fprintf(out, "ack %s %d\n", action, id)
		if err := out.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	party := corridor.MonitoredParty{PartyData: corridor.PartyData{Name: "Crash Test"}}
	for i := 0; i < CrashDecisions/2; i++ {
		a, err := s.CreateAlert(ctx, newAlert(party, fmt.Sprintf("un:QDi.%d", i), "v1"), "screener")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.FalsePositive, Reason: "other person", Actor: "ann"}); err != nil {
			t.Fatal(err)
		}
		ack("propose", a.ID)
		if _, err := s.Confirm(ctx, a.ID, "bob", "agreed"); err != nil {
			t.Fatal(err)
		}
		ack("confirm", a.ID)
	}
}

// Crash is the parent's side: it runs childTest of this test binary against dsn, kills it at
// a random moment within maxWait of its first acknowledgement (or, on a machine fast enough
// to get that far, at a random acknowledgement in the second half of the run), and checks
// the store. The time bound keeps the test short under the race detector, which slows
// SQLite's transpiled C tenfold.
//
// CORRIDOR_CRASH_WAIT (a duration such as 2m) replaces maxWait, to let the child get further
// into its 10,000 decisions than a routine run allows.
func Crash(t *testing.T, childTest, dsn string, open StoreOpener, maxWait time.Duration) {
	if v := os.Getenv("CORRIDOR_CRASH_WAIT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			t.Fatalf("CORRIDOR_CRASH_WAIT=%q: want a positive duration such as 2m", v)
		}
		maxWait = d
	}
	killAt := CrashDecisions/2 + rand.IntN(CrashDecisions/2)
	wait := time.Duration(rand.Int64N(int64(maxWait)))
	cmd := exec.Command(os.Args[0], "-test.run=^"+childTest+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+dsn)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[int64]string{} // alert -> the last acknowledged action
	acks := 0
	var killed atomic.Bool
	var how atomic.Value // why the one kill that happens happened
	kill := func(why string) {
		if killed.CompareAndSwap(false, true) {
			how.Store(why)
			if err := cmd.Process.Kill(); err != nil { // SIGKILL
				t.Error(err)
			}
		}
	}
	var timer *time.Timer
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 || f[0] != "ack" {
			continue
		}
		id, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			t.Fatalf("child said %q", sc.Text())
		}
		acked[id] = f[1]
		if acks++; acks == 1 {
			timer = time.AfterFunc(wait, func() { kill(fmt.Sprintf("%v after its first acknowledgement", wait.Round(time.Millisecond))) })
		} else if acks == killAt {
			kill(fmt.Sprintf("at acknowledgement %d", killAt))
		}
	}
	err = cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	if !killed.Load() {
		t.Fatalf("the child ended before it was killed (%d acknowledgements): %v", acks, err)
	}
	t.Logf("killed the child %s, %v after its start, with %d of its %d decisions acknowledged: %v",
		how.Load(), time.Since(start).Round(time.Millisecond), acks, CrashDecisions, err)

	ctx := context.Background()
	s, err := open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen after the crash: %v", err)
	}
	defer s.Close()
	rep, err := s.VerifyAudit(ctx)
	if err != nil || rep.Fault != nil {
		t.Fatalf("verify after the crash: %v %v", err, rep.Fault)
	}
	decisions := 0
	all, err := s.Alerts(ctx, corridor.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]corridor.Alert{}
	for _, a := range all {
		byID[a.ID] = a
		switch a.State {
		case corridor.AlertProposed:
			decisions++
		case corridor.AlertConfirmed:
			decisions += 2
		}
	}
	for id, action := range acked {
		a, found := byID[id]
		if !found {
			t.Errorf("acknowledged %s of alert %d, which is not there", action, id)
			continue
		}
		if want := map[string]corridor.AlertState{"propose": corridor.AlertProposed, "confirm": corridor.AlertConfirmed}[action]; a.State != want &&
			!(want == corridor.AlertProposed && a.State == corridor.AlertConfirmed) {
			t.Errorf("alert %d: acknowledged %s, found it %s", id, action, a.State)
		}
	}
	// The child records one decision at a time: at most one can be committed and not yet
	// acknowledged when it dies.
	if decisions < acks || decisions > acks+1 {
		t.Errorf("%d decisions stored, %d acknowledged", decisions, acks)
	}
	t.Logf("after the crash: %d decisions stored, %d audit records, chain verified", decisions, rep.Records)

	// The store goes on from where it stopped.
	a, err := s.CreateAlert(ctx, newAlert(corridor.MonitoredParty{PartyData: corridor.PartyData{Name: "After"}}, "un:QDi.after", "v1"), "screener")
	if err == nil {
		_, err = s.Propose(ctx, a.ID, corridor.Proposal{Outcome: corridor.TrueMatch, Reason: "same passport", Actor: "ann"})
	}
	if err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	if rep, err := s.VerifyAudit(ctx); err != nil || rep.Fault != nil {
		t.Fatalf("verify after more work: %v %v", err, rep.Fault)
	}
}

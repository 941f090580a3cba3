package http

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

// After a prune, verify counts the pruned records and the export marks them, without their
// payloads, in lines that still verify.
func TestAuditPruned(t *testing.T) {
	store := newTestStore(t)
	time.Sleep(2 * time.Millisecond) // past the fixture's last record time, to the microsecond
	rep, err := store.PruneAudit(context.Background(), corridor.PruneRequest{Before: time.Now(), Actor: "retention"})
	if err != nil || rep.Count < 5 {
		t.Fatalf("prune: %+v %v", rep, err)
	}
	h := newTestServer(t, Options{Store: store}).Handler()
	var v auditVerifyJSON
	mustDecode(t, do(t, h, "GET", "/v1/audit/verify", "").body, &v)
	if !v.OK || v.Pruned != rep.Count || v.Records != rep.Record.Seq {
		t.Errorf("verify after pruning %d: %+v", rep.Count, v)
	}
	r := do(t, h, "GET", "/v1/audit/export", "")
	chain := corridor.NewChainVerifier()
	var last corridor.AuditRecord
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	for sc.Scan() {
		if err := json.Unmarshal(sc.Bytes(), &last); err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		pruned := last.Seq <= rep.LastSeq
		if strings.Contains(sc.Text(), `"pruned":true`) != pruned || strings.Contains(sc.Text(), `"payload":`) == pruned {
			t.Errorf("line %s", sc.Text())
		}
		if f := chain.Next(&last); f != nil {
			t.Fatal(f)
		}
	}
	if f := chain.End(last.Seq, last.Hash); f != nil || last.Action != corridor.AuditPrune || chain.Pruned() != rep.Count {
		t.Errorf("export ends with %+v: %v, %d pruned", last, f, chain.Pruned())
	}
}

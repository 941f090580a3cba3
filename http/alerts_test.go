package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
	"github.com/corridor-aml/corridor/internal/casejson"
)

// Four eyes over HTTP: the key that proposed cannot confirm, another approver can; the
// decisions name the keys, and the trail still verifies.
func TestDecisionsFourEyes(t *testing.T) {
	path := filepath.Join(t.TempDir(), apikey.FileName)
	ka, a, _ := apikey.Create(path, apikey.RoleApprover, "alice", time.Now())
	kb, b, _ := apikey.Create(path, apikey.RoleApprover, "bob", time.Now())
	_, analyst, _ := apikey.Create(path, apikey.RoleAnalyst, "carol", time.Now())
	set, err := apikey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{RequireKeys: true, Keys: func() *apikey.Set { return set }, Store: newTestStore(t)})
	h := s.Handler()
	post := func(key, body string) reply {
		return do(t, h, "POST", "/v1/alerts/1/decisions", body, "Authorization", "Bearer "+key)
	}
	if r := post(a, `{"action":"propose","outcome":"true_match","reason":"passport number agrees"}`); r.status != 200 {
		t.Fatalf("propose: %d %s", r.status, r.body)
	}
	if r := post(analyst, `{"action":"confirm"}`); r.status != 403 || r.errorCode(t) != codeForbidden {
		t.Errorf("analyst confirms: %d %s", r.status, r.body)
	}
	if r := post(a, `{"action":"confirm"}`); r.status != 409 || r.errorCode(t) != codeFourEyes {
		t.Errorf("proposer confirms: %d %s", r.status, r.body)
	}
	if r := post(a, `{"action":"reject","reason":"changed my mind"}`); r.status != 409 || r.errorCode(t) != codeFourEyes {
		t.Errorf("proposer rejects: %d %s", r.status, r.body)
	}
	if r := post(b, `{"action":"confirm","outcome":"false_positive"}`); r.status != 409 || r.errorCode(t) != codeBadOutcome {
		t.Errorf("confirm of another outcome: %d %s", r.status, r.body)
	}
	r := post(b, `{"action":"confirm","outcome":"true_match","reason":"agreed"}`)
	if r.status != 200 {
		t.Fatalf("second approver confirms: %d %s", r.status, r.body)
	}
	var got casejson.Alert
	mustDecode(t, r.body, &got)
	if got.State != corridor.AlertConfirmed || got.ProposedBy != "key:"+ka.ID+" (alice)" || got.ConfirmedBy != "key:"+kb.ID+" (bob)" || len(got.Decisions) != 2 {
		t.Errorf("after confirm: %+v", got)
	}
	if r := post(b, `{"action":"reject","reason":"too late"}`); r.status != 409 || r.errorCode(t) != codeIllegalTransition {
		t.Errorf("reject a confirmed alert: %d %s", r.status, r.body)
	}
	// A confirmed true match blocks the party.
	var p casejson.Party
	mustDecode(t, do(t, h, "GET", "/v1/parties/1", "", "Authorization", "Bearer "+analyst).body, &p)
	if p.BlockedBy != 1 || len(p.Alerts) != 3 || p.Alerts[0].Explanation != nil {
		t.Errorf("party after a confirmed true match: %+v", p)
	}
	if r := do(t, h, "GET", "/v1/parties?blocked=true", "", "Authorization", "Bearer "+analyst); !strings.Contains(string(r.body), `"ref":"C-1042"`) {
		t.Errorf("blocked parties: %s", r.body)
	}
	_, admin, _ := apikey.Create(path, apikey.RoleAdmin, "ops", time.Now())
	set, _ = apikey.Load(path)
	var v auditVerifyJSON
	mustDecode(t, do(t, h, "GET", "/v1/audit/verify", "", "Authorization", "Bearer "+admin).body, &v)
	if !v.OK || v.Fault != nil || v.Records < 8 {
		t.Errorf("verify after the decisions: %+v", v)
	}
}

// Transitions the store refuses answer 409 illegal_transition; a rejection reopens.
func TestDecisionsTransitions(t *testing.T) {
	h := newTestServer(t, Options{Store: newTestStore(t)}).Handler()
	for _, c := range []struct {
		id, body string
		status   int
		code     string
	}{
		{"1", `{"action":"confirm"}`, 409, codeIllegalTransition},
		{"2", `{"action":"propose","outcome":"true_match","reason":"again"}`, 409, codeIllegalTransition},
		{"1", `{"action":"reject"}`, 400, codeMissingReason},
		{"1", `{"action":"propose","outcome":"true_match","reason":"  "}`, 400, codeMissingReason},
		{"1", `{"action":"propose","reason":"x"}`, 400, codeBadOutcome},
		{"1", `{"action":"confirm","outcome":"yes"}`, 400, codeBadOutcome},
		{"1", `{}`, 400, codeBadAction},
		{"1", `{"action":"propose","actor":"mallory"}`, 400, codeUnknownField},
		{"1", ``, 400, codeEmptyBody},
		{"1", `{`, 400, codeMalformedJSON},
		{"x", `{"action":"confirm"}`, 404, codeAlertNotFound},
		{"0", `{"action":"confirm"}`, 404, codeAlertNotFound},
		{"999", `{"action":"confirm"}`, 404, codeAlertNotFound},
	} {
		r := do(t, h, "POST", "/v1/alerts/"+c.id+"/decisions", c.body)
		if r.status != c.status || r.errorCode(t) != c.code {
			t.Errorf("alert %s %s: %d %s, want %d %s", c.id, c.body, r.status, r.body, c.status, c.code)
		}
	}
	// Without a key the actor is anonymous, who proposed alert 2: four eyes.
	if r := do(t, h, "POST", "/v1/alerts/2/decisions", `{"action":"reject","reason":"x"}`); r.status != 409 || r.errorCode(t) != codeFourEyes {
		t.Errorf("anonymous rejects its own proposal: %d %s", r.status, r.body)
	}
	if r := do(t, h, "GET", "/v1/alerts/huge", ""); r.status != 404 || r.errorCode(t) != codeAlertNotFound {
		t.Errorf("alert huge: %d %s", r.status, r.body)
	}
	if r := do(t, h, "GET", "/v1/parties/999", ""); r.status != 404 || r.errorCode(t) != codePartyNotFound {
		t.Errorf("party 999: %d %s", r.status, r.body)
	}
}

func TestAlertsListFilters(t *testing.T) {
	h := newTestServer(t, Options{Store: newTestStore(t)}).Handler()
	ids := func(target string) ([]int64, int64) {
		t.Helper()
		r := do(t, h, "GET", target, "")
		if r.status != 200 {
			t.Fatalf("%s: %d %s", target, r.status, r.body)
		}
		var page alertsPage
		mustDecode(t, r.body, &page)
		var out []int64
		for _, a := range page.Alerts {
			out = append(out, a.ID)
		}
		return out, page.NextAfter
	}
	for _, c := range []struct {
		target string
		want   string
		next   int64
	}{
		{"/v1/alerts", "[1 2 3 4]", 0},
		{"/v1/alerts?state=proposed", "[2]", 0},
		{"/v1/alerts?state=open&limit=2", "[1 3]", 3},
		{"/v1/alerts?state=open&limit=2&after=3", "[4]", 0},
		{"/v1/alerts?party=1", "[1 2 3]", 0},
		{"/v1/alerts?entity=us_ofac_sdn:10743&limit=1&after=1", "[2]", 2},
		{"/v1/alerts?entity=un:nope", "[]", 0},
	} {
		got, next := ids(c.target)
		if s := fmtIDs(got); s != c.want || next != c.next {
			t.Errorf("%s: %s next %d, want %s next %d", c.target, s, next, c.want, c.next)
		}
	}
	for _, target := range []string{"/v1/alerts?after=-1", "/v1/alerts?party=0", "/v1/alerts?limit=1001", "/v1/parties?limit=x", "/v1/parties?after=z"} {
		if r := do(t, h, "GET", target, ""); r.status != 400 {
			t.Errorf("%s: %d %s", target, r.status, r.body)
		}
	}
	r := do(t, h, "GET", "/v1/alerts/1", "")
	var a casejson.Alert
	mustDecode(t, r.body, &a)
	if a.ID != 1 || a.State != corridor.AlertOpen || string(a.Explanation) != `{"score":0.91}` || a.PartyRef != "C-1042" {
		t.Errorf("alert 1: %s", r.body)
	}
	var parties partiesPage
	mustDecode(t, do(t, h, "GET", "/v1/parties?blocked=false&limit=1", "").body, &parties)
	if len(parties.Parties) != 1 || parties.NextAfter != 1 || parties.Parties[0].DataHash == "" {
		t.Errorf("parties: %+v", parties)
	}
}

func fmtIDs(ids []int64) string {
	b, _ := json.Marshal(ids)
	return strings.ReplaceAll(strings.ReplaceAll(string(b), ",", " "), "null", "[]")
}

// Without a store every store route answers 503 no_store, after the key check.
func TestNoStore(t *testing.T) {
	h := newTestServer(t, Options{}).Handler()
	for _, rt := range newTestServer(t, Options{}).routes {
		if !rt.store {
			continue
		}
		target := strings.ReplaceAll(rt.pattern, "{id}", "1")
		r := do(t, h, rt.method, target, `{"action":"propose"}`)
		if r.status != 503 || r.errorCode(t) != codeNoStore || !strings.Contains(string(r.body), "--store") {
			t.Errorf("%s %s: %d %s", rt.method, target, r.status, r.body)
		}
	}
}

// The export's lines parse, chain, and verify as corridor audit verify would; since starts
// where asked.
func TestAuditExport(t *testing.T) {
	h := newTestServer(t, Options{Store: newTestStore(t)}).Handler()
	do(t, h, "POST", "/v1/alerts/3/decisions", `{"action":"propose","outcome":"false_positive","reason":"dates differ"}`)
	r := do(t, h, "GET", "/v1/audit/export", "")
	if r.status != 200 || r.header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("export: %d %v %s", r.status, r.header, r.body)
	}
	var prev string
	v := corridor.NewChainVerifier()
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	for sc.Scan() {
		var line struct {
			Seq             int64
			Time, Actor     string
			Action, Subject string
			Payload         string
			PayloadHash     string `json:"payload_sha256"`
			PrevHash        string `json:"prev_sha256"`
			Hash            string `json:"sha256"`
		}
		mustDecode(t, sc.Bytes(), &line)
		n++
		if line.Seq != int64(n) || (n > 1 && line.PrevHash != prev) {
			t.Errorf("line %d: seq %d, prev %s after %s", n, line.Seq, line.PrevHash, prev)
		}
		at, err := time.Parse(corridor.AuditTimeFormat, line.Time)
		if err != nil {
			t.Fatal(err)
		}
		rec := corridor.AuditRecord{Seq: line.Seq, Time: at, Actor: line.Actor, Action: line.Action, Subject: line.Subject,
			Payload: json.RawMessage(line.Payload), PayloadHash: line.PayloadHash, PrevHash: line.PrevHash, Hash: line.Hash}
		if f := v.Next(&rec); f != nil {
			t.Errorf("line %d: %v", n, f)
		}
		prev = line.Hash
	}
	if n < 7 {
		t.Fatalf("%d records exported:\n%s", n, r.body)
	}
	if !strings.Contains(string(r.body), `"actor":"anonymous","action":"alert.propose"`) {
		t.Errorf("the proposal is not in the trail:\n%s", r.body)
	}
	tail := do(t, h, "GET", "/v1/audit/export?since=3", "")
	if got := bytes.Count(tail.body, []byte("\n")); got != n-2 || !bytes.HasPrefix(tail.body, []byte(`{"seq":3,`)) {
		t.Errorf("since=3: %d lines: %.100s", got, tail.body)
	}
	if r := do(t, h, "GET", "/v1/audit/export?since=99", ""); r.status != 200 || len(r.body) != 0 {
		t.Errorf("since past the end: %d %q", r.status, r.body)
	}
	if r := do(t, h, "GET", "/v1/audit/export?since=x", ""); r.status != 400 || r.errorCode(t) != codeBadParameter {
		t.Errorf("since=x: %d %s", r.status, r.body)
	}
}

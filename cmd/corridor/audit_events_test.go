package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// auditActions returns the actions of the audit trail of the store in dir, in order.
func auditActions(t *testing.T, dir string) []string {
	t.Helper()
	out, err := run(t, "audit", "export", "--data-dir", dir)
	if err != nil {
		t.Fatalf("audit export: %v\n%s", err, out)
	}
	var actions []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Action  string `json:"action"`
			Payload string `json:"payload"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		actions = append(actions, rec.Action+" "+rec.Payload)
	}
	return actions
}

// Creating and revoking a key are recorded in the audit trail when a store exists, and
// nothing of the key itself is.
func TestKeyChangesAreAudited(t *testing.T) {
	dir := t.TempDir()
	if _, err := run(t, "keys", "create", "--role", "analyst", "--name", "alice", "--data-dir", dir); err != nil {
		t.Fatal(err) // no store yet: nothing to record, no error
	}
	if _, err := run(t, "screen", "Sirajuddin Haqqani", "--monitor", "--ref", "P1", "--data-dir", dir); err != nil && !errors.Is(err, errAlert) {
		t.Fatal(err)
	}
	secret, err := run(t, "keys", "create", "--role", "approver", "--name", "bob", "--data-dir", dir)
	if err != nil {
		t.Fatal(err)
	}
	id := strings.Split(strings.TrimSpace(secret), "_")[1]
	if _, err := run(t, "keys", "revoke", id, "--data-dir", dir); err != nil {
		t.Fatal(err)
	}
	var keyEvents []string
	for _, a := range auditActions(t, dir) {
		if strings.HasPrefix(a, "key.change ") {
			keyEvents = append(keyEvents, a)
			if strings.Contains(a, strings.TrimSpace(secret)) {
				t.Errorf("the key itself is in the trail: %s", a)
			}
		}
	}
	if len(keyEvents) != 2 || !strings.Contains(keyEvents[0], `"change":"created"`) || !strings.Contains(keyEvents[1], `"change":"revoked"`) ||
		!strings.Contains(keyEvents[0], `"role":"approver"`) {
		t.Errorf("key events %v, want bob's creation and revocation", keyEvents)
	}
	if out, err := run(t, "audit", "verify", "--data-dir", dir); err != nil {
		t.Errorf("audit verify: %v\n%s", err, out)
	}
}

package storetest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// testUsers: a store's first user makes themself admin and nobody else can be first; only an
// admin changes roles; the last admin stays; every change is in the trail.
func testUsers(t *testing.T, s corridor.Store) {
	ctx := context.Background()
	if us := ok(s.Users(ctx))(t); len(us) != 0 {
		t.Fatalf("a new store has users %v", us)
	}
	_, err := s.GrantRole(ctx, "bob", corridor.AccessAdmin, "alice")
	wantErr(t, err, corridor.ErrForbidden, "first grant to someone else")
	_, err = s.GrantRole(ctx, "alice", corridor.AccessAnalyst, "alice")
	wantErr(t, err, corridor.ErrForbidden, "first grant of less than admin")
	_, err = s.GrantRole(ctx, "alice", "root", "alice")
	wantErr(t, err, corridor.ErrInvalid, "unknown role")
	if got := auditActions(t, s, 1); len(got) != 0 {
		t.Errorf("refused grants left records %v", got)
	}

	admin := ok(s.GrantRole(ctx, " alice ", corridor.AccessAdmin, "alice"))(t)
	if admin.Name != "alice" || admin.Role != corridor.AccessAdmin || admin.GrantedBy != "alice" || admin.GrantedAt.IsZero() {
		t.Errorf("bootstrap grant %+v", admin)
	}
	if u := ok(s.User(ctx, " ALICE "))(t); u.Name != "alice" {
		t.Errorf("alice looked up as ALICE: %+v", u)
	}
	ok(s.GrantRole(ctx, "Bob", corridor.AccessAnalyst, "Alice"))(t)
	_, err = s.GrantRole(ctx, "carol", corridor.AccessApprover, "bob")
	wantErr(t, err, corridor.ErrForbidden, "an analyst grants")
	_, err = s.GrantRole(ctx, "dave", corridor.AccessAdmin, "dave")
	wantErr(t, err, corridor.ErrForbidden, "a second person claims admin of a store with users")
	ok(s.GrantRole(ctx, "bob", corridor.AccessApprover, "alice"))(t)
	if u := ok(s.GrantRole(ctx, "bob", corridor.AccessApprover, "alice"))(t); u.Role != corridor.AccessApprover || u.GrantedAt.IsZero() {
		t.Errorf("a grant of the role bob has: %+v", u) // and no record: see the trail below
	}
	ok(s.GrantRole(ctx, "carol", corridor.AccessScreen, "alice"))(t)
	_, err = s.GrantRole(ctx, "bad\nname", corridor.AccessScreen, "alice")
	wantErr(t, err, corridor.ErrInvalid, "a name with a line feed")

	if u := ok(s.User(ctx, "bob"))(t); u.Role != corridor.AccessApprover || u.GrantedBy != "alice" {
		t.Errorf("bob %+v", u)
	}
	_, err = s.User(ctx, "dave")
	wantErr(t, err, corridor.ErrNotFound, "a person without a role")
	var names []string
	for _, u := range ok(s.Users(ctx))(t) {
		names = append(names, u.Name+":"+string(u.Role))
	}
	if got := strings.Join(names, ","); got != "alice:admin,bob:approver,carol:screen" {
		t.Errorf("users %s", got)
	}

	wantErr(t, s.RevokeRole(ctx, "alice", "alice"), corridor.ErrInvalid, "revoke the last admin")
	_, err = s.GrantRole(ctx, "alice", corridor.AccessAnalyst, "alice")
	wantErr(t, err, corridor.ErrInvalid, "demote the last admin")
	wantErr(t, s.RevokeRole(ctx, "carol", "bob"), corridor.ErrForbidden, "an approver revokes")
	wantErr(t, s.RevokeRole(ctx, "dave", "alice"), corridor.ErrNotFound, "revoke someone without a role")
	noErr(t, s.RevokeRole(ctx, "carol", "alice"))
	ok(s.GrantRole(ctx, "bob", corridor.AccessAdmin, "alice"))(t)
	noErr(t, s.RevokeRole(ctx, "alice", "bob")) // no longer the last admin
	_, err = s.User(ctx, "alice")
	wantErr(t, err, corridor.ErrNotFound, "alice after her revoke")

	want := "role.grant user:alice,role.grant user:bob,role.grant user:bob,role.grant user:carol,role.revoke user:carol,role.grant user:bob,role.revoke user:alice"
	if got := strings.Join(auditActions(t, s, 1), ","); got != want {
		t.Errorf("audit %s\nwant  %s", got, want)
	}
	var changes []corridor.RoleChange
	noErr(t, s.AuditRecords(ctx, 1, func(r corridor.AuditRecord) error {
		var c corridor.RoleChange
		if err := json.Unmarshal(r.Payload, &c); err != nil {
			return err
		}
		changes = append(changes, c)
		return nil
	}))
	if c := changes[0]; !c.Bootstrap || c.User != "alice" || c.Role != corridor.AccessAdmin {
		t.Errorf("bootstrap record %+v", c)
	}
	if c := changes[2]; c.Bootstrap || c.Role != corridor.AccessApprover || c.Previous != corridor.AccessAnalyst {
		t.Errorf("promotion record %+v", c)
	}
	if c := changes[6]; c.Role != "" || c.Previous != corridor.AccessAdmin {
		t.Errorf("revoke record %+v", c)
	}
	if rep := ok(s.VerifyAudit(ctx))(t); rep.Fault != nil {
		t.Errorf("verify: %v", rep.Fault)
	}
}

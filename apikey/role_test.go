package apikey

import "testing"

// Each role allows itself and every role before it, and nothing after; an unknown role,
// as a newer corridor might write, allows nothing.
func TestRoleOrder(t *testing.T) {
	for i, r := range Roles {
		for j, need := range Roles {
			if got, want := r.Allows(need), j <= i; got != want {
				t.Errorf("%s.Allows(%s) = %v, want %v", r, need, got, want)
			}
		}
		if p, err := ParseRole(string(r)); err != nil || p != r {
			t.Errorf("ParseRole(%s) = %v %v", r, p, err)
		}
	}
	if Role("auditor").Allows(RoleScreen) {
		t.Error("an unknown role allows screen")
	}
	if RoleAdmin.Allows("auditor") {
		t.Error("admin allows an unknown role")
	}
}

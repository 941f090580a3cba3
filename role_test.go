package corridor

import "testing"

// Each role allows itself and every role before it, and nothing after; an unknown role,
// as a newer corridor might write, allows nothing.
func TestRoleOrder(t *testing.T) {
	for i, r := range AccessRoles {
		for j, need := range AccessRoles {
			if got, want := r.Allows(need), j <= i; got != want {
				t.Errorf("%s.Allows(%s) = %v, want %v", r, need, got, want)
			}
		}
		if p, err := ParseAccessRole(string(r)); err != nil || p != r {
			t.Errorf("ParseAccessRole(%s) = %v %v", r, p, err)
		}
	}
	if AccessRole("auditor").Allows(AccessScreen) {
		t.Error("an unknown role allows screen")
	}
	if AccessAdmin.Allows("auditor") {
		t.Error("admin allows an unknown role")
	}
}

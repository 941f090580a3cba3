package corridor

import (
	"fmt"
	"strings"
)

// AccessRole says what a person or an API key may do. The roles are ordered, each allowing
// everything the ones before it allow:
//
//	screen    screening and lookups; with a store, screening that keeps monitored parties
//	analyst   screen, and reading alerts and monitored parties, and proposing decisions
//	approver  analyst, and confirming or rejecting another person's proposal
//	admin     everything: also the audit trail (verify, export, prune), list reloads and
//	          re-screens, and granting roles
//
// Rejecting is the approver's: sending a proposal back is the second person's review, so it
// needs the same standing as confirming it. The same roles apply to API keys (package
// apikey) and to the people using the command line (Store.SetUserRole).
type AccessRole string

// The roles, least first.
const (
	AccessScreen   AccessRole = "screen"
	AccessAnalyst  AccessRole = "analyst"
	AccessApprover AccessRole = "approver"
	AccessAdmin    AccessRole = "admin"
)

// AccessRoles lists the roles, least first.
var AccessRoles = []AccessRole{AccessScreen, AccessAnalyst, AccessApprover, AccessAdmin}

// rank is a role's place in AccessRoles, from 1; 0 for a role this corridor does not know, which
// allows nothing (a key file or database written by a newer corridor must not grant more
// than it says).
func (r AccessRole) rank() int {
	for i, known := range AccessRoles {
		if r == known {
			return i + 1
		}
	}
	return 0
}

// ParseAccessRole reads a role name.
func ParseAccessRole(s string) (AccessRole, error) {
	if r := AccessRole(strings.ToLower(strings.TrimSpace(s))); r.rank() > 0 {
		return r, nil
	}
	return "", fmt.Errorf("role %q: want screen, analyst, approver or admin", s)
}

// Allows reports whether role r may act as role need.
func (r AccessRole) Allows(need AccessRole) bool {
	return need.rank() > 0 && r.rank() >= need.rank()
}

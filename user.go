package corridor

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// User is a person who uses corridor's command line against a store, and the role an admin
// granted them. The command line names its user by the operating system's login name: the
// one name the machine vouches for (docs/cases.md). Names are kept as UserName makes them,
// so that "Alice" and "alice " are one person, as for the four-eyes rule.
type User struct {
	Name      string     `json:"name"`
	Role      AccessRole `json:"role"`
	GrantedBy string     `json:"grantedBy"`
	GrantedAt time.Time  `json:"grantedAt"`
}

// ErrForbidden: the actor's role does not allow the change.
var ErrForbidden = errors.New("forbidden")

// Audit actions of role changes.
const (
	AuditRoleGrant  = "role.grant"
	AuditRoleRevoke = "role.revoke"
)

// RoleChange is the audit payload of a grant or a revoke. Bootstrap marks the grant by which
// the first user of a store made themself its admin.
type RoleChange struct {
	User      string     `json:"user"`
	Role      AccessRole `json:"role,omitempty"`
	Previous  AccessRole `json:"previous,omitempty"`
	Bootstrap bool       `json:"bootstrap,omitempty"`
}

// UserRoles reads who has which role, inside the transaction of a role change.
type UserRoles interface {
	// RoleOf returns name's role, or "" when they have none.
	RoleOf(name string) (AccessRole, error)
	// Count returns how many people have a role, or with adminsOnly how many are admins.
	Count(adminsOnly bool) (int, error)
}

// PlanGrant decides whether actor may give name the role, and returns the change to make and
// record. An admin may grant any role; on a store without users, a person may make only
// themself admin, which is how a store gets its first admin. A store keeps at least one
// admin. Stores call it inside the transaction that makes the grant, so that two people
// cannot both become the first admin.
func PlanGrant(r UserRoles, name string, role AccessRole, actor string) (RoleChange, error) {
	name = UserName(name)
	c := RoleChange{User: name, Role: role}
	if err := validActor(actor); err != nil {
		return c, err
	}
	if err := auditField(name); err != nil {
		return c, fmt.Errorf("user name: %w", err)
	}
	if _, err := ParseAccessRole(string(role)); err != nil {
		return c, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	actorRole, err := r.RoleOf(UserName(actor))
	if err != nil {
		return c, err
	}
	if !actorRole.Allows(AccessAdmin) {
		users, err := r.Count(false)
		switch {
		case err != nil:
			return c, err
		case users == 0 && sameName(name, actor) && role == AccessAdmin:
			c.Bootstrap = true
			return c, nil
		case users == 0:
			return c, fmt.Errorf("%w: the store has no users yet; its first user must make themself admin first", ErrForbidden)
		}
		return c, fmt.Errorf("%w: %s is not an admin", ErrForbidden, actor)
	}
	if c.Previous, err = r.RoleOf(name); err != nil {
		return c, err
	}
	return c, keepAnAdmin(r, c)
}

// Unchanged reports whether a grant gives the role the person already has: the store then
// changes and records nothing.
func (c RoleChange) Unchanged() bool { return c.Role != "" && c.Role == c.Previous }

// PlanRevoke decides whether actor may take name's role away, and returns the change.
func PlanRevoke(r UserRoles, name, actor string) (RoleChange, error) {
	name = UserName(name)
	c := RoleChange{User: name}
	if err := validActor(actor); err != nil {
		return c, err
	}
	actorRole, err := r.RoleOf(UserName(actor))
	if err != nil {
		return c, err
	}
	if !actorRole.Allows(AccessAdmin) {
		return c, fmt.Errorf("%w: %s is not an admin", ErrForbidden, actor)
	}
	if c.Previous, err = r.RoleOf(name); err != nil {
		return c, err
	}
	if c.Previous == "" {
		return c, fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	return c, keepAnAdmin(r, c)
}

// keepAnAdmin refuses a change that would leave the store without an admin, since nobody
// could grant roles again.
func keepAnAdmin(r UserRoles, c RoleChange) error {
	if c.Previous != AccessAdmin || c.Role == AccessAdmin {
		return nil
	}
	admins, err := r.Count(true)
	if err != nil {
		return err
	}
	if admins <= 1 {
		return fmt.Errorf("%w: %s is the store's last admin; grant admin to someone else first", ErrInvalid, c.User)
	}
	return nil
}

// UserName is the form a store keeps and looks up a person's name in: trimmed, lower case.
func UserName(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// sameName compares people's names as the four-eyes rule does: without case or surrounding
// space.
func sameName(a, b string) bool { return UserName(a) == UserName(b) }

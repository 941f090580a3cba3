package http

import (
	"context"
	"strings"
	"unicode"

	"github.com/corridor-aml/corridor/apikey"
)

// caller is who a request acts as: the role its key grants and the actor the store records
// for the changes it makes.
type caller struct {
	role  apikey.Role
	keyID string // "" without a key
	actor string
}

// anonymous is a request without a key on a server that does not require keys: it may do
// anything, as before roles, and is recorded as one actor, so that four eyes still holds
// between two keyless requests (one proposes, the other cannot confirm).
var anonymous = caller{role: apikey.RoleAdmin, actor: "anonymous"}

// callerOf names a key's holder. A key stands for one person (or one service): its ID makes
// the actor unique, so that four eyes compares keys, and its name makes the trail readable.
func callerOf(k apikey.Key) caller {
	actor := "key:" + k.ID
	if name := strings.TrimSpace(strings.Map(dropControl, k.Name)); name != "" {
		actor += " (" + name + ")"
	}
	return caller{role: k.Role, keyID: k.ID, actor: actor}
}

// dropControl keeps control characters out of the actor: the audit trail refuses them, and a
// key name is free text.
func dropControl(r rune) rune {
	if unicode.IsControl(r) {
		return -1
	}
	return r
}

// callerFrom returns who the request acts as; routes open to anyone act as anonymous.
func callerFrom(ctx context.Context) caller {
	if c, ok := ctx.Value(ctxCaller).(caller); ok {
		return c
	}
	return anonymous
}

// require refuses the request unless its caller has at least role need, for what a handler
// decides beyond its route's role (confirming a decision needs more than proposing one).
func (c caller) require(need apikey.Role, what string) *apiError {
	if c.role.Allows(need) {
		return nil
	}
	return forbidden(c.keyID, c.role, need, what)
}

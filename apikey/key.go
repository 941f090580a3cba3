// Package apikey keeps the API keys of corridor's HTTP server: each key is shown once when it
// is created, and only its SHA-256 hash is stored, so that a copy of the data directory does
// not give access to the server.
package apikey

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Role says what a key may do. The roles are ordered, each allowing everything the ones
// before it allow:
//
//	screen    screening and lookups (/v1/screen, /match, /v1/entities ...) and /metrics
//	analyst   screen, and reading alerts and monitored parties, and proposing decisions
//	approver  analyst, and confirming or rejecting another person's proposal
//	admin     everything: also the audit trail (verify, export) and list reloads
//
// Rejecting is the approver's: sending a proposal back is the second person's review, so it
// needs the same standing as confirming it.
type Role string

// The roles, least first.
const (
	RoleScreen   Role = "screen"
	RoleAnalyst  Role = "analyst"
	RoleApprover Role = "approver"
	RoleAdmin    Role = "admin"
)

// Roles lists the roles, least first.
var Roles = []Role{RoleScreen, RoleAnalyst, RoleApprover, RoleAdmin}

// rank is a role's place in Roles, from 1; 0 for a role this corridor does not know, which
// allows nothing (a key file written by a newer corridor must not grant more than it says).
func (r Role) rank() int {
	for i, known := range Roles {
		if r == known {
			return i + 1
		}
	}
	return 0
}

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	if r := Role(strings.ToLower(strings.TrimSpace(s))); r.rank() > 0 {
		return r, nil
	}
	return "", fmt.Errorf("role %q: want screen, analyst, approver or admin", s)
}

// Allows reports whether a key of role r may act as role need.
func (r Role) Allows(need Role) bool {
	return need.rank() > 0 && r.rank() >= need.rank()
}

// Key is a stored key: everything but the secret.
type Key struct {
	ID      string    `json:"id"`
	Name    string    `json:"name,omitempty"`
	Role    Role      `json:"role"`
	Hash    string    `json:"sha256"` // hex SHA-256 of the whole key string
	Created time.Time `json:"created"`
	Revoked bool      `json:"revoked,omitempty"`
	// RevokedAt is kept so that an audit can tell when access ended.
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// prefix marks corridor keys, so that secret scanners and people can recognise a leaked one.
const prefix = "crd_"

// generate returns a new key ID and secret key string. The ID is part of the key, so that a
// key is looked up directly and only its hash compared.
func generate() (id, key string, err error) {
	var idb [6]byte
	var secret [32]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return "", "", err
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return "", "", err
	}
	id = hex.EncodeToString(idb[:])
	return id, prefix + id + "_" + base64.RawURLEncoding.EncodeToString(secret[:]), nil
}

// hashOf is the stored form of a key.
func hashOf(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// idOf returns the ID part of a key string, or "" when it is not shaped like a corridor key.
func idOf(key string) string {
	rest, ok := strings.CutPrefix(key, prefix)
	if !ok {
		return ""
	}
	id, _, ok := strings.Cut(rest, "_")
	if !ok {
		return ""
	}
	return id
}

// matches compares in constant time, so that timing does not tell how much of a hash agreed.
func (k *Key) matches(key string) bool {
	want, err := hex.DecodeString(k.Hash)
	if err != nil {
		return false
	}
	got := sha256.Sum256([]byte(key))
	return subtle.ConstantTimeCompare(want, got[:]) == 1
}

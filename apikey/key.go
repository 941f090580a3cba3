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
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// Role says what a key may do: corridor.AccessRole, shared with the people using the command line.
type Role = corridor.AccessRole

// The roles, least first.
const (
	RoleScreen   = corridor.AccessScreen
	RoleAnalyst  = corridor.AccessAnalyst
	RoleApprover = corridor.AccessApprover
	RoleAdmin    = corridor.AccessAdmin
)

// Roles lists the roles, least first.
var Roles = corridor.AccessRoles

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) { return corridor.ParseAccessRole(s) }

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

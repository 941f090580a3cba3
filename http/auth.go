package http

import (
	"net/http"

	"github.com/corridor-aml/corridor/apikey"
)

// authorize checks the request's key against the role the route needs. A key that is given
// is always checked, even where none is required: a client with a wrong key should learn it
// before it is moved to a server that requires one. It returns who the request acts as.
func (s *Server) authorize(r *http.Request, need apikey.Role) (caller, *apiError) {
	presented, given := bearer(r)
	if !given {
		if !s.opt.RequireKeys {
			return anonymous, nil
		}
		return caller{}, &apiError{Status: http.StatusUnauthorized, Code: codeUnauthorized,
			Message: "an API key is required: send Authorization: Bearer <key> (create one with corridor keys create)"}
	}
	key, ok := s.opt.Keys().Verify(presented)
	if !ok {
		return caller{}, &apiError{Status: http.StatusUnauthorized, Code: codeUnauthorized, Message: "the API key is not valid or has been revoked"}
	}
	if !key.Role.Allows(need) {
		return caller{}, forbidden(key.ID, key.Role, need, "this endpoint")
	}
	return callerOf(key), nil
}

func forbidden(keyID string, has, need apikey.Role, what string) *apiError {
	return &apiError{Status: http.StatusForbidden, Code: codeForbidden,
		Message: "key " + keyID + " has role " + string(has) + "; " + what + " needs " + string(need)}
}

package http

import (
	"net/http"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
)

// partiesPage is the answer of GET /v1/parties; NextAfter as in alertsPage.
type partiesPage struct {
	Parties   []casejson.Party `json:"parties"`
	NextAfter int64            `json:"next_after,omitempty"`
}

// handleParties lists monitored parties in ID order; blocked=true keeps only those a
// confirmed true match blocked.
func (s *Server) handleParties(w http.ResponseWriter, r *http.Request) error {
	var blocked bool
	switch v := r.URL.Query().Get("blocked"); v {
	case "", "false":
	case "true":
		blocked = true
	default:
		return badRequest(codeBadParameter, "blocked", "blocked %q: want true or false", v)
	}
	after, limit, aerr := pageParams(r)
	if aerr != nil {
		return aerr
	}
	out := partiesPage{Parties: []casejson.Party{}}
	// Blocked parties are few and the store has no filter for them: read pages until this
	// one is full, as corridor parties list --blocked does.
	for len(out.Parties) < limit {
		page, err := s.opt.Store.Parties(r.Context(), after, limit)
		if err != nil {
			return err
		}
		for _, p := range page {
			if !blocked || p.BlockedBy != 0 {
				out.Parties = append(out.Parties, casejson.PartyOf(p))
				if len(out.Parties) == limit {
					out.NextAfter = p.ID
					break
				}
			}
		}
		if len(page) < limit {
			break
		}
		after = page[len(page)-1].ID
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// handleParty answers one party with its alerts (without their explanations: GET
// /v1/alerts/{id} has them).
func (s *Server) handleParty(w http.ResponseWriter, r *http.Request) error {
	id, aerr := pathID(r, codePartyNotFound, "party")
	if aerr != nil {
		return aerr
	}
	p, err := s.opt.Store.Party(r.Context(), id)
	if err != nil {
		return storeError(err, codePartyNotFound)
	}
	alerts, err := s.opt.Store.Alerts(r.Context(), corridor.AlertFilter{PartyID: p.ID})
	if err != nil {
		return err
	}
	out := casejson.PartyOf(p)
	for _, a := range alerts {
		j := casejson.AlertOf(a)
		j.Explanation = nil
		out.Alerts = append(out.Alerts, j)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

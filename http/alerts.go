package http

import (
	"net/http"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/casejson"
)

// alertsPage is the answer of GET /v1/alerts. NextAfter is the after= of the next page,
// present when this page is full.
type alertsPage struct {
	Alerts    []casejson.Alert `json:"alerts"`
	NextAfter int64            `json:"next_after,omitempty"`
}

// handleAlerts lists alerts in ID order, filtered as corridor alerts list filters them.
func (s *Server) handleAlerts(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := corridor.AlertFilter{State: corridor.AlertState(q.Get("state"))}
	switch f.State {
	case "", corridor.AlertOpen, corridor.AlertProposed, corridor.AlertConfirmed:
	default:
		return badRequest(codeBadState, "state", "state %q: want open, proposed or confirmed", f.State)
	}
	var err *apiError
	if f.PartyID, err = idParam(q.Get("party"), "party", false); err != nil {
		return err
	}
	if f.AfterID, f.Limit, err = pageParams(r); err != nil {
		return err
	}
	entity := q.Get("entity")
	out := alertsPage{Alerts: []casejson.Alert{}}
	// The store filters by state and party; the entity is picked here, as the CLI does, so a
	// page of the store may yield fewer alerts than asked and the next one is read.
	for len(out.Alerts) < f.Limit {
		page, serr := s.opt.Store.Alerts(r.Context(), f)
		if serr != nil {
			return serr
		}
		for _, a := range page {
			if entity == "" || a.EntityID == entity {
				out.Alerts = append(out.Alerts, casejson.AlertOf(a))
				if len(out.Alerts) == f.Limit {
					out.NextAfter = a.ID
					break
				}
			}
		}
		if len(page) < f.Limit {
			break
		}
		f.AfterID = page[len(page)-1].ID
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// handleAlert answers one alert with its explanation and decisions.
func (s *Server) handleAlert(w http.ResponseWriter, r *http.Request) error {
	id, aerr := pathID(r, codeAlertNotFound, "alert")
	if aerr != nil {
		return aerr
	}
	a, err := s.opt.Store.Alert(r.Context(), id)
	if err != nil {
		return storeError(err, codeAlertNotFound)
	}
	writeJSON(w, http.StatusOK, casejson.AlertOf(a))
	return nil
}

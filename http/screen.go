package http

import (
	"net/http"
	"slices"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

// screenRequest is the body of POST /v1/screen and one line of /v1/screen/batch.
type screenRequest struct {
	ID          string     `json:"id,omitempty"` // batch only: echoed back to pair answers with lines
	Name        string     `json:"name"`
	Type        string     `json:"type"`
	BirthDate   string     `json:"birthDate"`
	Nationality stringList `json:"nationality"`
	Country     stringList `json:"country"`
	Gender      string     `json:"gender"`
	Identifiers []string   `json:"identifiers"`
	Lists       []string   `json:"lists"`
	Limit       *int       `json:"limit"`
	Threshold   *float64   `json:"threshold"`
	// Monitor keeps the party in the store and opens alerts (docs/cases.md); /v1/screen only.
	Monitor bool   `json:"monitor"`
	Ref     string `json:"ref"` // the caller's own reference of the monitored party
}

// Bounds of the per-request options.
const (
	defaultLimit = 10
	maxLimit     = 500
)

type screenResponse struct {
	ID           string        `json:"id,omitempty"`
	Matches      []matchOut    `json:"matches"`
	Alert        bool          `json:"alert"`
	Found        int           `json:"found"` // matches above the reporting floor; more than len(Matches) when limit cut some
	Threshold    float64       `json:"threshold"`
	ListVersions []listVersion `json:"listVersions,omitempty"`
	// Monitor is what a monitored screen kept: the party, the alerts, the audit record.
	Monitor *screen.MonitorResult `json:"monitor,omitempty"`

	query *match.Query        // what was screened
	hits  []screen.MonitorHit // the alerts, explained, for Monitor
}

type matchOut struct {
	Score       float64           `json:"score"`
	Alert       bool              `json:"alert"`
	Entity      entitySummary     `json:"entity"`
	Reason      string            `json:"reason"`
	Explanation match.Explanation `json:"explanation"`
	// Case is, in a monitored screen, what became of an alert: a new alert, the one already
	// open, or previously cleared by a confirmed false positive.
	Case *screen.Case `json:"case,omitempty"`
}

type entitySummary struct {
	ID          string          `json:"id"`
	List        corridor.ListID `json:"list"`
	Name        string          `json:"name"`        // primary name
	MatchedName string          `json:"matchedName"` // the listed name that matched best
	Kind        corridor.Kind   `json:"kind"`
	Programs    []string        `json:"programs"`
	ListedOn    string          `json:"listedOn,omitempty"`
}

type listVersion struct {
	List      corridor.ListID `json:"list"`
	Version   string          `json:"version"`
	Published string          `json:"published,omitempty"`
	Entities  int             `json:"entities"`
	Source    string          `json:"source"`
}

func listVersionOf(v corridor.ListVersion) listVersion {
	out := listVersion{List: v.List, Version: v.Hash, Entities: v.Entities, Source: v.Source}
	if !v.Published.IsZero() {
		out.Published = v.Published.Format(time.DateOnly)
	}
	return out
}

func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) error {
	var req screenRequest
	if err := decodeJSON(w, r, s.opt.Limits.MaxBodyBytes, &req); err != nil {
		return err
	}
	if req.ID != "" {
		return badRequest(codeUnknownField, "id", `unknown field "id" (only batch lines carry one)`)
	}
	cur := s.current()
	sr := cur.Searcher()
	defer cur.Release(sr)
	res, ae := s.screen(sr, &req, true)
	if ae != nil {
		return ae
	}
	if req.Monitor {
		if err := s.monitor(r, &req, res); err != nil {
			return err
		}
	} else if req.Ref != "" {
		return badRequest(codeUnknownField, "ref", "ref names a monitored party: give it with \"monitor\": true")
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// monitor keeps the screened party and opens its alerts, as `corridor screen --monitor` does,
// with the caller's key as the actor.
func (s *Server) monitor(r *http.Request, req *screenRequest, res *screenResponse) error {
	if s.opt.Store == nil {
		return &apiError{Status: http.StatusServiceUnavailable, Code: codeNoStore, Field: "monitor",
			Message: "this server has no store of parties and alerts: start corridor serve with --store (see docs/api.md)"}
	}
	var lists []corridor.ListVersionRef
	for _, v := range res.ListVersions {
		lists = append(lists, corridor.ListVersionRef{List: v.List, Hash: v.Version})
	}
	mon := &screen.Monitor{Store: s.opt.Store, Actor: callerFrom(r.Context()).actor, Channel: "api", Lists: lists}
	kept, cases, err := mon.Record(r.Context(), req.Ref, screen.PartyDataOf(res.query), res.hits)
	if err != nil {
		return err
	}
	res.Monitor = &kept
	for i, h := range res.hits {
		for j := range res.Matches {
			if m := &res.Matches[j]; m.Entity.ID == h.Match.Entity.ID && m.Entity.List == h.Match.List {
				m.Case = &cases[i]
			}
		}
	}
	return nil
}

// screen validates a request and screens it with sr.
func (s *Server) screen(sr *match.Searcher, req *screenRequest, withVersions bool) (*screenResponse, *apiError) {
	idx := sr.Index()
	p := party{
		name: req.Name, kind: req.Type, birthDate: req.BirthDate,
		countries: append(slices.Clip([]string(req.Nationality)), req.Country...),
		gender:    req.Gender, identifiers: req.Identifiers, lists: req.Lists,
	}
	q, ae := p.query(nativeFields, idx.Versions())
	if ae != nil {
		return nil, ae
	}
	limit := defaultLimit
	if req.Limit != nil {
		limit = *req.Limit
		if limit < 1 || limit > maxLimit {
			return nil, badRequest(codeBadLimit, "limit", "limit %d: want 1 to %d", limit, maxLimit)
		}
	}
	threshold := idx.Config().Threshold
	custom := req.Threshold != nil
	if custom {
		threshold = *req.Threshold
		if !(threshold > 0 && threshold <= 1) {
			return nil, badRequest(codeBadThreshold, "threshold", "threshold %v: want a number above 0 and at most 1", threshold)
		}
	}
	ms := sr.Screen(q, nil)
	res := &screenResponse{ID: req.ID, Matches: []matchOut{}, Found: len(ms), Threshold: threshold, query: q}
	for _, m := range ms {
		if custom {
			m.Alert = m.Score >= threshold
		}
		if m.Alert {
			res.Alert = true
			s.metrics.alerts.WithLabelValues(string(m.List)).Inc()
		}
		// limit never hides an alert, as on the command line.
		if m.Alert || len(res.Matches) < limit {
			ex := sr.Explain(q, m)
			ex.Alert, ex.Threshold = m.Alert, alertThreshold(idx, m, threshold, custom)
			res.Matches = append(res.Matches, matchOut{
				Score: m.Score, Alert: m.Alert, Entity: summaryOf(m), Reason: batch.Reason(m, ex), Explanation: ex,
			})
			if m.Alert && req.Monitor {
				res.hits = append(res.hits, screen.MonitorHit{Match: m, Explanation: ex})
			}
		}
	}
	if withVersions {
		res.ListVersions = screenedVersions(idx, q.Lists)
	}
	return res, nil
}

func alertThreshold(idx *match.Index, m match.Match, threshold float64, custom bool) float64 {
	if custom {
		return threshold
	}
	return idx.Config().ThresholdFor(m.List)
}

func summaryOf(m match.Match) entitySummary {
	programs := m.Entity.Programs
	if programs == nil {
		programs = []string{}
	}
	return entitySummary{
		ID: m.Entity.ID, List: m.List, Name: m.Entity.PrimaryName(), MatchedName: m.Name,
		Kind: m.Entity.Kind, Programs: programs, ListedOn: m.Entity.ListedOn,
	}
}

// screenedVersions returns the versions of the lists screened: the record of what a result
// was measured against.
func screenedVersions(idx *match.Index, selected []corridor.ListID) []listVersion {
	var out []listVersion
	for _, v := range idx.Versions() {
		if len(selected) == 0 || slices.Contains(selected, v.List) {
			out = append(out, listVersionOf(v))
		}
	}
	return out
}

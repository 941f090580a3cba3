package http

import (
	"net/http"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
)

type listsResponse struct {
	Lists []listStatus `json:"lists"`
}

type listStatus struct {
	listVersion
	Loaded     string  `json:"loaded"`
	AgeSeconds float64 `json:"ageSeconds"`
	Age        string  `json:"age"`
	AgeFrom    string  `json:"ageFrom"` // published, loaded or snapshot
	Stale      bool    `json:"stale"`
	Warning    string  `json:"warning,omitempty"`
}

func (s *Server) listStatus(vs []corridor.ListVersion) []listStatus {
	out := []listStatus{}
	for _, st := range lists.Status(vs, s.opt.Now(), s.maxAge()) {
		out = append(out, listStatus{
			listVersion: listVersionOf(st.Version), Loaded: st.Version.LoadedAt.UTC().Format(time.RFC3339),
			AgeSeconds: st.Age.Seconds(), Age: lists.FormatAge(st.Age), AgeFrom: st.AgeFrom,
			Stale: st.Stale, Warning: st.Warning,
		})
	}
	return out
}

func (s *Server) handleLists(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, listsResponse{Lists: s.listStatus(s.current().Index().Versions())})
	return nil
}

package http

import (
	"net/http"

	"github.com/corridor-aml/corridor"
)

// entityDetail is a listed entity as the native API shows it.
type entityDetail struct {
	ID            string          `json:"id"`
	List          corridor.ListID `json:"list"`
	NativeID      string          `json:"nativeId"`
	Name          string          `json:"name"`
	Kind          corridor.Kind   `json:"kind"`
	Names         []nameOut       `json:"names"`
	BirthDates    []string        `json:"birthDates,omitempty"`
	BirthPlaces   []string        `json:"birthPlaces,omitempty"`
	Nationalities []string        `json:"nationalities,omitempty"`
	Citizenships  []string        `json:"citizenships,omitempty"`
	Gender        corridor.Gender `json:"gender,omitempty"`
	Addresses     []string        `json:"addresses,omitempty"`
	Identifiers   []identifierOut `json:"identifiers,omitempty"`
	Programs      []string        `json:"programs"`
	ListedOn      string          `json:"listedOn,omitempty"`
	Links         []linkOut       `json:"links,omitempty"`
	Remarks       string          `json:"remarks,omitempty"`
	Source        string          `json:"source,omitempty"`
}

type nameOut struct {
	Full string            `json:"full"`
	Kind corridor.NameKind `json:"kind"`
	Weak bool              `json:"weak,omitempty"`
	Lang string            `json:"lang,omitempty"`
}

type identifierOut struct {
	Kind    corridor.IdentifierKind `json:"kind"`
	Type    string                  `json:"type,omitempty"`
	Number  string                  `json:"number"`
	Country string                  `json:"country,omitempty"`
	Note    string                  `json:"note,omitempty"`
}

type linkOut struct {
	Name     string `json:"name"`
	EntityID string `json:"entityId,omitempty"`
}

func detailOf(e *corridor.Entity) entityDetail {
	d := entityDetail{
		ID: e.ID, List: e.List, NativeID: e.NativeID, Name: e.PrimaryName(), Kind: e.Kind,
		Nationalities: e.Nationalities, Citizenships: e.Citizenships, Gender: e.Gender,
		Programs: e.Programs, ListedOn: e.ListedOn, Remarks: e.Remarks, Names: []nameOut{},
	}
	if d.Programs == nil {
		d.Programs = []string{}
	}
	for _, n := range e.Names {
		d.Names = append(d.Names, nameOut{Full: n.Full, Kind: n.Kind, Weak: n.Weak, Lang: n.Lang})
	}
	for _, b := range e.BirthDates {
		d.BirthDates = append(d.BirthDates, b.String())
	}
	for _, p := range e.BirthPlaces {
		d.BirthPlaces = append(d.BirthPlaces, p.Text)
	}
	for _, a := range e.Addresses {
		d.Addresses = append(d.Addresses, addressText(a))
	}
	for _, id := range e.Identifiers {
		d.Identifiers = append(d.Identifiers, identifierOut{Kind: id.Kind, Type: id.Type, Number: id.Number, Country: id.Country, Note: id.Note})
	}
	for _, l := range e.Links {
		d.Links = append(d.Links, linkOut(l))
	}
	if e.Source.File != "" {
		d.Source = e.Source.File + " " + e.Source.Record
	}
	return d
}

func addressText(a corridor.Address) string {
	if a.Text != "" {
		return a.Text
	}
	s := ""
	for _, p := range []string{a.Street, a.City, a.Region, a.PostalCode, a.Country} {
		if p == "" {
			continue
		}
		if s != "" {
			s += ", "
		}
		s += p
	}
	return s
}

// lookup returns the entity with the ID in the lists in use.
func (s *Server) lookup(id string) (*corridor.Entity, *apiError) {
	if _, _, err := corridor.SplitEntityID(id); err != nil {
		return nil, &apiError{Status: http.StatusNotFound, Code: codeEntityNotFound, Field: "id", Message: err.Error()}
	}
	e, ok := s.data.Load().entities[id]
	if !ok {
		return nil, &apiError{Status: http.StatusNotFound, Code: codeEntityNotFound, Field: "id",
			Message: "no entity " + id + " on the lists in use"}
	}
	return e, nil
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	e, ae := s.lookup(r.PathValue("id"))
	if ae != nil {
		return ae
	}
	writeJSON(w, http.StatusOK, detailOf(e))
	return nil
}

package policy

import (
	"slices"
	"strconv"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/screen"
)

// The values conditions see. They are Go structs declared to CEL as object types (see
// env.go), so that a misspelt field is a type error when the pack loads. The cel tags are
// the names conditions use; docs/policy.md lists them and a test keeps the two in step.

// payment is the CEL variable `payment`, of type policy.payment.
type payment struct {
	Format              string   `cel:"format"`
	MessageID           string   `cel:"message_id"`
	EndToEndID          string   `cel:"end_to_end_id"`
	Amount              float64  `cel:"amount"` // 0 when the message gives none
	Currency            string   `cel:"currency"`
	ValueDate           string   `cel:"value_date"`
	PurposeCode         string   `cel:"purpose_code"`
	CategoryPurposeCode string   `cel:"category_purpose_code"`
	Remittance          []string `cel:"remittance"`
	Instructions        []string `cel:"instructions"`
	Countries           []string `cel:"countries"` // every country screening tied the payment to, once each
	Parties             []party  `cel:"parties"`
}

// party is the CEL variable `party` and the element of payment.parties.
type party struct {
	Role               string   `cel:"role"`
	Name               string   `cel:"name"`
	Address            []string `cel:"address"`
	Country            string   `cel:"country"`
	CountryOfResidence string   `cel:"country_of_residence"`
	BIC                string   `cel:"bic"`
	Account            string   `cel:"account"`
	IsAgent            bool     `cel:"is_agent"`
	Where              string   `cel:"where"`
}

// hit is the CEL variable `hit`.
type hit struct {
	EntityID    string   `cel:"entity_id"`
	List        string   `cel:"list"`
	Programs    []string `cel:"programs"`
	Score       float64  `cel:"score"`
	Alert       bool     `cel:"alert"`
	EntityKind  string   `cel:"entity_kind"`
	EntityName  string   `cel:"entity_name"`
	Names       []string `cel:"names"`
	MatchedName string   `cel:"matched_name"`
	Countries   []string `cel:"countries"` // the entity's nationalities, citizenships, places of birth and addresses
	Links       []string `cel:"links"`     // names of the parties the list links the entity to
	Role        string   `cel:"role"`      // the role of the party that hit; empty for free text
	Where       string   `cel:"where"`
	Query       string   `cel:"query"`
	InText      bool     `cel:"in_text"` // the hit is on words of free text, not on a party
}

func paymentOf(p *corridor.Payment, res *screen.PaymentResult) *payment {
	v := &payment{
		Format:              p.Format,
		MessageID:           p.MessageID,
		EndToEndID:          p.EndToEndID,
		Currency:            p.Amount.Currency,
		ValueDate:           p.ValueDate,
		PurposeCode:         p.PurposeCode,
		CategoryPurposeCode: p.CategoryPurposeCode,
		Parties:             make([]party, len(p.Parties)),
	}
	if f, err := strconv.ParseFloat(p.Amount.Value, 64); err == nil {
		v.Amount = f
	}
	for _, t := range p.RemittanceInfo {
		v.Remittance = append(v.Remittance, t.Text)
	}
	for _, t := range p.Instructions {
		v.Instructions = append(v.Instructions, t.Text)
	}
	for i := range p.Parties {
		v.Parties[i] = partyOf(&p.Parties[i])
	}
	if res != nil {
		for _, c := range res.Countries {
			if !slices.Contains(v.Countries, c.Country) {
				v.Countries = append(v.Countries, c.Country)
			}
		}
	}
	return v
}

func partyOf(p *corridor.Party) party {
	return party{
		Role:               string(p.Role),
		Name:               p.Name,
		Address:            p.Address,
		Country:            p.Country,
		CountryOfResidence: p.CountryOfResidence,
		BIC:                p.BIC,
		Account:            p.Account,
		IsAgent:            p.Role.IsAgent(),
		Where:              p.Where,
	}
}

// partyOfHit finds the party a hit was found on: the one with its role and place. A hit on
// free text has no party, and the condition sees an empty one (role "").
func partyOfHit(p *payment, h *screen.Hit) party {
	if h.Role == "" {
		return party{}
	}
	for _, pa := range p.Parties {
		if pa.Role == string(h.Role) && pa.Where == h.Where {
			return pa
		}
	}
	for _, pa := range p.Parties {
		if pa.Role == string(h.Role) {
			return pa
		}
	}
	return party{Role: string(h.Role), Where: h.Where, IsAgent: h.Role.IsAgent()}
}

func hitOf(h *screen.Hit) *hit {
	v := &hit{
		List:        string(h.Match.List),
		Score:       h.Match.Score,
		Alert:       h.Match.Alert,
		MatchedName: h.Match.Name,
		Role:        string(h.Role),
		Where:       h.Where,
		Query:       h.Query,
		InText:      h.Role == "",
	}
	e := h.Match.Entity
	if e == nil {
		return v
	}
	v.EntityID = e.ID
	if v.List == "" {
		v.List = string(e.List)
	}
	v.Programs = e.Programs
	v.EntityKind = string(e.Kind)
	v.EntityName = e.PrimaryName()
	for _, n := range e.Names {
		v.Names = append(v.Names, n.Full)
	}
	add := func(cc string) {
		if cc != "" && !slices.Contains(v.Countries, cc) {
			v.Countries = append(v.Countries, cc)
		}
	}
	for _, cc := range e.Nationalities {
		add(cc)
	}
	for _, cc := range e.Citizenships {
		add(cc)
	}
	for _, pl := range e.BirthPlaces {
		add(pl.Country)
	}
	for _, a := range e.Addresses {
		add(a.Country)
	}
	for _, l := range e.Links {
		v.Links = append(v.Links, l.Name)
	}
	return v
}

package jsonform

import "github.com/corridor-aml/corridor"

// payment is one payment as JSON carries it; each field mirrors corridor.Payment's.
type payment struct {
	Format              string  `json:"format,omitempty"`
	MessageID           string  `json:"message_id,omitempty"`
	PaymentInfoID       string  `json:"payment_info_id,omitempty"`
	InstructionID       string  `json:"instruction_id,omitempty"`
	EndToEndID          string  `json:"end_to_end_id,omitempty"`
	UETR                string  `json:"uetr,omitempty"`
	Index               int     `json:"index,omitempty"`
	Amount              *amount `json:"amount,omitempty"`
	InstructedAmount    *amount `json:"instructed_amount,omitempty"`
	ValueDate           string  `json:"value_date,omitempty"`
	PurposeCode         string  `json:"purpose_code,omitempty"`
	CategoryPurposeCode string  `json:"category_purpose_code,omitempty"`
	ChargeBearer        string  `json:"charge_bearer,omitempty"`
	Parties             []party `json:"parties"`
	RemittanceInfo      []text  `json:"remittance_info,omitempty"`
	Instructions        []text  `json:"instructions,omitempty"`
}

type amount struct {
	Value    string `json:"value"`
	Currency string `json:"currency"`
}

type party struct {
	Role               corridor.Role `json:"role"`
	Name               string        `json:"name,omitempty"`
	Address            []string      `json:"address,omitempty"`
	Country            string        `json:"country,omitempty"`
	CountryOfResidence string        `json:"country_of_residence,omitempty"`
	BirthDate          string        `json:"birth_date,omitempty"`
	BirthPlace         string        `json:"birth_place,omitempty"`
	BIC                string        `json:"bic,omitempty"`
	Account            string        `json:"account,omitempty"`
	Identifiers        []identifier  `json:"identifiers,omitempty"`
	Where              string        `json:"where,omitempty"`
}

type identifier struct {
	Kind    corridor.IdentifierKind `json:"kind,omitempty"`
	Type    string                  `json:"type,omitempty"`
	Number  string                  `json:"number"`
	Country string                  `json:"country,omitempty"`
	Note    string                  `json:"note,omitempty"`
}

type text struct {
	Text  string `json:"text"`
	Where string `json:"where,omitempty"`
}

func fromPayment(p *corridor.Payment) payment {
	out := payment{
		Format: p.Format, MessageID: p.MessageID, PaymentInfoID: p.PaymentInfoID,
		InstructionID: p.InstructionID, EndToEndID: p.EndToEndID, UETR: p.UETR, Index: p.Index,
		Amount: fromAmount(p.Amount), InstructedAmount: fromAmount(p.InstructedAmount),
		ValueDate: p.ValueDate, PurposeCode: p.PurposeCode,
		CategoryPurposeCode: p.CategoryPurposeCode, ChargeBearer: p.ChargeBearer,
		Parties:        make([]party, len(p.Parties)),
		RemittanceInfo: fromTexts(p.RemittanceInfo), Instructions: fromTexts(p.Instructions),
	}
	for i, x := range p.Parties {
		out.Parties[i] = party{
			Role: x.Role, Name: x.Name, Address: x.Address, Country: x.Country,
			CountryOfResidence: x.CountryOfResidence, BirthDate: x.BirthDate,
			BirthPlace: x.BirthPlace, BIC: x.BIC, Account: x.Account, Where: x.Where,
		}
		for _, id := range x.Identifiers {
			out.Parties[i].Identifiers = append(out.Parties[i].Identifiers, identifier(id))
		}
	}
	return out
}

func (p *payment) toPayment() corridor.Payment {
	out := corridor.Payment{
		Format: p.Format, MessageID: p.MessageID, PaymentInfoID: p.PaymentInfoID,
		InstructionID: p.InstructionID, EndToEndID: p.EndToEndID, UETR: p.UETR, Index: p.Index,
		Amount: p.Amount.toAmount(), InstructedAmount: p.InstructedAmount.toAmount(),
		ValueDate: p.ValueDate, PurposeCode: p.PurposeCode,
		CategoryPurposeCode: p.CategoryPurposeCode, ChargeBearer: p.ChargeBearer,
		Parties:        make([]corridor.Party, len(p.Parties)),
		RemittanceInfo: toTexts(p.RemittanceInfo), Instructions: toTexts(p.Instructions),
	}
	for i, x := range p.Parties {
		out.Parties[i] = corridor.Party{
			Role: x.Role, Name: x.Name, Address: x.Address, Country: x.Country,
			CountryOfResidence: x.CountryOfResidence, BirthDate: x.BirthDate,
			BirthPlace: x.BirthPlace, BIC: x.BIC, Account: x.Account, Where: x.Where,
		}
		for _, id := range x.Identifiers {
			out.Parties[i].Identifiers = append(out.Parties[i].Identifiers, corridor.Identifier(id))
		}
	}
	return out
}

func fromAmount(a corridor.Amount) *amount {
	if a.IsZero() {
		return nil
	}
	return &amount{Value: a.Value, Currency: a.Currency}
}

func (a *amount) toAmount() corridor.Amount {
	if a == nil {
		return corridor.Amount{}
	}
	return corridor.Amount{Value: a.Value, Currency: a.Currency}
}

func fromTexts(in []corridor.Text) []text {
	if len(in) == 0 {
		return nil
	}
	out := make([]text, len(in))
	for i, t := range in {
		out[i] = text(t)
	}
	return out
}

func toTexts(in []text) []corridor.Text {
	if len(in) == 0 {
		return nil
	}
	out := make([]corridor.Text, len(in))
	for i, t := range in {
		out[i] = corridor.Text(t)
	}
	return out
}

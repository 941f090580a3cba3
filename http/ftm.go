package http

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// OpenSanctions names the official lists its own way; clients of yente ask for those names.
// corridor's own list IDs are accepted too.
var datasetOfList = map[corridor.ListID]string{
	corridor.ListOFACSDN:    "us_ofac_sdn",
	corridor.ListOFACNonSDN: "us_ofac_cons",
	corridor.ListUN:         "un_sc_sanctions",
	corridor.ListEU:         "eu_fsf",
	corridor.ListUK:         "gb_hmt_sanctions",
}

// allDatasets are the collection names that mean every list loaded.
var allDatasets = map[string]bool{"default": true, "sanctions": true}

func datasetName(l corridor.ListID) string {
	if n, ok := datasetOfList[l]; ok {
		return n
	}
	if rest, ok := strings.CutPrefix(string(l), "opensanctions_"); ok {
		return rest
	}
	return string(l)
}

// resolveDataset returns the lists a dataset name stands for among those loaded.
func resolveDataset(name string, loaded []corridor.ListVersion) ([]corridor.ListID, bool) {
	var out []corridor.ListID
	for _, v := range loaded {
		if allDatasets[name] || datasetName(v.List) == name || string(v.List) == name {
			out = append(out, v.List)
		}
	}
	return out, len(out) > 0
}

// schemaKinds are the FollowTheMoney schemas a query may name. LegalEntity and Thing are
// parents of several kinds, so they match any.
var schemaKinds = map[string]corridor.Kind{
	"Person": corridor.KindPerson, "Organization": corridor.KindOrganization, "Company": corridor.KindOrganization,
	"PublicBody": corridor.KindOrganization, "LegalEntity": corridor.KindUnknown, "Thing": corridor.KindUnknown,
	"Vessel": corridor.KindVessel, "Airplane": corridor.KindAircraft,
}

// kindArg is the kind as a query's type field writes it.
func kindArg(k corridor.Kind) string {
	if k == corridor.KindUnknown {
		return "any"
	}
	return string(k)
}

func schemaOf(k corridor.Kind) string {
	switch k {
	case corridor.KindPerson:
		return "Person"
	case corridor.KindOrganization:
		return "Organization"
	case corridor.KindVessel:
		return "Vessel"
	case corridor.KindAircraft:
		return "Airplane"
	}
	return "LegalEntity"
}

// ftmEntity is an entity as yente returns it.
type ftmEntity struct {
	ID         string              `json:"id"`
	Caption    string              `json:"caption"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	Referents  []string            `json:"referents"`
	Target     bool                `json:"target"`
	FirstSeen  *string             `json:"first_seen"`
	LastSeen   *string             `json:"last_seen"`
	LastChange *string             `json:"last_change"`
}

const ftmTime = "2006-01-02T15:04:05"

// lastChange is when an entity last changed as far as corridor can tell: its list version's
// publish date, else when that version was loaded. Lists do not date each entry's changes.
func lastChange(v corridor.ListVersion) time.Time {
	if !v.Published.IsZero() {
		return v.Published
	}
	return v.LoadedAt
}

func ftmOf(e *corridor.Entity, v corridor.ListVersion) ftmEntity {
	p := map[string][]string{}
	add := func(prop string, vals ...string) {
		for _, val := range vals {
			if val = strings.TrimSpace(val); val != "" && !slices.Contains(p[prop], val) {
				p[prop] = append(p[prop], val)
			}
		}
	}
	for i, n := range e.Names {
		switch {
		case i == 0:
			add("name", n.Full)
		case n.Weak:
			add("weakAlias", n.Full)
		case n.Kind == corridor.NameFKA:
			add("previousName", n.Full)
		default:
			add("alias", n.Full)
		}
	}
	for _, b := range e.BirthDates {
		// FtM dates are prefixes of ISO dates: a range or a circa year becomes its years.
		switch b.Kind {
		case corridor.DateRange, corridor.DateCirca:
			from, to := b.Years()
			for y := from; y <= to && y-from < 10; y++ {
				add("birthDate", strconv.Itoa(y))
			}
		default:
			add("birthDate", b.String())
		}
	}
	for _, pl := range e.BirthPlaces {
		add("birthPlace", pl.Text)
	}
	for _, c := range e.Nationalities {
		add("nationality", strings.ToLower(c))
	}
	for _, c := range e.Citizenships {
		add("citizenship", strings.ToLower(c))
	}
	if e.Gender != "" {
		add("gender", string(e.Gender))
	}
	for _, a := range e.Addresses {
		add("address", addressText(a))
		if a.Country != "" {
			add("country", strings.ToLower(a.Country))
		}
	}
	for _, id := range e.Identifiers {
		add(identifierProp(id.Kind), id.Number)
	}
	add("programId", e.Programs...)
	add("notes", e.Remarks)
	add("topics", "sanction")
	if vs := e.Vessel; vs != nil {
		add("flag", strings.ToLower(vs.Flag))
		add("type", vs.Type)
		add("tonnage", vs.Tonnage)
		add("grossRegisteredTonnage", vs.GRT)
		add("callSign", vs.CallSign)
		add("model", vs.Model)
		add("buildDate", vs.Built)
	}
	out := ftmEntity{
		ID: e.ID, Caption: e.PrimaryName(), Schema: schemaOf(e.Kind), Properties: p,
		Datasets: []string{datasetName(e.List)}, Referents: []string{}, Target: true,
	}
	if t, err := time.Parse(time.DateOnly, e.ListedOn); err == nil {
		out.FirstSeen = ptr(t.Format(ftmTime))
	}
	if !v.LoadedAt.IsZero() {
		out.LastSeen = ptr(v.LoadedAt.UTC().Format(ftmTime))
	}
	if lc := lastChange(v); !lc.IsZero() {
		out.LastChange = ptr(lc.UTC().Format(ftmTime))
	}
	return out
}

func identifierProp(k corridor.IdentifierKind) string {
	switch k {
	case corridor.IDPassport:
		return "passportNumber"
	case corridor.IDTax:
		return "taxNumber"
	case corridor.IDRegistration:
		return "registrationNumber"
	case corridor.IDIMO:
		return "imoNumber"
	case corridor.IDCallSign:
		return "callSign"
	case corridor.IDBIC:
		return "swiftBic"
	case corridor.IDCrypto:
		return "publicKey"
	case corridor.IDAircraftTail:
		return "registrationNumber"
	case corridor.IDMSN:
		return "serialNumber"
	}
	return "idNumber"
}

func ptr[T any](v T) *T { return &v }

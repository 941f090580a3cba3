package corridor

// Kind is what sort of party an entity is.
type Kind string

// The kinds of listed party. KindUnknown is for lists that do not say; the matcher treats it as
// compatible with every query kind.
const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindVessel       Kind = "vessel"
	KindAircraft     Kind = "aircraft"
	KindUnknown      Kind = "unknown"
)

// Entity is one listed party, as every list reader maps it. Names[0] is the primary name.
type Entity struct {
	ID       string // "<list>:<native id>", see EntityID
	List     ListID
	NativeID string // the list's own ID: OFAC ent_num, UN reference number, EU logical id ...
	Kind     Kind

	Names []Name

	BirthDates    []BirthDate
	BirthPlaces   []Place
	Nationalities []string // ISO 3166-1 alpha-2, upper case
	Citizenships  []string // ISO 3166-1 alpha-2, upper case
	Gender        Gender
	Addresses     []Address
	Identifiers   []Identifier
	Programs      []string // programmes or regimes as the list writes them, e.g. "SDGT", "TAQA"
	ListedOn      string   // YYYY-MM-DD, YYYY-MM or YYYY; empty when the list does not say
	Links         []Link
	Vessel        *Vessel // vessel or aircraft details; nil for other kinds
	Remarks       string

	Source SourceRef
}

// PrimaryName returns the entity's primary name, or "" when it has none.
func (e *Entity) PrimaryName() string {
	if len(e.Names) == 0 {
		return ""
	}
	return e.Names[0].Full
}

// NameKind says what role a name plays for its entity.
type NameKind string

// Name kinds. Weak (low quality) aliases are marked by Name.Weak, not by their own kind,
// because a weak alias is still an a.k.a.
const (
	NamePrimary        NameKind = "primary"
	NameAKA            NameKind = "aka"
	NameFKA            NameKind = "fka"
	NameNKA            NameKind = "nka"
	NameOriginalScript NameKind = "original_script"
)

// Name is one name of an entity.
type Name struct {
	Full  string // the whole name as the list writes it
	Kind  NameKind
	Weak  bool       // the list marks it weak or low quality (UN "Low", EU strong="false", OFAC "weak aka")
	Lang  string     // ISO 639 language or script hint when the list gives one
	Parts []NamePart // name parts where the list gives them
}

// NamePartType says which part of a name a NamePart is.
type NamePartType string

// Name part types.
const (
	PartGiven      NamePartType = "given"
	PartMiddle     NamePartType = "middle"
	PartFamily     NamePartType = "family"
	PartPatronymic NamePartType = "patronymic"
	PartTitle      NamePartType = "title"
	PartOther      NamePartType = "other"
)

// NamePart is one structured part of a name (first name, last name ...).
type NamePart struct {
	Type  NamePartType
	Value string
}

// Gender as a list records it.
type Gender string

// Genders; GenderUnknown when the list does not say.
const (
	GenderUnknown Gender = ""
	GenderMale    Gender = "male"
	GenderFemale  Gender = "female"
)

// Place is a place of birth.
type Place struct {
	Text    string // as the list writes it, e.g. "Danda, Miramshah, Afghanistan"
	Country string // ISO 3166-1 alpha-2 when it can be told
}

// Address is a listed address.
type Address struct {
	Street     string
	City       string
	Region     string
	PostalCode string
	Country    string // ISO 3166-1 alpha-2 when it can be told
	Text       string // the whole address as the list writes it
}

// IdentifierKind says what sort of number an Identifier is.
type IdentifierKind string

// Identifier kinds.
const (
	IDPassport     IdentifierKind = "passport"
	IDNationalID   IdentifierKind = "national_id"
	IDTax          IdentifierKind = "tax"
	IDRegistration IdentifierKind = "registration"
	IDIMO          IdentifierKind = "imo"
	IDCallSign     IdentifierKind = "call_sign"
	IDBIC          IdentifierKind = "bic"
	IDCrypto       IdentifierKind = "crypto"
	IDAircraftTail IdentifierKind = "aircraft_tail"
	IDMSN          IdentifierKind = "msn" // aircraft manufacturer's serial number
	IDOther        IdentifierKind = "other"
)

// Identifier is an identifying number with the country that issued it.
type Identifier struct {
	Kind    IdentifierKind
	Type    string // the list's own label, e.g. "Passport", "Digital Currency Address - XBT", "SSN"
	Number  string
	Country string // ISO 3166-1 alpha-2 of the issuer, when known
	Note    string
}

// Link ties an entity to another ("Linked To:" in OFAC remarks).
type Link struct {
	Name     string // the linked party's name as the list writes it
	EntityID string // the linked entity's stable ID, when the reader can resolve it
}

// Vessel holds vessel and aircraft details.
type Vessel struct {
	Type     string
	Flag     string // ISO 3166-1 alpha-2 when it can be told, else as written
	Tonnage  string
	GRT      string
	Owner    string
	CallSign string
	Model    string // aircraft model
	Built    string // year of build or manufacture
}

// SourceRef points back to the record an entity was read from.
type SourceRef struct {
	File   string // file name inside the list version, e.g. "sdn.csv"
	Record string // the record's place in it: "line 1234", "INDIVIDUAL TAi.144" ...
}

package uk

// The shapes below follow the FCDO's UK Sanctions List schema (SanctionsListSchema 4.x, no
// namespace). Repeating elements are slices even where the list writes one, so that a second
// value is seen rather than silently overwriting the first.

type xmlDesignation struct {
	LastUpdated          string   `xml:"LastUpdated"`
	DateDesignated       string   `xml:"DateDesignated"`
	UniqueIDs            []string `xml:"UniqueID"`
	OFSIGroupID          string   `xml:"OFSIGroupID"`
	UNReferenceNumber    string   `xml:"UNReferenceNumber"`
	RegimeNames          []string `xml:"RegimeName"`
	IndividualEntityShip string   `xml:"IndividualEntityShip"`
	DesignationSource    string   `xml:"DesignationSource"`
	SanctionsImposed     string   `xml:"SanctionsImposed"`
	OtherInformation     string   `xml:"OtherInformation"`
	UKStatementOfReasons string   `xml:"UKStatementofReasons"`

	Names         []xmlName         `xml:"Names>Name"`
	NonLatinNames []xmlNonLatinName `xml:"NonLatinNames>NonLatinName"`
	Titles        []string          `xml:"Titles>Title"`

	Addresses      []xmlAddress `xml:"Addresses>Address"`
	PhoneNumbers   []string     `xml:"PhoneNumbers>PhoneNumber"`
	EmailAddresses []string     `xml:"EmailAddresses>EmailAddress"`
	Websites       []string     `xml:"Websites>Website"`

	Individuals []xmlIndividual `xml:"IndividualDetails>Individual"`
	Entities    []xmlEntity     `xml:"EntityDetails>Entity"`
	Ships       []xmlShip       `xml:"ShipDetails>Ship"`
}

type xmlName struct {
	Name1         string `xml:"Name1"`
	Name2         string `xml:"Name2"`
	Name3         string `xml:"Name3"`
	Name4         string `xml:"Name4"`
	Name5         string `xml:"Name5"`
	Name6         string `xml:"Name6"`
	NameType      string `xml:"NameType"`
	AliasStrength string `xml:"AliasStrength"`
}

type xmlNonLatinName struct {
	Name     string `xml:"NameNonLatinScript"`
	Script   string `xml:"NonLatinScriptType"`
	Language string `xml:"NonLatinScriptLanguage"`
}

type xmlAddress struct {
	Line1      string `xml:"AddressLine1"`
	Line2      string `xml:"AddressLine2"`
	Line3      string `xml:"AddressLine3"`
	Line4      string `xml:"AddressLine4"`
	Line5      string `xml:"AddressLine5"`
	Line6      string `xml:"AddressLine6"`
	PostalCode string `xml:"AddressPostalCode"`
	Country    string `xml:"AddressCountry"`
}

type xmlIndividual struct {
	DOBs           []string        `xml:"DOBs>DOB"`
	BirthLocations []xmlLocation   `xml:"BirthDetails>Location"`
	Genders        []string        `xml:"Genders>Gender"`
	Nationalities  []string        `xml:"Nationalities>Nationality"`
	Positions      []string        `xml:"Positions>Position"`
	Passports      []xmlPassport   `xml:"PassportDetails>Passport"`
	NationalIDs    []xmlNationalID `xml:"NationalIdentifierDetails>NationalIdentifier"`
}

type xmlLocation struct {
	Town    string `xml:"TownOfBirth"`
	Country string `xml:"CountryOfBirth"`
}

type xmlPassport struct {
	Number string `xml:"PassportNumber"`
	Info   string `xml:"PassportAdditionalInformation"`
}

type xmlNationalID struct {
	Number string `xml:"NationalIdentifierNumber"`
	Info   string `xml:"NationalIdentifierAdditionalInformation"`
}

type xmlEntity struct {
	RegistrationNumbers []string `xml:"BusinessRegistrationNumbers>BusinessRegistrationNumber"`
	Types               []string `xml:"TypeOfEntities>TypeOfEntity"`
	ParentCompanies     []string `xml:"ParentCompanies>ParentCompany"`
	Subsidiaries        []string `xml:"Subsidiaries>Subsidiary"`
}

type xmlShip struct {
	IMONumbers             []string `xml:"IMONumbers>IMONumber"`
	CurrentOwnerOperators  []string `xml:"CurrentOwnerOperators>CurrentOwnerOperator"`
	PreviousOwnerOperators []string `xml:"PreviousOwnerOperators>PreviousOwnerOperator"`
	CurrentFlags           []string `xml:"CurrentBelievedFlagOfShips>CurrentBelievedFlagOfShip"`
	PreviousFlags          []string `xml:"PreviousFlags>PreviousFlag"`
	Types                  []string `xml:"TypeOfShipDetails>TypeOfShip"`
	Tonnages               []string `xml:"TonnageOfShipDetails>TonnageOfShip"`
	Lengths                []string `xml:"LengthOfShipDetails>LengthOfShip"`
	YearsBuilt             []string `xml:"YearsBuilt>YearBuilt"`
}

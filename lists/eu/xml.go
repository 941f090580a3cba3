package eu

// The shapes below follow the EU Financial Sanctions Files export schema (namespace
// http://eu.europa.ec/fpi/fsd/export). Only what screening or an analyst needs is decoded; the
// regulationSummary children that repeat the legal act on every element are skipped.

// Namespace is the XML namespace of the export's elements.
const Namespace = "http://eu.europa.ec/fpi/fsd/export"

type xmlEntity struct {
	LogicalID          string `xml:"logicalId,attr"`
	EUReferenceNumber  string `xml:"euReferenceNumber,attr"`
	UnitedNationID     string `xml:"unitedNationId,attr"`
	DesignationDate    string `xml:"designationDate,attr"`
	DesignationDetails string `xml:"designationDetails,attr"`

	Remarks         []string            `xml:"remark"`
	Regulations     []xmlRegulation     `xml:"regulation"`
	SubjectType     xmlSubjectType      `xml:"subjectType"`
	NameAliases     []xmlNameAlias      `xml:"nameAlias"`
	Citizenships    []xmlCitizenship    `xml:"citizenship"`
	BirthDates      []xmlBirthDate      `xml:"birthdate"`
	Addresses       []xmlAddress        `xml:"address"`
	Identifications []xmlIdentification `xml:"identification"`
}

type xmlRegulation struct {
	Type               string `xml:"regulationType,attr"`
	OrganisationType   string `xml:"organisationType,attr"`
	PublicationDate    string `xml:"publicationDate,attr"`
	EntryIntoForceDate string `xml:"entryIntoForceDate,attr"`
	NumberTitle        string `xml:"numberTitle,attr"`
	Programme          string `xml:"programme,attr"`
	PublicationURL     string `xml:"publicationUrl"`
}

type xmlSubjectType struct {
	Code               string `xml:"code,attr"`
	ClassificationCode string `xml:"classificationCode,attr"`
}

type xmlNameAlias struct {
	LogicalID    string   `xml:"logicalId,attr"`
	WholeName    string   `xml:"wholeName,attr"`
	FirstName    string   `xml:"firstName,attr"`
	MiddleName   string   `xml:"middleName,attr"`
	LastName     string   `xml:"lastName,attr"`
	Title        string   `xml:"title,attr"`
	Function     string   `xml:"function,attr"`
	Gender       string   `xml:"gender,attr"`
	NameLanguage string   `xml:"nameLanguage,attr"`
	Strong       string   `xml:"strong,attr"`
	Remarks      []string `xml:"remark"`
}

type xmlCitizenship struct {
	Region             string   `xml:"region,attr"`
	CountryISO2Code    string   `xml:"countryIso2Code,attr"`
	CountryDescription string   `xml:"countryDescription,attr"`
	Remarks            []string `xml:"remark"`
}

type xmlBirthDate struct {
	LogicalID          string   `xml:"logicalId,attr"`
	Circa              string   `xml:"circa,attr"`
	CalendarType       string   `xml:"calendarType,attr"`
	BirthDate          string   `xml:"birthdate,attr"`
	DayOfMonth         string   `xml:"dayOfMonth,attr"`
	MonthOfYear        string   `xml:"monthOfYear,attr"`
	Year               string   `xml:"year,attr"`
	YearRangeFrom      string   `xml:"yearRangeFrom,attr"`
	YearRangeTo        string   `xml:"yearRangeTo,attr"`
	City               string   `xml:"city,attr"`
	ZipCode            string   `xml:"zipCode,attr"`
	Region             string   `xml:"region,attr"`
	Place              string   `xml:"place,attr"`
	CountryISO2Code    string   `xml:"countryIso2Code,attr"`
	CountryDescription string   `xml:"countryDescription,attr"`
	Remarks            []string `xml:"remark"`
}

type xmlAddress struct {
	Street             string           `xml:"street,attr"`
	POBox              string           `xml:"poBox,attr"`
	City               string           `xml:"city,attr"`
	ZipCode            string           `xml:"zipCode,attr"`
	Region             string           `xml:"region,attr"`
	Place              string           `xml:"place,attr"`
	CountryISO2Code    string           `xml:"countryIso2Code,attr"`
	CountryDescription string           `xml:"countryDescription,attr"`
	Remarks            []string         `xml:"remark"`
	ContactInfo        []xmlContactInfo `xml:"contactInfo"`
}

type xmlContactInfo struct {
	Key   string `xml:"key,attr"`
	Value string `xml:"value,attr"`
}

type xmlIdentification struct {
	LogicalID          string   `xml:"logicalId,attr"`
	TypeCode           string   `xml:"identificationTypeCode,attr"`
	TypeDescription    string   `xml:"identificationTypeDescription,attr"`
	Number             string   `xml:"number,attr"`
	LatinNumber        string   `xml:"latinNumber,attr"`
	CountryISO2Code    string   `xml:"countryIso2Code,attr"`
	CountryDescription string   `xml:"countryDescription,attr"`
	IssuedBy           string   `xml:"issuedBy,attr"`
	IssueDate          string   `xml:"issueDate,attr"`
	ValidFrom          string   `xml:"validFrom,attr"`
	ValidTo            string   `xml:"validTo,attr"`
	NameOnDocument     string   `xml:"nameOnDocument,attr"`
	Region             string   `xml:"region,attr"`
	Diplomatic         string   `xml:"diplomatic,attr"`
	KnownExpired       string   `xml:"knownExpired,attr"`
	KnownFalse         string   `xml:"knownFalse,attr"`
	ReportedLost       string   `xml:"reportedLost,attr"`
	RevokedByIssuer    string   `xml:"revokedByIssuer,attr"`
	Remarks            []string `xml:"remark"`
}

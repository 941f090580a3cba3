package un

import "encoding/xml"

// The shapes below follow the UN Security Council consolidated list schema
// (https://www.un.org/sc/resources/sc-sanctions.xsd). INDIVIDUAL and ENTITY share one shape:
// an entity simply leaves the person-only elements out.

type xmlRecord struct {
	DataID         string   `xml:"DATAID"`
	FirstName      string   `xml:"FIRST_NAME"`
	SecondName     string   `xml:"SECOND_NAME"`
	ThirdName      string   `xml:"THIRD_NAME"`
	FourthName     string   `xml:"FOURTH_NAME"`
	ListType       string   `xml:"UN_LIST_TYPE"`
	Reference      string   `xml:"REFERENCE_NUMBER"`
	ListedOn       string   `xml:"LISTED_ON"`
	Gender         string   `xml:"GENDER"`
	OriginalScript string   `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments       string   `xml:"COMMENTS1"`
	Titles         []string `xml:"TITLE>VALUE"`
	Designations   []string `xml:"DESIGNATION>VALUE"`
	Nationalities  []string `xml:"NATIONALITY>VALUE"`

	Aliases       []xmlAlias   `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases []xmlAlias   `xml:"ENTITY_ALIAS"`
	Addresses     []xmlAddress `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddrs   []xmlAddress `xml:"ENTITY_ADDRESS"`
	BirthDates    []xmlDate    `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces   []xmlPlace   `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents     []xmlDoc     `xml:"INDIVIDUAL_DOCUMENT"`

	// Bookkeeping the UN publishes that screening does not use; named so that they do not
	// land in Unknown.
	VersionNum     string   `xml:"VERSIONNUM"`
	ListTypeValues []string `xml:"LIST_TYPE>VALUE"`
	LastDayUpdated []string `xml:"LAST_DAY_UPDATED>VALUE"`
	SortKey        string   `xml:"SORT_KEY"`
	SortKeyLastMod string   `xml:"SORT_KEY_LAST_MOD"`
	Unknown        []xmlAny `xml:",any"`
}

// xmlAny keeps an element the schema above does not know, so that a field the UN adds later
// reaches the remarks instead of vanishing.
type xmlAny struct {
	XMLName xml.Name
	Inner   string `xml:",innerxml"`
}

type xmlAlias struct {
	Quality      string `xml:"QUALITY"`
	Name         string `xml:"ALIAS_NAME"`
	DateOfBirth  string `xml:"DATE_OF_BIRTH"`
	CityOfBirth  string `xml:"CITY_OF_BIRTH"`
	CountryBirth string `xml:"COUNTRY_OF_BIRTH"`
	Note         string `xml:"NOTE"`
}

type xmlAddress struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type xmlDate struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
	Note     string `xml:"NOTE"`
}

type xmlPlace struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type xmlDoc struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
	DateOfIssue    string `xml:"DATE_OF_ISSUE"`
	CityOfIssue    string `xml:"CITY_OF_ISSUE"`
	Note           string `xml:"NOTE"`
}

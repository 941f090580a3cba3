package ofacadv

// The shapes below follow OFAC's Advanced Sanctions Data Model XSD (Version 3, namespace
// https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML;
// older files used http://www.un.org/sanctions/1.0). Struct tags name local names only,
// so both namespaces decode. Only what screening or an analyst needs is decoded.

type xmlRef struct {
	ID    string `xml:"ID,attr"`
	Value string `xml:",chardata"`
}

type xmlCountryRef struct {
	ID    string `xml:"ID,attr"`
	ISO2  string `xml:"ISO2,attr"`
	Value string `xml:",chardata"`
}

type xmlAreaCodeRef struct {
	ID          string `xml:"ID,attr"`
	CountryID   string `xml:"CountryID,attr"`
	Description string `xml:"Description,attr"`
	Value       string `xml:",chardata"`
}

type xmlPartySubTypeRef struct {
	ID          string `xml:"ID,attr"`
	PartyTypeID string `xml:"PartyTypeID,attr"`
	Value       string `xml:",chardata"`
}

type xmlScriptRef struct {
	ID         string `xml:"ID,attr"`
	ScriptCode string `xml:"ScriptCode,attr"`
	Value      string `xml:",chardata"`
}

type xmlReferenceValueSets struct {
	AliasTypes        []xmlRef             `xml:"AliasTypeValues>AliasType"`
	AreaCodes         []xmlAreaCodeRef     `xml:"AreaCodeValues>AreaCode"`
	Countries         []xmlCountryRef      `xml:"CountryValues>Country"`
	DetailReferences  []xmlRef             `xml:"DetailReferenceValues>DetailReference"`
	DocNameStatuses   []xmlRef             `xml:"DocNameStatusValues>DocNameStatus"`
	FeatureTypes      []xmlRef             `xml:"FeatureTypeValues>FeatureType"`
	IDRegDocDateTypes []xmlRef             `xml:"IDRegDocDateTypeValues>IDRegDocDateType"`
	IDRegDocTypes     []xmlRef             `xml:"IDRegDocTypeValues>IDRegDocType"`
	LegalBases        []xmlRef             `xml:"LegalBasisValues>LegalBasis"`
	Lists             []xmlRef             `xml:"ListValues>List"`
	LocPartTypes      []xmlRef             `xml:"LocPartTypeValues>LocPartType"`
	NamePartTypes     []xmlRef             `xml:"NamePartTypeValues>NamePartType"`
	PartySubTypes     []xmlPartySubTypeRef `xml:"PartySubTypeValues>PartySubType"`
	PartyTypes        []xmlRef             `xml:"PartyTypeValues>PartyType"`
	RelationTypes     []xmlRef             `xml:"RelationTypeValues>RelationType"`
	Reliabilities     []xmlRef             `xml:"ReliabilityValues>Reliability"`
	SanctionsTypes    []xmlRef             `xml:"SanctionsTypeValues>SanctionsType"`
	Scripts           []xmlScriptRef       `xml:"ScriptValues>Script"`
	Validities        []xmlRef             `xml:"ValidityValues>Validity"`
}

type xmlDate struct {
	Year  string `xml:"Year"`
	Month string `xml:"Month"`
	Day   string `xml:"Day"`
}

type xmlDateBoundary struct {
	Approximate string   `xml:"Approximate,attr"`
	From        *xmlDate `xml:"From"`
	To          *xmlDate `xml:"To"`
}

type xmlDatePeriod struct {
	Start *xmlDateBoundary `xml:"Start"`
	End   *xmlDateBoundary `xml:"End"`
}

type xmlLocation struct {
	ID        string `xml:"ID,attr"`
	AreaCodes []struct {
		ID string `xml:"AreaCodeID,attr"`
	} `xml:"LocationAreaCode"`
	Countries []struct {
		ID string `xml:"CountryID,attr"`
	} `xml:"LocationCountry"`
	Parts []xmlLocationPart `xml:"LocationPart"`
}

type xmlLocationPart struct {
	TypeID string `xml:"LocPartTypeID,attr"`
	Values []struct {
		Primary string `xml:"Primary,attr"`
		Value   string `xml:"Value"`
	} `xml:"LocationPartValue"`
}

type xmlIDRegDocument struct {
	ID                string `xml:"ID,attr"`
	TypeID            string `xml:"IDRegDocTypeID,attr"`
	IdentityID        string `xml:"IdentityID,attr"`
	IssuedByCountryID string `xml:"IssuedBy-CountryID,attr"`
	IssuedInLocation  string `xml:"IssuedIn-LocationID,attr"`
	ValidityID        string `xml:"ValidityID,attr"`
	Comment           string `xml:"Comment"`
	Number            string `xml:"IDRegistrationNo"`
	Authority         string `xml:"IssuingAuthority"`
	Dates             []struct {
		TypeID string        `xml:"IDRegDocDateTypeID,attr"`
		Period xmlDatePeriod `xml:"DatePeriod"`
	} `xml:"DocumentDate"`
}

type xmlDistinctParty struct {
	FixedRef string       `xml:"FixedRef,attr"`
	Comment  string       `xml:"Comment"`
	Profiles []xmlProfile `xml:"Profile"`
}

type xmlProfile struct {
	ID             string        `xml:"ID,attr"`
	PartySubTypeID string        `xml:"PartySubTypeID,attr"`
	Comment        string        `xml:"Comment"`
	Identities     []xmlIdentity `xml:"Identity"`
	Features       []xmlFeature  `xml:"Feature"`
}

type xmlIdentity struct {
	ID         string     `xml:"ID,attr"`
	Primary    string     `xml:"Primary,attr"`
	False      string     `xml:"False,attr"`
	Aliases    []xmlAlias `xml:"Alias"`
	PartGroups []struct {
		ID     string `xml:"ID,attr"`
		TypeID string `xml:"NamePartTypeID,attr"`
	} `xml:"NamePartGroups>MasterNamePartGroup>NamePartGroup"`
}

type xmlAlias struct {
	TypeID     string              `xml:"AliasTypeID,attr"`
	Primary    string              `xml:"Primary,attr"`
	LowQuality string              `xml:"LowQuality,attr"`
	Names      []xmlDocumentedName `xml:"DocumentedName"`
}

type xmlDocumentedName struct {
	ID       string `xml:"ID,attr"`
	StatusID string `xml:"DocNameStatusID,attr"`
	Parts    []struct {
		GroupID  string `xml:"NamePartGroupID,attr"`
		ScriptID string `xml:"ScriptID,attr"`
		Value    string `xml:",chardata"`
	} `xml:"DocumentedNamePart>NamePartValue"`
}

type xmlFeature struct {
	ID       string              `xml:"ID,attr"`
	TypeID   string              `xml:"FeatureTypeID,attr"`
	Versions []xmlFeatureVersion `xml:"FeatureVersion"`
}

type xmlFeatureVersion struct {
	ReliabilityID string          `xml:"ReliabilityID,attr"`
	Comment       string          `xml:"Comment"`
	Periods       []xmlDatePeriod `xml:"DatePeriod"`
	Details       []struct {
		ReferenceID string `xml:"DetailReferenceID,attr"`
		Value       string `xml:",chardata"`
	} `xml:"VersionDetail"`
	Locations []struct {
		ID string `xml:"LocationID,attr"`
	} `xml:"VersionLocation"`
}

type xmlProfileRelationship struct {
	ID             string `xml:"ID,attr"`
	FromProfileID  string `xml:"From-ProfileID,attr"`
	ToProfileID    string `xml:"To-ProfileID,attr"`
	RelationTypeID string `xml:"RelationTypeID,attr"`
	Comment        string `xml:"Comment"`
}

type xmlSanctionsEntry struct {
	ID        string `xml:"ID,attr"`
	ProfileID string `xml:"ProfileID,attr"`
	ListID    string `xml:"ListID,attr"`
	Events    []struct {
		LegalBasisID string  `xml:"LegalBasisID,attr"`
		Comment      string  `xml:"Comment"`
		Date         xmlDate `xml:"Date"`
	} `xml:"EntryEvent"`
	Measures []struct {
		TypeID  string `xml:"SanctionsTypeID,attr"`
		Comment string `xml:"Comment"`
	} `xml:"SanctionsMeasure"`
}

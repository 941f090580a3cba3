package ftm

import "github.com/corridor-aml/corridor"

// partySchemas are the FtM schemas a screening can hit, with the kind of party each is.
// Every other schema (Sanction, Address, Identification, Ownership, Position ...) only tells
// something about a party.
var partySchemas = map[string]corridor.Kind{
	"Person":       corridor.KindPerson,
	"Organization": corridor.KindOrganization,
	"Company":      corridor.KindOrganization,
	"LegalEntity":  corridor.KindOrganization,
	"PublicBody":   corridor.KindOrganization,
	"Vessel":       corridor.KindVessel,
	"Airplane":     corridor.KindAircraft,
}

// refProps are the entity-typed FtM properties: in the flat form their values are IDs of
// other entities.
var refProps = map[string]bool{
	"entity": true, "holder": true, "addressEntity": true, // Sanction, Identification, Thing
	"owner": true, "asset": true, // Ownership, Vehicle
	"person": true, "relative": true, "associate": true, // Family, Associate
	"director": true, "organization": true, "member": true, // Directorship, Membership
	"subject": true, "object": true, // UnknownLink
	"employee": true, "employer": true, "agent": true, "client": true, // Employment, Representation
	"parent": true, "subsidiaries": true, "operator": true, // LegalEntity, Vehicle
	"predecessor": true, "successor": true, // Succession
}

// relationSchemas are interval entities that tie two parties together; each becomes a Link
// on either party.
var relationSchemas = map[string]bool{
	"Ownership": true, "Directorship": true, "Family": true, "Associate": true,
	"Membership": true, "UnknownLink": true, "Employment": true, "Representation": true,
	"Succession": true,
}

// idProp says how an identifier-typed party property maps to an Identifier.
type idProp struct {
	kind    corridor.IdentifierKind
	label   string
	country string // the issuing country the property implies, e.g. an INN is Russian
}

// identifierProps are the identifier properties of Thing, LegalEntity, Person, Company,
// Vessel and Airplane that screening can match on; wikidataId and other cross-references
// to data sets a query never carries are left out.
var identifierProps = []struct {
	prop string
	idProp
}{
	{"passportNumber", idProp{corridor.IDPassport, "Passport number", ""}},
	{"idNumber", idProp{corridor.IDNationalID, "ID number", ""}},
	{"socialSecurityNumber", idProp{corridor.IDNationalID, "Social security number", ""}},
	{"taxNumber", idProp{corridor.IDTax, "Tax number", ""}},
	{"innCode", idProp{corridor.IDTax, "INN", "RU"}},
	{"vatCode", idProp{corridor.IDTax, "VAT number", ""}},
	{"irsCode", idProp{corridor.IDTax, "IRS number", "US"}},
	{"voenCode", idProp{corridor.IDTax, "VOEN", "AZ"}},
	{"registrationNumber", idProp{corridor.IDRegistration, "Registration number", ""}},
	{"ogrnCode", idProp{corridor.IDRegistration, "OGRN", "RU"}},
	{"okpoCode", idProp{corridor.IDRegistration, "OKPO", "RU"}},
	{"leiCode", idProp{corridor.IDRegistration, "LEI", ""}},
	{"dunsCode", idProp{corridor.IDRegistration, "DUNS", ""}},
	{"uscCode", idProp{corridor.IDRegistration, "USCC", "CN"}},
	{"uniqueEntityId", idProp{corridor.IDRegistration, "UEI", "US"}},
	{"npiCode", idProp{corridor.IDRegistration, "NPI", "US"}},
	{"cikCode", idProp{corridor.IDRegistration, "SEC CIK", "US"}},
	{"licenseNumber", idProp{corridor.IDOther, "License number", ""}},
	{"swiftBic", idProp{corridor.IDBIC, "SWIFT/BIC", ""}},
	{"imoNumber", idProp{corridor.IDIMO, "IMO number", ""}},
	{"mmsi", idProp{corridor.IDOther, "MMSI", ""}},
	{"callSign", idProp{corridor.IDCallSign, "Call sign", ""}},
	{"crsNumber", idProp{corridor.IDOther, "CRS number", ""}},
	{"serialNumber", idProp{corridor.IDMSN, "Serial number", ""}},
}

// namePartProps are Person's name-part properties in the order a name is built from them
// when an entity has parts but no name.
var namePartProps = []struct {
	prop string
	typ  corridor.NamePartType
}{
	{"title", corridor.PartTitle},
	{"firstName", corridor.PartGiven},
	{"secondName", corridor.PartMiddle},
	{"middleName", corridor.PartMiddle},
	{"fatherName", corridor.PartPatronymic},
	{"motherName", corridor.PartOther},
	{"lastName", corridor.PartFamily},
	{"nameSuffix", corridor.PartOther},
}

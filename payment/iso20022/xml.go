package iso20022

import "encoding/xml"

// The shapes below are the union of the elements screening needs across the accepted
// versions: where a version renamed an element (pain.001.001.03's BIC and BICOrBEI became
// BICFI and AnyBIC) both names are kept. Tags carry no namespace, so any prefix matches.

type xmlAppHdr struct {
	Fr xmlHdrParty `xml:"Fr"`
	To xmlHdrParty `xml:"To"`
}

type xmlHdrParty struct {
	FIId *struct {
		FinInstnId xmlFinInstn `xml:"FinInstnId"`
	} `xml:"FIId"`
}

type xmlGrpHdr struct {
	MsgId         string       `xml:"MsgId"`
	NbOfTxs       xmlText      `xml:"NbOfTxs"`
	IntrBkSttlmDt xmlDate      `xml:"IntrBkSttlmDt"` // pacs.008: the default for every transaction
	PmtTpInf      *xmlPmtTpInf `xml:"PmtTpInf"`      // pacs.008
	InstgAgt      *xmlAgent    `xml:"InstgAgt"`      // pacs.008 up to 001.07
	InstdAgt      *xmlAgent    `xml:"InstdAgt"`      // pacs.008 up to 001.07
	InitgPty      *xmlParty    `xml:"InitgPty"`      // pain.001
}

type xmlPmtInf struct {
	PmtInfId        string       `xml:"PmtInfId"`
	NbOfTxs         xmlText      `xml:"NbOfTxs"`
	PmtTpInf        *xmlPmtTpInf `xml:"PmtTpInf"`
	ReqdExctnDt     xmlDate      `xml:"ReqdExctnDt"`
	Dbtr            *xmlParty    `xml:"Dbtr"`
	DbtrAcct        *xmlAccount  `xml:"DbtrAcct"`
	DbtrAgt         *xmlAgent    `xml:"DbtrAgt"`
	DbtrAgtAcct     *xmlAccount  `xml:"DbtrAgtAcct"`
	InstrForDbtrAgt []xmlInstr   `xml:"InstrForDbtrAgt"`
	UltmtDbtr       *xmlParty    `xml:"UltmtDbtr"`
	ChrgBr          string       `xml:"ChrgBr"`
	CdtTrfTxInf     []xmlTx      `xml:"CdtTrfTxInf"`
	line            int
}

// xmlTx is one CdtTrfTxInf of either message: pacs.008 carries IntrBkSttlmAmt, pain.001 Amt.
type xmlTx struct {
	PmtId struct {
		InstrId    string `xml:"InstrId"`
		EndToEndId string `xml:"EndToEndId"`
		UETR       string `xml:"UETR"`
	} `xml:"PmtId"`
	PmtTpInf       *xmlPmtTpInf `xml:"PmtTpInf"`
	IntrBkSttlmAmt xmlAmount    `xml:"IntrBkSttlmAmt"`
	IntrBkSttlmDt  xmlDate      `xml:"IntrBkSttlmDt"`
	InstdAmt       xmlAmount    `xml:"InstdAmt"`
	Amt            *struct {
		InstdAmt xmlAmount `xml:"InstdAmt"`
		EqvtAmt  *struct {
			Amt xmlAmount `xml:"Amt"`
		} `xml:"EqvtAmt"`
	} `xml:"Amt"`
	ChrgBr string `xml:"ChrgBr"`

	PrvsInstgAgt1     *xmlAgent   `xml:"PrvsInstgAgt1"`
	PrvsInstgAgt1Acct *xmlAccount `xml:"PrvsInstgAgt1Acct"`
	PrvsInstgAgt2     *xmlAgent   `xml:"PrvsInstgAgt2"`
	PrvsInstgAgt2Acct *xmlAccount `xml:"PrvsInstgAgt2Acct"`
	PrvsInstgAgt3     *xmlAgent   `xml:"PrvsInstgAgt3"`
	PrvsInstgAgt3Acct *xmlAccount `xml:"PrvsInstgAgt3Acct"`
	InstgAgt          *xmlAgent   `xml:"InstgAgt"`
	InstdAgt          *xmlAgent   `xml:"InstdAgt"`
	IntrmyAgt1        *xmlAgent   `xml:"IntrmyAgt1"`
	IntrmyAgt1Acct    *xmlAccount `xml:"IntrmyAgt1Acct"`
	IntrmyAgt2        *xmlAgent   `xml:"IntrmyAgt2"`
	IntrmyAgt2Acct    *xmlAccount `xml:"IntrmyAgt2Acct"`
	IntrmyAgt3        *xmlAgent   `xml:"IntrmyAgt3"`
	IntrmyAgt3Acct    *xmlAccount `xml:"IntrmyAgt3Acct"`
	UltmtDbtr         *xmlParty   `xml:"UltmtDbtr"`
	InitgPty          *xmlParty   `xml:"InitgPty"`
	Dbtr              *xmlParty   `xml:"Dbtr"`
	DbtrAcct          *xmlAccount `xml:"DbtrAcct"`
	DbtrAgt           *xmlAgent   `xml:"DbtrAgt"`
	DbtrAgtAcct       *xmlAccount `xml:"DbtrAgtAcct"`
	CdtrAgt           *xmlAgent   `xml:"CdtrAgt"`
	CdtrAgtAcct       *xmlAccount `xml:"CdtrAgtAcct"`
	Cdtr              *xmlParty   `xml:"Cdtr"`
	CdtrAcct          *xmlAccount `xml:"CdtrAcct"`
	UltmtCdtr         *xmlParty   `xml:"UltmtCdtr"`

	InstrForCdtrAgt []xmlInstr `xml:"InstrForCdtrAgt"`
	InstrForNxtAgt  []xmlInstr `xml:"InstrForNxtAgt"`
	InstrForDbtrAgt []xmlInstr `xml:"InstrForDbtrAgt"` // pain.001
	Purp            *xmlCode   `xml:"Purp"`
	RmtInf          []struct {
		Ustrd []string `xml:"Ustrd"`
		Strd  []struct {
			AddtlRmtInf []string `xml:"AddtlRmtInf"`
		} `xml:"Strd"`
	} `xml:"RmtInf"`

	line int // where the CdtTrfTxInf starts, for errors about what it lacks
}

// UnmarshalXML notes the line a transaction starts on, so that an error about an element it
// lacks can still point into the file.
func (t *xmlTx) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	t.line, _ = d.InputPos()
	type plain xmlTx // no methods, so no recursion
	return d.DecodeElement((*plain)(t), &start)
}

// UnmarshalXML notes the line of the payment information block, for NbOfTxs errors.
func (p *xmlPmtInf) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	p.line, _ = d.InputPos()
	type plain xmlPmtInf
	return d.DecodeElement((*plain)(p), &start)
}

type xmlPmtTpInf struct {
	CtgyPurp *xmlCode `xml:"CtgyPurp"`
}

type xmlCode struct {
	Cd    string `xml:"Cd"`
	Prtry string `xml:"Prtry"`
}

// xmlInstr is an instruction to an agent: InstrInf text, or (pain.001 up to 001.09's
// InstrForDbtrAgt) the element's own text.
type xmlInstr struct {
	Text     string `xml:",chardata"`
	Cd       string `xml:"Cd"`
	InstrInf string `xml:"InstrInf"`
}

type xmlParty struct {
	Nm        string      `xml:"Nm"`
	PstlAdr   *xmlAddress `xml:"PstlAdr"`
	Id        *xmlPartyID `xml:"Id"`
	CtryOfRes xmlText     `xml:"CtryOfRes"`
	line      int
}

// UnmarshalXML notes the line of a party, for an error about what it lacks.
func (x *xmlParty) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	x.line, _ = d.InputPos()
	type plain xmlParty
	return d.DecodeElement((*plain)(x), &start)
}

type xmlPartyID struct {
	OrgId *struct {
		AnyBIC   xmlText    `xml:"AnyBIC"`
		BICOrBEI xmlText    `xml:"BICOrBEI"` // pain.001.001.03
		LEI      string     `xml:"LEI"`
		Othr     []xmlOther `xml:"Othr"`
	} `xml:"OrgId"`
	PrvtId *struct {
		DtAndPlcOfBirth *struct {
			BirthDt     xmlDate `xml:"BirthDt"`
			CityOfBirth string  `xml:"CityOfBirth"`
			CtryOfBirth xmlText `xml:"CtryOfBirth"`
		} `xml:"DtAndPlcOfBirth"`
		Othr []xmlOther `xml:"Othr"`
	} `xml:"PrvtId"`
}

type xmlOther struct {
	Id      string  `xml:"Id"`
	SchmeNm xmlCode `xml:"SchmeNm"`
	Issr    string  `xml:"Issr"`
}

type xmlAddress struct {
	Dept        string   `xml:"Dept"`
	SubDept     string   `xml:"SubDept"`
	StrtNm      string   `xml:"StrtNm"`
	BldgNb      string   `xml:"BldgNb"`
	BldgNm      string   `xml:"BldgNm"`
	Flr         string   `xml:"Flr"`
	Room        string   `xml:"Room"`
	PstBx       string   `xml:"PstBx"`
	PstCd       string   `xml:"PstCd"`
	TwnNm       string   `xml:"TwnNm"`
	TwnLctnNm   string   `xml:"TwnLctnNm"`
	DstrctNm    string   `xml:"DstrctNm"`
	CtrySubDvsn string   `xml:"CtrySubDvsn"`
	Ctry        xmlText  `xml:"Ctry"`
	AdrLine     []string `xml:"AdrLine"`
}

type xmlAgent struct {
	FinInstnId xmlFinInstn `xml:"FinInstnId"`
	line       int
}

// UnmarshalXML notes the line of an agent, for an error about what it lacks.
func (x *xmlAgent) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	x.line, _ = d.InputPos()
	type plain xmlAgent
	return d.DecodeElement((*plain)(x), &start)
}

type xmlFinInstn struct {
	BICFI       xmlText `xml:"BICFI"`
	BIC         xmlText `xml:"BIC"` // pain.001.001.03
	ClrSysMmbId *struct {
		ClrSysId xmlCode `xml:"ClrSysId"`
		MmbId    string  `xml:"MmbId"`
	} `xml:"ClrSysMmbId"`
	LEI     string      `xml:"LEI"`
	Nm      string      `xml:"Nm"`
	PstlAdr *xmlAddress `xml:"PstlAdr"`
	Othr    *xmlOther   `xml:"Othr"`
}

type xmlAccount struct {
	Id struct {
		IBAN string `xml:"IBAN"`
		Othr struct {
			Id string `xml:"Id"`
		} `xml:"Othr"`
	} `xml:"Id"`
}

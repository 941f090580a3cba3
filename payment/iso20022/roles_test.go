package iso20022

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// fullPacs008 uses every role and party field the reader maps; the values are made up.
const fullPacs008 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10">
<FIToFICstmrCdtTrf>
 <GrpHdr><MsgId>M-1</MsgId><CreDtTm>2026-01-02T10:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs>
  <SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>
 <CdtTrfTxInf>
  <PmtId><InstrId>I-1</InstrId><EndToEndId>E-1</EndToEndId><UETR>0f2b0c4e-5d7a-4c1b-9e1f-3a2b1c0d9e8f</UETR></PmtId>
  <PmtTpInf><CtgyPurp><Cd>SUPP</Cd></CtgyPurp></PmtTpInf>
  <IntrBkSttlmAmt Ccy="USD">001250.500</IntrBkSttlmAmt>
  <IntrBkSttlmDt>2026-01-05</IntrBkSttlmDt>
  <InstdAmt Ccy="EUR">1100</InstdAmt>
  <ChrgBr>SHAR</ChrgBr>
  <PrvsInstgAgt1><FinInstnId><BICFI>AAAADEFF</BICFI></FinInstnId></PrvsInstgAgt1>
  <PrvsInstgAgt2><FinInstnId><BICFI>BBBBDEFF</BICFI></FinInstnId></PrvsInstgAgt2>
  <PrvsInstgAgt3><FinInstnId><BICFI>CCCCDEFF</BICFI></FinInstnId></PrvsInstgAgt3>
  <InstgAgt><FinInstnId><BICFI>DDDDDEFFXXX</BICFI></FinInstnId></InstgAgt>
  <InstdAgt><FinInstnId><BICFI>EEEEUS33</BICFI></FinInstnId></InstdAgt>
  <IntrmyAgt1><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021000021</MmbId></ClrSysMmbId></FinInstnId></IntrmyAgt1>
  <IntrmyAgt1Acct><Id><Othr><Id>NOSTRO-1</Id></Othr></Id></IntrmyAgt1Acct>
  <IntrmyAgt2><FinInstnId><LEI>5493001KJTIIGC8Y1R12</LEI><Nm>Second  Intermediary
     Bank</Nm></FinInstnId></IntrmyAgt2>
  <IntrmyAgt3><FinInstnId><BICFI>FFFFAEAD</BICFI><PstlAdr><TwnNm>Dubai</TwnNm><Ctry>AE</Ctry></PstlAdr></FinInstnId></IntrmyAgt3>
  <UltmtDbtr><Nm>Parent Holding Ltd</Nm><Id><OrgId><AnyBIC>PARELULL</AnyBIC><LEI>529900T8BM49AURSDO55</LEI>
   <Othr><Id>TAX-77</Id><SchmeNm><Cd>TXID</Cd></SchmeNm><Issr>GB</Issr></Othr></OrgId></Id></UltmtDbtr>
  <InitgPty><Nm>Payroll Services SA</Nm></InitgPty>
  <Dbtr><Nm>Ivan Petrov</Nm>
   <PstlAdr><StrtNm>Tverskaya</StrtNm><BldgNb>7</BldgNb><PstCd>125009</PstCd><TwnNm>Moscow</TwnNm><Ctry>RU</Ctry></PstlAdr>
   <Id><PrvtId><DtAndPlcOfBirth><BirthDt>1970-03-14</BirthDt><CityOfBirth>Kazan</CityOfBirth><CtryOfBirth>RU</CtryOfBirth></DtAndPlcOfBirth>
    <Othr><Id>4509 123456</Id><SchmeNm><Cd>CCPT</Cd></SchmeNm></Othr></PrvtId></Id>
   <CtryOfRes>CY</CtryOfRes></Dbtr>
  <DbtrAcct><Id><IBAN>CY17002001280000001200527600</IBAN></Id></DbtrAcct>
  <DbtrAgt><FinInstnId><BICFI>BCYPCY2N</BICFI></FinInstnId></DbtrAgt>
  <DbtrAgtAcct><Id><Othr><Id>VOSTRO-9</Id></Othr></Id></DbtrAgtAcct>
  <CdtrAgt><FinInstnId><BICFI>CHASUS33XXX</BICFI></FinInstnId></CdtrAgt>
  <Cdtr><Nm>Acme Trading LLC</Nm><PstlAdr><AdrLine>1 Main St</AdrLine><AdrLine>New York NY</AdrLine></PstlAdr></Cdtr>
  <CdtrAcct><Id><Othr><Id>123456789</Id></Othr></Id></CdtrAcct>
  <UltmtCdtr><Nm>Acme Group</Nm><CtryOfRes>US</CtryOfRes></UltmtCdtr>
  <InstrForCdtrAgt><Cd>PHOB</Cd><InstrInf>Call beneficiary before crediting</InstrInf></InstrForCdtrAgt>
  <InstrForNxtAgt><InstrInf>/ACC/via correspondent</InstrInf></InstrForNxtAgt>
  <InstrForNxtAgt><InstrInf>second line</InstrInf></InstrForNxtAgt>
  <Purp><Cd>GDDS</Cd></Purp>
  <RmtInf><Ustrd>Invoice 42</Ustrd><Ustrd>  spare   parts </Ustrd>
   <Strd><AddtlRmtInf>Order 7 for Acme</AddtlRmtInf></Strd></RmtInf>
 </CdtTrfTxInf>
</FIToFICstmrCdtTrf>
</Document>`

func TestEveryPacs008Role(t *testing.T) {
	ps, err := Read(strings.NewReader(fullPacs008))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d payments", len(ps))
	}
	tx := "CdtTrfTxInf[1]"
	want := corridor.Payment{
		Format: "pacs.008.001.10", MessageID: "M-1", InstructionID: "I-1", EndToEndID: "E-1",
		UETR: "0f2b0c4e-5d7a-4c1b-9e1f-3a2b1c0d9e8f", Index: 1,
		Amount:           corridor.Amount{Value: "1250.5", Currency: "USD"},
		InstructedAmount: corridor.Amount{Value: "1100", Currency: "EUR"},
		ValueDate:        "2026-01-05", PurposeCode: "GDDS", CategoryPurposeCode: "SUPP", ChargeBearer: "SHAR",
		Parties: []corridor.Party{
			{Role: corridor.RoleInitiatingParty, Name: "Payroll Services SA", Where: tx + "/InitgPty"},
			{Role: corridor.RoleUltimateDebtor, Name: "Parent Holding Ltd", BIC: "PARELULL", Where: tx + "/UltmtDbtr",
				Identifiers: []corridor.Identifier{
					{Kind: corridor.IDRegistration, Type: "LEI", Number: "529900T8BM49AURSDO55"},
					{Kind: corridor.IDTax, Type: "TXID", Number: "TAX-77", Note: "issuer: GB"},
				}},
			{Role: corridor.RoleDebtor, Name: "Ivan Petrov", Address: []string{"Tverskaya 7", "125009 Moscow"},
				Country: "RU", CountryOfResidence: "CY", BirthDate: "1970-03-14", BirthPlace: "Kazan, RU",
				Account: "CY17002001280000001200527600", Where: tx + "/Dbtr",
				Identifiers: []corridor.Identifier{{Kind: corridor.IDPassport, Type: "CCPT", Number: "4509 123456"}}},
			{Role: corridor.RoleDebtorAgent, BIC: "BCYPCY2N", Account: "VOSTRO-9", Where: tx + "/DbtrAgt"},
			agent(corridor.RolePreviousInstructingAgent, tx+"/PrvsInstgAgt1", "AAAADEFF"),
			agent(corridor.RolePreviousInstructingAgent, tx+"/PrvsInstgAgt2", "BBBBDEFF"),
			agent(corridor.RolePreviousInstructingAgent, tx+"/PrvsInstgAgt3", "CCCCDEFF"),
			agent(corridor.RoleInstructingAgent, tx+"/InstgAgt", "DDDDDEFFXXX"),
			agent(corridor.RoleInstructedAgent, tx+"/InstdAgt", "EEEEUS33"),
			{Role: corridor.RoleIntermediaryAgent, Account: "NOSTRO-1", Where: tx + "/IntrmyAgt1",
				Identifiers: []corridor.Identifier{{Kind: corridor.IDOther, Type: "ClrSysMmbId/USABA", Number: "021000021"}}},
			{Role: corridor.RoleIntermediaryAgent, Name: "Second Intermediary Bank", Where: tx + "/IntrmyAgt2",
				Identifiers: []corridor.Identifier{{Kind: corridor.IDRegistration, Type: "LEI", Number: "5493001KJTIIGC8Y1R12"}}},
			{Role: corridor.RoleIntermediaryAgent, BIC: "FFFFAEAD", Address: []string{"Dubai"}, Country: "AE", Where: tx + "/IntrmyAgt3"},
			agent(corridor.RoleCreditorAgent, tx+"/CdtrAgt", "CHASUS33XXX"),
			{Role: corridor.RoleCreditor, Name: "Acme Trading LLC", Address: []string{"1 Main St", "New York NY"},
				Account: "123456789", Where: tx + "/Cdtr"},
			{Role: corridor.RoleUltimateCreditor, Name: "Acme Group", CountryOfResidence: "US", Where: tx + "/UltmtCdtr"},
		},
		RemittanceInfo: []corridor.Text{
			{Text: "Invoice 42", Where: tx + "/RmtInf/Ustrd"},
			{Text: "spare parts", Where: tx + "/RmtInf/Ustrd"},
			{Text: "Order 7 for Acme", Where: tx + "/RmtInf/Strd/AddtlRmtInf"},
		},
		Instructions: []corridor.Text{
			{Text: "Call beneficiary before crediting", Where: tx + "/InstrForCdtrAgt"},
			{Text: "/ACC/via correspondent", Where: tx + "/InstrForNxtAgt[1]"},
			{Text: "second line", Where: tx + "/InstrForNxtAgt[2]"},
		},
	}
	same(t, "payment", ps[0], want)
	if err := ps[0].Validate(); err != nil {
		t.Error(err)
	}
}

// pain001v09 has two blocks, ultimate debtors at both levels, the 001.08-on date choice
// and instructions to both agents.
const pain001v09 = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
<CstmrCdtTrfInitn>
 <GrpHdr><MsgId>P-9</MsgId><CreDtTm>2026-02-01T09:00:00</CreDtTm><NbOfTxs>3</NbOfTxs>
  <InitgPty><Nm>Corp Treasury</Nm><Id><OrgId><LEI>5299000J2N45DDNE4Y28</LEI></OrgId></Id></InitgPty></GrpHdr>
 <PmtInf><PmtInfId>B1</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>2</NbOfTxs>
  <PmtTpInf><CtgyPurp><Cd>SUPP</Cd></CtgyPurp></PmtTpInf>
  <ReqdExctnDt><Dt>2026-02-03</Dt></ReqdExctnDt>
  <Dbtr><Nm>Corp GmbH</Nm><PstlAdr><Ctry>DE</Ctry></PstlAdr></Dbtr>
  <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
  <DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
  <InstrForDbtrAgt>Urgent</InstrForDbtrAgt>
  <UltmtDbtr><Nm>Corp Subsidiary BV</Nm></UltmtDbtr>
  <ChrgBr>SLEV</ChrgBr>
  <CdtTrfTxInf><PmtId><EndToEndId>E-1</EndToEndId></PmtId>
   <Amt><InstdAmt Ccy="EUR">10.00</InstdAmt></Amt>
   <Cdtr><Nm>Supplier One</Nm></Cdtr><CdtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></CdtrAcct></CdtTrfTxInf>
  <CdtTrfTxInf><PmtId><EndToEndId>E-2</EndToEndId></PmtId>
   <PmtTpInf><CtgyPurp><Cd>SALA</Cd></CtgyPurp></PmtTpInf>
   <Amt><InstdAmt Ccy="EUR">20</InstdAmt></Amt><ChrgBr>DEBT</ChrgBr>
   <UltmtDbtr><Nm>Department X</Nm></UltmtDbtr>
   <IntrmyAgt1><FinInstnId><BICFI>INTRGB2L</BICFI></FinInstnId></IntrmyAgt1>
   <CdtrAgt><FinInstnId><BICFI>BARCGB22</BICFI></FinInstnId></CdtrAgt>
   <Cdtr><Nm>Employee Two</Nm></Cdtr><UltmtCdtr><Nm>Two's Landlord</Nm></UltmtCdtr>
   <InstrForCdtrAgt><InstrInf>Hold for pickup</InstrInf></InstrForCdtrAgt>
   <Purp><Cd>SALA</Cd></Purp></CdtTrfTxInf>
 </PmtInf>
 <PmtInf><PmtInfId>B2</PmtInfId><PmtMtd>TRF</PmtMtd>
  <ReqdExctnDt><DtTm>2026-02-04T08:00:00+01:00</DtTm></ReqdExctnDt>
  <Dbtr><Nm>Corp GmbH</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
  <DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
  <CdtTrfTxInf><PmtId><EndToEndId>E-3</EndToEndId></PmtId>
   <Amt><EqvtAmt><Amt Ccy="EUR">30</Amt><CcyOfTrf>USD</CcyOfTrf></EqvtAmt></Amt>
   <Cdtr><Nm>Vendor Three</Nm></Cdtr></CdtTrfTxInf>
 </PmtInf>
</CstmrCdtTrfInitn></Document>`

func TestPain001Blocks(t *testing.T) {
	ps, err := Read(strings.NewReader(pain001v09))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Fatalf("%d payments", len(ps))
	}
	initg := corridor.Party{Role: corridor.RoleInitiatingParty, Name: "Corp Treasury", Where: "GrpHdr/InitgPty",
		Identifiers: []corridor.Identifier{{Kind: corridor.IDRegistration, Type: "LEI", Number: "5299000J2N45DDNE4Y28"}}}
	b1 := []corridor.Party{
		initg,
		{Role: corridor.RoleUltimateDebtor, Name: "Corp Subsidiary BV", Where: "PmtInf[1]/UltmtDbtr"},
	}
	debtor1 := []corridor.Party{
		{Role: corridor.RoleDebtor, Name: "Corp GmbH", Country: "DE", Account: "DE89370400440532013000", Where: "PmtInf[1]/Dbtr"},
		agent(corridor.RoleDebtorAgent, "PmtInf[1]/DbtrAgt", "COBADEFFXXX"),
	}
	cat := func(lists ...[]corridor.Party) []corridor.Party {
		var out []corridor.Party
		for _, l := range lists {
			out = append(out, l...)
		}
		return out
	}
	tx2 := "PmtInf[1]/CdtTrfTxInf[2]"
	want := []corridor.Payment{{
		Format: "pain.001.001.09", MessageID: "P-9", PaymentInfoID: "B1", EndToEndID: "E-1", Index: 1,
		Amount: corridor.Amount{Value: "10", Currency: "EUR"}, ValueDate: "2026-02-03",
		CategoryPurposeCode: "SUPP", ChargeBearer: "SLEV",
		Parties: cat(b1, debtor1, []corridor.Party{{Role: corridor.RoleCreditor, Name: "Supplier One",
			Account: "FR7630006000011234567890189", Where: "PmtInf[1]/CdtTrfTxInf[1]/Cdtr"}}),
		Instructions: []corridor.Text{{Text: "Urgent", Where: "PmtInf[1]/InstrForDbtrAgt"}},
	}, {
		Format: "pain.001.001.09", MessageID: "P-9", PaymentInfoID: "B1", EndToEndID: "E-2", Index: 2,
		Amount: corridor.Amount{Value: "20", Currency: "EUR"}, ValueDate: "2026-02-03",
		PurposeCode: "SALA", CategoryPurposeCode: "SALA", ChargeBearer: "DEBT",
		Parties: cat(b1, []corridor.Party{{Role: corridor.RoleUltimateDebtor, Name: "Department X", Where: tx2 + "/UltmtDbtr"}},
			debtor1, []corridor.Party{
				agent(corridor.RoleIntermediaryAgent, tx2+"/IntrmyAgt1", "INTRGB2L"),
				agent(corridor.RoleCreditorAgent, tx2+"/CdtrAgt", "BARCGB22"),
				{Role: corridor.RoleCreditor, Name: "Employee Two", Where: tx2 + "/Cdtr"},
				{Role: corridor.RoleUltimateCreditor, Name: "Two's Landlord", Where: tx2 + "/UltmtCdtr"},
			}),
		Instructions: []corridor.Text{
			{Text: "Urgent", Where: "PmtInf[1]/InstrForDbtrAgt"},
			{Text: "Hold for pickup", Where: tx2 + "/InstrForCdtrAgt"},
		},
	}, {
		Format: "pain.001.001.09", MessageID: "P-9", PaymentInfoID: "B2", EndToEndID: "E-3", Index: 3,
		Amount: corridor.Amount{Value: "30", Currency: "EUR"}, ValueDate: "2026-02-04",
		Parties: []corridor.Party{
			initg,
			{Role: corridor.RoleDebtor, Name: "Corp GmbH", Account: "DE89370400440532013000", Where: "PmtInf[2]/Dbtr"},
			agent(corridor.RoleDebtorAgent, "PmtInf[2]/DbtrAgt", "COBADEFFXXX"),
			{Role: corridor.RoleCreditor, Name: "Vendor Three", Where: "PmtInf[2]/CdtTrfTxInf[1]/Cdtr"},
		},
	}}
	for i := range want {
		same(t, fmt.Sprintf("payment %d", i+1), ps[i], want[i])
	}
}

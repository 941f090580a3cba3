package iso20022

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func sample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const (
	cbpr = "pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml"
	usd  = "pain.001-international-usd.xml"
)

// TestMalformed damages real samples one way each and checks that the error names the
// element (and, where it can, the line).
func TestMalformed(t *testing.T) {
	pacs := sample(t, cbpr)
	pain := sample(t, usd)
	edit := func(doc, old, new string) string {
		t.Helper()
		if !strings.Contains(doc, old) {
			t.Fatalf("sample lacks %q", old)
		}
		return strings.Replace(doc, old, new, 1)
	}
	tests := []struct {
		name, input string
		want        string // the error must contain it
	}{
		{"no settlement amount", edit(pacs, `<pacs:IntrBkSttlmAmt Ccy="EUR">15669.38</pacs:IntrBkSttlmAmt>`, ""),
			"line 51: CdtTrfTxInf[1]/IntrBkSttlmAmt: missing"},
		{"lower-case currency", edit(pacs, `IntrBkSttlmAmt Ccy="EUR"`, `IntrBkSttlmAmt Ccy="eur"`),
			`line 57: CdtTrfTxInf[1]/IntrBkSttlmAmt/@Ccy: currency "eur"`},
		{"no currency", edit(pacs, `IntrBkSttlmAmt Ccy="EUR"`, `IntrBkSttlmAmt`),
			"CdtTrfTxInf[1]/IntrBkSttlmAmt/@Ccy: no Ccy attribute"},
		{"decimal comma", edit(pacs, `>15669.38</pacs:IntrBkSttlmAmt>`, `>15669,38</pacs:IntrBkSttlmAmt>`),
			`CdtTrfTxInf[1]/IntrBkSttlmAmt: amount "15669,38"`},
		{"negative amount", edit(pacs, `>15669.38</pacs:InstdAmt>`, `>-5</pacs:InstdAmt>`),
			`CdtTrfTxInf[1]/InstdAmt: amount "-5"`},
		{"too many decimals", edit(pacs, `>15669.38</pacs:InstdAmt>`, `>1.123456</pacs:InstdAmt>`),
			`CdtTrfTxInf[1]/InstdAmt: amount "1.123456": more than 18 digits or 5 decimals`},
		{"bad date", edit(pacs, `<pacs:IntrBkSttlmDt>2021-04-09`, `<pacs:IntrBkSttlmDt>2021-13-09`),
			`line 58: CdtTrfTxInf[1]/IntrBkSttlmDt: date "2021-13-09"`},
		{"bad BIC", edit(pacs, `<pacs:BICFI>RBOSGB2LXXX</pacs:BICFI>`, `<pacs:BICFI>RBOS GB2L</pacs:BICFI>`),
			`CdtTrfTxInf[1]/DbtrAgt/FinInstnId/BICFI: BIC "RBOS GB2L"`},
		{"bad country", edit(pain, `<AdrLine>Company address</AdrLine>`, `<Ctry>Iran</Ctry>`),
			`PmtInf[1]/CdtTrfTxInf[1]/Cdtr/PstlAdr/Ctry: country "Iran"`},
		{"empty party", edit(sample(t, "pacs.008.001.07-prowide.xml"), `<Nm>Mike Smith</Nm>`, ``),
			"CdtTrfTxInf[1]/Cdtr: no name, BIC, account or identifier"},
		{"unknown message", strings.ReplaceAll(pacs, "pacs.008.001.08", "pacs.009.001.08"),
			"Document: not pacs.008 or pain.001: urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"},
		{"camt", strings.ReplaceAll(pain, "pain.001.001.03", "camt.053.001.02"),
			"not pacs.008 or pain.001: urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"},
		{"pacs.008 too old", strings.ReplaceAll(pacs, "pacs.008.001.08", "pacs.008.001.06"),
			"pacs.008.001.06: version not accepted (accepted: pacs.008.001.07 to pacs.008.001.13)"},
		{"pacs.008 too new", strings.ReplaceAll(pacs, "pacs.008.001.08", "pacs.008.001.14"),
			"pacs.008.001.14: version not accepted"},
		{"pain.001 too old", strings.ReplaceAll(pain, "pain.001.001.03", "pain.001.001.02"),
			"pain.001.001.02: version not accepted (accepted: pain.001.001.03 to pain.001.001.12)"},
		{"no namespace", edit(pain, ` xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"`, ""),
			"Document: no namespace"},
		{"fewer transactions than announced", edit(pacs, `<pacs:NbOfTxs>1</pacs:NbOfTxs>`, `<pacs:NbOfTxs>2</pacs:NbOfTxs>`),
			"line 46: GrpHdr/NbOfTxs: announces 2 transactions, the message holds only 1"},
		{"block with fewer than announced", edit(pain, "<NbOfTxs>1</NbOfTxs>\n      <CtrlSum>111.11</CtrlSum>\n      <PmtTpInf>", "<NbOfTxs>3</NbOfTxs><PmtTpInf>"),
			"PmtInf[1]/NbOfTxs: announces 3 transactions, the message holds only 1"},
		{"count not a number", edit(pacs, `<pacs:NbOfTxs>1<`, `<pacs:NbOfTxs>one<`),
			`GrpHdr/NbOfTxs: "one": want a number of transactions`},
		{"no Amt", edit(pain, "<Amt>\n          <InstdAmt Ccy=\"USD\">111.11</InstdAmt>\n        </Amt>", ""),
			"PmtInf[1]/CdtTrfTxInf[1]/Amt: missing"},
		{"empty Amt", edit(pain, "<InstdAmt Ccy=\"USD\">111.11</InstdAmt>", ""),
			"PmtInf[1]/CdtTrfTxInf[1]/Amt: want InstdAmt or EqvtAmt"},
		{"bad execution date", edit(pain, "<ReqdExctnDt>2015-09-28", "<ReqdExctnDt>28.09.2015"),
			`line 23: PmtInf[1]/ReqdExctnDt: date "28.09.2015"`},
		{"bad birth date", strings.Replace(fullPacs008, "<BirthDt>1970-03-14", "<BirthDt>1970-02-30", 1),
			`CdtTrfTxInf[1]/Dbtr/Id/PrvtId/DtAndPlcOfBirth/BirthDt: date "1970-02-30"`},
		{"no group header", edit(pain, pain[strings.Index(pain, "<GrpHdr>"):strings.Index(pain, "</GrpHdr>")+len("</GrpHdr>")], ""),
			"CstmrCdtTrfInitn/GrpHdr: missing"},
		{"truncated", pacs[:len(pacs)/2], "malformed XML: unexpected EOF"},
		{"mismatched tag", edit(pacs, "</pacs:Nm>", "</pacs:Name>"), "line 77: malformed XML: element <Nm> closed by </Name>"},
		{"DOCTYPE with an entity", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + pain,
			"line 1: a DOCTYPE is not accepted"},
		{"undeclared entity", edit(pain, "COMPANY Z", "&x;"), "malformed XML: invalid character entity &x;"},
		{"no Document", "<message><AppHdr/></message>", "no ISO 20022 Document element"},
		{"not XML", "{\"amount\": 1}", "no ISO 20022 Document element"},
		{"empty input", "", "no ISO 20022 Document element"},
		{"two Documents", "<m>" + strings.TrimPrefix(pain, `<?xml version="1.0" encoding="utf-8"?>`) + strings.TrimPrefix(pain, `<?xml version="1.0" encoding="utf-8"?>`) + "</m>",
			"Document: a second Document"},
		{"wrong message element", strings.ReplaceAll(pain, "CstmrCdtTrfInitn", "FIToFICstmrCdtTrf"),
			"Document/FIToFICstmrCdtTrf: unexpected element in a pain.001.001.03 Document (want one CstmrCdtTrfInitn)"},
		{"transaction outside its block", edit(pain, "<PmtInf>", "<CdtTrfTxInf/><PmtInf>"),
			"CstmrCdtTrfInitn/CdtTrfTxInf: unexpected element in pain.001.001.03"},
		{"no transactions", edit(pacs, pacs[strings.Index(pacs, "<pacs:CdtTrfTxInf>"):strings.Index(pacs, "</pacs:CdtTrfTxInf>")+len("</pacs:CdtTrfTxInf>")], ""),
			"FIToFICstmrCdtTrf: no CdtTrfTxInf"},
		{"block without transactions", edit(pain, pain[strings.Index(pain, "<CdtTrfTxInf>"):strings.Index(pain, "</CdtTrfTxInf>")+len("</CdtTrfTxInf>")], ""),
			"line 13: PmtInf[1]: no CdtTrfTxInf"},
		{"Latin-1", strings.Replace(pain, "utf-8", "ISO-8859-1", 1), "ISO-8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Read(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error; %d payments", len(ps))
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T, want *Error: %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "iso20022: ") {
				t.Fatalf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	pacs := sample(t, cbpr)
	_, err := Reader{MaxBytes: 1000}.Read(strings.NewReader(pacs))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("1000-byte limit: %v, want ErrTooLarge", err)
	}
	if _, err := (Reader{MaxBytes: int64(len(pacs))}).Read(strings.NewReader(pacs)); err != nil {
		t.Errorf("limit of exactly the size: %v", err)
	}
	deep := strings.Repeat("<w>", 100) + strings.Repeat("</w>", 100)
	if _, err := Read(strings.NewReader(deep)); err == nil || !strings.Contains(err.Error(), "nested deeper than 64") {
		t.Errorf("deep wrappers: %v", err)
	}
	if _, err := (Reader{MaxDepth: 3}).Read(strings.NewReader(pacs)); err == nil || !strings.Contains(err.Error(), "nested deeper than 3") {
		t.Errorf("depth 3: %v", err)
	}
}

// TestVersions reads every accepted version: the real samples at pacs.008.001.07 and .08 and
// pain.001.001.03, and the same samples relabelled for the versions no real sample here has.
// The reader keeps every element name the versions used (BIC and BICFI, BICOrBEI and
// AnyBIC, a plain ReqdExctnDt and its Dt choice), so a relabelled sample reads alike.
func TestVersions(t *testing.T) {
	pacs, pain := sample(t, cbpr), sample(t, usd)
	for v := 7; v <= 13; v++ {
		id := fmt.Sprintf("pacs.008.001.%02d", v)
		ps, err := Read(strings.NewReader(strings.ReplaceAll(pacs, "pacs.008.001.08", id)))
		if err != nil || len(ps) != 1 || ps[0].Format != id || ps[0].Amount.String() != "EUR 15669.38" {
			t.Errorf("%s: %v %+v", id, err, ps)
		}
	}
	for v := 3; v <= 12; v++ {
		id := fmt.Sprintf("pain.001.001.%02d", v)
		ps, err := Read(strings.NewReader(strings.ReplaceAll(pain, "pain.001.001.03", id)))
		if err != nil || len(ps) != 1 || ps[0].Format != id || ps[0].Amount.String() != "USD 111.11" {
			t.Errorf("%s: %v %+v", id, err, ps)
		}
	}
	// SIX's national variant names the base message in a URL of its own.
	if ps := readFile(t, "pain.001-six-musterfile-2020.xml"); ps[0].Format != "pain.001.001.03" {
		t.Errorf("SIX: format %q", ps[0].Format)
	}
}

// TestPrefixesAndWrappers reads one message bare, with a default namespace, with prefixes
// and inside wrappers, and wants the same payments each time.
func TestPrefixesAndWrappers(t *testing.T) {
	pain := strings.TrimPrefix(sample(t, usd), `<?xml version="1.0" encoding="utf-8"?>`)
	want, err := Read(strings.NewReader(pain))
	if err != nil {
		t.Fatal(err)
	}
	prefixed := strings.NewReplacer("</", "</p:", "<", "<p:", `xmlns=`, `xmlns:p=`).Replace(pain)
	for name, doc := range map[string]string{
		"prefixed": prefixed,
		"envelope": `<Envelope xmlns="urn:swift:xsd:envelope"><h:AppHdr xmlns:h="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><h:BizMsgIdr>x</h:BizMsgIdr></h:AppHdr>` + prefixed + `</Envelope>`,
		"nested":   "<a><b>text<c/></b><d>" + pain + "</d></a>",
		"BOM":      "\ufeff" + pain,
	} {
		got, err := Read(strings.NewReader(doc))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		same(t, name, got, want)
	}
}

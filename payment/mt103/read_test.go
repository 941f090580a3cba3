package mt103

import (
	"os"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func readFile(t *testing.T, name string) []corridor.Payment {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func partyOf(p corridor.Payment, role corridor.Role) []corridor.Party {
	var out []corridor.Party
	for _, party := range p.Parties {
		if party.Role == role {
			out = append(out, party)
		}
	}
	return out
}

func onlyParty(t *testing.T, p corridor.Payment, role corridor.Role) corridor.Party {
	t.Helper()
	got := partyOf(p, role)
	if len(got) != 1 {
		t.Fatalf("payment %d: %d parties of role %s, want 1: %+v", p.Index, len(got), role, got)
	}
	return got[0]
}

// The CBPR+ sample: a structured ordering customer and beneficiary (50F, 59F), agents by BIC,
// the instructing institution in field 72, and the UETR in block 3.
func TestReadStructuredMT103(t *testing.T) {
	ps := readFile(t, "mt103-p_2_1_1_C_D.txt")
	if len(ps) != 1 {
		t.Fatalf("%d payments, want 1", len(ps))
	}
	p := ps[0]
	if p.Format != "MT103" || p.MessageID != "pacs8bizmsgidr03" || p.UETR != "8a562c67-ca16-48ba-b074-65581be6f001" {
		t.Errorf("format %q, message %q, UETR %q", p.Format, p.MessageID, p.UETR)
	}
	if p.Amount != (corridor.Amount{Value: "15669.38", Currency: "EUR"}) || p.InstructedAmount != p.Amount || p.ValueDate != "2021-04-09" {
		t.Errorf("amount %v, instructed %v, value date %s", p.Amount, p.InstructedAmount, p.ValueDate)
	}
	if p.ChargeBearer != "DEBT" {
		t.Errorf("71A OUR read as %q, want DEBT", p.ChargeBearer)
	}
	debtor := onlyParty(t, p, corridor.RoleDebtor)
	if debtor.Name != "C Consumer" || debtor.Account != "12547896" || debtor.Country != "GB" ||
		strings.Join(debtor.Address, "|") != "High Street|Epping" || debtor.Where != ":50F:" {
		t.Errorf("debtor %+v", debtor)
	}
	creditor := onlyParty(t, p, corridor.RoleCreditor)
	if creditor.Name != "Evli" || creditor.Account != "98653214" || creditor.Country != "FI" || creditor.Where != ":59F:" {
		t.Errorf("creditor %+v", creditor)
	}
	for role, bic := range map[corridor.Role]string{
		corridor.RoleSender:                   "NDEAFIHHXXX", // an output message: the sender is in block 2
		corridor.RoleReceiver:                 "HELSFIHHXXX",
		corridor.RoleDebtorAgent:              "RBOSGB2LXXX",
		corridor.RoleCreditorAgent:            "HELSFIHHXXX",
		corridor.RolePreviousInstructingAgent: "ABNANL2AXXX",
	} {
		if got := onlyParty(t, p, role); got.BIC != bic {
			t.Errorf("%s: BIC %q, want %q", role, got.BIC, bic)
		}
	}
	if len(p.RemittanceInfo) != 1 || p.RemittanceInfo[0].Text != "/ROC/pacs008EndToEndId-001" || p.RemittanceInfo[0].Where != ":70:" {
		t.Errorf("remittance %+v", p.RemittanceInfo)
	}
	if len(p.Instructions) != 1 || p.Instructions[0].Text != "/INS/ABNANL2AXXX" {
		t.Errorf("instructions %+v", p.Instructions)
	}
}

// The RJE file: 13 messages between "$" lines, with the oddities of real traffic.
func TestReadRJE(t *testing.T) {
	ps := readFile(t, "mt103-prowide-out-ack.rje")
	if len(ps) != 13 {
		t.Fatalf("%d payments, want 13", len(ps))
	}
	refs := []string{"22342343", "INGDESMM", "INGDESMM", "FOODESMM", "OMF000000724103", "530165650050",
		"0061350113089906", "0061350113089908", "0061350113089907", "AMLX985338-D4E5E",
		"0061350113089903", "0061350113089904", "0061350113089905"}
	for i, p := range ps {
		if p.Index != i+1 || p.MessageID != refs[i] {
			t.Errorf("payment %d: index %d, reference %q, want %q", i+1, p.Index, p.MessageID, refs[i])
		}
		if err := p.Validate(); err != nil {
			t.Errorf("payment %d: %v", i+1, err)
		}
	}

	first := ps[0]
	debtor := onlyParty(t, first, corridor.RoleDebtor)
	if debtor.Name != "FOO CAPITAL MARKETS LP" || strings.Join(debtor.Address, "|") != "99 WALL ST STE 9999|NEW YORK, NY 10005-3122" {
		t.Errorf("50K debtor %+v", debtor)
	}
	if agent := onlyParty(t, first, corridor.RoleDebtorAgent); agent.Name != "NORTH FOO BANK" || agent.Where != ":52D:" {
		t.Errorf("52D debtor agent %+v", agent)
	}
	creditor := onlyParty(t, first, corridor.RoleCreditor)
	if creditor.Name != "MERCADOS Y GESTION DE VALORES SA" || creditor.Account != "00123456789012345678" || creditor.Where != ":59:" {
		t.Errorf("59 creditor %+v", creditor)
	}
	// Field 70 runs over four lines, words cut where the line is full; the text keeps them.
	if rem := first.RemittanceInfo; len(rem) != 1 || !strings.Contains(rem[0].Text, "AUG\nUST,2007") {
		t.Errorf("remittance %q", rem)
	}
	if first.Amount != (corridor.Amount{Value: "1814.28", Currency: "USD"}) || first.ValueDate != "2019-10-14" || first.ChargeBearer != "SHAR" {
		t.Errorf("amount %v, date %s, charges %s", first.Amount, first.ValueDate, first.ChargeBearer)
	}

	// 32A and 33B disagree in message 5; both are kept as written.
	if p := ps[4]; p.Amount.Value != "765432" || p.InstructedAmount.Value != "1765432" {
		t.Errorf("message 5: 32A %v, 33B %v", p.Amount, p.InstructedAmount)
	}
	// "EUR19999," has no decimals.
	if p := ps[3]; p.Amount.Value != "19999" || p.ValueDate != "2006-10-28" {
		t.Errorf("message 4: %v on %s", p.Amount, p.ValueDate)
	}
	// 52A with an account line before the BIC.
	if agent := onlyParty(t, ps[5], corridor.RoleDebtorAgent); agent.BIC != "FOOBESBBXXX" || agent.Account != "0569" {
		t.Errorf("message 6: 52A %+v", agent)
	}
	// 54A with a clearing code line, and a 59 with the account "/-".
	p := ps[9]
	if c := onlyParty(t, p, corridor.RoleReceiversCorrespondent); c.BIC != "BICFOOYY" || len(c.Identifiers) != 1 || c.Identifiers[0].Number != "RT" {
		t.Errorf("message 10: 54A %+v", c)
	}
	if c := onlyParty(t, p, corridor.RoleCreditor); c.Name != "FOO SA" || c.Account != "-" {
		t.Errorf("message 10: 59 %+v", c)
	}
	// Message 11 ends "-}{": the stray brace carries nothing and is let be.
	if c := onlyParty(t, ps[10], corridor.RoleCreditor); c.Name != "MS FOOOOOO CONSERVSDOR FIMF" {
		t.Errorf("message 11: creditor %+v", c)
	}
}

// A structured ordering customer with every numbered line, and an input message, whose
// receiver is in block 2.
func TestReadStructuredPartyLines(t *testing.T) {
	msg := "{1:F01BANKAFKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n" +
		":20:REF1\n:23B:CRED\n:32A:240102AFN001000,50\n" +
		":50F:CCPT/AF/P01234567\n1/MOHAMMAD ISMAIL\n1/HAQQANI\n3/AF/KABUL\n4/19700101\n" +
		":59F:/AF12345\n1/WORLD FOOD PROGRAMME\n2/KART-E-SE\n3/AF/KABUL\n:71A:SHA\n:77B:/BENEFRES/AF//KABUL\n-}"
	ps, err := Parse([]byte(msg), "test")
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	d := onlyParty(t, p, corridor.RoleDebtor)
	if d.Name != "MOHAMMAD ISMAIL HAQQANI" || d.Country != "AF" || d.BirthDate != "1970-01-01" || strings.Join(d.Address, "|") != "KABUL" {
		t.Errorf("debtor %+v", d)
	}
	if len(d.Identifiers) != 1 || d.Identifiers[0].Kind != corridor.IDPassport || d.Identifiers[0].Number != "P01234567" || d.Identifiers[0].Country != "AF" {
		t.Errorf("identifiers %+v", d.Identifiers)
	}
	if c := onlyParty(t, p, corridor.RoleCreditor); c.Name != "WORLD FOOD PROGRAMME" || c.Account != "AF12345" || strings.Join(c.Address, "|") != "KART-E-SE|KABUL" {
		t.Errorf("creditor %+v", c)
	}
	if s, r := onlyParty(t, p, corridor.RoleSender), onlyParty(t, p, corridor.RoleReceiver); s.BIC != "BANKAFKAXXX" || r.BIC != "BANKDEFFXXX" {
		t.Errorf("sender %s, receiver %s", s.BIC, r.BIC)
	}
	if p.Amount.Value != "1000.5" || len(p.Instructions) != 1 || p.Instructions[0].Where != ":77B:" {
		t.Errorf("amount %v, instructions %+v", p.Amount, p.Instructions)
	}
}

// Lines 5 to 8 of 50F: place of birth, national identity number and its continuation.
func TestReadStructuredIdentityLines(t *testing.T) {
	msg := "{1:F01BANKAFKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n" +
		":20:REF1\n:23B:CRED\n:32A:240102USD10,\n:50F:/123\n1/A PERSON\n5/AF/KHOST\n7/AF/1234\n8/5678\n:59:B\n:71A:OUR\n-}"
	ps, err := Parse([]byte(msg), "test")
	if err != nil {
		t.Fatal(err)
	}
	d := onlyParty(t, ps[0], corridor.RoleDebtor)
	if d.BirthPlace != "KHOST, AF" || len(d.Identifiers) != 1 || d.Identifiers[0].Kind != corridor.IDNationalID || d.Identifiers[0].Number != "12345678" {
		t.Errorf("debtor %+v", d)
	}
}

func TestReadErrorsNameThePlace(t *testing.T) {
	const head = "{1:F01BANKAFKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n"
	const body = ":20:REF1\n:23B:CRED\n:32A:240102USD10,\n:50K:A PERSON\n:59:/1\nB PERSON\n:71A:OUR\n"
	for _, tt := range []struct{ name, msg, want string }{
		{"empty", "", "no MT103 message"},
		{"not UTF-8", "{1:F01\xff", "line 1: not valid UTF-8"},
		{"no block 4 end", head + body, "block 4 does not end"},
		{"not MT103", "{1:F01BANKAFKAAXXX0000000000}{2:I202BANKDEFFXXXXN}{4:\n" + body + "-}", "MT202 is not an MT103"},
		{"bad terminal", "{1:F01BANK1FKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n" + body + "-}", "block 1: logical terminal"},
		{"missing 59", head + strings.Replace(body, ":59:/1\nB PERSON\n", "", 1) + "-}", "no field 59a"},
		{"two debtors", head + body + ":50F:/1\n1/X\n-}", "field 50F: appears twice"},
		{"bad amount", head + strings.Replace(body, "USD10,", "USD10.5", 1) + "-}", "line 4: field 32A: amount \"10.5\""},
		{"bad currency", head + strings.Replace(body, "USD10,", "us10,00", 1) + "-}", "field 32A: currency"},
		{"bad date", head + strings.Replace(body, "240102", "241302", 1) + "-}", "value date \"241302\""},
		{"bad BIC", head + body + ":57A:NOTABIC\n-}", "field 57A: want a BIC"},
		{"bad option", head + body + ":57E:X\n-}", "option \"E\" is not an option of field 57a"},
		{"unknown field", head + body + ":99:X\n-}", "field 99: not a field of an MT103"},
		{"text before fields", head + "hello\n" + body + "-}", "block 4 starts with \"hello\""},
		{"bad charges", head + strings.Replace(body, ":71A:OUR", ":71A:ALL", 1) + "-}", "details of charges \"ALL\""},
		{"50F without name", head + strings.Replace(body, ":50K:A PERSON", ":50F:/1\n2/STREET", 1) + "-}", "no line 1/"},
		{"50F bad line", head + strings.Replace(body, ":50K:A PERSON", ":50F:/1\n1/A\nSTREET", 1) + "-}", "want a numbered line"},
		{"50F bad birth date", head + strings.Replace(body, ":50K:A PERSON", ":50F:/1\n1/A\n4/1970", 1) + "-}", "date of birth \"1970\""},
		{"junk after blocks", head + body + "-}junk", "want a block"},
		{"second message bad", head + body + "-}\n$\n" + head + "-}", "message 2"},
	} {
		_, err := Parse([]byte(tt.msg), "in.fin")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "in.fin: ") {
			t.Errorf("%s: err = %v, want it to start with the file and contain %q", tt.name, err, tt.want)
		}
	}
}

// An acknowledgement of the network before the message is a receipt, not a payment.
func TestReadSkipsAcknowledgement(t *testing.T) {
	ack := "{1:F21BANKAFKAAXXX0000000000}{4:{177:2401021200}{451:0}}"
	msg := "{1:F01BANKAFKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:REF1\n:23B:CRED\n:32A:240102USD10,\n:50K:A\n:59:B\n:71A:OUR\n-}{5:{CHK:123456789ABC}}"
	ps, err := Parse([]byte(ack+msg), "ack")
	if err != nil || len(ps) != 1 || ps[0].MessageID != "REF1" {
		t.Fatalf("%d payments, %v", len(ps), err)
	}
}

func BenchmarkReadRJE(b *testing.B) {
	data, err := os.ReadFile("testdata/mt103-prowide-out-ack.rje")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, "rje"); err != nil {
			b.Fatal(err)
		}
	}
}

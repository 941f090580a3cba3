package iso20022

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/corridor-aml/corridor"
)

func readFile(t testing.TB, name string) []corridor.Payment {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ps
}

func agent(role corridor.Role, where, bic string) corridor.Party {
	return corridor.Party{Role: role, Where: where, BIC: bic}
}

// TestSamples reads each real sample and compares whole payments with what the file says.
func TestSamples(t *testing.T) {
	six := func(index int, blk, e2e, instr string, amt string, date string) corridor.Payment {
		return corridor.Payment{
			Format: "pain.001.001.03", MessageID: "MsgId-001", PaymentInfoID: blk,
			InstructionID: instr, EndToEndID: e2e, Index: index,
			Amount: corridor.Amount{Value: amt, Currency: "CHF"}, ValueDate: date,
		}
	}
	initgSix := corridor.Party{Role: corridor.RoleInitiatingParty, Name: "Robert Schneider", Where: "GrpHdr/InitgPty"}
	sixDebtor := func(blk int, name string) []corridor.Party {
		b := "PmtInf[" + string(rune('0'+blk)) + "]"
		return []corridor.Party{
			initgSix,
			{Role: corridor.RoleDebtor, Name: name, Account: "CH0309000000250090342", Where: b + "/Dbtr"},
			agent(corridor.RoleDebtorAgent, b+"/DbtrAgt", "POFICHBEXXX"),
		}
	}

	six1 := six(1, "PmtInfId-01", "EndToEndId-01-01", "InstrId-01-01", "6.2", "2020-07-28")
	six1.Parties = append(sixDebtor(1, "Robert Schneider"), corridor.Party{
		Role: corridor.RoleCreditor, Name: "Maria Bernasconi", Address: []string{"Musterstrasse 15", "2500 Biel"},
		Account: "CH5109000000250092291", Where: "PmtInf[1]/CdtTrfTxInf[1]/Cdtr",
	})
	six1.RemittanceInfo = []corridor.Text{{Text: "Rechnung 1122", Where: "PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd"}}

	six2 := six(2, "PmtInfId-02", "EndToEndId-02-01", "InstrId-02-01", "1.8", "2020-07-22")
	six2.Parties = append(sixDebtor(2, "Robert Schneider"), corridor.Party{
		Role: corridor.RoleCreditor, Name: "Robert Schneider SA", Account: "014295803", Where: "PmtInf[2]/CdtTrfTxInf[1]/Cdtr",
	})

	six4 := six(4, "PmtInfId-03", "EndToEndId-03-01", "InstrId-03-01", "5", "2020-07-24")
	six4.CategoryPurposeCode = "SALA"
	six4.Parties = append(sixDebtor(3, "Robert Schneider"), corridor.Party{
		Role: corridor.RoleCreditor, Name: "Maria Bernasconi", Address: []string{"Musterstrasse 15", "2500 Biel"},
		Country: "CH", Account: "CH5109000000250092291", Where: "PmtInf[3]/CdtTrfTxInf[1]/Cdtr",
	})
	six4.RemittanceInfo = []corridor.Text{{Text: "Salaire Juli", Where: "PmtInf[3]/CdtTrfTxInf[1]/RmtInf/Ustrd"}}

	six6 := six(6, "PmtInfId-04", "EndToEndId-04-01", "InstrId-04-01", "1", "2020-07-05")
	six6.ChargeBearer = "SLEV"
	six6.Parties = append(sixDebtor(4, "Robert Schneider SA"),
		agent(corridor.RoleCreditorAgent, "PmtInf[4]/CdtTrfTxInf[1]/CdtrAgt", "AABBCCDDXXX"),
		corridor.Party{
			Role: corridor.RoleCreditor, Name: "Maria Bernasconi", Address: []string{"Via 10", "Florenz"},
			Country: "IT", Account: "IT1122334455667788991122334", Where: "PmtInf[4]/CdtTrfTxInf[1]/Cdtr",
		})
	six6.RemittanceInfo = []corridor.Text{{Text: "Mitteilung", Where: "PmtInf[4]/CdtTrfTxInf[1]/RmtInf/Ustrd"}}

	six8 := six(8, "PmtInfId-05", "EEndToEndId-06-01", "InstrId-06-01", "6", "2020-06-17")
	six8.Parties = []corridor.Party{
		initgSix,
		{Role: corridor.RoleDebtor, Name: "Maria Bernasconi", Account: "CH5109000000250092291", Where: "PmtInf[5]/Dbtr"},
		agent(corridor.RoleDebtorAgent, "PmtInf[5]/DbtrAgt", "POFICHBEXXX"),
		{Role: corridor.RoleCreditor, Name: "Maria Bernasconi", Account: "CH5109000000250092291", Where: "PmtInf[5]/CdtTrfTxInf[2]/Cdtr"},
	}

	tests := []struct {
		file  string
		count int
		want  []corridor.Payment // compared by Index
	}{
		{"pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml", 1, []corridor.Payment{{
			Format: "pacs.008.001.08", MessageID: "pacs8bizmsgidr03", InstructionID: "pacs8bizmsgidr03",
			EndToEndID: "pacs008EndToEndId-001", UETR: "8a562c67-ca16-48ba-b074-65581be6f001", Index: 1,
			Amount:           corridor.Amount{Value: "15669.38", Currency: "EUR"},
			InstructedAmount: corridor.Amount{Value: "15669.38", Currency: "EUR"},
			ValueDate:        "2021-04-09", ChargeBearer: "DEBT",
			Parties: []corridor.Party{
				{Role: corridor.RoleDebtor, Name: "C Consumer", Address: []string{"High Street", "Epping"},
					Country: "GB", Account: "12547896", Where: "CdtTrfTxInf[1]/Dbtr"},
				agent(corridor.RoleDebtorAgent, "CdtTrfTxInf[1]/DbtrAgt", "RBOSGB2LXXX"),
				agent(corridor.RolePreviousInstructingAgent, "CdtTrfTxInf[1]/PrvsInstgAgt1", "ABNANL2AXXX"),
				agent(corridor.RoleInstructingAgent, "CdtTrfTxInf[1]/InstgAgt", "NDEAFIHHXXX"),
				agent(corridor.RoleInstructedAgent, "CdtTrfTxInf[1]/InstdAgt", "HELSFIHHXXX"),
				agent(corridor.RoleCreditorAgent, "CdtTrfTxInf[1]/CdtrAgt", "HELSFIHHXXX"),
				{Role: corridor.RoleCreditor, Name: "Evli", Address: []string{"Aleksanterinkatu 19", "Helsinki"},
					Country: "FI", Account: "98653214", Where: "CdtTrfTxInf[1]/Cdtr"},
				agent(corridor.RoleSender, "AppHdr/Fr/FIId", "NDEAFIHHXXX"),
				agent(corridor.RoleReceiver, "AppHdr/To/FIId", "HELSFIHHXXX"),
			},
			RemittanceInfo: []corridor.Text{{Text: "/ROC/pacs008EndToEndId-001", Where: "CdtTrfTxInf[1]/RmtInf/Ustrd"}},
		}}},
		{"pacs.008.001.07-prowide.xml", 1, []corridor.Payment{{
			Format: "pacs.008.001.07", MessageID: "823823423", InstructionID: "23423423", EndToEndID: "223423423", Index: 1,
			Amount:           corridor.Amount{Value: "5000", Currency: "USD"},
			InstructedAmount: corridor.Amount{Value: "5000", Currency: "USD"},
			ValueDate:        "2018-07-31", ChargeBearer: "SHAR",
			Parties: []corridor.Party{
				{Role: corridor.RoleDebtor, Name: "JOHN DOE", Address: []string{"CABA", "1", "2823 1", "1417 Buenos Aires", "CABA"},
					Country: "AR", CountryOfResidence: "AR", Where: "CdtTrfTxInf[1]/Dbtr"},
				{Role: corridor.RoleDebtorAgent, Name: "Juan Perez", BIC: "ITUSUSP1XXX", Where: "CdtTrfTxInf[1]/DbtrAgt"},
				{Role: corridor.RoleInstructingAgent, Name: "Lionel Messi", BIC: "CITTGB2LPBG", Where: "GrpHdr/InstgAgt",
					Identifiers: []corridor.Identifier{{Kind: corridor.IDOther, Number: "2342342342", Note: "issuer: asdfasdfasd"}}},
				{Role: corridor.RoleInstructedAgent, Name: "Manu Ginobili", BIC: "ICBCUS4CXXX", Where: "GrpHdr/InstdAgt",
					Address: []string{"1", "asdf", "My Street 23423", "2323 Los Angeles", "asdfsdfsd"}},
				agent(corridor.RoleCreditorAgent, "CdtTrfTxInf[1]/CdtrAgt", "USTBUS31XXX"),
				{Role: corridor.RoleCreditor, Name: "Mike Smith", Where: "CdtTrfTxInf[1]/Cdtr"},
				agent(corridor.RoleSender, "AppHdr/Fr/FIId", "MLCOUS33XXX"),
				agent(corridor.RoleReceiver, "AppHdr/To/FIId", "MLCOUS33XXX"),
			},
		}}},
		{"pain.001-international-usd.xml", 1, []corridor.Payment{{
			Format: "pain.001.001.03", MessageID: "MSGID0002", PaymentInfoID: "201509280002",
			EndToEndID: "EndToEndId0002", Index: 1,
			Amount: corridor.Amount{Value: "111.11", Currency: "USD"}, ValueDate: "2015-09-28", ChargeBearer: "SHAR",
			Parties: []corridor.Party{
				{Role: corridor.RoleInitiatingParty, Name: "IMONE X", Where: "GrpHdr/InitgPty"},
				{Role: corridor.RoleDebtor, Name: "IMONE X", Account: "LT007180000000000000", Where: "PmtInf[1]/Dbtr"},
				agent(corridor.RoleDebtorAgent, "PmtInf[1]/DbtrAgt", "CBSBLT26XXX"),
				{Role: corridor.RoleCreditorAgent, Name: "DEUTSCHE BANK TRUST COMPANY AMERICAS", BIC: "BKTRUS33",
					Where: "PmtInf[1]/CdtTrfTxInf[1]/CdtrAgt"},
				{Role: corridor.RoleCreditor, Name: "COMPANY Z", Address: []string{"Company address"},
					Account: "1234567890", Where: "PmtInf[1]/CdtTrfTxInf[1]/Cdtr"},
			},
			RemittanceInfo: []corridor.Text{{Text: "Payment details", Where: "PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd"}},
		}}},
		// SIX's sample announces 7 transactions (NbOfTxs) but holds 8; all 8 are read.
		{"pain.001-six-musterfile-2020.xml", 8, []corridor.Payment{six1, six2, six4, six6, six8}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := readFile(t, tt.file)
			if len(got) != tt.count {
				t.Fatalf("%d payments, want %d", len(got), tt.count)
			}
			for i := range got {
				if got[i].Index != i+1 {
					t.Errorf("payment %d has Index %d", i+1, got[i].Index)
				}
				if err := got[i].Validate(); err != nil {
					t.Errorf("payment %d: %v", i+1, err)
				}
			}
			for _, want := range tt.want {
				same(t, fmt.Sprintf("payment %d", want.Index), got[want.Index-1], want)
			}
		})
	}
}

// TestSixFile checks what holds across the whole SIX file: its blocks, amounts and the
// salary block's category purpose.
func TestSixFile(t *testing.T) {
	got := readFile(t, "pain.001-six-musterfile-2020.xml")
	blocks := map[string]int{}
	var amounts []string
	for _, p := range got {
		blocks[p.PaymentInfoID]++
		amounts = append(amounts, p.Amount.String())
		if (p.CategoryPurposeCode == "SALA") != (p.PaymentInfoID == "PmtInfId-03") {
			t.Errorf("payment %d (%s): category purpose %q", p.Index, p.PaymentInfoID, p.CategoryPurposeCode)
		}
	}
	wantBlocks := map[string]int{"PmtInfId-01": 1, "PmtInfId-02": 2, "PmtInfId-03": 2, "PmtInfId-04": 1, "PmtInfId-05": 2}
	if !reflect.DeepEqual(blocks, wantBlocks) {
		t.Errorf("blocks %v, want %v", blocks, wantBlocks)
	}
	wantAmounts := []string{"CHF 6.2", "CHF 1.8", "CHF 12", "CHF 5", "CHF 2", "CHF 1", "CHF 4", "CHF 6"}
	if !reflect.DeepEqual(amounts, wantAmounts) {
		t.Errorf("amounts %v, want %v", amounts, wantAmounts)
	}
}

package mt103

import (
	"os"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/payment/iso20022"
)

// The CBPR+ sample exists as a pacs.008.001.08 and as the MT103 it translates to: both
// readers must give the same payment, party by party, so that screening and policy decide
// the same whichever format a bank sends.
func TestSamePaymentAsPacs008(t *testing.T) {
	mt := readFile(t, "mt103-p_2_1_1_C_D.txt")[0]
	f, err := os.Open("../iso20022/testdata/pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := iso20022.Read(f)
	if err != nil || len(ps) != 1 {
		t.Fatalf("pacs.008: %d payments, %v", len(ps), err)
	}
	mx := ps[0]
	if mt.Amount != mx.Amount || mt.ValueDate != mx.ValueDate || mt.UETR != mx.UETR {
		t.Errorf("MT103 %v on %s (%s), pacs.008 %v on %s (%s)", mt.Amount, mt.ValueDate, mt.UETR, mx.Amount, mx.ValueDate, mx.UETR)
	}
	for _, role := range []corridor.Role{corridor.RoleDebtor, corridor.RoleCreditor, corridor.RoleDebtorAgent,
		corridor.RoleCreditorAgent, corridor.RolePreviousInstructingAgent, corridor.RoleSender, corridor.RoleReceiver} {
		a, b := onlyParty(t, mt, role), onlyParty(t, mx, role)
		if a.Name != b.Name || a.BIC != b.BIC || a.Account != b.Account || a.Country != b.Country || len(a.Address) != len(b.Address) {
			t.Errorf("%s:\n  MT103    %+v\n  pacs.008 %+v", role, a, b)
		}
	}
	if len(mt.RemittanceInfo) != 1 || len(mx.RemittanceInfo) != 1 || mt.RemittanceInfo[0].Text != mx.RemittanceInfo[0].Text {
		t.Errorf("remittance: MT103 %+v, pacs.008 %+v", mt.RemittanceInfo, mx.RemittanceInfo)
	}
}

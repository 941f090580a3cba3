package iso20022

import (
	"fmt"

	"github.com/corridor-aml/corridor"
)

// pacs008 maps each CdtTrfTxInf of an FIToFICstmrCdtTrf.
func (p *parser) pacs008() ([]corridor.Payment, error) {
	hdr := p.grpHdr
	hdrDate, err := hdr.IntrBkSttlmDt.date()
	if err != nil {
		return nil, errorf(hdr.IntrBkSttlmDt.line, "GrpHdr/IntrBkSttlmDt", "%v", err)
	}
	out := make([]corridor.Payment, 0, len(p.txs))
	for i := range p.txs {
		tx := &p.txs[i]
		where := fmt.Sprintf("CdtTrfTxInf[%d]", i+1)
		pay := corridor.Payment{Format: p.msg.id, MessageID: clean(hdr.MsgId), Index: i + 1}
		b := &builder{pay: &pay}

		pay.Amount = b.amount(where+"/IntrBkSttlmAmt", tx.IntrBkSttlmAmt, true, tx.line)
		pay.InstructedAmount = b.amount(where+"/InstdAmt", tx.InstdAmt, false, tx.line)
		if pay.ValueDate = b.date(where+"/IntrBkSttlmDt", tx.IntrBkSttlmDt); pay.ValueDate == "" {
			pay.ValueDate = hdrDate
		}
		if hdr.PmtTpInf != nil && hdr.PmtTpInf.CtgyPurp != nil {
			pay.CategoryPurposeCode = clean(hdr.PmtTpInf.CtgyPurp.Cd) // the transaction's own wins below
		}
		b.common(tx, where)

		b.party(corridor.RoleInitiatingParty, where+"/InitgPty", tx.InitgPty, nil, "")
		b.party(corridor.RoleUltimateDebtor, where+"/UltmtDbtr", tx.UltmtDbtr, nil, "")
		b.party(corridor.RoleDebtor, where+"/Dbtr", tx.Dbtr, tx.DbtrAcct, where+"/DbtrAcct")
		b.agent(corridor.RoleDebtorAgent, where+"/DbtrAgt", tx.DbtrAgt, tx.DbtrAgtAcct)
		b.agent(corridor.RolePreviousInstructingAgent, where+"/PrvsInstgAgt1", tx.PrvsInstgAgt1, tx.PrvsInstgAgt1Acct)
		b.agent(corridor.RolePreviousInstructingAgent, where+"/PrvsInstgAgt2", tx.PrvsInstgAgt2, tx.PrvsInstgAgt2Acct)
		b.agent(corridor.RolePreviousInstructingAgent, where+"/PrvsInstgAgt3", tx.PrvsInstgAgt3, tx.PrvsInstgAgt3Acct)
		// Up to 001.07 the instructing and instructed agents may sit in the group header.
		if tx.InstgAgt != nil {
			b.agent(corridor.RoleInstructingAgent, where+"/InstgAgt", tx.InstgAgt, nil)
		} else {
			b.agent(corridor.RoleInstructingAgent, "GrpHdr/InstgAgt", hdr.InstgAgt, nil)
		}
		if tx.InstdAgt != nil {
			b.agent(corridor.RoleInstructedAgent, where+"/InstdAgt", tx.InstdAgt, nil)
		} else {
			b.agent(corridor.RoleInstructedAgent, "GrpHdr/InstdAgt", hdr.InstdAgt, nil)
		}
		b.agent(corridor.RoleIntermediaryAgent, where+"/IntrmyAgt1", tx.IntrmyAgt1, tx.IntrmyAgt1Acct)
		b.agent(corridor.RoleIntermediaryAgent, where+"/IntrmyAgt2", tx.IntrmyAgt2, tx.IntrmyAgt2Acct)
		b.agent(corridor.RoleIntermediaryAgent, where+"/IntrmyAgt3", tx.IntrmyAgt3, tx.IntrmyAgt3Acct)
		b.agent(corridor.RoleCreditorAgent, where+"/CdtrAgt", tx.CdtrAgt, tx.CdtrAgtAcct)
		b.party(corridor.RoleCreditor, where+"/Cdtr", tx.Cdtr, tx.CdtrAcct, where+"/CdtrAcct")
		b.party(corridor.RoleUltimateCreditor, where+"/UltmtCdtr", tx.UltmtCdtr, nil, "")
		p.appHdrParties(b)

		if err := b.finish(tx.line, where); err != nil {
			return nil, err
		}
		out = append(out, pay)
	}
	return out, nil
}

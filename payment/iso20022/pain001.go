package iso20022

import (
	"fmt"

	"github.com/corridor-aml/corridor"
)

// pain001 maps each CdtTrfTxInf of a CstmrCdtTrfInitn, each carrying the debtor side of its
// payment information block and the initiating party of the group header.
func (p *parser) pain001() ([]corridor.Payment, error) {
	hdr := p.grpHdr
	var out []corridor.Payment
	for k := range p.pmtInfs {
		blk := &p.pmtInfs[k]
		blkWhere := fmt.Sprintf("PmtInf[%d]", k+1)
		if len(blk.CdtTrfTxInf) == 0 {
			// The block's debtor would go unscreened, with no payment to carry it.
			return nil, errorf(blk.line, blkWhere, "no CdtTrfTxInf")
		}
		if err := checkCount(blk.NbOfTxs, blk.line, blkWhere+"/NbOfTxs", len(blk.CdtTrfTxInf)); err != nil {
			return nil, err
		}
		date, err := blk.ReqdExctnDt.date()
		if err != nil {
			return nil, errorf(blk.ReqdExctnDt.line, blkWhere+"/ReqdExctnDt", "%v", err)
		}
		for i := range blk.CdtTrfTxInf {
			tx := &blk.CdtTrfTxInf[i]
			where := fmt.Sprintf("%s/CdtTrfTxInf[%d]", blkWhere, i+1)
			pay := corridor.Payment{
				Format:        p.msg.id,
				MessageID:     clean(hdr.MsgId),
				PaymentInfoID: clean(blk.PmtInfId),
				Index:         len(out) + 1,
				ValueDate:     date,
				ChargeBearer:  clean(blk.ChrgBr), // the transaction's own wins in common
			}
			if blk.PmtTpInf != nil && blk.PmtTpInf.CtgyPurp != nil {
				pay.CategoryPurposeCode = clean(blk.PmtTpInf.CtgyPurp.Cd)
			}
			b := &builder{pay: &pay}
			switch {
			case tx.Amt == nil:
				b.fault(tx.line, where+"/Amt", fmt.Errorf("missing"))
			case tx.Amt.InstdAmt.set:
				pay.Amount = b.amount(where+"/Amt/InstdAmt", tx.Amt.InstdAmt, true, tx.line)
			case tx.Amt.EqvtAmt != nil:
				pay.Amount = b.amount(where+"/Amt/EqvtAmt/Amt", tx.Amt.EqvtAmt.Amt, true, tx.line)
			default:
				b.fault(tx.line, where+"/Amt", fmt.Errorf("want InstdAmt or EqvtAmt"))
			}
			pay.Instructions = instructions(pay.Instructions, blkWhere+"/InstrForDbtrAgt", blk.InstrForDbtrAgt)
			b.common(tx, where)

			b.party(corridor.RoleInitiatingParty, "GrpHdr/InitgPty", hdr.InitgPty, nil, "")
			// Both ultimate debtors are kept when both are given: the transaction's one
			// overrides for the bank, but screening should see the block's one too.
			b.party(corridor.RoleUltimateDebtor, blkWhere+"/UltmtDbtr", blk.UltmtDbtr, nil, "")
			b.party(corridor.RoleUltimateDebtor, where+"/UltmtDbtr", tx.UltmtDbtr, nil, "")
			b.party(corridor.RoleDebtor, blkWhere+"/Dbtr", blk.Dbtr, blk.DbtrAcct, blkWhere+"/DbtrAcct")
			b.agent(corridor.RoleDebtorAgent, blkWhere+"/DbtrAgt", blk.DbtrAgt, blk.DbtrAgtAcct)
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
	}
	return out, nil
}

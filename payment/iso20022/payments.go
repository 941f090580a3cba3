package iso20022

import (
	"fmt"
	"strconv"

	"github.com/corridor-aml/corridor"
)

// payments maps what scan decoded, after checking that the message holds as many
// transactions as it announces.
func (p *parser) payments() ([]corridor.Payment, error) {
	var (
		out []corridor.Payment
		err error
	)
	if p.msg.kind == "pacs.008" {
		out, err = p.pacs008()
	} else {
		out, err = p.pain001()
	}
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errorf(p.hdrLine, p.msg.root, "no CdtTrfTxInf: nothing to screen")
	}
	// Screening fewer transactions than the sender announced would be loss of data that no
	// one sees, so a message that holds fewer is refused. One that holds more is read whole:
	// every transaction in it is screened, which is what matters here (SIX's own sample
	// announces 7 and holds 8, its CtrlSum agreeing with the 8).
	if err := checkCount(p.grpHdr.NbOfTxs, p.hdrLine, "GrpHdr/NbOfTxs", len(out)); err != nil {
		return nil, err
	}
	return out, nil
}

func checkCount(n xmlText, fallback int, where string, found int) error {
	if !n.set {
		return nil // optional in PmtInf; GrpHdr's is mandatory but its absence hides nothing
	}
	line := n.line
	if line == 0 {
		line = fallback
	}
	want, err := strconv.Atoi(n.Value)
	if err != nil || want < 0 {
		return errorf(line, where, "%q: want a number of transactions", n.Value)
	}
	if want > found {
		return errorf(line, where, "announces %d transactions, the message holds only %d", want, found)
	}
	return nil
}

// common fills what both messages share in a transaction.
func (b *builder) common(tx *xmlTx, where string) {
	b.pay.InstructionID = clean(tx.PmtId.InstrId)
	b.pay.EndToEndID = clean(tx.PmtId.EndToEndId)
	b.pay.UETR = clean(tx.PmtId.UETR)
	if tx.Purp != nil {
		b.pay.PurposeCode = clean(tx.Purp.Cd)
	}
	if tx.PmtTpInf != nil && tx.PmtTpInf.CtgyPurp != nil {
		b.pay.CategoryPurposeCode = clean(tx.PmtTpInf.CtgyPurp.Cd)
	}
	if c := clean(tx.ChrgBr); c != "" {
		b.pay.ChargeBearer = c
	}
	for i, r := range tx.RmtInf {
		at := where + "/RmtInf"
		if len(tx.RmtInf) > 1 {
			at = fmt.Sprintf("%s[%d]", at, i+1)
		}
		b.pay.RemittanceInfo = texts(b.pay.RemittanceInfo, at+"/Ustrd", r.Ustrd...)
		for _, s := range r.Strd {
			b.pay.RemittanceInfo = texts(b.pay.RemittanceInfo, at+"/Strd/AddtlRmtInf", s.AddtlRmtInf...)
		}
	}
	b.pay.Instructions = instructions(b.pay.Instructions, where+"/InstrForDbtrAgt", tx.InstrForDbtrAgt)
	b.pay.Instructions = instructions(b.pay.Instructions, where+"/InstrForCdtrAgt", tx.InstrForCdtrAgt)
	b.pay.Instructions = instructions(b.pay.Instructions, where+"/InstrForNxtAgt", tx.InstrForNxtAgt)
}

func instructions(list []corridor.Text, where string, in []xmlInstr) []corridor.Text {
	for i, x := range in {
		at := where
		if len(in) > 1 {
			at = fmt.Sprintf("%s[%d]", where, i+1)
		}
		list = texts(list, at, firstOf(x.InstrInf, x.Text))
	}
	return list
}

// amount reads a mandatory or optional amount.
func (b *builder) amount(where string, a xmlAmount, required bool, txLine int) corridor.Amount {
	if !a.set {
		if required {
			b.fault(txLine, where, fmt.Errorf("missing"))
		}
		return corridor.Amount{}
	}
	ccy, err := currency(a.Ccy)
	if err != nil {
		b.fault(a.line, where+"/@Ccy", err)
		return corridor.Amount{}
	}
	v, err := decimal(a.Value)
	if err != nil {
		b.fault(a.line, where, err)
		return corridor.Amount{}
	}
	return corridor.Amount{Value: v, Currency: ccy}
}

func (b *builder) date(where string, d xmlDate) string {
	v, err := d.date()
	if err != nil {
		b.fault(d.line, where, err)
	}
	return v
}

// finish checks the payment as every reader promises it.
func (b *builder) finish(line int, where string) error {
	if b.err != nil {
		return b.err
	}
	if err := b.pay.Validate(); err != nil {
		return &Error{Line: line, Path: where, Err: err}
	}
	return nil
}

// appHdr adds the business application header's sender and receiver.
func (p *parser) appHdrParties(b *builder) {
	if p.appHdr == nil {
		return
	}
	for _, h := range []struct {
		role  corridor.Role
		where string
		x     xmlHdrParty
	}{{corridor.RoleSender, "AppHdr/Fr", p.appHdr.Fr}, {corridor.RoleReceiver, "AppHdr/To", p.appHdr.To}} {
		if h.x.FIId != nil {
			b.agent(h.role, h.where+"/FIId", &xmlAgent{FinInstnId: h.x.FIId.FinInstnId}, nil)
		}
	}
}

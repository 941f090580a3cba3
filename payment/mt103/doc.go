// Package mt103 reads SWIFT MT103 single customer credit transfers, one message or an RJE
// file of several, into corridor payments: one payment per message, each party with its
// role and the field it was found in.
//
// Field to role: 50a debtor, 59a creditor, 52a debtor agent, 53a sender's correspondent,
// 54a receiver's correspondent, 55a and 56a intermediary agents, 57a creditor agent, the
// institution of code word /INS/ in field 72 previous instructing agent, and the logical
// terminals of blocks 1 and 2 sender and receiver. Fields 70 and 77T are remittance
// information; 72, 77B and 23E instructions.
package mt103

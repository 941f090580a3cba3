// Package iso20022 reads ISO 20022 customer credit transfers: pacs.008 (FI-to-FI customer
// credit transfer, including the CBPR+ usage) and pain.001 (customer credit transfer
// initiation), one corridor.Payment per CdtTrfTxInf.
//
// Accepted versions, told from the Document's namespace: pacs.008.001.07 to pacs.008.001.13
// and pain.001.001.03 to pain.001.001.12. A version outside these is refused rather than read
// on trust, because an element renamed in a version we have not checked would otherwise be
// dropped in silence and its party never screened. National variants whose namespace names
// the base message (SIX's pain.001.001.03.ch.02) are read as that base message.
//
// The Document may stand alone or inside wrappers (a SWIFT Envelope with a head.001 AppHdr,
// or any other root); namespace prefixes do not matter. The AppHdr's sending and receiving
// institutions become the sender and receiver of every payment.
//
// See docs/payments.md for how each element maps onto corridor.Payment.
package iso20022

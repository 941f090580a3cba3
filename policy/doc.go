// Package policy holds humanitarian licence policy: packs of licences read from YAML, their
// conditions written in CEL, and the evaluation of a pack against one screened payment.
//
// A pack says, for each licence, which hits and payments it covers (programmes, lists,
// jurisdictions, dates), a condition over the payment, the party and the hit, and the
// effect when the condition holds: authorize, deny or review. Packs are checked whole when
// they load, so that a misspelt field or a condition that is not a yes-or-no question is
// found by whoever writes the pack, never by a payment at run time.
//
// Evaluate reports, for every hit of a payment and for the payment as a whole, the licences
// in scope and what each yielded; deciding release, review or block from that is the
// caller's work. A pack is configuration for counsel to review, not legal advice, and every
// Result carries the pack's disclaimer so that whatever shows a decision can say so.
package policy

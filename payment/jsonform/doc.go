// Package jsonform reads and writes corridor's JSON form of a payment: corridor.Payment with
// snake_case keys, as the rest of corridor's JSON is written.
//
// A payment is one JSON object. An input holds one object, a JSON array of objects, or
// objects one after another (NDJSON: one per line); the first character tells which. HTTP
// bodies and files use the array or the single object; streams and logs use NDJSON. Decoding
// is strict: an unknown key, a number where a string belongs (amounts are strings, so that no
// cent is lost to a float) or a value of the wrong form is refused with an error naming the
// payment and the field.
//
// See docs/payments.md for the form, with a full example.
package jsonform

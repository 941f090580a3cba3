// Package names turns a name as it arrives (any script, any order, with titles, particles and
// company forms) into canonical Latin tokens that the matcher compares. All functions are pure
// and safe for concurrent use; the Analyzer reuses its buffers so that screening a Latin name
// allocates nothing.
package names

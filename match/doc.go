// Package match finds the listed entities a name may belong to and scores each candidate.
//
// An Index is built once per set of list versions and never changes; screening reads it from
// many goroutines at once, each through its own Searcher, whose buffers make screening a name
// allocation-free. A new list version means a new Index, swapped in atomically by Current.
//
// The method (docs/matching.md): names are reduced to canonical tokens (package names);
// candidates come from an inverted index over tokens, their one-letter deletions and their
// consonant skeletons; each candidate name is aligned token by token with the query, every
// token weighted by how rare it is on the lists and in the population; birth date,
// nationality, gender and identifiers then raise or lower the score.
package match

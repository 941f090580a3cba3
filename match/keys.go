package match

// Candidate keys. A token reaches another within one edit (a letter dropped, doubled,
// replaced, or two letters swapped) when they share a one-deletion key; tokens of other
// scripts reach their Latin forms through the consonant skeleton.
const (
	minDeletionLen = 4 // shorter tokens must match exactly or by skeleton
	minSkeletonLen = 2
)

// deletions returns the token itself and, for tokens long enough, every form with one letter
// deleted. buf is scratch space.
func deletions(buf []byte, t []byte) []string {
	keys := []string{string(t)}
	if len(t) < minDeletionLen {
		return keys
	}
	for i := range t {
		if i > 0 && t[i] == t[i-1] {
			continue // deleting either of two equal letters gives the same key
		}
		buf = append(buf[:0], t[:i]...)
		buf = append(buf, t[i+1:]...)
		keys = append(keys, string(buf))
	}
	return keys
}

package names

import "bytes"

var (
	dinWord       = []byte("din")
	dinSuffixes   = [][]byte{[]byte("uddine"), []byte("eddine"), []byte("uddeen"), []byte("eddeen"), []byte("aldeen"), []byte("uddin"), []byte("oddin"), []byte("eddin"), []byte("addin"), []byte("aldin"), []byte("uldin"), []byte("udeen"), []byte("udin")}
	allahSuffixes = [][]byte{[]byte("ullah"), []byte("ollah"), []byte("allah"), []byte("ulla")}
	abdPrefixes   = [][]byte{[]byte("abdoul"), []byte("abdul"), []byte("abdel"), []byte("abdal"), []byte("abdol"), []byte("abdur"), []byte("abdor"), []byte("abdil")}

	// The letters these affixes start or end with: most tokens have none of them there, and
	// are spared comparing every affix (every token of every query is rewritten).
	abdFirst  = edgeLetters(abdPrefixes, 0)
	dinLast   = edgeLetters(append([][]byte{dinWord}, dinSuffixes...), -1)
	allahLast = edgeLetters(allahSuffixes, -1)
)

// edgeLetters marks the first (at 0) or last (at -1) letter of each word.
func edgeLetters(words [][]byte, at int) (set [256]bool) {
	for _, w := range words {
		if at < 0 {
			set[w[len(w)-1]] = true
		} else {
			set[w[0]] = true
		}
	}
	return set
}

// rewriteToken appends to dst the token with one canonical rewrite applied and reports
// whether a rule applied: a known spelling, an "abd" prefix, or a "din" or "allah" suffix.
func rewriteToken(dst, tok []byte) ([]byte, bool) {
	if s, ok := spellings[string(tok)]; ok {
		if s == string(tok) {
			return dst, false
		}
		return append(dst, s...), true
	}
	if len(tok) == 0 {
		return dst, false
	}
	if abdFirst[tok[0]] {
		for _, p := range abdPrefixes {
			if rest, ok := bytes.CutPrefix(tok, p); ok && len(rest) >= 2 {
				return append(append(dst, "abd"...), Spelling(rest)...), true
			}
		}
	}
	last := tok[len(tok)-1]
	if dinLast[last] {
		// A compound's stem is a name of its own: "Nooruddin" is "Nur al-Din".
		for _, s := range dinSuffixes {
			if stem, ok := bytes.CutSuffix(tok, s); ok && len(stem) >= 3 {
				return append(append(dst, Spelling(stem)...), "din"...), true
			}
		}
		if stem, ok := bytes.CutSuffix(tok, dinWord); ok && len(stem) >= 3 {
			if s := Spelling(stem); string(s) != string(stem) {
				return append(append(dst, s...), "din"...), true
			}
		}
	}
	if allahLast[last] {
		for _, s := range allahSuffixes {
			if stem, ok := bytes.CutSuffix(tok, s); ok && len(stem) >= 2 {
				return append(append(dst, Spelling(stem)...), "lah"...), true
			}
		}
	}
	return dst, false
}

// AppendCanonical appends to dst the canonical form of one folded token ("abdulkarim" ->
// "abdkarim", "mohammed" -> "muhammad"), allocating nothing once dst has room.
func AppendCanonical(dst, tok []byte) []byte {
	start := len(dst)
	dst = append(dst, tok...)
	var scratch [64]byte
	for range 4 {
		out, changed := rewriteToken(scratch[:0], dst[start:])
		if !changed {
			break
		}
		dst = append(dst[:start], out...)
	}
	return dst
}

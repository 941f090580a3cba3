package names

// maxDistanceLen bounds the token length the edit distance looks at, so that it can keep its
// rows on the stack. Longer tokens are compared on their first maxDistanceLen bytes.
const maxDistanceLen = 48

// Distance returns the optimal string alignment distance between a and b (insertions,
// deletions, substitutions and swaps of two adjacent letters, each costing 1), or limit+1
// as soon as it is sure to exceed limit. It allocates nothing.
func Distance(a, b []byte, limit int) int {
	if len(a) > maxDistanceLen {
		a = a[:maxDistanceLen]
	}
	if len(b) > maxDistanceLen {
		b = b[:maxDistanceLen]
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if limit <= maxBandLimit {
		return bandDistance(a, b, limit)
	}
	var rows [3][maxDistanceLen + 1]uint8 // distances never exceed maxDistanceLen
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = uint8(i)
		rowMin := uint8(i)
		for j := 1; j <= len(b); j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if int(prev[len(b)]) > limit {
		return limit + 1
	}
	return int(prev[len(b)])

}

// maxBandLimit is the largest limit for which Distance computes only the cells within limit
// of the diagonal: an alignment that costs at most limit never leaves that band, so the
// cells outside it can stand at limit+1 ("too far") without changing any answer.
const maxBandLimit = 2

// bandDistance is Distance for a small limit, on tokens at most maxDistanceLen long whose
// lengths differ by at most limit.
func bandDistance(a, b []byte, limit int) int {
	far := uint8(limit + 1)
	var rows [3][maxDistanceLen + 2]uint8 // one spare cell for the "too far" mark past the end
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= min(len(b), limit); j++ {
		prev[j] = uint8(j)
	}
	prev[min(len(b), limit)+1] = far
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		rowMin := far
		if lo == 1 {
			cur[0] = uint8(i)
			rowMin = min(rowMin, uint8(i))
		} else {
			cur[lo-1] = far
		}
		for j := lo; j <= hi; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		cur[hi+1] = far
		if rowMin > far-1 {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(b)]; d < far {
		return int(d)
	}
	return limit + 1
}

// Similarity returns how alike two tokens are, in [0,1]: 1 when equal, less for each edit
// (a letter dropped, added, replaced, or two letters swapped), and the less the shorter the
// tokens, since one slip in a long name changes little of it while one letter is a quarter of
// a four-letter name. Tokens of three letters or fewer must be equal.
//
//	edits  length 4  5-7   8+
//	1      0.85      0.92  0.95
//	2      -         0.78  0.85
//	3+     -         -     -
func Similarity(a, b []byte) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	if string(a) == string(b) {
		return 1
	}
	if n <= 3 {
		return 0
	}
	if nisba(a, b) {
		return nisbaSim
	}
	return similarityOf(Distance(a, b, 2), n)
}

// nisbaSim is the similarity of a name and the same name with a final i: in Persian, Dari and
// Arabic the i makes another name, a family name from a given one ("Mohammadi" from
// "Mohammad", "Karimi" from "Karim"), not a typo of it.
const nisbaSim = 0.8

func nisba(a, b []byte) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return len(b) >= 4 && len(a) == len(b)+1 && a[len(a)-1] == 'i' && string(a[:len(b)]) == string(b)
}

// similarityOf is the table above: the similarity of two tokens d edits apart, the longer of
// n letters (n > 3).
func similarityOf(d, n int) float64 {
	switch {
	case d == 0:
		return 1
	case d == 1 && n == 4:
		return 0.85
	case d == 1 && n < 8:
		return 0.92
	case d == 1:
		return 0.95
	case d == 2 && n >= 8:
		return 0.85
	case d == 2 && n >= 6:
		return 0.78
	}
	return 0
}

// SimilarityNear is Similarity, faster for tokens that are likely one edit apart, as tokens
// that share a one-deletion key are: it finds zero or one edit without the full dynamic
// programme.

func SimilarityNear(a, b []byte) float64 {
	switch {
	case string(a) == string(b):
		return 1
	case max(len(a), len(b)) <= 3:
		return 0
	case nisba(a, b):
		return nisbaSim
	case oneEdit(a, b):
		return similarityOf(1, max(len(a), len(b)))
	}
	return similarityOf(Distance(a, b, 2), max(len(a), len(b))) // two edits, or a hash collision
}

// oneEdit reports whether two different tokens are one insertion, deletion, substitution or
// swap of neighbours apart.
func oneEdit(a, b []byte) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	p := 0
	for p < len(b) && a[p] == b[p] {
		p++
	}
	if len(a) != len(b) {
		return string(a[p+1:]) == string(b[p:])
	}
	if p == len(a) {
		return false
	}
	if string(a[p+1:]) == string(b[p+1:]) {
		return true
	}
	return p+1 < len(a) && a[p] == b[p+1] && a[p+1] == b[p] && string(a[p+2:]) == string(b[p+2:])
}

package match

// Candidate keys. A token reaches another within one edit (a letter dropped, doubled,
// replaced, or two letters swapped) when they share a one-deletion key; tokens of other
// scripts reach their Latin forms through the consonant skeleton.
//
// Keys are 64-bit polynomial hashes, so that the one-deletion keys of a query token come from
// its prefix hashes in constant time each and no key string is ever built. A collision can
// only add a candidate, which the similarity check then rejects; exact token lookups verify
// the text.
const (
	minDeletionLen = 4 // shorter tokens must match exactly or by skeleton
	minSkeletonLen = 2
	hashBase       = 0x100000001b3
)

func hashOf(b []byte) uint64 {
	var h uint64
	for _, c := range b {
		h = h*hashBase + uint64(c) + 1
	}
	return h
}

func hashString(s string) uint64 {
	var h uint64
	for i := 0; i < len(s); i++ {
		h = h*hashBase + uint64(s[i]) + 1
	}
	return h
}

// deletionHashes calls f with the hash of t and of every form of t with one letter deleted
// (each distinct form once), using prefix as scratch space.
func deletionHashes(t []byte, prefix *[maxQueryTokenLen + 1]uint64, f func(uint64)) {
	n := len(t)
	if n > maxQueryTokenLen {
		n = maxQueryTokenLen
		t = t[:n]
	}
	prefix[0] = 0
	for i, c := range t {
		prefix[i+1] = prefix[i]*hashBase + uint64(c) + 1
	}
	f(prefix[n])
	if n < minDeletionLen {
		return
	}
	pow := uint64(1) // hashBase^(n-1-i), built from the right
	for i := n - 1; i >= 0; i-- {
		if i == n-1 || t[i] != t[i+1] { // deleting either of two equal letters gives one form
			suffix := prefix[n] - prefix[i+1]*pow
			f(prefix[i]*pow + suffix)
		}
		pow *= hashBase
	}
}

// knownBits is the size of the filter of known words, a power of two: 2^20 bits, 128 KiB,
// small enough to stay in cache, large enough that a word the lists do not know passes it
// about one time in thirty.
const knownBits = 1 << 20

// knownFilter is a one-hash Bloom filter over every listed token, its written forms and the
// words the analyzer rewrites or drops. Splitting a query token tries every cut; the filter
// rejects almost every cut whose halves are not both words corridor knows, with one memory
// access each instead of map lookups.
type knownFilter []uint64

func (k knownFilter) add(h uint64) {
	h = mix(h) & (knownBits - 1)
	k[h/64] |= 1 << (h % 64)
}

func (k knownFilter) has(h uint64) bool {
	h = mix(h) & (knownBits - 1)
	return k[h/64]&(1<<(h%64)) != 0
}

// mix spreads the polynomial hash's bits (splitmix64's finalizer).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// powers[i] is hashBase^i, for taking a suffix's hash out of a prefix hash.
var powers = func() (p [maxQueryTokenLen + 1]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * hashBase
	}
	return p
}()

// keyTable is a frozen hash table from a key hash to a run of keyRefs: open addressing with
// linear probing over one flat slot array, so that a lookup costs about one cache line rather
// than the several a map of slices costs. Built once per index, read by every screen.
type keyTable struct {
	slots []keySlot // len is a power of two, at most half full
	refs  []keyRef
}

type keySlot struct {
	hash     uint64
	start, n uint32 // n == 0: empty slot
}

func freezeKeys(m map[uint64][]keyRef) keyTable {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	t := keyTable{slots: make([]keySlot, size)}
	mask := uint64(size - 1)
	for h, refs := range m {
		i := mix(h) & mask
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = keySlot{hash: h, start: uint32(len(t.refs)), n: uint32(len(refs))}
		t.refs = append(t.refs, refs...)
	}
	return t
}

func (t *keyTable) get(h uint64) []keyRef {
	if len(t.slots) == 0 {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := mix(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.hash == h {
			return t.refs[s.start : s.start+s.n]
		}
	}
}

// warm reads the first slot of every key, so that the cache misses of a batch of lookups
// overlap instead of following one another: the table is far larger than the cache, and a
// query looks up a dozen keys that do not depend on each other. The result means nothing; it
// only keeps the reads from being optimized away.
func (t *keyTable) warm(keys []uint64) uint32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	var sink uint32
	for _, h := range keys {
		sink += t.slots[mix(h)&mask].n
	}
	return sink
}

// compoundStem returns the first part of a compound name that canonical rewriting joined
// ("siraj" of "sirajdin", "hibat" of "hibatlah"): people are often called by it alone.
func compoundStem(t []byte) ([]byte, bool) {
	for _, suffix := range compoundSuffixes {
		if len(t) >= len(suffix)+minStemLen && string(t[len(t)-len(suffix):]) == suffix {
			return t[:len(t)-len(suffix)], true
		}
	}
	return nil, false
}

var compoundSuffixes = []string{"din", "lah"}

const (
	minStemLen = 4
	stemSim    = 0.9 // a compound's stem for the whole compound: the same person, less surely
)

package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
)

// HashPrefix starts every content hash, so that another algorithm can follow without
// ambiguity.
const HashPrefix = "sha256:"

// ContentHash identifies a list version by its source files: "sha256:<hex>" over the files in
// name order, each written as name, NUL, length in decimal, NUL, content. The lengths keep
// one file's end from passing for the next file's start.
func ContentHash(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(files[name]))))
		h.Write([]byte{0})
		h.Write(files[name])
	}
	return HashPrefix + hex.EncodeToString(h.Sum(nil))
}

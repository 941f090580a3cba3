package policy

import (
	_ "embed"
	"sync"
)

//go:embed packs/afghanistan.yaml
var afghanistanPack []byte

// BundledName is the name the bundled pack goes by in messages and on the command line.
const BundledName = "bundled:afghanistan.yaml"

// bundled compiles the embedded pack once per process: it never changes, and compiling its
// conditions is most of the cost of loading it.
var loadBundled = sync.OnceValues(func() (*Pack, error) { return Load(afghanistanPack, BundledName) })

// Bundled returns corridor's Afghanistan humanitarian pack, embedded in the binary. The Pack
// is shared: callers must not change it.
func Bundled() (*Pack, error) { return loadBundled() }

// BundledSource returns the embedded pack's YAML, to show or to copy as a starting point.
func BundledSource() []byte { return append([]byte(nil), afghanistanPack...) }

package policy

import (
	"sync"
	"testing"

	"github.com/corridor-aml/corridor/lists/bundled"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

var (
	indexOnce sync.Once
	current   *match.Current
)

// screener screens against the bundled OFAC and UN lists, indexed once per test binary.
func screener(t testing.TB) *screen.Screener {
	t.Helper()
	indexOnce.Do(func() {
		snaps, err := bundled.Load()
		if err != nil {
			panic(err)
		}
		idx, err := match.Build(snaps, match.Config{})
		if err != nil {
			panic(err)
		}
		current = match.NewCurrent(idx)
	})
	return screen.NewScreener(current, screen.Options{})
}

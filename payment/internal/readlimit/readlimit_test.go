package readlimit

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	tooLarge := errors.New("too large")
	for _, tt := range []struct {
		in   string
		n    int64
		want error
	}{
		{"abc", 3, nil},
		{"abc", 4, nil},
		{"abcd", 3, tooLarge},
		{"", 0, nil},
	} {
		got, err := io.ReadAll(Reader(strings.NewReader(tt.in), tt.n, tooLarge))
		if !errors.Is(err, tt.want) || (err == nil && string(got) != tt.in) {
			t.Errorf("%q limit %d: %q, %v; want %v", tt.in, tt.n, got, err, tt.want)
		}
	}
}

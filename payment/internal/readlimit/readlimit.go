// Package readlimit bounds how much of a payment message a reader reads.
package readlimit

import "io"

// Reader reads at most n bytes of r and fails with tooLarge, rather than ending quietly, once
// more were asked for: a cut message must not read as a shorter one.
func Reader(r io.Reader, n int64, tooLarge error) io.Reader {
	return &reader{r: r, left: n, tooLarge: tooLarge}
}

type reader struct {
	r        io.Reader
	left     int64
	tooLarge error
}

func (l *reader) Read(b []byte) (int, error) {
	if l.left <= 0 {
		// One byte more tells an input of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := io.ReadFull(l.r, one[:]); n > 0 {
			return 0, l.tooLarge
		}
		return 0, io.EOF
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	return n, err
}

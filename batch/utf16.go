package batch

import (
	"encoding/binary"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Reader turns UTF-16 into UTF-8. It is written here rather than taken from
// golang.org/x/text because that decoder replaces a broken surrogate with U+FFFD, silently;
// this one writes the byte 0xFF instead, which is never valid UTF-8, so that the row holding
// it is marked an error, as a broken UTF-8 row is.
type utf16Reader struct {
	r     io.Reader
	order binary.ByteOrder
	in    []byte
	n     int    // bytes in in
	out   []byte // decoded, not yet read
	obuf  []byte // out's array
	err   error
}

func newUTF16Reader(r io.Reader, order binary.ByteOrder) *utf16Reader {
	return &utf16Reader{r: r, order: order, in: make([]byte, 32<<10)}
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			if u.n > 0 { // an odd byte at the end, or a lone high surrogate
				u.out = append(u.out, 0xFF)
				u.n = 0
				continue
			}
			return 0, u.err
		}
		m, err := u.r.Read(u.in[u.n:])
		u.n += m
		u.err = err
		u.decode()
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// decode converts the whole units in u.in, keeping a trailing odd byte or a high surrogate
// whose pair may come in the next read.
func (u *utf16Reader) decode() {
	out := u.obuf[:0]
	i := 0
	for ; i+2 <= u.n; i += 2 {
		c := rune(u.order.Uint16(u.in[i:]))
		switch {
		case utf16.IsSurrogate(c) && c < 0xDC00:
			if i+4 > u.n {
				if u.err == nil {
					goto keep
				}
				out = append(out, 0xFF)
				continue
			}
			c2 := rune(u.order.Uint16(u.in[i+2:]))
			if r := utf16.DecodeRune(c, c2); r != utf8.RuneError {
				out = utf8.AppendRune(out, r)
				i += 2
				continue
			}
			out = append(out, 0xFF)
		case utf16.IsSurrogate(c):
			out = append(out, 0xFF)
		default:
			out = utf8.AppendRune(out, c)
		}
	}
keep:
	u.n = copy(u.in, u.in[i:u.n])
	u.obuf, u.out = out, out
}

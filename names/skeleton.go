package names

// Skeleton appends to dst the consonant skeleton of a canonical token: the consonants that
// survive transliteration from any script, with letters that scripts and spelling habits
// confuse merged into one class and repeats collapsed. Arabic script writes no short vowels,
// so "حقانى" (hqana) and "Haqqani" share the skeleton "hkn" although their letters differ.
//
// Classes: vowels and the semi-vowels w and y vanish; q, k and c are k; s and z are s; v, p
// and f are f; the digraphs kh, gh, sh, ch, th, dh, zh and ph count as one consonant; a
// final h ("Fatimah", "Zadeh") vanishes.
func Skeleton(dst, tok []byte) []byte {
	var last byte
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		var next byte
		if i+1 < len(tok) {
			next = tok[i+1]
		}
		if next == 'h' {
			if d, ok := digraph(c); ok {
				i++
				last = appendClass(&dst, d, last)
				continue
			}
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			last = 0 // a vowel between two equal consonants keeps both ("mhmd")
			continue
		case 'h':
			if i == len(tok)-1 && i > 1 {
				continue // "Zadeh", "Shah", "Fatimah": a final h is as often written as not
			}
		case 'x':
			last = appendClass(&dst, 'k', last)
			last = appendClass(&dst, 's', last)
			continue
		}
		last = appendClass(&dst, class(c), last)
	}
	return dst
}

func digraph(c byte) (byte, bool) {
	switch c {
	case 'k':
		return 'k', true
	case 'g':
		return 'g', true
	case 's', 'z':
		return 's', true
	case 'c':
		return 'c', true
	case 't':
		return 't', true
	case 'd':
		return 's', true
	case 'p':
		return 'f', true
	}
	return 0, false
}

func class(c byte) byte {
	switch c {
	case 'q', 'c':
		return 'k'
	case 'z':
		return 's'
	case 'v', 'p':
		return 'f'
	}
	return c
}

func appendClass(dst *[]byte, c, last byte) byte {
	if c != last {
		*dst = append(*dst, c)
	}
	return c
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

package names

// Skeleton appends to dst the consonant skeleton of a canonical token: the consonants that
// survive transliteration from any script, with letters that scripts and spelling habits
// confuse merged into one class and repeats collapsed. Arabic script writes no short vowels,
// so "حقانى" (hqana) and "Haqqani" share the skeleton "hkn" although their letters differ.
//
// Classes: vowels and the semi-vowels w and y vanish; q, k, g and hard c are k; s, z and
// soft c are s; v, p and f are f; kh and gh are k; sh, zh, ch, th and dh are s; ph is f; a
// French dj is j; a final h ("Fatimah", "Zadeh") vanishes.

func Skeleton(dst, tok []byte) []byte {
	return skeleton(dst, tok, false)
}

// SkeletonApart is Skeleton with sh, zh, th and dh read as two letters, and reports whether
// tok has any of them. Latin writes "Ishaq", "Mazhari" and "Ashraf" with an h that Arabic
// script writes as its own letter (ح or ه) after س, ظ or ش: "اسحاق" is s-h, not sh.
func SkeletonApart(dst, tok []byte) ([]byte, bool) {
	for i := 0; i+1 < len(tok); i++ {
		if tok[i+1] == 'h' && splitsApart(tok[i]) {
			return skeleton(dst, tok, true), true
		}
	}
	return dst, false
}

func splitsApart(c byte) bool {
	return c == 's' || c == 'z' || c == 't' || c == 'd'
}

func skeleton(dst, tok []byte, apart bool) []byte {
	var last byte
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		var next byte
		if i+1 < len(tok) {
			next = tok[i+1]
		}
		if next == 'h' && !(apart && splitsApart(c)) {
			if d, ok := digraph(c); ok {
				i++
				last = appendClass(&dst, d, last)
				continue
			}
		}
		if c == 'd' && next == 'j' {
			continue // French "Dj" (Djamel) is j
		}
		if c == 'c' && (next == 'e' || next == 'i' || next == 'y') {
			last = appendClass(&dst, 's', last) // "Lounici", "Cengiz": a soft c
			continue
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
	case 'k', 'g':
		return 'k', true
	case 's', 'z', 'c':
		return 's', true // sh, zh, and ch, which French writes for sh ("Akkacha")
	case 't', 'd':
		return 's', true // th and dh, for Arabic ث and ذ ("Tharwat", "Kathim")
	case 'p':
		return 'f', true
	}
	return 0, false
}

func class(c byte) byte {
	switch c {
	case 'q', 'c', 'g':
		return 'k' // q, k and g all render Arabic ق ("Qadir", "Ghedeir")

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

// Consonants appends to dst the consonants of a token as written, with vowels, w and y
// dropped (an initial vowel is kept as "a") and doubled letters written once: finer than Skeleton, which also merges letters
// that scripts confuse. Two names whose consonants agree letter for letter ("hqn" of حقانى
// and Haqqani) are surer to be one than two that only share a skeleton ("shkr" of شاکری and
// "sghr" of Saghir share "skr").
func Consonants(dst, tok []byte) []byte {
	var last byte
	if len(tok) > 0 && isVowel(tok[0]) && tok[0] != 'y' {
		// A name that starts with a vowel starts so in every script (Arabic writes it with
		// alef or ayn): "Ahsan" is not "Hassan".
		dst = append(dst, 'a')
	}
	for _, c := range tok {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			last = 0
			continue
		}
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	return dst
}

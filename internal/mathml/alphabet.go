package mathml

import "strings"

// variant is a math alphabet. MathML Core renders only the italic default
// and mathvariant="normal", so the others are written with the characters
// of Unicode's Mathematical Alphanumeric Symbols block.
type variant uint8

const (
	vDefault variant = iota
	vRm
	vBf
	vIt
	vBfIt // \boldsymbol, \bm
	vBb
	vCal
	vBfCal
	vFrak
	vSf
	vSfBf
	vTt
)

// latinBase is the code point of 'A' in each alphabet; 'a' follows 26 later.
var latinBase = [...]rune{vBf: 0x1D400, vIt: 0x1D434, vBfIt: 0x1D468, vCal: 0x1D49C,
	vBfCal: 0x1D4D0, vFrak: 0x1D504, vBb: 0x1D538, vSf: 0x1D5A0, vSfBf: 0x1D5D4, vTt: 0x1D670}

// digitBase is the code point of '0' in each alphabet that has digits.
var digitBase = [...]rune{vBf: 0x1D7CE, vBfIt: 0x1D7CE, vBb: 0x1D7D8, vSf: 0x1D7E2,
	vSfBf: 0x1D7EC, vTt: 0x1D7F6}

// greekBase is the code point of 'Α' in each alphabet that has Greek.
var greekBase = [...]rune{vBf: 0x1D6A8, vIt: 0x1D6E2, vBfIt: 0x1D71C, vSfBf: 0x1D756}

// holes are letters Unicode placed in Letterlike Symbols before the block.
var holes = map[variant]map[rune]rune{
	vIt:   {'h': 0x210E},
	vCal:  {'B': 0x212C, 'E': 0x2130, 'F': 0x2131, 'H': 0x210B, 'I': 0x2110, 'L': 0x2112, 'M': 0x2133, 'R': 0x211B, 'e': 0x212F, 'g': 0x210A, 'o': 0x2134},
	vFrak: {'C': 0x212D, 'H': 0x210C, 'I': 0x2111, 'R': 0x211C, 'Z': 0x2128},
	vBb:   {'C': 0x2102, 'H': 0x210D, 'N': 0x2115, 'P': 0x2119, 'Q': 0x211A, 'R': 0x211D, 'Z': 0x2124},
}

// greekExtra are the symbols that follow the 25 lowercase letters in each
// Greek math alphabet, in order.
const greekExtra = "∂ϵϑϰϕϱϖ"

// greekIndex returns r's position in a Greek math alphabet, or -1.
func greekIndex(r rune) int {
	switch {
	case r >= 0x391 && r <= 0x3A9 && r != 0x3A2:
		return int(r - 0x391)
	case r == 'ϴ':
		return 17
	case r == '∇':
		return 25
	case r >= 0x3B1 && r <= 0x3C9:
		return 26 + int(r-0x3B1)
	}
	if i := strings.IndexRune(greekExtra, r); i >= 0 {
		return 51 + len([]rune(greekExtra[:i]))
	}
	return -1
}

// styled returns r in alphabet v. upright reports that the result is a
// plain letter which must be marked mathvariant="normal".
func styled(r rune, v variant) (out rune, upright bool) {
	switch {
	case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		if v == vRm {
			return r, true
		}
		if h, ok := holes[v][r]; ok {
			return h, false
		}
		if int(v) < len(latinBase) && latinBase[v] != 0 {
			if r >= 'a' {
				return latinBase[v] + 26 + (r - 'a'), false
			}
			return latinBase[v] + (r - 'A'), false
		}
		return r, false
	case r >= '0' && r <= '9':
		if int(v) < len(digitBase) && digitBase[v] != 0 {
			return digitBase[v] + (r - '0'), false
		}
		return r, false
	}
	i := greekIndex(r)
	if i < 0 {
		return r, false
	}
	if v == vBfIt && i < 26 { // \boldsymbol keeps capitals upright, as TeX does
		v = vBf
	}
	if int(v) < len(greekBase) && greekBase[v] != 0 {
		return greekBase[v] + rune(i), false
	}
	return r, v == vRm && i >= 26
}

// styleText maps every character of s into alphabet v.
func styleText(s string, v variant) string {
	if v == vDefault {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		o, _ := styled(r, v)
		b.WriteRune(o)
	}
	return b.String()
}

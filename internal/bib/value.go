package bib

import "strings"

// value parses a field value: pieces joined by '#'. It returns the raw
// (undecoded) concatenation with the outer delimiters removed.
func (p *parser) value() (string, error) {
	var b strings.Builder
	for {
		p.skipSpace()
		s, err := p.piece()
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		p.skipSpace()
		if p.peek() != '#' {
			return b.String(), nil
		}
		p.pos++
	}
}

// piece parses one {braced} or "quoted" string, bare number or macro name.
func (p *parser) piece() (string, error) {
	start := p.pos
	c := p.peek()
	switch {
	case c == '{' || c == '"':
		return p.delimited(start)
	case c >= '0' && c <= '9':
		return p.ident(), nil // lenient: also takes unbraced "1-10"
	case isIdent(c):
		name := p.ident()
		low := strings.ToLower(name)
		if v, ok := p.macros[low]; ok {
			return v, nil
		}
		if m, ok := months[low]; ok {
			return m, nil
		}
		p.diags.Warnf(p.file, p.line(start), kind, "undefined macro %q (define it with @string)", name)
		return "", nil
	}
	return "", p.errorf(start, "expected a value, found %s", p.describe(start))
}

// delimited reads a {…} or "…" string starting at start. Braces must
// balance; a quoted string ends at a '"' at brace depth 0. A new entry
// starting a line inside the value is taken as a sign of a missing '}'.
func (p *parser) delimited(start int) (string, error) {
	quoted := p.src[start] == '"'
	depth := 1
	if quoted {
		depth = 0
	}
	for i := start + 1; i < len(p.src); i++ {
		switch p.src[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return "", p.errorf(i, "unbalanced '}' in quoted value")
			}
			depth--
			if depth == 0 && !quoted {
				p.pos = i + 1
				return p.src[start+1 : i], nil
			}
		case '"':
			if quoted && depth == 0 {
				p.pos = i + 1
				return p.src[start+1 : i], nil
			}
		case '@':
			if p.atLineStart(i) && p.entryAhead(i) {
				return "", p.errorf(start, "value is never closed (unbalanced braces?) before %s", p.where(i))
			}
		}
	}
	return "", p.errorf(start, "value is never closed (unbalanced braces or quotes?)")
}

// entryAhead reports whether "@type{" or "@type(" starts at offset i.
func (p *parser) entryAhead(i int) bool {
	j := i + 1
	for j < len(p.src) && isIdent(p.src[j]) {
		j++
	}
	if j == i+1 {
		return false
	}
	j = skipSpace(p.src, j)
	return j < len(p.src) && (p.src[j] == '{' || p.src[j] == '(')
}

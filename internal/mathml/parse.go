package mathml

import (
	"unicode"
	"unicode/utf8"
)

// parser turns a token stream into MathML nodes. One parser converts one
// formula; it is never shared.
type parser struct {
	lx         lexer
	pend       []token // tokens pushed back or produced by expansion; top is last
	expansions int
	macros     *Macros
	local      map[string]*macro // definitions made inside this formula
	colors     map[string]string // \definecolor inside this formula
	display    bool              // current style is display style
	script     int               // >0 in script style: sub/superscripts, limits, text-style fractions
	font       variant           // current math alphabet
	depth      int
	textMath   int      // >0 while parsing $…$ inside \text
	meta       *rowMeta // where \label, \tag and \nonumber go
	rows       []Row
	refs       []string
	block      bool // the formula is display math (numbers allowed)
}

// fail aborts the conversion; Convert recovers the *Error.
func (p *parser) fail(pos int, reason string) {
	panic(errAt(pos, reason))
}

func errAt(pos int, reason string) *Error { return &Error{Reason: reason, Offset: pos} }

// nextRaw returns the next token without expanding macros.
func (p *parser) nextRaw() token {
	if n := len(p.pend); n > 0 {
		t := p.pend[n-1]
		p.pend = p.pend[:n-1]
		return t
	}
	return p.lx.next()
}

func (p *parser) peekRaw() token {
	t := p.nextRaw()
	p.pend = append(p.pend, t)
	return t
}

func (p *parser) unread(t token) { p.pend = append(p.pend, t) }

// push makes toks the next tokens to be read, in order.
func (p *parser) push(toks []token) {
	if len(p.pend)+len(toks) > maxPending {
		p.fail(p.lx.pos, "macro expansion too large")
	}
	for i := len(toks) - 1; i >= 0; i-- {
		p.pend = append(p.pend, toks[i])
	}
}

func (p *parser) lookupMacro(name string) *macro {
	if m, ok := p.local[name]; ok {
		return m
	}
	return p.macros.lookup(name)
}

// next returns the next token with user macros expanded.
func (p *parser) next() token {
	for {
		t := p.nextRaw()
		if t.kind != tCmd {
			return t
		}
		m := p.lookupMacro(t.text)
		if m == nil {
			return t
		}
		p.expand(t, m)
	}
}

// nextMath returns the next token that is not white space.
func (p *parser) nextMath() token {
	for {
		if t := p.next(); t.kind != tSpace {
			return t
		}
	}
}

func (p *parser) peekMath() token {
	t := p.nextMath()
	p.unread(t)
	return t
}

// expand replaces a macro call by its body with arguments substituted.
func (p *parser) expand(call token, m *macro) {
	p.expansions++
	if p.expansions > maxExpansions {
		p.fail(call.pos, "too many macro expansions")
	}
	args := make([][]token, m.nargs)
	for i := range args {
		if i == 0 && m.opt != nil {
			opt, ok, err := readOptional(p)
			if err != nil {
				panic(err)
			}
			if !ok {
				opt = m.opt
			}
			args[0] = opt
			continue
		}
		a, err := readArg(p)
		if err != nil {
			p.fail(call.pos, "missing argument for \\"+call.text)
		}
		args[i] = a
	}
	out := make([]token, 0, len(m.body))
	for _, t := range m.body {
		if t.kind == tParam {
			k := int(t.text[0] - '1')
			if k < len(args) {
				for _, a := range args[k] {
					a.pos = call.pos
					out = append(out, a)
				}
			}
			continue
		}
		t.pos = call.pos
		out = append(out, t)
	}
	p.push(out)
}

// enter guards recursion depth.
func (p *parser) enter(pos int) {
	p.depth++
	if p.depth > maxDepth {
		p.fail(pos, "formula nested too deeply")
	}
}

func (p *parser) leave() { p.depth-- }

// atList reports whether t ends the current list.
func (p *parser) atListEnd(t token) bool {
	switch t.kind {
	case tEOF, tClose, tAmp:
		return true
	case tCmd:
		switch t.text {
		case `\`, "cr", "end", "right", "middle":
			return true
		}
	case tChar:
		return t.text == "$" && p.textMath > 0
	}
	return false
}

// parseList parses atoms up to the end of the current list (see atListEnd)
// and applies TeX's spacing rules. first is the class of an imaginary atom
// before the list (cSkip for none).
func (p *parser) parseList(first class) []*node {
	p.enter(p.lx.pos)
	defer p.leave()
	font, display := p.font, p.display
	defer func() { p.font, p.display = font, display }()
	var out []*node
	for {
		t := p.peekMath()
		if p.atListEnd(t) {
			break
		}
		if t.kind == tCmd {
			var handled, done bool
			if out, handled, done = p.listCommand(t, out, first); done {
				return out
			} else if handled {
				continue
			}
		}
		if n := p.parseAtom(); n != nil {
			out = append(out, n)
		}
	}
	return p.fixSpacing(out, first)
}

// parseAtom parses one atom with its scripts; nil when the input produced
// nothing (\label, \nonumber, definitions).
func (p *parser) parseAtom() *node {
	t := p.nextMath()
	base := p.primary(t)
	if base == nil {
		return nil
	}
	return p.scripts(base)
}

// primary parses the nucleus that starts with t.
func (p *parser) primary(t token) *node {
	p.enter(t.pos)
	defer p.leave()
	switch t.kind {
	case tOpen:
		return p.group(t, true)
	case tChar:
		return p.char(t)
	case tCmd:
		return p.command(t)
	case tSup, tSub:
		p.unread(t)
		return elem("mrow")
	case tParam:
		p.fail(t.pos, "macro parameter outside a definition")
	case tClose:
		p.fail(t.pos, "unbalanced braces")
	case tAmp:
		p.fail(t.pos, "misplaced &")
	}
	p.fail(t.pos, "unexpected end of formula")
	return nil
}

// group parses {…} after its opening brace. A group standing as an atom
// is ordinary: {=} and {-} get no operator spacing.
func (p *parser) group(open token, atom bool) *node {
	kids := p.parseList(cSkip)
	p.expectClose(open)
	if len(kids) == 1 && !atom {
		return kids[0]
	}
	if len(kids) == 1 {
		k := kids[0]
		if k.cls == cBin || k.cls == cRel || k.cls == cPunct {
			if c := k.core(); c != nil {
				c.set("lspace", "0").set("rspace", "0")
			}
			k.cls = cOrd
		}
		return k
	}
	return &node{tag: "mrow", kids: kids}
}

func (p *parser) expectClose(open token) {
	t := p.nextMath()
	if t.kind != tClose {
		if t.kind == tEOF {
			p.fail(open.pos, "unbalanced braces")
		}
		p.fail(t.pos, "unexpected "+describe(t)+" in group")
	}
}

func describe(t token) string {
	switch t.kind {
	case tAmp:
		return "&"
	case tCmd:
		return `\` + t.text
	case tEOF:
		return "end of formula"
	}
	return t.String()
}

// arg parses a command argument: a braced group or a single token.
func (p *parser) arg(cmd token) *node {
	p.enter(cmd.pos)
	defer p.leave()
	t := p.nextMath()
	switch t.kind {
	case tOpen:
		return p.group(t, false)
	case tChar:
		if isDigit(t.text[0]) {
			return p.digit(t.text)
		}
		return p.char(t)
	case tCmd:
		if p.atListEnd(t) {
			break
		}
		if n := p.command(t); n != nil {
			return n
		}
		return elem("mrow")
	}
	p.fail(cmd.pos, "missing argument for "+describe(cmd))
	return nil
}

// argList parses a braced argument as a list (or a single token as one).
func (p *parser) argList(cmd token) []*node {
	t := p.nextMath()
	if t.kind == tOpen {
		kids := p.parseList(cSkip)
		p.expectClose(t)
		return kids
	}
	p.unread(t)
	return []*node{p.arg(cmd)}
}

// optArg parses an optional [..] argument as math, or returns nil.
func (p *parser) optArg() *node {
	toks, ok, err := readOptional(p)
	if err != nil {
		panic(err)
	}
	if !ok {
		return nil
	}
	p.push(append(append([]token{{kind: tOpen}}, toks...), token{kind: tClose}))
	return p.arg(token{kind: tCmd, text: "["})
}

// scripts attaches sub- and superscripts and primes to base.
func (p *parser) scripts(base *node) *node {
	var sub, sup *node
	var primes []*node
	for {
		t := p.nextMath()
		switch {
		case t.kind == tSup || t.kind == tSub:
			if (t.kind == tSup && sup != nil) || (t.kind == tSub && sub != nil) {
				p.fail(t.pos, "double "+map[bool]string{true: "superscript", false: "subscript"}[t.kind == tSup])
			}
			s := p.scriptArg(t)
			if t.kind == tSup {
				sup = s
			} else {
				sub = s
			}
			continue
		case t.kind == tChar && t.text == "'":
			if sup != nil {
				p.fail(t.pos, "double superscript")
			}
			primes = append(primes, leaf("mo", "′", cOrd).set("lspace", "0").set("rspace", "0"))
			continue
		case t.kind == tCmd && (t.text == "limits" || t.text == "nolimits" || t.text == "displaylimits"):
			if base.cls == cOp {
				base.lim = map[string]limits{"limits": limAlways, "nolimits": limNone, "displaylimits": limDisplay}[t.text]
			}
			continue
		}
		p.unread(t)
		break
	}
	if len(primes) > 1 {
		primes = []*node{leaf("mo", [...]string{"″", "‴", "⁗"}[min(len(primes), 4)-2], cOrd).set("lspace", "0").set("rspace", "0")}
	}
	if len(primes) > 0 && sub == nil && sup == nil {
		// U+2032 is a raised glyph already: set after the base at full
		// size it looks like TeX's f'; in an msup it comes out tiny.
		return &node{tag: "mrow", kids: []*node{base, primes[0]}, cls: base.cls}
	}
	if len(primes) > 0 {
		if len(primes) > 1 {
			primes = []*node{leaf("mo", [...]string{"″", "‴", "⁗"}[min(len(primes), 4)-2], cOrd).set("lspace", "0").set("rspace", "0")}
		}
		if sup != nil {
			primes = append(primes, sup)
		}
		sup = row(primes)
	}
	if sub == nil && sup == nil {
		if base.brace {
			base.cls = cOrd
		}
		return base
	}
	return p.attach(base, sub, sup)
}

// attach builds the script element for base, under/over for operators with
// limits in the current style.
func (p *parser) attach(base, sub, sup *node) *node {
	over := base.cls == cOp && (base.lim == limAlways || base.lim == limDisplay && p.display)
	if over && !p.display {
		if c := base.core(); c != nil {
			c.set("movablelimits", "false")
		}
	}
	var n *node
	switch {
	case sub != nil && sup != nil:
		n = elem(pick(over, "munderover", "msubsup"), base, sub, sup)
	case sub != nil:
		n = elem(pick(over, "munder", "msub"), base, sub)
	default:
		n = elem(pick(over, "mover", "msup"), base, sup)
	}
	n.cls, n.fn = base.cls, base.fn
	if base.brace {
		n.cls = cOrd
	}
	return n
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// scriptArg parses the argument of ^ or _ in script style.
func (p *parser) scriptArg(t token) *node {
	display, font := p.display, p.font
	p.display = false
	p.script++
	defer func() { p.display, p.font = display, font; p.script-- }()
	return p.arg(t)
}

// scriptStyle parses with parse in script style, where TeX sets binary
// operators, relations and punctuation without their spaces.
func (p *parser) scriptStyle(parse func() *node) *node {
	p.script++
	defer func() { p.script-- }()
	return parse()
}

// char converts one character token in math mode.
func (p *parser) char(t token) *node {
	s := t.text
	c := s[0]
	switch {
	case isLetter(c):
		return p.letter(s)
	case isDigit(c):
		return p.number(s)
	case c == '.' && p.peekDigit():
		return p.number(s)
	case c == '~':
		return nbsp()
	case c == '\'':
		p.unread(t)
		return elem("mrow")
	case c == '-':
		s = "−"
	case c == '*':
		s = "∗"
	case c == ':':
		if n := p.peekRaw(); n.kind == tChar && n.text == "=" {
			p.nextRaw()
			return leaf("mo", "≔", cRel)
		}
	case c == '=':
		if n := p.peekRaw(); n.kind == tChar && n.text == ":" {
			p.nextRaw()
			return leaf("mo", "≕", cRel)
		}
	}
	if cls, ok := charClass(s); ok {
		return operator(s, cls)
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLetter(r) {
		return p.letter(s)
	}
	if unicode.IsDigit(r) {
		return leaf("mn", s, cOrd)
	}
	return operator(s, cOrd)
}

// operator makes an <mo> with the attributes its class needs: bare fences
// do not stretch, and ordinary symbols get no operator spacing.
func operator(s string, cls class) *node {
	n := leaf("mo", s, cls)
	if _, fence := delimChars[s]; fence && s != "<" && s != ">" {
		n.set("stretchy", "false")
	}
	if cls == cOrd || (cls == cClose && (s == "!" || s == "?")) {
		n.set("lspace", "0").set("rspace", "0")
	}
	return n
}

func nbsp() *node { return &node{tag: "mtext", text: "\u00a0", cls: cSkip} }

func (p *parser) peekDigit() bool {
	n := p.peekRaw()
	return n.kind == tChar && isDigit(n.text[0])
}

// letter makes an identifier in the current alphabet.
func (p *parser) letter(s string) *node {
	r, _ := utf8.DecodeRuneInString(s)
	out, upright := styled(r, p.font)
	n := &node{tag: "mi", text: string(out), cls: cOrd, letter: r < 0x80}
	if upright {
		n.set("mathvariant", "normal")
	}
	return n
}

// number collects a decimal number: digits with at most one inner point.
func (p *parser) number(first string) *node {
	buf := []byte(first)
	dot := first == "."
	for {
		t := p.peekRaw()
		if t.kind != tChar {
			break
		}
		c := t.text[0]
		if isDigit(c) {
			buf = append(buf, c)
			p.nextRaw()
			continue
		}
		if c == '.' && !dot {
			p.nextRaw()
			if p.peekDigit() {
				buf = append(buf, c)
				dot = true
				continue
			}
			p.unread(t)
		}
		break
	}
	return p.digit(string(buf))
}

// digit makes an <mn> in the current alphabet.
func (p *parser) digit(s string) *node {
	return leaf("mn", styleText(s, p.digitFont()), cOrd)
}

func (p *parser) digitFont() variant {
	switch p.font {
	case vBf, vBfIt, vBb, vSf, vSfBf, vTt:
		return p.font
	}
	return vDefault
}

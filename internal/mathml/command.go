package mathml

import (
	"strings"
)

// listCommand handles commands that act on the rest of the current list:
// style, size, colour and font switches and the infix fractions. done means
// the rest of the list was consumed and out is final.
func (p *parser) listCommand(t token, out []*node, first class) (_ []*node, handled, done bool) {
	wrap := func(attrs ...string) ([]*node, bool, bool) {
		rest := p.parseList(cSkip)
		n := &node{tag: "mstyle", kids: rest, attrs: attrs}
		return p.fixSpacing(append(out, n), first), true, true
	}
	switch t.text {
	case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
		p.nextMath()
		p.display = t.text == "displaystyle"
		defer func(script int) { p.script = script }(p.script)
		p.script = 0
		if strings.HasPrefix(t.text, "script") {
			p.script = 1
		}
		level := map[string]string{"displaystyle": "0", "textstyle": "0", "scriptstyle": "1", "scriptscriptstyle": "2"}[t.text]
		return wrap("displaystyle", pick(p.display, "true", "false"), "scriptlevel", level)
	case "color":
		p.nextMath()
		return wrap("mathcolor", p.color(t))
	case "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge":
		p.nextMath()
		return wrap("mathsize", sizes[t.text])
	case "over", "atop", "choose", "brack", "brace", "above":
		p.nextMath()
		if t.text == "above" {
			p.readString(t) // the rule thickness is not honoured
		}
		num := row(p.fixSpacing(out, first))
		p.display = false
		den := row(p.parseList(cSkip))
		return []*node{fraction(t.text, num, den)}, true, true
	}
	if v, ok := fontSwitches[t.text]; ok {
		p.nextMath()
		p.font = v
		return out, true, false
	}
	return out, false, false
}

var sizes = map[string]string{"tiny": "0.5em", "scriptsize": "0.7em", "footnotesize": "0.8em",
	"small": "0.9em", "normalsize": "1em", "large": "1.2em", "Large": "1.44em", "LARGE": "1.728em",
	"huge": "2.074em", "Huge": "2.488em"}

var fontSwitches = map[string]variant{"rm": vRm, "bf": vBf, "it": vIt, "sf": vSf, "tt": vTt,
	"cal": vCal, "mit": vDefault, "frak": vFrak, "Bbb": vBb}

// fontCommands take one argument set in an alphabet.
var fontCommands = map[string]variant{"mathrm": vRm, "mathup": vRm, "mathbf": vBf, "mathit": vIt,
	"mathbb": vBb, "mathcal": vCal, "mathscr": vCal, "mathfrak": vFrak, "mathsf": vSf,
	"mathtt": vTt, "boldsymbol": vBfIt, "bm": vBfIt, "pmb": vBfIt, "mathbfit": vBfIt,
	"mathnormal": vDefault, "bold": vBf, "Bbb": vBb, "mathbfcal": vBfCal, "mathsfbf": vSfBf,
	"mathbfsf": vSfBf, "mathbold": vBf, "symbf": vBf, "symrm": vRm, "symit": vIt, "symsf": vSf,
	"symbb": vBb, "symcal": vCal, "mathbbm": vBb, "mathds": vBb}

// fraction builds the result of \frac and its relatives.
func fraction(kind string, num, den *node) *node {
	f := elem("mfrac", num, den)
	f.cls = cInner
	switch kind {
	case "atop":
		f.set("linethickness", "0")
	case "choose", "brack", "brace":
		f.set("linethickness", "0")
		open, close := map[string][2]string{"choose": {"(", ")"}, "brack": {"[", "]"}, "brace": {"{", "}"}}[kind][0],
			map[string][2]string{"choose": {"(", ")"}, "brack": {"[", "]"}, "brace": {"{", "}"}}[kind][1]
		n := elem("mrow", fence(open, "prefix"), f, fence(close, "postfix"))
		n.cls = cInner
		return n
	}
	return f
}

// fence makes a stretchy delimiter of \left, \right or a binomial.
func fence(s, form string) *node {
	cls := cClose
	if form == "prefix" {
		cls = cOpen
	}
	return unsymmetric(leaf("mo", s, cls).set("form", form).set("stretchy", "true"))
}

// unsymmetric stops a stretched ‖ from growing evenly about the math axis,
// which in Chromium makes \left\| … \middle\| taller than the
// parentheses around it; it covers just its neighbours instead.
func unsymmetric(n *node) *node {
	if n.text == "‖" {
		n.set("symmetric", "false")
	}
	return n
}

// command converts one control sequence (user macros are already expanded).
func (p *parser) command(t token) *node {
	name := t.text
	if s, ok := symbols[name]; ok {
		return p.symbol(name, s)
	}
	if op, ok := bigOps[name]; ok {
		n := leaf("mo", op.text, cOp)
		n.lim = op.lim
		return n
	}
	if f, ok := funcs[name]; ok {
		n := leaf("mi", f.text, cOp)
		if len([]rune(f.text)) == 1 {
			n.set("mathvariant", "normal")
		}
		n.lim, n.fn = f.lim, true
		return n
	}
	if v, ok := fontCommands[name]; ok {
		return p.fontArg(t, v)
	}
	if n, ok := p.structure(t); ok {
		return n
	}
	if n, ok := p.decoration(t); ok {
		return n
	}
	if n, ok := p.spacing(t); ok {
		return n
	}
	if n, ok := p.misc(t); ok {
		return n
	}
	p.fail(t.pos, "unknown command \\"+name)
	return nil
}

// symbol makes the node for a one-character command.
func (p *parser) symbol(name string, s sym) *node {
	if s.mi {
		orig := []rune(s.text)[0]
		out, upright := orig, s.upright
		if p.font != vDefault {
			if o, up := styled(orig, p.font); o != orig {
				out, upright = o, false
			} else if up {
				upright = true
			}
		}
		n := leaf("mi", string(out), s.cls)
		if upright && italicizable(out) {
			n.set("mathvariant", "normal")
		}
		return n
	}
	n := operator(s.text, s.cls)
	switch name {
	case "iff", "implies", "impliedby":
		n.set("lspace", "0.5556em").set("rspace", "0.5556em")
	case "colon": // \mskip2mu before, \mskip6mu after, as in TeX
		n.set("lspace", "0.1111em").set("rspace", "0.3333em")
	case "{", "}", "lbrace", "rbrace", "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil",
		"lvert", "rvert", "lVert", "rVert", "|", "vert", "Vert":
		n.set("stretchy", "false")
	}
	return n
}

// fontArg sets its argument in alphabet v, merging runs of letters into one
// identifier (\mathrm{KL}, \mathbf{xy}).
func (p *parser) fontArg(t token, v variant) *node {
	font := p.font
	p.font = v
	kids := p.argList(t)
	p.font = font
	return row(mergeLetters(kids))
}

// mergeLetters joins adjacent single-letter identifiers.
func mergeLetters(kids []*node) []*node {
	out := kids[:0:0]
	for _, k := range kids {
		if n := len(out); n > 0 && k.letter && out[n-1].letter {
			last := out[n-1]
			merged := &node{tag: "mi", text: last.text + k.text, cls: cOrd, letter: true}
			out[n-1] = merged
			continue
		}
		out = append(out, k)
	}
	return out
}

// structure handles fractions, roots, delimiters and operators.
func (p *parser) structure(t token) (*node, bool) {
	switch t.text {
	case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
		return p.frac(t), true
	case "sqrt":
		index := p.scriptStyle(p.optArg)
		return radical(p.arg(t), index), true
	case "left":
		return p.leftRight(t), true
	case "right", "middle":
		p.fail(t.pos, "\\"+t.text+" without \\left")
	case "operatorname", "operatornamewithlimits":
		return p.operatorName(t), true
	case "mathop", "mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
		return p.mathClass(t), true
	case "begin":
		return p.environment(t), true
	case "end":
		p.fail(t.pos, "\\end without \\begin")
	case "not":
		return p.not(t), true
	case "substack":
		return p.substack(t), true
	case "stackrel", "overset", "underset":
		return p.overUnderSet(t), true
	case "pmod", "mod", "pod", "bmod":
		return p.modulo(t), true
	case "bra", "ket", "braket", "set", "Bra", "Ket", "Braket", "Set":
		return p.braket(t), true
	case "genfrac":
		return p.genfrac(t), true
	}
	if size, ok := bigSizes[strings.TrimRight(t.text, "lrm")]; ok {
		return p.big(t, size), true
	}
	return nil, false
}

// bigSizes are KaTeX's delimiter heights for \big … \Bigg.
var bigSizes = map[string]string{"big": "1.2em", "Big": "1.8em", "bigg": "2.4em", "Bigg": "3em"}

func (p *parser) frac(t token) *node {
	display := p.display
	p.display = false
	// In text style (and in \tfrac) the numerator and denominator are in
	// script style; in display style (and in \dfrac) they are in text style.
	script := t.text[0] == 't' || !display && t.text[0] != 'd' && t.text[0] != 'c'
	arg := p.arg
	if script {
		arg = p.scriptArg
	}
	num, den := arg(t), arg(t)
	p.display = display
	kind := "frac"
	if strings.HasSuffix(t.text, "binom") {
		kind = "choose"
	}
	f := fraction(kind, num, den)
	switch t.text[0] { // displaystyle is a global attribute in MathML Core
	case 'd', 'c':
		f.set("displaystyle", "true").set("scriptlevel", "0")
	case 't':
		f.set("displaystyle", "false").set("scriptlevel", "0")
	}
	return f
}

// delimiter reads the delimiter after \left, \right, \middle or \big;
// "" is the empty delimiter ".".
func (p *parser) delimiter(cmd token) string {
	t := p.nextMath()
	var s string
	switch t.kind {
	case tChar:
		s = t.text
		switch s {
		case ".":
			return ""
		case "<":
			s = "⟨"
		case ">":
			s = "⟩"
		}
	case tCmd:
		if sym, ok := symbols[t.text]; ok {
			s = sym.text
		} else if t.text == "lbrack" || t.text == "rbrack" {
			s = map[string]string{"lbrack": "[", "rbrack": "]"}[t.text]
		}
	}
	if _, ok := delimChars[s]; !ok {
		p.fail(t.pos, "missing delimiter after \\"+cmd.text)
	}
	return s
}

// leftRight parses \left d … [\middle d …] \right d. Around flat content
// (letters, digits, ordinary operators: see flat) the delimiters keep their
// normal size, as TeX's smallest \left delimiter would: stretched, some
// of STIX Two Math's (‖) jump to a taller form for a parenthesis' height.
func (p *parser) leftRight(t token) *node {
	n := &node{tag: "mrow", cls: cInner}
	var delims []*node
	flatBody := true
	add := func(d *node) {
		delims = append(delims, d)
		n.kids = append(n.kids, d)
	}
	if d := p.delimiter(t); d != "" {
		add(fence(d, "prefix"))
	}
	for {
		body := p.parseList(cOpen)
		for _, k := range body {
			flatBody = flatBody && (k.cls == cSkip || flat(k))
		}
		n.kids = append(n.kids, body...)
		end := p.nextMath()
		if end.kind != tCmd || (end.text != "right" && end.text != "middle") {
			p.fail(t.pos, "missing \\right")
		}
		d := p.delimiter(end)
		if end.text == "right" {
			if d != "" {
				add(fence(d, "postfix"))
			}
			if flatBody {
				for _, d := range delims {
					d.set("stretchy", "false")
				}
			}
			return n
		}
		if d != "" {
			add(unsymmetric(leaf("mo", d, cRel).set("stretchy", "true").set("lspace", "0.05em").set("rspace", "0.05em")))
		}
	}
}

// big makes a delimiter of fixed size (\big, \Bigl, \biggr, \Biggm …).
func (p *parser) big(t token, size string) *node {
	d := p.delimiter(t)
	if d == "" {
		return space("0.1em")
	}
	cls := delimChars[d]
	switch t.text[len(t.text)-1] {
	case 'l':
		cls = cOpen
	case 'r':
		cls = cClose
	case 'm':
		cls = cRel
	}
	n := leaf("mo", d, cls)
	switch cls {
	case cOpen:
		n.set("form", "prefix")
	case cClose:
		n.set("form", "postfix")
	case cRel:
		n.set("lspace", "0.2778em").set("rspace", "0.2778em")
	default:
		n.set("lspace", "0").set("rspace", "0")
	}
	return n.set("stretchy", "true").set("symmetric", "true").set("minsize", size).set("maxsize", size)
}

// operatorName handles \operatorname{…} and \operatorname*{…}.
func (p *parser) operatorName(t token) *node {
	lim := limNone
	if t.text == "operatornamewithlimits" {
		lim = limDisplay
	}
	if s := p.peekRaw(); s.kind == tChar && s.text == "*" {
		p.nextRaw()
		lim = limDisplay
	}
	font := p.font
	p.font = vRm
	kids := mergeLetters(p.argList(t))
	p.font = font
	for _, k := range kids {
		if k.tag == "mo" && k.cls == cBin { // \operatorname{arg-max}: a hyphen, not a minus
			k.cls = cOrd
			k.set("lspace", "0").set("rspace", "0")
		}
	}
	n := row(kids)
	if n.tag == "mi" && len([]rune(n.text)) > 1 {
		n.attrs = nil
	}
	if len(kids) != 1 {
		n = &node{tag: "mrow", kids: kids}
	}
	n.cls, n.lim, n.fn = cOp, lim, true
	return n
}

// mathClass handles \mathop, \mathrel and friends, which set an atom class.
func (p *parser) mathClass(t token) *node {
	kids := p.argList(t)
	n := row(kids)
	if len(kids) != 1 {
		n = &node{tag: "mrow", kids: kids}
	}
	cls := map[string]class{"mathop": cOp, "mathbin": cBin, "mathrel": cRel, "mathord": cOrd,
		"mathopen": cOpen, "mathclose": cClose, "mathpunct": cPunct, "mathinner": cInner}[t.text]
	n.cls = cls
	if c := n.core(); c != nil {
		switch cls {
		case cOrd, cOpen, cClose, cInner:
			c.set("lspace", "0").set("rspace", "0")
		case cBin:
			c.set("lspace", "0.2222em").set("rspace", "0.2222em")
		case cRel:
			c.set("lspace", "0.2778em").set("rspace", "0.2778em")
		}
	} else if cls == cRel || cls == cBin {
		w := pick(cls == cRel, "0.2778em", "0.2222em")
		n = &node{tag: "mrow", kids: []*node{space(w), n, space(w)}, cls: cls}
	}
	if cls == cOp {
		n.lim = limDisplay
	}
	return n
}

// not negates the following relation.
func (p *parser) not(t token) *node {
	next := p.nextMath()
	if next.kind == tEOF || p.atListEnd(next) {
		p.unread(next)
		return leaf("mo", "̸", cRel)
	}
	n := p.primary(next)
	if n == nil {
		return nil
	}
	if n.tag == "mo" || n.tag == "mi" {
		if neg, ok := negated[n.text]; ok {
			n.text = neg
		} else {
			n.text += "\u0338"
		}
	}
	return n
}

// substack stacks lines of a limit, as in \sum_{\substack{i<n\\j<m}}.
func (p *parser) substack(t token) *node {
	open := p.nextMath()
	if open.kind != tOpen {
		p.fail(t.pos, "missing argument for \\substack")
	}
	spec := tableSpec{cols: func(int, int) column { return column{align: 'c', style: "padding:0"} }}
	return p.buildTable(p.parseRows(open, "", spec), spec, nil)
}

func (p *parser) overUnderSet(t token) *node {
	display := p.display
	p.display = false
	script := p.scriptArg(t)
	p.display = display
	base := p.arg(t)
	tag := pick(t.text == "underset", "munder", "mover")
	n := elem(tag, base, script)
	n.cls = base.cls
	if t.text == "stackrel" {
		n.cls = cRel
	}
	return n
}

// modulo handles \pmod, \mod, \pod and \bmod.
func (p *parser) modulo(t token) *node {
	if t.text == "bmod" {
		return leaf("mo", "mod", cBin).set("lspace", "0.2778em").set("rspace", "0.2778em")
	}
	gap := pick(p.display, "1em", "0.4444em")
	mod := leaf("mi", "mod", cOrd)
	arg := p.arg(t)
	switch t.text {
	case "mod":
		return &node{tag: "mrow", kids: []*node{space(gap), mod, space("0.3333em"), arg}}
	case "pod":
		return &node{tag: "mrow", kids: []*node{space(gap), operator("(", cOpen), arg, operator(")", cClose)}}
	}
	return &node{tag: "mrow", kids: []*node{space(gap), operator("(", cOpen), mod, space("0.3333em"),
		arg, operator(")", cClose)}}
}

// italicizable reports whether MathML Core would render r in italic inside
// a one-character <mi>, so that mathvariant="normal" is needed to stop it.
func italicizable(r rune) bool {
	return r < 0x80 && isLetter(byte(r)) || greekIndex(r) >= 0 || r == 'ı' || r == 'ȷ'
}

// braket handles the braket package: \bra{x} ⟨x|, \ket{x} |x⟩,
// \braket{a|b} ⟨a|b⟩ and \set{x} {x}; capitalised forms stretch.
func (p *parser) braket(t token) *node {
	d := map[string][2]string{"bra": {"⟨", "|"}, "ket": {"|", "⟩"}, "braket": {"⟨", "⟩"}, "set": {"{", "}"}}[strings.ToLower(t.text)]
	kids := p.argList(t)
	stretch := t.text[0] >= 'A' && t.text[0] <= 'Z'
	open, close := operator(d[0], cOpen), operator(d[1], cClose)
	if stretch {
		open, close = fence(d[0], "prefix"), fence(d[1], "postfix")
	}
	n := &node{tag: "mrow", kids: append(append([]*node{open}, kids...), close), cls: cInner}
	return n
}

// genfrac handles \genfrac{left}{right}{thickness}{style}{num}{den}.
func (p *parser) genfrac(t token) *node {
	left := strings.TrimPrefix(p.readString(t), `\`)
	right := strings.TrimPrefix(p.readString(t), `\`)
	thick := p.readString(t)
	style := p.readString(t)
	display := p.display
	p.display = false
	f := elem("mfrac", p.arg(t), p.arg(t))
	p.display = display
	f.cls = cInner
	if thick != "" {
		f.set("linethickness", p.length(t, thick))
	}
	n := f
	delim := func(s string) string {
		if sym, ok := symbols[s]; ok {
			return sym.text
		}
		return s
	}
	if left != "" || right != "" {
		n = &node{tag: "mrow", cls: cInner}
		if left != "" && left != "." {
			n.kids = append(n.kids, fence(delim(left), "prefix"))
		}
		n.kids = append(n.kids, f)
		if right != "" && right != "." {
			n.kids = append(n.kids, fence(delim(right), "postfix"))
		}
	}
	if style != "" {
		d := pick(style == "0", "true", "false")
		n = &node{tag: "mstyle", kids: []*node{n}, cls: cInner, attrs: []string{"displaystyle", d, "scriptlevel", "0"}}
	}
	return n
}

// radical builds \sqrt{body} or \sqrt[index]{body}. Chromium sizes a root
// as if drawn with the font's widest surd, which leaves a gap after a
// short one. So a radicand of plain symbols is set in a box of fixed
// height and depth, which fixes the surd the font gives it, and a class
// names that surd for the theme to take the gap back (css/math.css, with
// the font): "flat" (letters, digits, ordinary operators, subscripts: the
// smallest surd) or "raised" (with superscripts too: the next one). The
// bar then sits at one height over all such roots, as in TeX.
func radical(body, index *node) *node {
	cls := ""
	switch {
	case flat(body):
		cls = "flat"
		body = elem("mpadded", body).set("height", "0.71em").set("depth", "0.23em")
	case raised(body):
		cls = "raised"
		body = elem("mpadded", body).set("height", "0.9em").set("depth", "0.3em")
	}
	n := elem("msqrt", body)
	if index != nil {
		n = elem("mroot", body, index)
	}
	if cls != "" {
		n.set("class", cls)
	}
	return n
}

// flat reports whether n is a row of letters, digits, text and ordinary
// operators, with at most subscripts of the same: nothing taller than a
// parenthesis or deeper than a descender.
func flat(n *node) bool {
	switch n.tag {
	case "mi", "mn", "mtext", "mspace":
		return true
	case "mo":
		return n.cls != cOp && n.attr("stretchy") != "true" && n.attr("largeop") != "true"
	case "mrow":
		return plainRow(n, flat)
	case "msub":
		return flat(n.kids[0]) && flat(n.kids[1]) && n.kids[1].tag != "mrow"
	}
	return false
}

// raised reports whether n is a row of flat items and of flat bases with
// flat sub- and superscripts (x^2 + y_i^2): no higher than a superscript
// digit, no deeper than a subscript's descender.
func raised(n *node) bool {
	switch n.tag {
	case "mrow":
		return plainRow(n, raised)
	case "msup", "msub", "msubsup":
		for _, k := range n.kids {
			if !flat(k) || k.tag == "msub" {
				return false
			}
		}
		return true
	}
	return flat(n)
}

// plainRow reports whether n, an mrow, is unstyled, not empty, and made of
// items that all pass item.
func plainRow(n *node, item func(*node) bool) bool {
	if n.attr("style") != "" || len(n.kids) == 0 {
		return false
	}
	for _, k := range n.kids {
		if !item(k) {
			return false
		}
	}
	return true
}

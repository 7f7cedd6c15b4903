package mathml

import (
	"math"
	"strconv"
	"strings"
)

// accent is a mark set over or under its argument.
type accent struct {
	text     string
	stretchy bool
	under    bool
	op       bool // a brace whose scripts go above or below it (\overbrace^{n})
}

// Wide accents use the characters STIX Two Math stretches in Chromium
// (U+0302 for \widehat) or are drawn by the theme (drawn: \widetilde,
// the arrows).
var accents = map[string]accent{
	"hat": {"ˆ", false, false, false}, "widehat": {"\u0302", true, false, false},
	"tilde": {"˜", false, false, false}, "widetilde": {"\u223c", true, false, false},
	"bar": {"¯", false, false, false}, "overline": {"‾", true, false, false},
	"widebar": {"‾", true, false, false}, "underline": {"_", true, true, false},
	"vec": {"→", false, false, false}, "dot": {"˙", false, false, false},
	"ddot": {"¨", false, false, false}, "dddot": {"⃛", false, false, false},
	"check": {"ˇ", false, false, false}, "widecheck": {"ˇ", true, false, false},
	"breve": {"˘", false, false, false}, "acute": {"´", false, false, false},
	"grave": {"`", false, false, false}, "mathring": {"˚", false, false, false},
	"overrightarrow": {"→", true, false, false}, "overleftarrow": {"←", true, false, false},
	"overleftrightarrow": {"↔", true, false, false}, "underrightarrow": {"→", true, true, false},
	"underleftarrow": {"←", true, true, false}, "underleftrightarrow": {"↔", true, true, false},
	"utilde": {"\u223c", true, true, false}, "overbrace": {"⏞", true, false, true},
	"underbrace": {"⏟", true, true, true}, "overparen": {"⏜", true, false, true},
	"underparen": {"⏝", true, true, true}, "overgroup": {"⏠", true, false, true},
	"undergroup": {"⏡", true, true, true}, "overarc": {"⏜", true, false, false},
}

// arrows with labels: \xrightarrow[below]{above}.
var extensible = map[string]string{"xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒",
	"xLeftarrow": "⇐", "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xmapsto": "↦",
	"xhookrightarrow": "↪", "xhookleftarrow": "↩", "xrightharpoonup": "⇀",
	"xrightharpoondown": "⇁", "xleftharpoonup": "↼", "xleftharpoondown": "↽",
	"xrightleftharpoons": "⇌", "xleftrightharpoons": "⇋", "xtwoheadrightarrow": "↠",
	"xtwoheadleftarrow": "↞", "xlongequal": "="}

// decoration handles accents, braces, boxes, colours, phantoms and text.
func (p *parser) decoration(t token) (*node, bool) {
	if a, ok := accents[t.text]; ok {
		return p.accent(t, a), true
	}
	if s, ok := extensible[t.text]; ok {
		return p.arrow(t, s), true
	}
	if style, ok := textStyles[t.text]; ok {
		return p.text(t, style), true
	}
	switch t.text {
	case "boxed":
		display := p.display
		p.display = true
		n := row(p.argList(t))
		p.display = display
		return boxed(n, "padding:3pt;border:1px solid"), true
	case "fbox", "framebox":
		return boxed(p.text(t, ""), "padding:3pt;border:1px solid"), true
	case "colorbox":
		bg := p.color(t)
		return boxed(p.text(t, ""), "padding:3pt").set("mathbackground", bg), true
	case "fcolorbox":
		fg, bg := p.color(t), p.color(t)
		return boxed(p.text(t, ""), "padding:3pt;border:1px solid "+fg).set("mathbackground", bg), true
	case "textcolor":
		c := p.color(t)
		n := &node{tag: "mstyle", kids: p.argList(t), attrs: []string{"mathcolor", c}}
		return n, true
	case "bbox":
		return p.bbox(t), true
	case "enclose":
		return p.enclose(t), true
	case "TeX", "LaTeX":
		return leaf("mtext", t.text, cOrd), true
	case "cancel", "bcancel", "xcancel":
		return p.cancel(t), true
	case "phantom":
		return elem("mphantom", row(p.argList(t))), true
	case "hphantom":
		ph := elem("mphantom", row(p.argList(t)))
		return elem("mpadded", ph).set("height", "0").set("depth", "0"), true
	case "vphantom":
		ph := elem("mphantom", row(p.argList(t)))
		return elem("mpadded", ph).set("width", "0"), true
	case "mathstrut", "strut":
		return elem("mpadded", elem("mphantom", operator("(", cOpen))).set("width", "0"), true
	case "smash":
		readOptional(p) //nolint:errcheck // [t] or [b]; both smash fully here
		return elem("mpadded", row(p.argList(t))).set("height", "0").set("depth", "0"), true
	case "llap", "rlap", "clap", "mathllap", "mathrlap", "mathclap":
		var kids []*node
		if strings.HasPrefix(t.text, "math") {
			kids = p.argList(t)
		} else {
			kids = []*node{p.text(t, "")}
		}
		return elem("mpadded", row(kids)).set("width", "0"), true
	}
	return nil, false
}

func boxed(n *node, style string) *node {
	b := &node{tag: "mrow", kids: []*node{n}, cls: cOrd}
	return b.set("style", style)
}

func (p *parser) accent(t token, a accent) *node {
	base := p.arg(t)
	var mark *node
	if cls := drawn[a.text]; cls != "" && a.stretchy {
		mark = drawnMark(cls, markHeight[cls], a.text, base)
	} else {
		mark = leaf("mo", a.text, cOrd).set("stretchy", pick(a.stretchy, "true", "false"))
	}
	var n *node
	if a.under {
		n = elem("munder", base, mark).set("accentunder", "true")
	} else {
		n = elem("mover", base, mark).set("accent", "true")
	}
	if a.op {
		n.cls, n.lim, n.brace = cOp, limAlways, true
	}
	return n
}

// drawn are the wide marks the theme paints with CSS into a box as wide as
// what they span (drawnMark), with the box's class. Chromium does not
// stretch them from STIX Two Math: no horizontal tilde stretches (the
// font's wide tildes hang on U+0303, which the browser takes for a vertical
// operator), and the assemblies of → ↔ ↦ end in a part it rejects, while
// ⇒'s loses its head; drawing every labelled arrow the same way keeps them
// alike. The class names are the theme's (css/math.css).
var drawn = map[string]string{"\u223c": "wide-tilde", "→": "arrow-r", "←": "arrow-l", "↔": "arrow-lr",
	"⇒": "arrow-rr", "⇐": "arrow-ll", "⇔": "arrow-llrr", "↦": "arrow-map"}

// markHeight is the height of a drawn mark's box.
var markHeight = map[string]string{"wide-tilde": "0.22em"}

// drawnMark is a box with class cls, as wide as a phantom of span, height
// tall (0.5em when ""), for the theme to paint a mark into. It also holds
// the mark's own character, at its start and taking no room: what screen
// readers read, and what feed readers and pages without the theme's CSS
// show; the theme makes it transparent.
func drawnMark(cls, height, char string, span *node) *node {
	if height == "" {
		height = "0.5em"
	}
	glyph := leaf("mo", char, cOrd).set("stretchy", "false").set("lspace", "0").set("rspace", "0")
	box := elem("mpadded", elem("mpadded", glyph).set("width", "0"), elem("mphantom", span))
	return box.set("height", height).set("depth", "0").set("class", cls)
}

// arrow builds \xrightarrow[below]{above} and its kin.
func (p *parser) arrow(t token, s string) *node {
	display := p.display
	p.display = false
	below := p.scriptStyle(p.optArg)
	above := p.scriptArg(t)
	p.display = display
	pad := func(n *node) *node {
		return &node{tag: "mrow", kids: []*node{space("0.2778em"), n, space("0.2778em")}}
	}
	above = pad(above)
	if below != nil {
		below = pad(below)
	}
	cls := drawn[s]
	if cls == "" { // hooks, harpoons, =: stretched from the font
		mo := leaf("mo", s, cRel).set("stretchy", "true")
		var n *node
		if below != nil {
			n = elem("munderover", mo, below, above)
		} else {
			n = elem("mover", mo, above)
		}
		n.cls = cRel
		return n
	}
	// The arrow's box spans a phantom of the labels, one script level down
	// as they are, stacked with the arrow's least length, 1.8em (2.535em a
	// level down); accentunder keeps each part at that level.
	span := above
	if below != nil {
		span = elem("munder", above, below).set("accentunder", "true")
	}
	span = elem("munder", span, space("2.535em")).set("accentunder", "true")
	arrow := drawnMark(cls, "", s, (&node{tag: "mstyle", kids: []*node{span}}).set("scriptlevel", "+1"))
	var n *node
	if below != nil {
		n = elem("munderover", arrow, below, above)
	} else {
		n = elem("mover", arrow, above)
	}
	// A relation's thick spaces, which the box, not being an operator,
	// does not get from MathML; none in script style, as in TeX.
	if p.script > 0 {
		n.cls = cRel
		return n
	}
	return &node{tag: "mrow", kids: []*node{space("0.2778em"), n, space("0.2778em")}, cls: cRel}
}

func (p *parser) cancel(t token) *node {
	line := func(dir string) string {
		return "linear-gradient(to " + dir + ",transparent calc(50% - 0.04em),currentColor calc(50% - 0.04em),currentColor calc(50% + 0.04em),transparent calc(50% + 0.04em))"
	}
	var bg string
	switch t.text {
	case "cancel":
		bg = line("top right")
	case "bcancel":
		bg = line("bottom right")
	default:
		bg = line("top right") + "," + line("bottom right")
	}
	n := &node{tag: "mrow", kids: p.argList(t)}
	return n.set("style", "background:"+bg+";-webkit-print-color-adjust:exact;print-color-adjust:exact")
}

// readString reads an argument as plain text without expanding macros.
func (p *parser) readString(t token) string {
	toks, err := readArg(p)
	if err != nil {
		p.fail(t.pos, "missing argument for \\"+t.text)
	}
	return strings.TrimSpace(tokensText(toks))
}

// spacing handles explicit spaces.
func (p *parser) spacing(t token) (*node, bool) {
	if w, ok := spaces[t.text]; ok {
		return space(w), true
	}
	switch t.text {
	case " ", "nobreakspace", "space":
		return nbsp(), true
	case "hspace", "hskip", "kern", "mkern", "mskip", "mspace":
		if s := p.peekRaw(); s.kind == tChar && s.text == "*" {
			p.nextRaw()
		}
		var spec string
		if t.text == "hspace" || p.peekMath().kind == tOpen {
			spec = p.readString(t)
		} else {
			spec = p.readLength()
		}
		return space(p.length(t, spec)), true
	case "hfill", "hfil", "hss":
		return &node{tag: "mrow", cls: cSkip}, true
	}
	return nil, false
}

var spaces = map[string]string{",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em",
	">": "0.2222em", "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em",
	"!": "-0.1667em", "negthinspace": "-0.1667em", "negmedspace": "-0.2222em",
	"negthickspace": "-0.2778em", "quad": "1em", "qquad": "2em", "enspace": "0.5em",
	"enskip": "0.5em"}

// readLength reads an undelimited TeX dimension such as 3mu or -0.5em.
func (p *parser) readLength() string {
	var b strings.Builder
	skipSpaces(p)
	for {
		t := p.peekRaw()
		if t.kind != tChar {
			break
		}
		c := t.text[0]
		if isDigit(c) || c == '.' || c == '-' || c == '+' || c == ',' {
			b.WriteByte(c)
			p.nextRaw()
			continue
		}
		break
	}
	skipSpaces(p)
	for i := 0; i < 2; i++ {
		t := p.peekRaw()
		if t.kind != tChar || !isLetter(t.text[0]) {
			break
		}
		b.WriteString(t.text)
		p.nextRaw()
	}
	return b.String()
}

// length converts a TeX dimension to a CSS length in em.
func (p *parser) length(t token, spec string) string {
	spec = strings.ReplaceAll(strings.TrimSpace(spec), " ", "")
	i := 0
	for i < len(spec) && (isDigit(spec[i]) || spec[i] == '.' || spec[i] == '-' || spec[i] == '+') {
		i++
	}
	num, unit := spec[:i], spec[i:]
	f, err := strconv.ParseFloat(num, 64)
	per, ok := units[unit]
	if err != nil || !ok {
		p.fail(t.pos, "bad length "+strconv.Quote(spec))
	}
	return strconv.FormatFloat(math.Round(f*per*10000)/10000, 'f', -1, 64) + "em"
}

// units converts TeX units to em, taking 1em = 10pt as MathJax does.
var units = map[string]float64{"em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "bp": 0.1004,
	"px": 0.075, "pc": 1.2, "in": 7.227, "cm": 2.845, "mm": 0.2845, "sp": 0.1 / 65536}

// bbox handles MathJax's \bbox[options]{x}: a background colour, a padding
// and a border style, comma-separated, each optional.
func (p *parser) bbox(t token) *node {
	opts, _, err := readOptional(p)
	if err != nil {
		panic(err)
	}
	n := &node{tag: "mrow", kids: []*node{row(p.argList(t))}, cls: cOrd}
	var style []string
	for _, o := range strings.Split(tokensText(opts), ",") {
		o = strings.TrimSpace(o)
		switch {
		case o == "":
		case safeCSS(o) && strings.HasPrefix(o, "border"):
			style = append(style, o)
		case o[0] >= '0' && o[0] <= '9' && safeCSS(o):
			style = append(style, "padding:"+o)
		case safeCSS(o) && !strings.Contains(o, ":"):
			n.set("mathbackground", o)
		}
	}
	if len(style) > 0 {
		n.set("style", strings.Join(style, ";"))
	}
	return n
}

// safeCSS accepts only characters that cannot break out of a declaration.
func safeCSS(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !isDigit(c) && !strings.ContainsRune(" #.:-%", rune(c)) {
			return false
		}
	}
	return true
}

// enclose handles MathJax's \enclose{notation}[attributes]{x}.
func (p *parser) enclose(t token) *node {
	notation := p.readString(t)
	if _, _, err := readOptional(p); err != nil {
		panic(err)
	}
	switch {
	case strings.Contains(notation, "strike"):
		return p.cancel(token{kind: tCmd, text: "cancel", pos: t.pos})
	case strings.Contains(notation, "box"), strings.Contains(notation, "circle"):
		return boxed(row(p.argList(t)), "padding:3pt;border:1px solid")
	}
	return row(p.argList(t))
}

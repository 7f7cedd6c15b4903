package mathml

import (
	"strconv"
	"strings"
)

// misc handles numbering, references, definitions and commands that
// produce nothing.
func (p *parser) misc(t token) (*node, bool) {
	switch t.text {
	case "tag":
		raw := false
		if s := p.peekRaw(); s.kind == tChar && s.text == "*" {
			p.nextRaw()
			raw = true
		}
		tag := p.readString(t)
		if p.meta != nil {
			if p.meta.tagged {
				p.fail(t.pos, "multiple \\tag")
			}
			p.meta.tag, p.meta.tagged, p.meta.raw = tag, true, raw
		}
		return nil, true
	case "label":
		label := p.readString(t)
		if p.meta != nil {
			p.meta.label = label
		}
		return nil, true
	case "nonumber", "notag":
		if p.meta != nil {
			p.meta.no = true
		}
		return nil, true
	case "eqref", "ref":
		label := p.readString(t)
		p.addRef(label)
		n := &node{tag: "mtext", cls: cOrd}
		return n.set("data-"+t.text, label), true
	case "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef", "let",
		"DeclareMathOperator":
		name, def, err := readDefinition(p, t)
		if err != nil {
			panic(err)
		}
		if p.local == nil {
			p.local = map[string]*macro{}
		}
		if _, exists := p.local[name]; !(exists && t.text == "providecommand") {
			p.local[name] = def
		}
		return nil, true
	case "definecolor":
		name, value, err := readColorDefinition(p, t)
		if err != nil {
			panic(err)
		}
		if p.colors == nil {
			p.colors = map[string]string{}
		}
		p.colors[name] = value
		return nil, true
	case "hline", "hdashline", "relax", "nobreak", "allowbreak", "displaybreak", "limits",
		"nolimits", "displaylimits", "protect", "noindent", "leavevmode":
		return nil, true
	case "require":
		p.readString(t)
		return nil, true
	case "href", "class", "cssId", "style":
		p.readString(t) // links, classes and styles from the source are not trusted
		return row(p.argList(t)), true
	case "unicode":
		return p.unicode(t), true
	case "shoveleft", "shoveright":
		return row(p.argList(t)), true
	}
	return nil, false
}

func (p *parser) addRef(label string) {
	for _, r := range p.refs {
		if r == label {
			return
		}
	}
	p.refs = append(p.refs, label)
}

// unicode handles \unicode{x2665} and \unicode{9829}.
func (p *parser) unicode(t token) *node {
	s := strings.TrimSpace(p.readString(t))
	base := 10
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		s, base = rest, 16
	} else if rest, ok := strings.CutPrefix(strings.ToLower(s), "x"); ok {
		s, base = rest, 16
	}
	v, err := strconv.ParseUint(s, base, 32)
	if err != nil || v < 0x20 || v > 0x10FFFF || v >= 0xD800 && v < 0xE000 {
		p.fail(t.pos, "bad \\unicode argument")
	}
	return leaf("mi", string(rune(v)), cOrd)
}

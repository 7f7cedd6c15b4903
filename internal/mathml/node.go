package mathml

import (
	"strings"
	"unicode/utf8"
)

// class is a TeX atom class; it decides spacing between neighbours.
type class uint8

const (
	cOrd class = iota
	cOp
	cBin
	cRel
	cOpen
	cClose
	cPunct
	cInner
	cSkip // spacing-neutral: spaces, phantoms, labels; ignored by class rules
)

// limits says where an operator's scripts go.
type limits uint8

const (
	limNone    limits = iota // scripts beside (msubsup)
	limDisplay               // under/over in display style only (\sum, \lim)
	limAlways                // under/over always (\limits, \overbrace)
)

// node is a MathML element under construction. Token elements (mi, mn, mo,
// mtext) hold text; the others hold kids. attrs alternate name and value.
type node struct {
	tag    string
	text   string
	attrs  []string
	kids   []*node
	cls    class
	lim    limits
	fn     bool // named operator: followed by U+2061 FUNCTION APPLICATION
	letter bool // an mi made from one Latin letter, mergeable under \mathrm etc.
	brace  bool // \overbrace and friends: an operator for its label, ordinary after
	raw    string
}

func leaf(tag, text string, cls class) *node { return &node{tag: tag, text: text, cls: cls} }

func elem(tag string, kids ...*node) *node { return &node{tag: tag, kids: kids} }

// set adds or replaces an attribute.
func (n *node) set(name, value string) *node {
	for i := 0; i < len(n.attrs); i += 2 {
		if n.attrs[i] == name {
			n.attrs[i+1] = value
			return n
		}
	}
	n.attrs = append(n.attrs, name, value)
	return n
}

func (n *node) attr(name string) string {
	for i := 0; i < len(n.attrs); i += 2 {
		if n.attrs[i] == name {
			return n.attrs[i+1]
		}
	}
	return ""
}

// row wraps a list of nodes in one element: the single node itself, or an
// mrow of all of them.
func row(kids []*node) *node {
	if len(kids) == 1 {
		return kids[0]
	}
	return &node{tag: "mrow", kids: kids}
}

// core returns the mo at the heart of an embellished operator, or nil.
func (n *node) core() *node {
	switch n.tag {
	case "mo":
		return n
	case "msub", "msup", "msubsup", "munder", "mover", "munderover", "mstyle", "mpadded":
		if len(n.kids) > 0 {
			return n.kids[0].core()
		}
	case "mrow":
		if len(n.kids) == 1 {
			return n.kids[0].core()
		}
	}
	return nil
}

// write serialises n to b.
func (n *node) write(b *strings.Builder) {
	if n.raw != "" {
		b.WriteString(n.raw)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.tag)
	for i := 0; i+1 < len(n.attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(n.attrs[i])
		b.WriteString(`="`)
		escape(b, n.attrs[i+1])
		b.WriteByte('"')
	}
	b.WriteByte('>')
	if n.text != "" {
		escape(b, n.text)
	}
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.tag)
	b.WriteByte('>')
}

// escape writes s with markup characters and invisible characters escaped.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		size := 1
		switch c {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '"':
			rep = "&quot;"
		default:
			if c < 0x20 && c != '\n' && c != '\t' {
				rep = "\uFFFD"
			} else if c >= 0x80 {
				r, n := utf8.DecodeRuneInString(s[i:])
				size = n
				switch r {
				case 0xA0:
					rep = "&#xA0;"
				case 0x2061:
					rep = "&#x2061;"
				case 0x2062:
					rep = "&#x2062;"
				case 0x2063:
					rep = "&#x2063;"
				case utf8.RuneError:
					if n == 1 {
						rep = "\uFFFD"
					}
				}
			}
		}
		if rep != "" {
			b.WriteString(s[last:i])
			b.WriteString(rep)
			last = i + size
		}
		i += size
	}
	b.WriteString(s[last:])
}

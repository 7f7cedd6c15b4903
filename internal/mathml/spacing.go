package mathml

// fixSpacing applies TeX's rules for binary operators and function
// application to a finished list. In script style binary operators,
// relations and punctuation lose their spaces (a_{i,j}, \sum_{i=1}), as
// in TeX; MathML would give them their text-style spaces.
func (p *parser) fixSpacing(list []*node, first class) []*node {
	prev, seen := first, false
	for i, n := range list {
		if n.cls == cSkip {
			continue
		}
		if n.cls == cBin {
			next := nextClass(list, i)
			switch {
			case prev == cSkip || prev == cBin || prev == cOp || prev == cRel || prev == cOpen || prev == cPunct,
				next == cSkip || next == cRel || next == cClose || next == cPunct:
				n.cls = cOrd
				if c := n.core(); c != nil {
					c.set("lspace", "0").set("rspace", "0")
				}
			}
		}
		if p.script > 0 && (n.cls == cBin || n.cls == cRel || n.cls == cPunct) {
			if c := n.core(); c != nil && c.attr("lspace") == "" && c.attr("rspace") == "" {
				c.set("lspace", "0").set("rspace", "0")
			}
		}
		if !seen && first != cSkip && (n.cls == cBin || n.cls == cRel) {
			if c := n.core(); c != nil { // after TeX's {} at the start of an align cell
				c.set("form", "infix")
			}
		}
		prev, seen = n.cls, true
	}
	return applyFunctions(list, first)
}

func nextClass(list []*node, i int) class {
	for _, n := range list[i+1:] {
		if n.cls != cSkip {
			return n.cls
		}
	}
	return cSkip
}

// applyFunctions puts U+2061 FUNCTION APPLICATION after named operators,
// with TeX's thin space when an ordinary atom follows (\log q, not \log(q)),
// and the thin space TeX puts before one after an ordinary atom, a closing
// delimiter or an inner formula (n \log n, (x) \sin y).
func applyFunctions(list []*node, first class) []*node {
	count := 0
	for _, n := range list {
		if n.named() {
			count++
		}
	}
	if count == 0 {
		return list
	}
	out := make([]*node, 0, len(list)+3*count)
	prev := first
	for i, n := range list {
		named := n.named()
		if named && (prev == cOrd || prev == cClose || prev == cInner) {
			out = append(out, space("0.1667em"))
		}
		out = append(out, n)
		if n.cls != cSkip {
			prev = n.cls
		}
		if !named {
			continue
		}
		next := nextClass(list, i)
		if next == cSkip {
			continue
		}
		if n.fn {
			out = append(out, &node{tag: "mo", text: "\u2061", cls: cSkip})
		}
		switch next {
		case cOpen, cRel, cPunct, cClose, cBin:
		default:
			out = append(out, space("0.1667em"))
		}
	}
	return out
}

// space makes an <mspace> of the given width (negative widths become a
// negative margin, which Chromium honours and mspace width does not).
func space(width string) *node {
	n := &node{tag: "mspace", cls: cSkip}
	if width != "" && width[0] == '-' {
		return n.set("style", "margin-left:"+width)
	}
	return n.set("width", width)
}

// named reports whether n is a named operator (\log, \operatorname{…}):
// an identifier set as an operator, which MathML gives no spacing.
func (n *node) named() bool { return n.fn || n.cls == cOp && n.core() == nil }

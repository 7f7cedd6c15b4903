package mathml

// fixSpacing applies TeX's rules for binary operators and function
// application to a finished list.
func fixSpacing(list []*node, first class) []*node {
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
		if !seen && first != cSkip && (n.cls == cBin || n.cls == cRel) {
			if c := n.core(); c != nil { // after TeX's {} at the start of an align cell
				c.set("form", "infix")
			}
		}
		prev, seen = n.cls, true
	}
	return applyFunctions(list)
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
// with TeX's thin space when an ordinary atom follows (\log q, not \log(q)).
func applyFunctions(list []*node) []*node {
	count := 0
	for _, n := range list {
		if n.fn || n.cls == cOp && n.core() == nil {
			count++
		}
	}
	if count == 0 {
		return list
	}
	out := make([]*node, 0, len(list)+2*count)
	for i, n := range list {
		out = append(out, n)
		if !n.fn && !(n.cls == cOp && n.core() == nil) {
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

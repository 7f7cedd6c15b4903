package diffview

import "strconv"

// change is a run of deleted lines followed by a run of added lines; the
// i-th deletion is paired with the i-th addition for word marks and for the
// side-by-side layout.
type change struct {
	dels, adds   []Line
	dmark, amark []span // zero span: no mark
}

// nextChange splits ls at i into the change starting there and the index
// after it.
func nextChange(ls []Line, i int) (change, int) {
	j := i
	for j < len(ls) && ls[j].Kind == '-' {
		j++
	}
	k := j
	for k < len(ls) && ls[k].Kind == '+' {
		k++
	}
	c := change{dels: ls[i:j], adds: ls[j:k]}
	c.dmark, c.amark = make([]span, len(c.dels)), make([]span, len(c.adds))
	for p := 0; p < len(c.dels) && p < len(c.adds); p++ {
		if da, db, ok := changed(c.dels[p].Text, c.adds[p].Text); ok {
			c.dmark[p], c.amark[p] = da, db
		}
	}
	return c, k
}

// unified writes hunk lines one per row: old number, new number, code.
func (r *renderer) unified(ls []Line) {
	for i := 0; i < len(ls); {
		if ls[i].Kind == ' ' {
			r.w(`<tr class="d-ctx">`, num(ls[i].Old), num(ls[i].New), `<td class="d-code">`, r.code(ls[i], span{}), "</td></tr>\n")
			i++
			continue
		}
		c, next := nextChange(ls, i)
		for p, l := range c.dels {
			r.w(`<tr class="d-del">`, num(l.Old), num(0), `<td class="d-code">`, r.code(l, c.dmark[p]), "</td></tr>\n")
		}
		for p, l := range c.adds {
			r.w(`<tr class="d-add">`, num(0), num(l.New), `<td class="d-code">`, r.code(l, c.amark[p]), "</td></tr>\n")
		}
		i = next
	}
}

// split writes hunk lines side by side: old number and code, new number and
// code; deletions face their paired additions.
func (r *renderer) split(ls []Line) {
	for i := 0; i < len(ls); {
		if ls[i].Kind == ' ' {
			code := r.code(ls[i], span{})
			r.w(`<tr class="d-ctx">`, num(ls[i].Old), `<td class="d-code">`, code, "</td>",
				num(ls[i].New), `<td class="d-code">`, code, "</td></tr>\n")
			i++
			continue
		}
		c, next := nextChange(ls, i)
		for p := 0; p < max(len(c.dels), len(c.adds)); p++ {
			r.w(`<tr class="d-change">`)
			r.side(c.dels, c.dmark, p, "d-del")
			r.side(c.adds, c.amark, p, "d-add")
			r.w("</tr>\n")
		}
		i = next
	}
}

func (r *renderer) side(ls []Line, marks []span, p int, class string) {
	if p >= len(ls) {
		r.w(`<td class="d-num d-empty"></td><td class="d-code d-empty"></td>`)
		return
	}
	n := ls[p].Old
	if ls[p].Kind == '+' {
		n = ls[p].New
	}
	r.w(`<td class="d-num `, class, `">`, strconv.Itoa(n), `</td><td class="d-code `, class, `">`, r.code(ls[p], marks[p]), "</td>")
}

func num(n int) string {
	if n == 0 {
		return `<td class="d-num"></td>`
	}
	return `<td class="d-num">` + strconv.Itoa(n) + "</td>"
}

// code renders one line's sign and text, highlighted and word-marked.
func (r *renderer) code(l Line, sp span) string {
	h := esc(l.Text)
	if r.opt.Highlight != nil && r.lang != "" && l.Text != "" {
		h = r.opt.Highlight(r.lang, l.Text)
	}
	switch l.Kind {
	case '-':
		h = mark(h, sp, "del")
	case '+':
		h = mark(h, sp, "ins")
	}
	sign := string(rune(l.Kind))
	if l.NoNewline {
		h += `<span class="d-nonl">\ No newline at end of file</span>`
	}
	return `<span class="d-sign">` + sign + "</span>" + h
}

package mathml

import (
	"strconv"
	"strings"
)

// column is the layout of one table column.
type column struct {
	align byte   // 'l', 'c' or 'r'
	style string // CSS for the cells (Chromium ignores columnalign and spacing attributes)
}

// tableSpec describes one kind of environment.
type tableSpec struct {
	cols        func(i, n int) column
	start       func(i int) class // the imaginary atom before a cell (TeX's {} in align)
	display     bool              // cells in display style
	numbered    bool              // rows take automatic numbers
	single      bool              // one number for the whole environment, on its last row
	multline    bool              // first row flush left, last flush right
	owns        bool              // \label and \tag inside belong to this table's rows
	open, close string            // delimiters around the table
	scriptlevel string
}

// rowMeta is what \label, \tag and \nonumber say about a row.
type rowMeta struct {
	label, tag      string
	tagged, raw, no bool
}

type tableRow struct {
	cells        [][]*node
	meta         rowMeta
	hline, below bool
}

func alignCol(align byte, padL, padR string) column {
	s := "padding-left:" + padL + ";padding-right:" + padR
	switch align {
	case 'l':
		s = "text-align:left;" + s
	case 'r':
		s = "text-align:right;" + s
	}
	return column{align: align, style: s}
}

func alignCols(i, _ int) column {
	if i%2 == 1 {
		return alignCol('l', "0", "0")
	}
	return alignCol('r', pick(i == 0, "0", "2em"), "0")
}

func oddOrd(i int) class {
	if i%2 == 1 {
		return cOrd
	}
	return cSkip
}

func centerCols(int, int) column { return alignCol('c', "0", "0") }

func matrixCols(i, n int) column {
	return alignCol('c', pick(i == 0, "0", "0.5em"), pick(i == n-1, "0", "0.5em"))
}

func casesCols(i, _ int) column { return alignCol('l', pick(i == 0, "0", "1em"), "0") }

// environments maps names to table layouts; array and alignat are built
// from their arguments.
var environments = map[string]tableSpec{
	"matrix":   {cols: matrixCols},
	"pmatrix":  {cols: matrixCols, open: "(", close: ")"},
	"bmatrix":  {cols: matrixCols, open: "[", close: "]"},
	"Bmatrix":  {cols: matrixCols, open: "{", close: "}"},
	"vmatrix":  {cols: matrixCols, open: "|", close: "|"},
	"Vmatrix":  {cols: matrixCols, open: "‖", close: "‖"},
	"cases":    {cols: casesCols, open: "{"},
	"dcases":   {cols: casesCols, open: "{", display: true},
	"rcases":   {cols: casesCols, close: "}"},
	"aligned":  {cols: alignCols, start: oddOrd, display: true},
	"split":    {cols: alignCols, start: oddOrd, display: true},
	"gathered": {cols: centerCols, display: true},
	"smallmatrix": {cols: func(i, n int) column {
		return alignCol('c', pick(i == 0, "0", "0.2em"), pick(i == n-1, "0", "0.2em"))
	}, scriptlevel: "1"},
	"equation":  {cols: centerCols, display: true, numbered: true, single: true, owns: true},
	"equation*": {cols: centerCols, display: true, single: true, owns: true},
	"align":     {cols: alignCols, start: oddOrd, display: true, numbered: true, owns: true},
	"align*":    {cols: alignCols, start: oddOrd, display: true, owns: true},
	"flalign":   {cols: alignCols, start: oddOrd, display: true, numbered: true, owns: true},
	"flalign*":  {cols: alignCols, start: oddOrd, display: true, owns: true},
	"gather":    {cols: centerCols, display: true, numbered: true, owns: true},
	"gather*":   {cols: centerCols, display: true, owns: true},
	"multline":  {cols: centerCols, display: true, numbered: true, single: true, owns: true, multline: true},
	"multline*": {cols: centerCols, display: true, single: true, owns: true, multline: true},
	"eqnarray":  {cols: eqnarrayCols, start: func(i int) class { return pickClass(i > 0) }, display: true, numbered: true, owns: true},
	"eqnarray*": {cols: eqnarrayCols, start: func(i int) class { return pickClass(i > 0) }, display: true, owns: true},
}

func pickClass(ord bool) class {
	if ord {
		return cOrd
	}
	return cSkip
}

func eqnarrayCols(i, _ int) column {
	switch i {
	case 0:
		return alignCol('r', "0", "0")
	case 1:
		return alignCol('c', "0.2778em", "0.2778em")
	}
	return alignCol('l', "0", "0")
}

// environment parses \begin{name}…\end{name}.
func (p *parser) environment(t token) *node {
	name := p.readString(t)
	spec, ok := environments[name]
	switch name {
	case "array", "subarray", "darray":
		spec, ok = p.arraySpec(t), true
		spec.display = name == "darray"
	case "alignat", "alignat*", "alignedat", "xalignat", "xalignat*", "xxalignat":
		p.readString(t) // the column-pair count; the layout follows the rows
		spec = environments["align*"]
		spec.numbered, spec.owns = !strings.HasSuffix(name, "*") && name != "alignedat", name != "alignedat"
		ok = true
	case "multlined":
		readOptional(p) //nolint:errcheck // position is ignored
		spec, ok = environments["gathered"], true
	}
	if !ok {
		p.fail(t.pos, "unknown environment "+strconv.Quote(name))
	}
	rows := p.parseRows(t, name, spec)
	return p.buildTable(rows, spec, p.numberRows(rows, spec))
}

// arraySpec reads an array's column specification, e.g. {cc|l}.
func (p *parser) arraySpec(t token) tableSpec {
	readOptional(p) //nolint:errcheck // vertical position is ignored
	spec := p.readString(t)
	var cols []column
	bar := false
	for i := 0; i < len(spec); i++ {
		switch c := spec[i]; c {
		case 'l', 'c', 'r', 'p', 'm', 'b', 'X':
			if c == 'p' || c == 'm' || c == 'b' {
				i = skipBraced(spec, i+1)
				c = 'l'
			}
			col := alignCol(c, "0.4em", "0.4em")
			if c == 'X' {
				col = alignCol('l', "0.4em", "0.4em")
			}
			if bar {
				col.style += ";border-left:0.06em solid"
			}
			cols, bar = append(cols, col), false
		case '|':
			bar = true
		case '@', '!', '>', '<':
			i = skipBraced(spec, i+1)
		}
	}
	if bar && len(cols) > 0 {
		cols[len(cols)-1].style += ";border-right:0.06em solid"
	}
	return tableSpec{cols: func(i, _ int) column {
		if i < len(cols) {
			return cols[i]
		}
		return alignCol('c', "0.4em", "0.4em")
	}}
}

// skipBraced returns the index of the } closing the group starting at i.
func skipBraced(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '{' {
		return i - 1
	}
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// parseRows reads rows and cells up to \end{name} (or to the end of the
// formula when name is "" and open is EOF, or to } for \substack).
func (p *parser) parseRows(open token, name string, spec tableSpec) []tableRow {
	p.enter(open.pos)
	defer p.leave()
	display, meta := p.display, p.meta
	defer func() { p.display, p.meta = display, meta }()
	p.display = spec.display
	var rows []tableRow
	var cur tableRow
	if spec.owns {
		p.meta = &cur.meta
	}
	for {
		for t := p.peekMath(); t.kind == tCmd && (t.text == "hline" || t.text == "hdashline"); t = p.peekMath() {
			p.nextMath()
			cur.hline = true
		}
		first := cSkip
		if spec.start != nil {
			first = spec.start(len(cur.cells))
		}
		cur.cells = append(cur.cells, p.parseList(first))
		t := p.nextMath()
		switch {
		case t.kind == tAmp:
			continue
		case t.kind == tCmd && (t.text == `\` || t.text == "cr"):
			if s := p.peekRaw(); s.kind == tChar && s.text == "*" {
				p.nextRaw()
			}
			if _, _, err := readOptional(p); err != nil {
				panic(err)
			}
			rows = append(rows, cur)
			cur = tableRow{}
			continue
		case t.kind == tCmd && t.text == "end" && name != "":
			if got := p.readString(t); got != name {
				p.fail(t.pos, `\begin{`+name+`} ended by \end{`+got+`}`)
			}
		case t.kind == tEOF && name == "" && open.kind == tEOF:
		case t.kind == tClose && name == "" && open.kind == tOpen:
		case t.kind == tEOF && name != "":
			p.fail(open.pos, `missing \end{`+name+`}`)
		default:
			p.fail(t.pos, "unexpected "+describe(t))
		}
		rows = append(rows, cur)
		return trimLastRow(rows)
	}
}

// trimLastRow drops the empty row a trailing \\ leaves.
func trimLastRow(rows []tableRow) []tableRow {
	n := len(rows)
	if n < 2 {
		return rows
	}
	last := rows[n-1]
	if len(last.cells) == 1 && len(last.cells[0]) == 0 && last.meta == (rowMeta{}) {
		rows[n-2].below = last.hline
		return rows[:n-1]
	}
	return rows
}

// numberRows decides which rows show a number and records them in p.rows;
// it returns, per row, the index into p.rows or -1.
func (p *parser) numberRows(rows []tableRow, spec tableSpec) []int {
	if !spec.owns || !p.block {
		return nil
	}
	if spec.single && len(rows) > 1 {
		var m rowMeta
		for _, r := range rows {
			m.label = max(m.label, r.meta.label)
			if r.meta.tagged {
				m.tag, m.tagged, m.raw = r.meta.tag, true, r.meta.raw
			}
			m.no = m.no || r.meta.no
		}
		rows[len(rows)-1].meta = m
		for i := range rows[:len(rows)-1] {
			rows[i].meta = rowMeta{no: true}
		}
	}
	slots := make([]int, len(rows))
	any := false
	for i, r := range rows {
		slots[i] = -1
		switch {
		case r.meta.tagged:
			p.rows = append(p.rows, Row{Label: r.meta.label, Tag: r.meta.tag})
		case spec.numbered && !r.meta.no:
			p.rows = append(p.rows, Row{Label: r.meta.label, Numbered: true})
		default:
			continue
		}
		slots[i], any = len(p.rows)-1, true
		if r.meta.raw {
			slots[i] = -2 - slots[i]
		}
	}
	if !any {
		return nil
	}
	return slots
}

// buildTable lays rows out as an mtable; slots (from numberRows) add the
// glue and number columns of a numbered display.
func (p *parser) buildTable(rows []tableRow, spec tableSpec, slots []int) *node {
	ncols := 0
	for _, r := range rows {
		ncols = max(ncols, len(r.cells))
	}
	table := &node{tag: "mtable", cls: cInner}
	if spec.display {
		table.set("displaystyle", "true")
	}
	if slots != nil {
		table.set("class", "eqnum")
	}
	for i, r := range rows {
		tr := &node{tag: "mtr"}
		if slots != nil {
			tr.kids = append(tr.kids, (&node{tag: "mtd"}).set("style", "padding:0 2em 0 0"))
		}
		for c := 0; c < ncols; c++ {
			td := &node{tag: "mtd"}
			if c < len(r.cells) {
				td.kids = r.cells[c]
			}
			col := spec.cols(c, ncols)
			switch col.align {
			case 'l':
				td.set("columnalign", "left")
			case 'r':
				td.set("columnalign", "right")
			}
			style := col.style
			if r.hline {
				style += ";border-top:0.06em solid"
			}
			if r.below {
				style += ";border-bottom:0.06em solid"
			}
			if spec.multline && len(rows) > 1 && (i == 0 || i == len(rows)-1) {
				style += pick(i == 0, ";text-align:left", ";text-align:right")
			}
			td.set("style", style)
			tr.kids = append(tr.kids, td)
		}
		if slots != nil {
			tr.kids = append(tr.kids, numberCell(tr, slots[i]))
		}
		table.kids = append(table.kids, tr)
	}
	var out *node = table
	if spec.scriptlevel != "" {
		out = &node{tag: "mstyle", kids: []*node{table}, cls: cInner, attrs: []string{"scriptlevel", spec.scriptlevel}}
	}
	if spec.open != "" || spec.close != "" {
		out = &node{tag: "mrow", kids: []*node{out}, cls: cInner}
		if spec.open != "" {
			out.kids = append([]*node{fence(spec.open, "prefix")}, out.kids...)
		}
		if spec.close != "" {
			out.kids = append(out.kids, fence(spec.close, "postfix"))
		}
	}
	return out
}

// numberCell makes the right-hand cell of a numbered row and marks the row
// so that Result.WithNumbers can fill both in. Chromium gives a MathML
// table its content width whatever its CSS width, so the number is taken
// out of the flow: an absolutely positioned mpadded at right:0 of the
// nearest positioned ancestor (the display's box, math.css), of zero
// height so that its static top, which Chromium puts at the row's
// baseline, is also its text's baseline. The cell keeps 2em, matched by
// the spacer on the left, so the formula stays centred and clear of it.
func numberCell(tr *node, slot int) *node {
	td := (&node{tag: "mtd"}).set("style", "padding:0 0 0 2em")
	if slot == -1 {
		return td
	}
	attr := "data-eqno"
	if slot <= -2 {
		slot, attr = -2-slot, "data-eqnoraw"
	}
	k := strconv.Itoa(slot)
	tr.set("data-eqrow", k)
	num := (&node{tag: "mtext"}).set(attr, k)
	box := (&node{tag: "mpadded", kids: []*node{num}}).set("height", "0").set("depth", "0").set("style", "position:absolute;right:0")
	td.kids = []*node{box}
	return td
}

package mathml

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Options control one conversion.
type Options struct {
	Display bool    // display style (block) vs inline
	Macros  *Macros // may be nil
}

// Result is the outcome of one conversion.
type Result struct {
	MathML string   // complete <math ...>…</math> element; display="block" when Display
	Rows   []Row    // for numbered environments: one entry per numbered row, in order
	Refs   []string // labels referenced via \eqref/\ref inside the formula
}

// Row is one row of a display that shows an equation number.
type Row struct {
	Label    string // from \label, "" if none
	Tag      string // custom \tag text, "" = auto-number
	Numbered bool   // takes the next automatic number (false for \tag rows)
}

// Error says why a formula could not be converted.
type Error struct {
	Reason string
	Offset int // byte offset in the formula
}

func (e *Error) Error() string { return fmt.Sprintf("%s (at offset %d)", e.Reason, e.Offset) }

// Convert converts one formula (without its delimiters). It never panics:
// unsupported input returns an *Error with a short reason.
func Convert(tex string, opt Options) (res Result, err error) {
	p := &parser{lx: lexer{src: tex}, macros: opt.Macros, display: opt.Display, block: opt.Display}
	defer func() {
		if r := recover(); r != nil {
			res = Result{}
			if e, ok := r.(*Error); ok {
				err = e
				return
			}
			err = &Error{Reason: fmt.Sprintf("internal error: %v\n%s", r, debug.Stack())}
		}
	}()
	body := p.top()
	var b strings.Builder
	b.Grow(len(tex)*12 + 128)
	b.WriteString("<math")
	if opt.Display {
		b.WriteString(` display="block"`)
	}
	b.WriteString("><semantics>")
	body.write(&b)
	b.WriteString(`<annotation encoding="application/x-tex">`)
	escape(&b, strings.TrimSpace(tex))
	b.WriteString("</annotation></semantics></math>")
	return Result{MathML: b.String(), Rows: p.rows, Refs: p.refs}, nil
}

// top parses a whole formula. Rows and cells at the top level (a bare \\
// or &) are laid out like gathered or aligned.
func (p *parser) top() *node {
	var top rowMeta
	p.meta = &top
	spec := tableSpec{
		cols: func(i, n int) column {
			if n > 1 {
				return alignCols(i, n)
			}
			return centerCols(i, n)
		},
		start:   oddOrd,
		display: p.display,
		owns:    true,
	}
	rows := p.parseRows(token{kind: tEOF}, "", spec)
	if len(rows) == 1 && len(rows[0].cells) == 1 && (!rows[0].meta.tagged || !p.block) {
		kids := rows[0].cells[0]
		if len(kids) == 1 {
			return kids[0]
		}
		return &node{tag: "mrow", kids: kids}
	}
	spec.display = true
	return p.buildTable(rows, spec, p.numberRows(rows, spec))
}

package pseudocode

import (
	"strconv"
	"strings"
)

// MathFunc renders inline TeX to HTML (MathML, say).
type MathFunc func(tex string) string

// Options control Render.
type Options struct {
	// LineNumbers numbers the statement lines ("1:", "2:", …) as
	// pseudocode.js's lineNumber option does.
	LineNumbers bool
	// Number is the algorithm's number in "Algorithm 1 Caption"; 0 or
	// less leaves the number out.
	Number int
	// Math renders $…$; nil shows the TeX escaped in <code>.
	Math MathFunc
}

// Render writes a as HTML in the shape pseudocode.js produces: a ps-root
// div holding the captioned ps-algorithm, ps-algorithmic sections, nested
// ps-block divs and one <p class="ps-line"> per line, with "end …" lines.
func Render(a *Algorithm, opt Options) string {
	r := &renderer{opt: opt}
	r.w(`<div class="ps-root">`, "\n")
	if a.Caption != nil {
		label := "Algorithm"
		if opt.Number > 0 {
			label += " " + strconv.Itoa(opt.Number)
		}
		r.w(`<div class="ps-algorithm with-caption">`, "\n", `<p class="ps-line ps-caption"><span class="ps-keyword">`,
			label, "</span> ", r.text(a.Caption), "</p>\n")
	} else {
		r.w(`<div class="ps-algorithm">`, "\n")
	}
	for _, body := range a.Body {
		r.algorithmic(body)
	}
	r.w("</div>\n</div>\n")
	return r.b.String()
}

type renderer struct {
	b    strings.Builder
	opt  Options
	num  int  // last line number used
	open bool // a <p> line is open
}

func (r *renderer) w(ss ...string) {
	for _, s := range ss {
		r.b.WriteString(s)
	}
}

// algorithmic writes one environment: \REQUIRE-style lines at level 0,
// runs of other statements in numbered blocks.
func (r *renderer) algorithmic(body []Stmt) {
	cls := "ps-algorithmic"
	if r.opt.LineNumbers {
		cls += " with-linenum"
	}
	r.num = 0
	r.w(`<div class="`, cls, `">`, "\n")
	for i := 0; i < len(body); {
		if isIO(body[i].Kind) {
			r.stmt(body[i], 0)
			for i++; i < len(body) && body[i].Kind == Comment; i++ {
				r.comment(body[i].Text, 0) // annotates the \REQUIRE-style line
			}
			continue
		}
		j := i
		for j < len(body) && !isIO(body[j].Kind) {
			j++
		}
		r.block(body[i:j], 1)
		i = j
	}
	r.closeLine()
	r.w("</div>\n")
}

func isIO(k Kind) bool { return k == Require || k == Ensure || k == Input || k == Output }

// body writes a control statement's block. Comments that open the block
// annotate the control line itself, as in pseudocode.js.
func (r *renderer) body(stmts []Stmt, level int) {
	for len(stmts) > 0 && stmts[0].Kind == Comment {
		r.comment(stmts[0].Text, level)
		stmts = stmts[1:]
	}
	if len(stmts) > 0 {
		r.block(stmts, level)
	}
}

func (r *renderer) block(stmts []Stmt, level int) {
	r.closeLine()
	r.w(`<div class="ps-block">`, "\n")
	for _, s := range stmts {
		r.stmt(s, level)
	}
	r.closeLine()
	r.w("</div>\n")
}

// newLine opens a line; lines inside blocks are code lines and numbered.
func (r *renderer) newLine(level int) {
	r.closeLine()
	r.open = true
	if level == 0 {
		r.w(`<p class="ps-line">`)
		return
	}
	r.num++
	r.w(`<p class="ps-line ps-code">`)
	if r.opt.LineNumbers {
		r.w(`<span class="ps-linenum">`, strconv.Itoa(r.num), ":</span>")
	}
}

func (r *renderer) closeLine() {
	if r.open {
		r.w("</p>\n")
		r.open = false
	}
}

func (r *renderer) comment(t Text, level int) {
	if !r.open {
		r.newLine(level)
	}
	r.w(`<span class="ps-comment">// `, r.text(t), "</span>")
}

func kw(s string) string { return `<span class="ps-keyword">` + s + "</span>" }

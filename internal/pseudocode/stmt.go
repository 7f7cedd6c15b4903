package pseudocode

import (
	"html"
	"strings"
)

// lineLabels are the keywords that start one-line statements.
var lineLabels = map[Kind]string{
	Return: "return", Print: "print", Break: "break", Continue: "continue",
	Require: "Require:", Ensure: "Ensure:", Input: "Input:", Output: "Output:",
}

// stmt writes a statement at the given block level.
func (r *renderer) stmt(s Stmt, level int) {
	switch s.Kind {
	case Comment:
		r.comment(s.Text, level)
	case If:
		r.line(level, kw("if"), " ", r.text(s.Text), " ", kw("then"))
		r.body(s.Body, level+1)
		for _, e := range s.Elifs {
			r.line(level, kw("else if"), " ", r.text(e.Cond), " ", kw("then"))
			r.body(e.Body, level+1)
		}
		if s.HasElse {
			r.line(level, kw("else"))
			r.body(s.Else, level+1)
		}
		r.line(level, kw("end if"))
	case For, ForAll, While:
		head, end := map[Kind]string{For: "for", ForAll: "for all", While: "while"}[s.Kind], "end for"
		if s.Kind == While {
			end = "end while"
		}
		r.line(level, kw(head), " ", r.text(s.Text), " ", kw("do"))
		r.body(s.Body, level+1)
		r.line(level, kw(end))
	case Repeat:
		r.line(level, kw("repeat"))
		r.body(s.Body, level+1)
		r.line(level, kw("until"), " ", r.text(s.Text))
	case Loop:
		r.line(level, kw("loop"))
		r.body(s.Body, level+1)
		r.line(level, kw("end loop"))
	case Procedure, Function:
		word := "procedure"
		if s.Kind == Function {
			word = "function"
		}
		r.line(level, kw(word), " ", `<span class="ps-funcname">`, r.text(s.Name), "</span>(", r.text(s.Text), ")")
		r.body(s.Body, level+1)
		r.line(level, kw("end "+word))
	default:
		label, text := lineLabels[s.Kind], r.text(s.Text)
		switch {
		case label != "" && text != "":
			r.line(level, kw(label), " ", text)
		case label != "":
			r.line(level, kw(label))
		default:
			r.line(level, text)
		}
	}
}

// line opens a new line and writes the pieces into it; it stays open so a
// following \COMMENT lands on it.
func (r *renderer) line(level int, pieces ...string) {
	r.newLine(level)
	r.w(pieces...)
}

// text renders inline content.
func (r *renderer) text(t Text) string {
	var b strings.Builder
	for _, in := range t {
		b.WriteString(r.inline(in))
	}
	return b.String()
}

func (r *renderer) inline(in Inline) string {
	switch in.Kind {
	case Word:
		return html.EscapeString(in.Text)
	case Math:
		if r.opt.Math != nil {
			return r.opt.Math(in.Text)
		}
		return `<code class="ps-math">` + html.EscapeString(in.Text) + "</code>"
	case Keyword:
		return kw(html.EscapeString(in.Text))
	case Call:
		return `<span class="ps-funcname">` + html.EscapeString(in.Text) + "</span>(" + r.text(in.Args) + ")"
	case Styled:
		open, close := styleTags(in.Text)
		return open + r.text(in.Args) + close
	case Group:
		return r.text(in.Args)
	case Newline:
		return "<br>"
	}
	return ""
}

// styleTags maps a LaTeX text-style command to HTML.
func styleTags(cmd string) (open, close string) {
	switch cmd {
	case "textbf":
		return "<b>", "</b>"
	case "textit", "emph", "textsl":
		return "<i>", "</i>"
	case "texttt":
		return "<code>", "</code>"
	case "textsc":
		return `<span class="ps-sc">`, "</span>"
	case "textsf":
		return `<span class="ps-sf">`, "</span>"
	case "uppercase":
		return `<span class="ps-upper">`, "</span>"
	case "lowercase":
		return `<span class="ps-lower">`, "</span>"
	}
	return "<span>", "</span>"
}

package mathml

import "strings"

// textStyles are the text-mode commands, with the CSS their text gets
// (Chromium ignores mathvariant on mtext).
var textStyles = map[string]string{
	"text": "", "textrm": "", "textnormal": "", "mbox": "", "hbox": "", "textup": "", "textmd": "",
	"textbf": "font-weight:bold", "textit": "font-style:italic", "emph": "font-style:italic",
	"textsl": "font-style:italic", "texttt": "font-family:monospace", "textsf": "font-family:sans-serif",
	"textsc": "font-variant:small-caps", "intertext": "", "shortintertext": "", "textsuperscript": "",
}

// textSymbols are the commands understood inside text.
var textSymbols = map[string]string{
	" ": " ", ",": "\u2009", ":": "\u2005", ";": "\u2004", "!": "", "quad": "\u2003",
	"qquad": "\u2003\u2003", "enspace": "\u2002", "%": "%", "$": "$", "#": "#", "&": "&", "_": "_",
	"{": "{", "}": "}", `\`: " ", "LaTeX": "LaTeX", "TeX": "TeX", "ldots": "…", "dots": "…",
	"textellipsis": "…", "textendash": "–", "textemdash": "—", "textbackslash": `\`,
	"textasciitilde": "~", "textasciicircum": "^", "S": "§", "P": "¶", "textdegree": "°",
	"copyright": "©", "dag": "†", "ddag": "‡", "textbar": "|", "textless": "<", "textgreater": ">",
	"slash": "/", "ss": "ß", "ae": "æ", "AE": "Æ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
	"i": "ı", "j": "ȷ", "l": "ł", "L": "Ł", "oe": "œ", "OE": "Œ", "relax": "", "nobreakspace": "\u00a0",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
}

// textAccents are TeX's text accent commands as combining marks.
var textAccents = map[string]string{"'": "\u0301", "`": "\u0300", "^": "\u0302", "\"": "\u0308",
	"~": "\u0303", "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030C", "H": "\u030B",
	"c": "\u0327", "r": "\u030A", "k": "\u0328"}

// ligatures are TeX's dashes and quotes.
var ligatures = strings.NewReplacer("---", "—", "--", "–", "``", "“", "''", "”")

// textRun accumulates the pieces of a text argument.
type textRun struct {
	style string
	buf   strings.Builder
	parts []*node
}

func (r *textRun) flush() {
	if r.buf.Len() == 0 {
		return
	}
	s := r.buf.String()
	r.buf.Reset()
	s = ligatures.Replace(s)
	// Leading and trailing spaces would be dropped by layout; keep them.
	if strings.HasPrefix(s, " ") {
		s = "\u00a0" + s[1:]
	}
	if strings.HasSuffix(s, " ") {
		s = s[:len(s)-1] + "\u00a0"
	}
	n := &node{tag: "mtext", text: s, cls: cOrd}
	if r.style != "" {
		n.set("style", r.style)
	}
	r.parts = append(r.parts, n)
}

func (r *textRun) result() *node {
	r.flush()
	if len(r.parts) == 0 {
		return &node{tag: "mtext", cls: cOrd}
	}
	n := row(r.parts)
	n.cls = cOrd
	return n
}

// text parses the argument of \text and its relatives.
func (p *parser) text(t token, style string) *node {
	run := &textRun{style: style}
	open := p.nextMath()
	switch open.kind {
	case tOpen:
	case tChar:
		run.buf.WriteString(open.text)
		return run.result()
	case tCmd:
		p.textCommand(open, run)
		return run.result()
	default:
		p.fail(t.pos, "missing argument for \\"+t.text)
	}
	p.enter(open.pos)
	defer p.leave()
	for depth := 0; ; {
		tk := p.nextRaw()
		switch tk.kind {
		case tEOF:
			p.fail(open.pos, "unbalanced braces")
		case tOpen:
			depth++
		case tClose:
			if depth == 0 {
				return run.result()
			}
			depth--
		case tSpace:
			run.buf.WriteByte(' ')
		case tChar:
			p.textChar(tk, run)
		case tCmd:
			p.textCommand(tk, run)
		default:
			run.buf.WriteString(tk.String())
		}
	}
}

func (p *parser) textChar(tk token, run *textRun) {
	switch tk.text {
	case "$":
		run.flush()
		p.textMath++
		kids := p.parseList(cSkip)
		if end := p.nextRaw(); end.kind != tChar || end.text != "$" {
			p.fail(tk.pos, "unterminated $ in text")
		}
		p.textMath--
		run.parts = append(run.parts, row(kids))
	case "~":
		run.buf.WriteString("\u00a0")
	default:
		run.buf.WriteString(tk.text)
	}
}

func (p *parser) textCommand(tk token, run *textRun) {
	if s, ok := textSymbols[tk.text]; ok {
		run.buf.WriteString(s)
		return
	}
	if m := p.lookupMacro(tk.text); m != nil {
		p.expand(tk, m)
		return
	}
	if style, ok := textStyles[tk.text]; ok {
		run.flush()
		if run.style != "" && style != "" {
			style = run.style + ";" + style
		} else if style == "" {
			style = run.style
		}
		run.parts = append(run.parts, p.text(tk, style))
		return
	}
	if mark, ok := textAccents[tk.text]; ok {
		arg, err := readArg(p)
		if err != nil {
			panic(err)
		}
		run.buf.WriteString(strings.TrimSpace(tokensText(arg)) + mark)
		return
	}
	switch tk.text {
	case "color", "textcolor", "href":
		p.readString(tk) // colours and links are dropped inside text
		return
	}
	if s, ok := symbols[tk.text]; ok {
		run.buf.WriteString(s.text)
		return
	}
	run.buf.WriteString(`\` + tk.text)
}

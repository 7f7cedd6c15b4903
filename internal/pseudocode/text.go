package pseudocode

import "strings"

// blockCmds end open text: they start or close statements.
var blockCmds = map[string]bool{
	"state": true, "return": true, "print": true, "break": true, "continue": true,
	"require": true, "ensure": true, "input": true, "output": true, "comment": true,
	"if": true, "elsif": true, "elseif": true, "elif": true, "else": true, "endif": true,
	"for": true, "forall": true, "endfor": true, "while": true, "endwhile": true,
	"repeat": true, "until": true, "loop": true, "endloop": true,
	"procedure": true, "endprocedure": true, "function": true, "endfunction": true,
	"begin": true, "end": true, "caption": true,
}

// keywords are the inline symbols pseudocode.js shows as bold words.
var keywords = map[string]string{
	"and": "and", "or": "or", "not": "not", "xor": "xor", "true": "true", "false": "false",
	"to": "to", "downto": "downto", "null": "null", "nil": "nil",
}

// styles are the text-style commands taking one argument.
var styles = map[string]bool{
	"textbf": true, "textit": true, "texttt": true, "textrm": true, "textsf": true,
	"textsc": true, "textup": true, "textsl": true, "textmd": true, "textnormal": true,
	"emph": true, "uppercase": true, "lowercase": true, "textlf": true,
}

// declarations change font or size in LaTeX; rendered text ignores them.
var declarations = map[string]bool{
	"tiny": true, "scriptsize": true, "footnotesize": true, "small": true, "normalsize": true,
	"large": true, "Large": true, "LARGE": true, "huge": true, "Huge": true,
	"normalfont": true, "rmfamily": true, "sffamily": true, "ttfamily": true, "upshape": true,
	"itshape": true, "slshape": true, "scshape": true, "bfseries": true, "mdseries": true, "lfseries": true,
}

// symbols are commands and control symbols that stand for text.
var symbols = map[string]string{
	"{": "{", "}": "}", "$": "$", "&": "&", "#": "#", "%": "%", "_": "_", " ": " ", "\n": " ",
	",": "\u2009", ";": "\u2005", "textbackslash": `\`, "ldots": "…", "dots": "…",
	"textendash": "–", "textemdash": "—", "textasciitilde": "~", "S": "§",
}

// text reads inline content. Open text (a statement's) ends at the next
// statement command; close text (inside braces) ends at the "}".
func (p *parser) text(closed bool) (Text, error) {
	var out Text
	for {
		t := p.peek()
		switch t.kind {
		case tEOF:
			return trim(out), nil
		case tClose:
			if closed {
				return trim(out), nil
			}
			return nil, p.errAt(t.line, `unmatched "}"`)
		case tSpace:
			p.advance()
			out = appendWord(out, " ")
		case tText:
			p.advance()
			out = appendWord(out, typography(t.text))
		case tMath:
			p.advance()
			out = append(out, Inline{Kind: Math, Text: t.text})
		case tOpen:
			p.advance()
			inner, err := p.text(true)
			if err != nil {
				return nil, err
			}
			if p.peek().kind != tClose {
				return nil, p.errAt(t.line, `the "{" opened here is never closed`)
			}
			p.advance()
			out = append(out, Inline{Kind: Group, Args: inner})
		case tCmd:
			if blockCmds[strings.ToLower(t.text)] {
				return trim(out), nil
			}
			in, err := p.inlineCmd(t)
			if err != nil {
				return nil, err
			}
			if in.Kind == Word {
				out = appendWord(out, in.Text)
			} else if in.Kind != Group || in.Args != nil {
				out = append(out, in)
			}
		}
	}
}

// inlineCmd reads a command inside text. A Group with nil Args means the
// command produced nothing (a font declaration).
func (p *parser) inlineCmd(t token) (Inline, error) {
	p.advance()
	name := t.text
	lower := strings.ToLower(name)
	switch {
	case name == `\`:
		return Inline{Kind: Newline}, nil
	case keywords[lower] != "":
		return Inline{Kind: Keyword, Text: keywords[lower]}, nil
	case lower == "call":
		fn, err := p.arg(`\CALL`, t.line)
		if err != nil {
			return Inline{}, err
		}
		args, err := p.arg(`\CALL`, t.line)
		return Inline{Kind: Call, Text: plain(fn), Args: args}, err
	case styles[name]:
		args, err := p.arg(`\`+name, t.line)
		return Inline{Kind: Styled, Text: name, Args: args}, err
	case declarations[name]:
		return Inline{Kind: Group}, nil
	}
	if s, ok := symbols[name]; ok {
		return Inline{Kind: Word, Text: s}, nil
	}
	return Inline{}, p.errAt(t.line, `unknown command \%s (math belongs between $…$)`, name)
}

func appendWord(out Text, s string) Text {
	if n := len(out); n > 0 && out[n-1].Kind == Word {
		if s == " " && strings.HasSuffix(out[n-1].Text, " ") {
			return out
		}
		out[n-1].Text += s
		return out
	}
	return append(out, Inline{Kind: Word, Text: s})
}

// trim drops the spaces that open and close a text.
func trim(t Text) Text {
	if len(t) > 0 && t[0].Kind == Word {
		t[0].Text = strings.TrimLeft(t[0].Text, " ")
		if t[0].Text == "" {
			t = t[1:]
		}
	}
	if n := len(t); n > 0 && t[n-1].Kind == Word {
		t[n-1].Text = strings.TrimRight(t[n-1].Text, " ")
		if t[n-1].Text == "" {
			t = t[:n-1]
		}
	}
	return t
}

// plain flattens text to a string (for routine names in \CALL).
func plain(t Text) string {
	var b strings.Builder
	for _, in := range t {
		switch in.Kind {
		case Word, Keyword, Math:
			b.WriteString(in.Text)
		default:
			b.WriteString(plain(in.Args))
		}
	}
	return b.String()
}

// typography applies TeX's ligatures for quotes and dashes and ~.
var typography = strings.NewReplacer("``", "“", "''", "”", "`", "‘", "'", "’",
	"---", "—", "--", "–", "~", "\u00a0").Replace

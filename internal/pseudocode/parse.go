package pseudocode

import (
	"fmt"
	"strings"
)

// Parse reads one algorithm: \begin{algorithm} with an optional \caption
// and algorithmic environments, or a bare \begin{algorithmic}. Text before
// it may only be % comments and blank lines.
func Parse(src string) (*Algorithm, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	a := &Algorithm{}
	p.skipSpace()
	env, line, err := p.begin()
	if err != nil {
		return nil, err
	}
	switch env {
	case "algorithm":
		err = p.algorithm(a, line)
	case "algorithmic":
		err = p.algorithmic(a, line)
	default:
		err = p.errAt(line, "unknown environment %q (want algorithm or algorithmic)", env)
	}
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if t := p.peek(); t.kind != tEOF {
		return nil, p.errAt(t.line, "unexpected %s after \\end{%s}; put each algorithm in its own block", describe(t), env)
	}
	return a, nil
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) advance() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) skipSpace() {
	for p.peek().kind == tSpace {
		p.pos++
	}
}

func (p *parser) errAt(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tCmd:
		return `\` + t.text
	case tOpen:
		return `"{"`
	case tClose:
		return `"}"`
	case tMath:
		return "math"
	}
	return fmt.Sprintf("%q", t.text)
}

// isCmd reports whether t is the command name, ignoring case as
// pseudocode.js does for \IF, \If, \if.
func isCmd(t token, name string) bool { return t.kind == tCmd && strings.EqualFold(t.text, name) }

// begin reads \begin{name}.
func (p *parser) begin() (name string, line int, err error) {
	t := p.peek()
	if !isCmd(t, "begin") {
		return "", t.line, p.errAt(t.line, `expected \begin{algorithm} or \begin{algorithmic}, found %s`, describe(t))
	}
	p.advance()
	name, err = p.plainArg(`\begin`)
	return name, t.line, err
}

// end reads \end{name} if it comes next.
func (p *parser) end(name string) (bool, error) {
	p.skipSpace()
	t := p.peek()
	if !isCmd(t, "end") {
		return false, nil
	}
	p.advance()
	got, err := p.plainArg(`\end`)
	if err != nil {
		return false, err
	}
	if got != name {
		return false, p.errAt(t.line, `\end{%s} does not match \begin{%s}`, got, name)
	}
	return true, nil
}

// plainArg reads {word} for environment names.
func (p *parser) plainArg(cmd string) (string, error) {
	p.skipSpace()
	open := p.advance()
	word := p.advance()
	closing := p.advance()
	if open.kind != tOpen || word.kind != tText || closing.kind != tClose {
		return "", p.errAt(open.line, "%s needs {name}", cmd)
	}
	return word.text, nil
}

func (p *parser) algorithm(a *Algorithm, line int) error {
	for {
		if ok, err := p.end("algorithm"); ok || err != nil {
			return err
		}
		t := p.peek()
		switch {
		case isCmd(t, "caption"):
			p.advance()
			text, err := p.arg(`\caption`, t.line)
			if err != nil {
				return err
			}
			if text == nil {
				text = Text{} // \caption{} still numbers the algorithm
			}
			a.Caption = text
		case isCmd(t, "begin"):
			env, l, err := p.begin()
			if err != nil {
				return err
			}
			if env != "algorithmic" {
				return p.errAt(l, `unexpected \begin{%s} inside algorithm`, env)
			}
			if err := p.algorithmic(a, l); err != nil {
				return err
			}
		case t.kind == tEOF:
			return p.errAt(line, `\begin{algorithm} is never closed by \end{algorithm}`)
		default:
			return p.errAt(t.line, `unexpected %s in algorithm (want \caption or \begin{algorithmic})`, describe(t))
		}
	}
}

func (p *parser) algorithmic(a *Algorithm, line int) error {
	body, err := p.block()
	if err != nil {
		return err
	}
	ok, err := p.end("algorithmic")
	if err != nil {
		return err
	}
	if !ok {
		t := p.peek()
		if t.kind == tEOF {
			return p.errAt(line, `\begin{algorithmic} is never closed by \end{algorithmic}`)
		}
		return p.errAt(t.line, "unexpected %s%s", describe(t), closerHint(t))
	}
	a.Body = append(a.Body, body)
	return nil
}

// closerHint explains a block terminator found where none is open.
func closerHint(t token) string {
	if t.kind == tCmd {
		switch strings.ToLower(t.text) {
		case "endif", "else", "elsif", "elseif", "elif":
			return ` without an open \IF`
		case "endfor":
			return ` without an open \FOR`
		case "endwhile":
			return ` without an open \WHILE`
		case "until":
			return ` without an open \REPEAT`
		case "endprocedure", "endfunction", "endloop":
			return " without a matching opening command"
		}
	}
	if t.kind == tText || t.kind == tMath || t.kind == tOpen {
		return ` outside a statement (missing \STATE?)`
	}
	return ""
}

// arg reads a {…} argument as Text.
func (p *parser) arg(cmd string, line int) (Text, error) {
	p.skipSpace()
	if p.peek().kind != tOpen {
		return nil, p.errAt(line, "%s needs a {…} argument, found %s", cmd, describe(p.peek()))
	}
	open := p.advance()
	text, err := p.text(true)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tClose {
		return nil, p.errAt(open.line, "%s: the { opened here is never closed", cmd)
	}
	p.advance()
	return text, nil
}

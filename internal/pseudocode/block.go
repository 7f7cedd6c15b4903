package pseudocode

import "strings"

// simple maps the one-line statement commands to their kinds.
var simple = map[string]Kind{
	"state": State, "return": Return, "print": Print, "break": Break, "continue": Continue,
	"require": Require, "ensure": Ensure, "input": Input, "output": Output,
}

// block reads statements until a command it does not start (a terminator
// such as \ENDIF, which the caller checks) or the end of input.
func (p *parser) block() ([]Stmt, error) {
	var out []Stmt
	for {
		p.skipSpace()
		t := p.peek()
		if t.kind != tCmd {
			return out, nil
		}
		name := strings.ToLower(t.text)
		var s Stmt
		var err error
		kind, isSimple := simple[name]
		switch {
		case isSimple:
			p.advance()
			s = Stmt{Kind: kind, Line: t.line}
			s.Text, err = p.text(false)
		case name == "comment":
			p.advance()
			s = Stmt{Kind: Comment, Line: t.line}
			s.Text, err = p.arg(`\COMMENT`, t.line)
		case name == "if":
			s, err = p.ifStmt(t)
		case name == "for" || name == "forall" || name == "while":
			s, err = p.loopStmt(t, name)
		case name == "repeat":
			s, err = p.repeatStmt(t)
		case name == "loop":
			s, err = p.plainLoop(t)
		case name == "procedure" || name == "function":
			s, err = p.routine(t, name)
		default:
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// closeBlock expects the terminator want (one of several names) after a
// block opened by opener at line.
func (p *parser) closeBlock(opener string, line int, want ...string) (string, error) {
	p.skipSpace()
	t := p.peek()
	if t.kind == tCmd {
		for _, w := range want {
			if strings.EqualFold(t.text, w) {
				p.advance()
				return w, nil
			}
		}
	}
	if t.kind == tEOF || isCmd(t, "end") {
		return "", p.errAt(line, `unclosed \%s: no \%s before %s`, opener, strings.ToUpper(want[len(want)-1]), describe(t))
	}
	return "", p.errAt(t.line, `unexpected %s inside \%s opened at line %d (want \%s)`, describe(t), opener, line, strings.ToUpper(want[len(want)-1]))
}

func (p *parser) ifStmt(t token) (Stmt, error) {
	p.advance()
	s := Stmt{Kind: If, Line: t.line}
	var err error
	if s.Text, err = p.arg(`\IF`, t.line); err != nil {
		return s, err
	}
	if s.Body, err = p.block(); err != nil {
		return s, err
	}
	for {
		p.skipSpace()
		e := p.peek()
		kw, err := p.closeBlock("IF", t.line, "elsif", "elseif", "elif", "else", "endif")
		if err != nil {
			return s, err
		}
		switch kw {
		case "endif":
			return s, nil
		case "else":
			if s.HasElse {
				return s, p.errAt(e.line, `second \ELSE in the \IF at line %d`, t.line)
			}
			s.HasElse = true
			if s.Else, err = p.block(); err != nil {
				return s, err
			}
		default:
			if s.HasElse {
				return s, p.errAt(e.line, `\ELSIF after \ELSE in the \IF at line %d`, t.line)
			}
			b := Branch{Line: e.line}
			if b.Cond, err = p.arg(`\ELSIF`, e.line); err != nil {
				return s, err
			}
			if b.Body, err = p.block(); err != nil {
				return s, err
			}
			s.Elifs = append(s.Elifs, b)
		}
	}
}

func (p *parser) loopStmt(t token, name string) (Stmt, error) {
	p.advance()
	kinds := map[string]Kind{"for": For, "forall": ForAll, "while": While}
	ends := map[string]string{"for": "endfor", "forall": "endfor", "while": "endwhile"}
	s := Stmt{Kind: kinds[name], Line: t.line}
	var err error
	if s.Text, err = p.arg(`\`+strings.ToUpper(name), t.line); err != nil {
		return s, err
	}
	if s.Body, err = p.block(); err != nil {
		return s, err
	}
	_, err = p.closeBlock(strings.ToUpper(name), t.line, ends[name])
	return s, err
}

func (p *parser) repeatStmt(t token) (Stmt, error) {
	p.advance()
	s := Stmt{Kind: Repeat, Line: t.line}
	var err error
	if s.Body, err = p.block(); err != nil {
		return s, err
	}
	if _, err = p.closeBlock("REPEAT", t.line, "until"); err != nil {
		return s, err
	}
	s.Text, err = p.arg(`\UNTIL`, p.toks[p.pos-1].line)
	return s, err
}

func (p *parser) plainLoop(t token) (Stmt, error) {
	p.advance()
	s := Stmt{Kind: Loop, Line: t.line}
	var err error
	if s.Body, err = p.block(); err != nil {
		return s, err
	}
	_, err = p.closeBlock("LOOP", t.line, "endloop")
	return s, err
}

func (p *parser) routine(t token, name string) (Stmt, error) {
	p.advance()
	s := Stmt{Kind: Procedure, Line: t.line}
	if name == "function" {
		s.Kind = Function
	}
	cmd := `\` + strings.ToUpper(name)
	var err error
	if s.Name, err = p.arg(cmd, t.line); err != nil {
		return s, err
	}
	if s.Text, err = p.arg(cmd, t.line); err != nil {
		return s, err
	}
	if s.Body, err = p.block(); err != nil {
		return s, err
	}
	_, err = p.closeBlock(strings.ToUpper(name), t.line, "end"+name)
	return s, err
}

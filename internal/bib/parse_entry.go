package bib

import "strings"

// entry parses what follows the '@' at offset start.
func (p *parser) entry(start int) error {
	p.skipSpace()
	typ := strings.ToLower(p.ident())
	if typ == "" {
		if p.inWord(start) {
			return nil
		}
		p.diags.Warnf(p.file, p.line(start), kind, "ignoring '@' not followed by an entry type")
		return nil
	}
	p.skipSpace()
	open := p.peek()
	if open != '{' && open != '(' {
		if typ != "comment" && !p.inWord(start) {
			p.diags.Warnf(p.file, p.line(start), kind, "ignoring @%s: not followed by '{' or '('", typ)
		}
		return nil
	}
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	p.pos++
	switch typ {
	case "comment":
		p.skipComment(closer)
		return nil
	case "preamble":
		if _, err := p.value(); err != nil {
			return err
		}
		return p.expectClose(closer, typ)
	case "string":
		return p.stringDef(closer)
	}
	return p.record(typ, start, closer)
}

// skipComment skips the balanced body of @comment; an unbalanced one is
// treated as if it were only the word, so entries after it still count.
func (p *parser) skipComment(closer byte) {
	depth := 0
	for i := p.pos; i < len(p.src); i++ {
		switch c := p.src[i]; {
		case c == '{':
			depth++
		case depth == 0 && c == closer:
			p.pos = i + 1
			return
		case c == '}':
			depth--
		}
	}
}

func (p *parser) expectClose(closer byte, what string) error {
	p.skipSpace()
	if p.peek() != closer {
		return p.errorf(p.pos, "expected %q to close @%s, found %s", closer, what, p.describe(p.pos))
	}
	p.pos++
	return nil
}

// stringDef parses the body of @string{name = value}.
func (p *parser) stringDef(closer byte) error {
	for {
		p.skipSpace()
		if p.peek() == closer {
			p.pos++
			return nil
		}
		name := strings.ToLower(p.ident())
		if name == "" {
			return p.errorf(p.pos, "expected a macro name in @string, found %s", p.describe(p.pos))
		}
		p.skipSpace()
		if p.peek() != '=' {
			return p.errorf(p.pos, "expected '=' after @string name %q, found %s", name, p.describe(p.pos))
		}
		p.pos++
		v, err := p.value()
		if err != nil {
			return err
		}
		p.macros[name] = v
		p.skipSpace()
		if p.peek() == ',' {
			p.pos++
		}
	}
}

// record parses a citable entry: key, then "name = value" fields.
func (p *parser) record(typ string, start int, closer byte) error {
	p.skipSpace()
	k := p.pos
	for k < len(p.src) && !strings.ContainsRune(", \t\r\n{}", rune(p.src[k])) && p.src[k] != closer {
		k++
	}
	if k == p.pos {
		return p.errorf(p.pos, "missing citation key in @%s, found %s", typ, p.describe(p.pos))
	}
	e := &Entry{Type: typ, Key: p.src[p.pos:k], Fields: map[string]string{}, Line: p.line(start)}
	p.entryPos = start
	p.pos = k
	p.skipSpace()
	if p.peek() == closer {
		p.pos++
		p.add(e)
		return nil
	}
	if p.peek() != ',' {
		return p.errorf(p.pos, "expected ',' after key %q, found %s", e.Key, p.describe(p.pos))
	}
	p.pos++
	if err := p.fields(e, closer); err != nil {
		return err
	}
	p.add(e)
	return nil
}

// fields parses "name = value" pairs up to the closing delimiter; a
// trailing comma is allowed.
func (p *parser) fields(e *Entry, closer byte) error {
	for {
		p.skipSpace()
		if p.peek() == closer {
			p.pos++
			return nil
		}
		at := p.pos
		name := strings.ToLower(p.ident())
		if name == "" {
			return p.errorf(p.pos, "expected a field name in entry %q, found %s", e.Key, p.describe(p.pos))
		}
		p.skipSpace()
		if p.peek() != '=' {
			return p.errorf(p.pos, "expected '=' after field %q in entry %q, found %s", name, e.Key, p.describe(p.pos))
		}
		p.pos++
		raw, err := p.value()
		if err != nil {
			return err
		}
		p.setField(e, name, raw, at)
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
		case closer:
			p.pos++
			return nil
		default:
			if p.pos >= len(p.src) || p.peek() == '@' && p.atLineStart(p.pos) && p.entryAhead(p.pos) {
				return p.errorf(p.entryPos, "entry %q is never closed (unbalanced braces?) before %s",
					e.Key, p.where(p.pos))
			}
			return p.errorf(p.pos, "expected ',' or %q after field %q in entry %q, found %s (missing comma?)",
				closer, name, e.Key, p.describe(p.pos))
		}
	}
}

// setField stores a decoded field; names come from the raw value because
// braces decide where "and" and commas split.
func (p *parser) setField(e *Entry, name, raw string, at int) {
	if _, dup := e.Fields[name]; dup {
		p.diags.Warnf(p.file, p.line(at), kind, "duplicate field %q in entry %q; keeping the first", name, e.Key)
		return
	}
	if verbatimFields[name] {
		e.Fields[name] = verbatim(raw)
	} else {
		e.Fields[name] = DecodeTeX(raw)
	}
	e.order = append(e.order, name)
	switch name {
	case "author":
		e.Authors, e.OthersAuthors = SplitNames(raw)
	case "editor":
		e.editors, e.othersEditors = SplitNames(raw)
	}
}

// add files a finished entry; the first of two equal keys wins.
func (p *parser) add(e *Entry) {
	if first, dup := p.lib.Entries[e.Key]; dup {
		p.diags.Warnf(p.file, e.Line, kind, "duplicate key %q (first defined at line %d); ignoring this entry", e.Key, first.Line)
		return
	}
	p.lib.Entries[e.Key] = e
	p.lib.Keys = append(p.lib.Keys, e.Key)
}

package mathml

// Limits that keep hostile input from hanging the converter.
const (
	maxExpansions = 10000  // macro expansions per formula
	maxPending    = 200000 // tokens waiting to be read after expansion
	maxDepth      = 1000   // nesting of groups and arguments
)

// macro is one user definition. opt, when non-nil, is the default of an
// optional first argument (\newcommand{\x}[2][d]{…}).
type macro struct {
	nargs int
	opt   []token
	body  []token
}

// Macros are TeX macro definitions shared by a whole document (MathJax
// semantics: a \newcommand anywhere in the post is valid in the whole post).
// Safe for concurrent reads after setup.
type Macros struct {
	defs   map[string]*macro
	colors map[string]string // from \definecolor, as CSS
}

// NewMacros returns an empty set of definitions.
func NewMacros() *Macros { return &Macros{defs: map[string]*macro{}, colors: map[string]string{}} }

// Define records \name (given without the backslash) taking nargs arguments
// #1…#nargs, as from site config or front matter.
func (m *Macros) Define(name string, nargs int, body string) {
	if m.defs == nil {
		m.defs = map[string]*macro{}
	}
	nargs = max(0, min(nargs, 9))
	m.defs[name] = &macro{nargs: nargs, body: tokenize(body)}
}

// Collect scans a formula for \newcommand, \renewcommand, \providecommand,
// \def, \let and \DeclareMathOperator and records them. Malformed
// definitions are skipped; Convert reports them.
func (m *Macros) Collect(tex string) {
	if m.defs == nil {
		m.defs = map[string]*macro{}
	}
	r := &sliceReader{toks: tokenize(tex)}
	for {
		t := r.nextRaw()
		if t.kind == tEOF {
			return
		}
		if t.kind == tCmd && isDefiner(t.text) {
			if name, def, err := readDefinition(r, t); err == nil {
				m.record(t.text, name, def)
			}
		}
		if t.kind == tCmd && t.text == "definecolor" {
			if name, value, err := readColorDefinition(r, t); err == nil {
				if m.colors == nil {
					m.colors = map[string]string{}
				}
				m.colors[name] = value
			}
		}
	}
}

// record stores def unless the definer is \providecommand and name exists.
func (m *Macros) record(definer, name string, def *macro) {
	if definer == "providecommand" {
		if _, ok := m.defs[name]; ok {
			return
		}
	}
	m.defs[name] = def
}

// Clone returns an independent copy, for a document that adds definitions
// to site-wide ones.
func (m *Macros) Clone() *Macros {
	c := NewMacros()
	if m != nil {
		for k, v := range m.defs {
			c.defs[k] = v
		}
		for k, v := range m.colors {
			c.colors[k] = v
		}
	}
	return c
}

func (m *Macros) lookup(name string) *macro {
	if m == nil {
		return nil
	}
	return m.defs[name]
}

func isDefiner(name string) bool {
	switch name {
	case "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef",
		"let", "DeclareMathOperator":
		return true
	}
	return false
}

// rawReader yields tokens without macro expansion.
type rawReader interface {
	nextRaw() token
	peekRaw() token
}

type sliceReader struct {
	toks []token
	i    int
}

func (r *sliceReader) nextRaw() token {
	if r.i >= len(r.toks) {
		return token{kind: tEOF}
	}
	r.i++
	return r.toks[r.i-1]
}

func (r *sliceReader) peekRaw() token {
	if r.i >= len(r.toks) {
		return token{kind: tEOF}
	}
	return r.toks[r.i]
}

func skipSpaces(r rawReader) {
	for r.peekRaw().kind == tSpace {
		r.nextRaw()
	}
}

// readGroup reads a balanced {…} (the opening brace already consumed) and
// returns its inner tokens.
func readGroup(r rawReader, open token) ([]token, *Error) {
	var out []token
	depth := 1
	for {
		t := r.nextRaw()
		switch t.kind {
		case tEOF:
			return nil, errAt(open.pos, "unbalanced braces")
		case tOpen:
			depth++
		case tClose:
			depth--
			if depth == 0 {
				return out, nil
			}
		}
		out = append(out, t)
	}
}

// readArg reads one undelimited macro argument: a braced group's contents
// or a single token.
func readArg(r rawReader) ([]token, *Error) {
	skipSpaces(r)
	t := r.nextRaw()
	switch t.kind {
	case tEOF:
		return nil, errAt(t.pos, "missing argument")
	case tOpen:
		return readGroup(r, t)
	case tClose:
		return nil, errAt(t.pos, "missing argument")
	}
	return []token{t}, nil
}

// readOptional reads [..] if present (brace-aware), reporting whether it was.
func readOptional(r rawReader) ([]token, bool, *Error) {
	skipSpaces(r)
	if t := r.peekRaw(); t.kind != tChar || t.text != "[" {
		return nil, false, nil
	}
	open := r.nextRaw()
	var out []token
	depth := 0
	for {
		t := r.nextRaw()
		switch {
		case t.kind == tEOF:
			return nil, true, errAt(open.pos, "unterminated optional argument")
		case t.kind == tOpen:
			depth++
		case t.kind == tClose:
			depth--
		case t.kind == tChar && t.text == "]" && depth == 0:
			return out, true, nil
		}
		out = append(out, t)
	}
}

// readDefinition parses the rest of a definition introduced by definer and
// returns the macro's name and definition.
func readDefinition(r rawReader, definer token) (string, *macro, *Error) {
	switch definer.text {
	case "def", "gdef", "edef", "xdef":
		return readDef(r, definer)
	case "let":
		return readLet(r, definer)
	case "DeclareMathOperator":
		return readOperator(r, definer)
	}
	skipSpaces(r)
	if t := r.peekRaw(); t.kind == tChar && t.text == "*" {
		r.nextRaw()
	}
	name, err := readName(r, definer)
	if err != nil {
		return "", nil, err
	}
	def := &macro{}
	if n, ok, err := readOptional(r); err != nil {
		return "", nil, err
	} else if ok {
		s := tokensText(n)
		if len(s) != 1 || s[0] < '0' || s[0] > '9' {
			return "", nil, errAt(definer.pos, "bad argument count in \\"+definer.text)
		}
		def.nargs = int(s[0] - '0')
	}
	if opt, ok, err := readOptional(r); err != nil {
		return "", nil, err
	} else if ok {
		def.opt = opt
		if def.opt == nil {
			def.opt = []token{}
		}
	}
	body, err := readArg(r)
	if err != nil {
		return "", nil, err
	}
	def.body = body
	return name, def, nil
}

// readName reads the macro name of a definition: \x or {\x}.
func readName(r rawReader, definer token) (string, *Error) {
	arg, err := readArg(r)
	if err != nil {
		return "", err
	}
	var cmd []token
	for _, t := range arg {
		if t.kind != tSpace {
			cmd = append(cmd, t)
		}
	}
	if len(cmd) != 1 || cmd[0].kind != tCmd {
		return "", errAt(definer.pos, "bad macro name in \\"+definer.text)
	}
	return cmd[0].text, nil
}

func readDef(r rawReader, definer token) (string, *macro, *Error) {
	skipSpaces(r)
	t := r.nextRaw()
	if t.kind != tCmd {
		return "", nil, errAt(definer.pos, "bad macro name in \\def")
	}
	def := &macro{}
	for {
		p := r.nextRaw()
		switch p.kind {
		case tParam:
			def.nargs = max(def.nargs, int(p.text[0]-'0'))
			continue
		case tOpen:
			body, err := readGroup(r, p)
			if err != nil {
				return "", nil, err
			}
			def.body = body
			return t.text, def, nil
		case tEOF:
			return "", nil, errAt(definer.pos, "missing body in \\def")
		}
		// delimiters in the parameter text are not supported; ignore them
	}
}

func readLet(r rawReader, definer token) (string, *macro, *Error) {
	skipSpaces(r)
	t := r.nextRaw()
	if t.kind != tCmd {
		return "", nil, errAt(definer.pos, "bad macro name in \\let")
	}
	skipSpaces(r)
	if eq := r.peekRaw(); eq.kind == tChar && eq.text == "=" {
		r.nextRaw()
		skipSpaces(r)
	}
	v := r.nextRaw()
	if v.kind == tEOF {
		return "", nil, errAt(definer.pos, "missing value in \\let")
	}
	return t.text, &macro{body: []token{v}}, nil
}

func readOperator(r rawReader, definer token) (string, *macro, *Error) {
	skipSpaces(r)
	star := false
	if t := r.peekRaw(); t.kind == tChar && t.text == "*" {
		r.nextRaw()
		star = true
	}
	name, err := readName(r, definer)
	if err != nil {
		return "", nil, err
	}
	text, err := readArg(r)
	if err != nil {
		return "", nil, err
	}
	op := "operatorname"
	if star {
		op = "operatornamewithlimits"
	}
	body := []token{{kind: tCmd, text: op}, {kind: tOpen}}
	body = append(body, text...)
	body = append(body, token{kind: tClose})
	return name, &macro{body: body}, nil
}

// tokensText renders tokens back to TeX source.
func tokensText(toks []token) string {
	n := 0
	for _, t := range toks {
		n += len(t.text) + 2
	}
	b := make([]byte, 0, n)
	for _, t := range toks {
		b = append(b, t.String()...)
	}
	return string(b)
}

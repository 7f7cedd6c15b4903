package highlight

// A faster driver for chroma's regex lexers.
//
// chroma tries every rule of the current state, in order, at every
// position, each with a regexp2 match that allocates; most fail on the
// first character. fastLexer runs the same compiled rules with the same
// semantics but first checks the current character against the set of
// ASCII characters each rule can start with (computed once per rule from
// its pattern with regexp/syntax). A rule whose pattern Go cannot parse,
// or that can match the empty string, is always tried, so the filter only
// ever skips rules that cannot match. TestFastLexerMatchesChroma checks
// token-for-token equality with chroma on chroma's own test files.

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
)

// asciiSet is a set of ASCII characters; non-ASCII characters are always
// let through.
type asciiSet [2]uint64

func (s *asciiSet) add(r rune) {
	if r >= 0 && r < 128 {
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s *asciiSet) addRange(lo, hi rune) {
	if lo < 0 {
		lo = 0
	}
	for r := lo; r <= hi && r < 128; r++ {
		s.add(r)
	}
}

func (s *asciiSet) has(r rune) bool {
	if r >= 128 || r < 0 {
		return true
	}
	return s[r>>6]&(1<<(r&63)) != 0
}

func (s *asciiSet) union(o asciiSet) { s[0] |= o[0]; s[1] |= o[1] }

// fastRule is a compiled rule with its first-character filter.
type fastRule struct {
	*chroma.CompiledRule
	first  asciiSet
	filter bool
	named  bool // the pattern has named groups (else NamedGroups stays nil)
}

type fastLexer struct {
	rl       *chroma.RegexLexer
	rules    map[string][]fastRule
	compiled chroma.CompiledRules // what mutators see as LexerState.Rules
	ensureNL bool
}

// newFastLexer prepares a fast driver for l, or returns nil when l is not
// a plain regex lexer (then chroma's own driver is used).
func newFastLexer(l chroma.Lexer) *fastLexer {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return nil
	}
	raw, err := rl.Rules()
	if err != nil {
		return nil
	}
	cfg := rl.Config()
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	compiled := chroma.CompiledRules{}
	for state, rules := range raw {
		for _, r := range rules {
			compiled[state] = append(compiled[state], &chroma.CompiledRule{Rule: r})
		}
	}
	// Apply compile-time mutators (include, combined) exactly as chroma does.
restart:
	seen := map[chroma.LexerMutator]bool{}
	for state := range compiled {
		for i := range compiled[state] {
			if m, ok := compiled[state][i].Mutator.(chroma.LexerMutator); ok {
				if seen[m] {
					return nil
				}
				seen[m] = true
				if err := m.MutateLexer(compiled, state, i); err != nil {
					return nil
				}
				goto restart
			}
		}
	}
	f := &fastLexer{rl: rl, rules: map[string][]fastRule{}, compiled: compiled, ensureNL: cfg.EnsureNL}
	cache := map[*chroma.CompiledRule]fastRule{}
	for state, rules := range compiled {
		for _, cr := range rules {
			fr, ok := cache[cr]
			if !ok {
				pattern := "(?:" + cr.Pattern + ")"
				if flags != "" {
					pattern = "(?" + flags + ")" + pattern
				}
				re, err := regexp2.Compile(`\G` + pattern)
				if err != nil {
					return nil
				}
				cr.Regexp = re
				fr = fastRule{CompiledRule: cr}
				fr.first, fr.filter = firstSet(pattern)
				for _, name := range re.GetGroupNames() {
					if name != "" && (name[0] < '0' || name[0] > '9') {
						fr.named = true
					}
				}
				cache[cr] = fr
			}
			f.rules[state] = append(f.rules[state], fr)
		}
	}
	return f
}

// firstSet returns the ASCII characters a match of pattern can start with;
// ok is false when no filter is safe.
func firstSet(pattern string) (asciiSet, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return asciiSet{}, false
	}
	set, nullable := first(re.Simplify())
	if nullable {
		return asciiSet{}, false
	}
	// .NET's \s also matches \v and \x85, Go's does not: be generous with
	// white space.
	if set.has('\t') || set.has(' ') {
		set.add('\v')
		set.add('\f')
	}
	return set, true
}

// first computes the first-character set of re and whether re can match
// the empty string.
func first(re *syntax.Regexp) (asciiSet, bool) {
	var s asciiSet
	switch re.Op {
	case syntax.OpNoMatch:
		return s, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return s, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return s, true
		}
		r := re.Rune[0]
		s.add(r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				s.add(f)
			}
		}
		return s, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			s.addRange(re.Rune[i], re.Rune[i+1])
		}
		return s, false
	case syntax.OpAnyCharNotNL:
		s.addRange(0, 127)
		s[0] &^= 1 << '\n'
		return s, false
	case syntax.OpAnyChar:
		s.addRange(0, 127)
		return s, false
	case syntax.OpCapture, syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _ = first(re.Sub[0])
		return s, true
	case syntax.OpRepeat:
		s, n := first(re.Sub[0])
		return s, n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			f, n := first(sub)
			s.union(f)
			if !n {
				return s, false
			}
		}
		return s, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			f, n := first(sub)
			s.union(f)
			nullable = nullable || n
		}
		return s, nullable
	}
	// Unknown operator: no filter.
	return s, true
}

// state is one lex in progress; it mirrors chroma's LexerState.Iterator.
type state struct {
	f     *fastLexer
	l     *chroma.LexerState
	end   int
	stack []chroma.Iterator
}

// Tokenise lexes text with the fast driver.
func (f *fastLexer) Tokenise(text string) chroma.Iterator {
	newlineAdded := false
	if f.ensureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	ls := &chroma.LexerState{
		Lexer:          f.rl,
		Registry:       lexers.GlobalLexerRegistry,
		Text:           []rune(text),
		Stack:          []string{"root"},
		Rules:          f.compiled,
		MutatorContext: map[any]any{},
	}
	s := &state{f: f, l: ls, end: len(ls.Text)}
	if newlineAdded {
		s.end--
	}
	return s.next
}

func (s *state) next() chroma.Token {
	l := s.l
	for l.Pos < s.end && len(l.Stack) > 0 {
		for len(s.stack) > 0 {
			n := len(s.stack) - 1
			t := s.stack[n]()
			if t.Type == chroma.Ignore {
				continue
			}
			if t == chroma.EOF {
				s.stack = s.stack[:n]
				continue
			}
			return t
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := s.f.rules[l.State]
		if !ok {
			// A state created at run time (none of chroma's lexers do
			// this today): fall back to an unfiltered view.
			for _, cr := range l.Rules[l.State] {
				rules = append(rules, fastRule{CompiledRule: cr, named: true})
			}
		}
		idx, rule, groups, named := s.match(rules)
		if groups == nil {
			if l.Text[l.Pos] == '\n' && l.State != "root" {
				l.Stack = []string{"root"}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule = idx
		l.Groups = groups
		l.NamedGroups = named
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			s.stack = append(s.stack, rule.Type.Emit(l.Groups, l))
		}
	}
	for len(s.stack) > 0 {
		n := len(s.stack) - 1
		t := s.stack[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			s.stack = s.stack[:n]
			continue
		}
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

func (s *state) match(rules []fastRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	l := s.l
	c := l.Text[l.Pos]
	for i, rule := range rules {
		if rule.filter && !rule.first.has(c) {
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(l.Text, l.Pos)
		if m != nil && err == nil && m.RuneIndex == l.Pos {
			gs := m.Groups()
			groups := make([]string, len(gs))
			var named map[string]string
			if rule.named {
				named = make(map[string]string, len(gs))
			}
			for j, g := range gs {
				groups[j] = g.String()
				if named != nil {
					named[g.Name] = groups[j]
				}
			}
			return i, rule.CompiledRule, groups, named
		}
	}
	return 0, nil, nil, nil
}

package liquid

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/osteele/liquid/expressions"
	"github.com/osteele/liquid/parser"
)

// A piece is one token of the document: text, a tag or an object.
type piece struct {
	typ  parser.TokenType
	src  string // what goes to the engine
	orig string // the token as written
	name string // tag name
	line int    // file line where the token starts
	raw  bool   // inside {% raw %} or {% comment %}: text to the engine
	gone bool   // neutralized after an error on its line
}

// document is the token list of one body, rewritten so the engine can
// parse it, with line markers in its text.
type document struct {
	pieces []piece
}

// Tags the engine defines, with their kind: 'b' a block, 'c' a clause of
// a block, 't' a simple tag. End tags are derived.
var knownTags = map[string]byte{
	"assign": 't', "include": 't', "break": 't', "continue": 't', "cycle": 't',
	"capture": 'b', "case": 'b', "comment": 'b', "for": 'b', "if": 'b', "raw": 'b',
	"tablerow": 'b', "unless": 'b', "when": 'c', "else": 'c', "elsif": 'c',
	// ours
	"highlight": 'b', "details": 'b', "tabs": 'b', "tab": 'b', "quote": 'b',
	"post_url": 't', "link": 't', "file_exists": 't', "cite": 't', "reference": 't',
	"twitter": 't', unknownTag: 't', dropTag: 't',
}

// conditional blocks output their body at most once and in order, so line
// markers inside them stay valid.
var conditional = map[string]bool{"if": true, "unless": true, "case": true}

const (
	unknownTag = "distill_unknown"
	dropTag    = "distill_drop"
)

// isKnown reports whether the engine defines a tag, end tags included.
func isKnown(name string) bool {
	if _, ok := knownTags[name]; ok {
		return true
	}
	base, ok := strings.CutPrefix(name, "end")
	return ok && knownTags[base] == 'b'
}

// prescan tokenizes the body the way the engine will and rewrites what
// would make the whole parse fail: unknown tags become a tag that warns,
// objects whose expression does not parse are kept as text.
func prescan(src string, st *state) *document {
	first := st.env.LineOffset + 1
	toks := parser.Scan(src, parser.SourceLoc{LineNo: first}, nil)
	d := &document{}
	vars := assignedNames(toks)
	inRaw, inComment := false, false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		p := piece{typ: t.Type, src: t.Source, orig: t.Source, name: t.Name, line: t.SourceLoc.LineNo}
		switch t.Type {
		case parser.TrimLeftTokenType, parser.TrimRightTokenType:
			continue // their effect is in the tag's own source
		case parser.TextTokenType:
			p.raw = inRaw || inComment
		case parser.TagTokenType:
			switch {
			case inRaw:
				p.raw = true
				if t.Name == "endraw" {
					inRaw, p.raw = false, false
				}
			case inComment:
				p.raw = true
				if t.Name == "endcomment" {
					inComment, p.raw = false, false
				}
			case t.Name == "raw":
				inRaw = true
			case t.Name == "comment":
				inComment = true
			case !isKnown(t.Name):
				p.src = rewriteUnknown(t)
			}
		case parser.ObjTokenType:
			switch {
			case inRaw || inComment:
				p.raw = true
			default:
				if _, err := expressions.Parse(t.Args); err != nil {
					st.warnf(p.line, "liquid", "%s is not a Liquid expression (%v); kept as text", abbrev(t.Source), err)
					p.src = "{% raw %}" + t.Source + "{% endraw %}"
				} else if root := plainVar(t.Args); root != "" && !vars[root] {
					st.warnf(p.line, "liquid", "%s names no variable and renders as nothing, as in Jekyll; wrap it in {%% raw %%} to keep it", abbrev(t.Source))
				}
			}
		}
		d.pieces = append(d.pieces, p)
	}
	if inRaw {
		st.warnf(first, "liquid", "{%% raw %%} is never closed; the rest of the page is kept as text")
		d.pieces = append(d.pieces, piece{typ: parser.TagTokenType, src: "{% endraw %}", name: "endraw"})
	}
	d.markLines(src, first)
	return d
}

// rewriteUnknown turns {% name args %} into a tag that warns at render
// time (so a tag in a branch that is not taken says nothing) and keeps the
// original trim markers. The end tag of an unknown block is dropped.
func rewriteUnknown(t parser.Token) string {
	left, right := "{%", "%}"
	if strings.HasPrefix(t.Source, "{%-") {
		left = "{%-"
	}
	if strings.HasSuffix(t.Source, "-%}") {
		right = "-%}"
	}
	if strings.HasPrefix(t.Name, "end") {
		return left + " " + dropTag + " " + right
	}
	args := strings.NewReplacer("{{", "{ {", "}}", "} }").Replace(t.Args)
	return left + " " + unknownTag + " " + t.Name + " " + args + " " + right
}

var plainVarRE = regexp.MustCompile(`^\s*([A-Za-z_][\w-]*)(?:\.[\w-]+|\[[^\]]*\])*\s*$`)

// plainVar returns the root variable of an object that is only a variable
// path (`{{ myName }}`, `{{ page.title }}`), or "".
func plainVar(args string) string {
	m := plainVarRE.FindStringSubmatch(args)
	if m == nil {
		return ""
	}
	switch m[1] {
	case "true", "false", "nil", "null", "empty", "blank":
		return ""
	}
	return m[1]
}

// assignedNames collects the variables a document defines (assign,
// capture, for, tablerow, increment) plus the ones the engine binds.
func assignedNames(toks []parser.Token) map[string]bool {
	vars := map[string]bool{"site": true, "page": true, "jekyll": true, "content": true,
		"layout": true, "paginator": true, "include": true, "forloop": true, "tablerowloop": true}
	for _, t := range toks {
		if t.Type != parser.TagTokenType {
			continue
		}
		switch t.Name {
		case "assign", "capture", "for", "tablerow", "increment", "decrement", "cycle":
			f := strings.FieldsFunc(t.Args, func(r rune) bool { return r == ' ' || r == '=' || r == '\t' || r == '\n' })
			if len(f) > 0 {
				vars[f[0]] = true
			}
		}
	}
	return vars
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "…"
	}
	return s
}

// Line markers: a private-use character pair around a line number.
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

// markLines inserts a marker at the start of each line whose text is sure
// to reach the output once, in order: outside every block but conditional
// ones, and where no whitespace-trimming tag would eat across it.
func (d *document) markLines(src string, first int) {
	depth := 0 // blocks that are not conditional
	var stack []string
	off := 0
	for i := range d.pieces {
		p := &d.pieces[i]
		start := off
		off += len(p.orig)
		if p.typ == parser.TagTokenType && !p.raw && isKnown(p.name) && p.src == p.orig {
			switch kind := knownTags[p.name]; {
			case kind == 'b':
				stack = append(stack, p.name)
				if !conditional[p.name] {
					depth++
				}
			case strings.HasPrefix(p.name, "end") && knownTags[p.name[3:]] == 'b':
				if n := len(stack); n > 0 && stack[n-1] == p.name[3:] {
					stack = stack[:n-1]
					if !conditional[p.name[3:]] {
						depth--
					}
				}
			}
		}
		if p.typ != parser.TextTokenType || p.raw || depth > 0 {
			continue
		}
		p.src = markText(p.orig, src, start, p.line, first)
	}
}

// markText adds markers to a text token that starts at byte start of src
// on file line line.
func markText(text, src string, start, line, first int) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		atLineStart := (start+i == 0) || src[start+i-1] == '\n'
		if atLineStart && !trimmedAround(src, start+i) {
			b.WriteRune(markOpen)
			b.WriteString(strconv.Itoa(line))
			b.WriteRune(markClose)
		}
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		b.WriteString(text[i : i+j+1])
		i += j + 1
		line++
	}
	return b.String()
}

// trimmedAround reports whether a whitespace-trimming tag could remove the
// whitespace around offset o: the nearest token before ends with -%} or
// -}}, or the nearest after starts with {%- or {{-.
func trimmedAround(src string, o int) bool {
	before := strings.TrimRight(src[:o], " \t\r\n")
	after := strings.TrimLeft(src[o:], " \t\r\n")
	return strings.HasSuffix(before, "-%}") || strings.HasSuffix(before, "-}}") ||
		strings.HasPrefix(after, "{%-") || strings.HasPrefix(after, "{{-")
}

// text is the document as the engine gets it.
func (d *document) text() string {
	var b strings.Builder
	for _, p := range d.pieces {
		if !p.gone {
			b.WriteString(p.src)
		}
	}
	return b.String()
}

// neutralize removes the tags and objects that start on a line, after the
// engine failed there. It reports whether anything changed.
func (d *document) neutralize(line int) bool {
	changed := false
	for i := range d.pieces {
		p := &d.pieces[i]
		if p.line == line && p.typ != parser.TextTokenType && !p.raw && !p.gone {
			p.gone = true
			changed = true
		}
	}
	return changed
}

// stripped is the last resort when the engine cannot parse the document:
// text and raw content as written, every tag and object left out.
func (d *document) stripped() string {
	var b strings.Builder
	for _, p := range d.pieces {
		if p.typ == parser.TextTokenType || p.raw {
			b.WriteString(p.orig)
		}
	}
	return b.String()
}

// unmark removes the line markers from the engine's output and returns
// the file line of each output line.
func unmark(out []byte, first int) ([]byte, []int) {
	s := string(out)
	var b strings.Builder
	b.Grow(len(s))
	var lines []int
	cur := first // file line of the current output line
	lineStart := true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if s[i] >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == markOpen {
			if j := strings.IndexRune(s[i:], markClose); j > 0 {
				if n, err := strconv.Atoi(s[i+size : i+j]); err == nil {
					cur = n
					if !lineStart && len(lines) > 0 {
						lines[len(lines)-1] = n
					}
				}
				i += j + len(string(markClose))
				continue
			}
		}
		if lineStart {
			lines = append(lines, cur)
			lineStart = false
		}
		b.WriteString(s[i : i+size])
		if r == '\n' {
			cur++
			lineStart = true
		}
		i += size
	}
	if lineStart {
		lines = append(lines, cur)
	}
	return []byte(b.String()), lines
}

func sortStrings(s []string) { sort.Strings(s) }

package frontmatter

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/distill-dev/distill/internal/diag"
)

// Limits that keep hostile input (alias bombs, deep nesting) cheap.
const (
	maxNodes   = 100_000 // nodes after alias expansion
	maxDepth   = 200
	maxRepairs = 50 // repair-and-retry rounds before giving up
)

// Decode parses the first YAML document in src into a Node tree. lineOffset
// is the number of lines in the file before src, so node lines and
// diagnostics are file lines. Duplicate keys warn (the last value wins); tab
// indentation and unindented continuation lines of a plain scalar are
// repaired with a warning and the parse retried. A syntax error gives one
// Error diagnostic and a nil root. An empty document is a Null node.
func Decode(file string, lineOffset int, src []byte) (*Node, diag.List) {
	var fixes diag.List
	for round := 0; ; round++ {
		f, perr := parse(src)
		if perr == nil {
			b := builder{file: file, off: lineOffset, anchors: map[string]*Node{}}
			root := b.file1(f)
			return root, append(fixes, b.diags...)
		}
		if round < maxRepairs {
			if fixed, ds := repair(src, perr.line, file, lineOffset); fixed != nil {
				src = fixed
				fixes.Add(ds...)
				continue
			}
		}
		line := max(perr.line, 1) + lineOffset
		fixes = append(fixes, diag.Diagnostic{
			File: file, Line: line, Col: perr.col, Severity: diag.Error, Kind: "yaml",
			Msg: "invalid YAML: " + perr.msg + hint(perr.msg, lineAt(src, perr.line)),
		})
		return nil, fixes
	}
}

// syntaxError is a parse failure at a line of the parsed text (0 if unknown).
type syntaxError struct {
	line, col int
	msg       string
}

// parse runs the YAML parser, turning its errors (and any panic) into a
// syntaxError.
func parse(src []byte) (f *ast.File, se *syntaxError) {
	defer func() {
		if r := recover(); r != nil {
			f, se = nil, &syntaxError{msg: fmt.Sprint("parser failure: ", r)}
		}
	}()
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err == nil {
		return f, nil
	}
	se = &syntaxError{msg: err.Error()}
	var ye yaml.Error
	if errors.As(err, &ye) {
		se.msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			se.line, se.col = tk.Position.Line, tk.Position.Column
		}
	}
	return nil, se
}

// hint adds advice for the most common front-matter mistakes.
func hint(msg, line string) string {
	switch {
	case msg == "mapping value is not allowed in this context":
		return ` (a value containing ": " must be quoted)`
	case keyNoSpace.MatchString(strings.TrimSpace(line)):
		return ` (put a space after the ":" of a key)`
	}
	return ""
}

// lineAt returns line n (1-based) of src, or "".
func lineAt(src []byte, n int) string {
	lines := strings.Split(string(src), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// builder converts the parser's AST into Nodes.
type builder struct {
	file    string
	off     int
	anchors map[string]*Node
	diags   diag.List
	depth   int
	sizes   map[*Node]int // nodes after alias expansion, per composite node
	total   int
}

func (b *builder) file1(f *ast.File) *Node {
	if f == nil || len(f.Docs) == 0 {
		return &Node{Line: b.off + 1}
	}
	if len(f.Docs) > 1 && f.Docs[1] != nil {
		b.diags.Warnf(b.file, b.line(f.Docs[1].Body, 1), "yaml", "only the first YAML document is read")
	}
	return b.node(f.Docs[0].Body, 1)
}

// line returns the file line of n, or parent (a file line) when unknown.
func (b *builder) line(n ast.Node, parent int) int {
	if tk := tokenOf(n); tk != nil && tk.Position != nil && tk.Position.Line > 0 {
		return tk.Position.Line + b.off
	}
	return max(parent, b.off+1)
}

func (b *builder) col(n ast.Node) int {
	if tk := tokenOf(n); tk != nil && tk.Position != nil {
		return max(tk.Position.Column, 0)
	}
	return 0
}

// tokenOf returns the token of n; some AST nodes panic in GetToken when
// their start token is missing.
func tokenOf(n ast.Node) (tk *token.Token) {
	if n == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			tk = nil
		}
	}()
	return n.GetToken()
}

// node converts n; parent is the file line to use when n has none.
func (b *builder) node(n ast.Node, parent int) *Node {
	if n == nil {
		return &Node{Line: max(parent, b.off+1)}
	}
	line := b.line(n, parent)
	if b.depth >= maxDepth {
		b.diags.Errorf(b.file, line, "yaml", "YAML nested deeper than %d levels", maxDepth)
		return &Node{Line: line}
	}
	b.depth++
	defer func() { b.depth-- }()
	out := &Node{Line: line, Col: b.col(n)}
	switch n := n.(type) {
	case *ast.MappingNode:
		b.mapping(out, n.Values)
	case *ast.MappingValueNode:
		b.mapping(out, []*ast.MappingValueNode{n})
	case *ast.SequenceNode:
		b.sequence(out, n.Values)
	case *ast.AnchorNode:
		v := b.node(n.Value, line)
		if tk := tokenOf(n.Name); tk != nil {
			b.anchors[tk.Value] = v
		}
		return v
	case *ast.AliasNode:
		return b.alias(n, line)
	case *ast.TagNode:
		return b.tagged(n, line)
	case *ast.MappingKeyNode:
		return b.node(n.Value, line)
	default:
		out.Value = scalar(n)
		if out.Value != nil {
			out.Kind = Scalar
		}
	}
	b.count(out)
	return out
}

// scalar returns the Go value of a scalar AST node, nil for null or unknown.
func scalar(n ast.Node) any {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value
	case *ast.LiteralNode:
		if n.Value == nil {
			return ""
		}
		return n.Value.Value
	case *ast.IntegerNode:
		switch v := n.Value.(type) {
		case int64:
			if v >= math.MinInt && v <= math.MaxInt {
				return int(v)
			}
			return v
		case uint64:
			if v <= math.MaxInt {
				return int(v)
			}
			return v
		}
		return n.Value
	case *ast.FloatNode:
		return n.Value
	case *ast.BoolNode:
		return n.Value
	case *ast.InfinityNode:
		return n.Value
	case *ast.NanNode:
		return math.NaN()
	case *ast.MergeKeyNode:
		return "<<"
	}
	return nil
}

func (b *builder) alias(n *ast.AliasNode, line int) *Node {
	name := ""
	if n.Value != nil {
		if tk := tokenOf(n.Value); tk != nil {
			name = tk.Value
		}
	}
	v, ok := b.anchors[name]
	if !ok {
		b.diags.Warnf(b.file, line, "yaml", "unknown alias *%s (read as empty)", name)
		return &Node{Line: line}
	}
	b.total += b.sizes[v]
	return v
}

// tagged applies the one tag that matters in front matter: !!str.
func (b *builder) tagged(n *ast.TagNode, line int) *Node {
	v := b.node(n.Value, line)
	if n.Start != nil && (n.Start.Value == "!!str" || n.Start.Value == "!str") {
		if s, ok := v.Text(); ok && v.Kind == Scalar {
			c := *v
			c.Value = s
			return &c
		}
		if b, ok := v.Bool(); ok {
			c := *v
			c.Value = fmt.Sprint(b)
			return &c
		}
	}
	return v
}

// count tracks expanded size so alias bombs stop early.
func (b *builder) count(n *Node) {
	size := 1
	for _, p := range n.Pairs {
		size += b.sizeOf(p.Value)
	}
	for _, it := range n.Items {
		size += b.sizeOf(it)
	}
	if size > 1 {
		if b.sizes == nil {
			b.sizes = map[*Node]int{}
		}
		b.sizes[n] = size
	}
	b.total++
}

func (b *builder) sizeOf(n *Node) int {
	if s, ok := b.sizes[n]; ok {
		return s
	}
	return 1
}

func (b *builder) sequence(out *Node, items []ast.Node) {
	out.Kind = Seq
	out.Items = make([]*Node, 0, len(items))
	for _, it := range items {
		v := b.node(it, out.Line)
		if b.overBudget(out) {
			return
		}
		out.Items = append(out.Items, v)
	}
}

// overBudget empties out and reports an error once too many nodes were made.
func (b *builder) overBudget(out *Node) bool {
	if b.total <= maxNodes {
		return false
	}
	if !b.diags.HasErrors() {
		b.diags.Errorf(b.file, out.Line, "yaml", "YAML expands to more than %d values (alias loop?)", maxNodes)
	}
	out.Kind, out.Pairs, out.Items = Null, nil, nil
	return true
}

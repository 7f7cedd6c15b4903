package frontmatter

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// mapping fills out with the entries of a YAML mapping. A duplicate key
// warns and its last value wins (in the first key's place, as Psych does);
// merge keys ("<<: *base") add the entries not given explicitly.
func (b *builder) mapping(out *Node, values []*ast.MappingValueNode) {
	out.Kind = Map
	out.Pairs = make([]Pair, 0, len(values))
	index := make(map[string]int, len(values))
	var merges []*Node
	for _, mv := range values {
		if mv == nil {
			continue
		}
		keyLine := b.line(mv.Key, out.Line)
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			merges = append(merges, b.node(mv.Value, keyLine))
			continue
		}
		key := b.key(mv.Key, keyLine)
		val := b.node(mv.Value, keyLine)
		if b.overBudget(out) {
			return
		}
		if i, dup := index[key]; dup {
			b.diags.Warnf(b.file, keyLine, "yaml", "duplicate key %q (first on line %d); the last value wins", key, out.Pairs[i].Line)
			out.Pairs[i] = Pair{Key: key, Line: keyLine, Value: val}
			continue
		}
		index[key] = len(out.Pairs)
		out.Pairs = append(out.Pairs, Pair{Key: key, Line: keyLine, Value: val})
	}
	for _, m := range merges {
		b.merge(out, index, m)
	}
}

// merge adds the entries of src (a map, or a list of maps) missing from out.
func (b *builder) merge(out *Node, index map[string]int, src *Node) {
	srcs := []*Node{src}
	if src.Kind == Seq {
		srcs = src.Items
	}
	for _, s := range srcs {
		if s.Kind != Map {
			b.diags.Warnf(b.file, s.Line, "yaml", "merge key \"<<\" needs a mapping, got %s", s.kindName())
			continue
		}
		for _, p := range s.Pairs {
			if _, ok := index[p.Key]; !ok {
				index[p.Key] = len(out.Pairs)
				out.Pairs = append(out.Pairs, p)
			}
		}
	}
}

// key returns a map key as a string.
func (b *builder) key(k ast.MapKeyNode, line int) string {
	v := b.node(k, line)
	if s, ok := v.Text(); ok {
		return s
	}
	if v.Kind == Null {
		return ""
	}
	return fmt.Sprint(v.Plain())
}

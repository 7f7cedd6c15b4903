package frontmatter

import (
	"fmt"
	"strconv"
)

// Kind classifies a Node.
type Kind uint8

// Node kinds.
const (
	Null Kind = iota
	Scalar
	Map
	Seq
)

// Node is one YAML value with its place in the file. Aliases share the node
// of their anchor, so a tree must be treated as read-only.
type Node struct {
	Kind      Kind
	Line, Col int // 1-based position in the file; Line ≥ 1 once decoded
	// Value holds a Scalar: string, int, int64, uint64, float64 or bool.
	Value any
	Pairs []Pair  // Map entries in source order, duplicate keys removed
	Items []*Node // Seq entries
}

// Pair is one map entry; Line is the line of its key.
type Pair struct {
	Key   string
	Line  int
	Value *Node
}

// Get returns the value of key in a Map node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for _, p := range n.Pairs {
		if p.Key == key {
			return p.Value
		}
	}
	return nil
}

// IsNull reports whether n is missing or an empty value.
func (n *Node) IsNull() bool { return n == nil || n.Kind == Null }

// Plain converts n to plain Go values for templates: map[string]any, []any,
// the Scalar value, or nil.
func (n *Node) Plain() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Scalar:
		return n.Value
	case Map:
		m := make(map[string]any, len(n.Pairs))
		for _, p := range n.Pairs {
			m[p.Key] = p.Value.Plain()
		}
		return m
	case Seq:
		s := make([]any, len(n.Items))
		for i, it := range n.Items {
			s[i] = it.Plain()
		}
		return s
	}
	return nil
}

// Text returns a Scalar as a string the way YAML wrote it for strings and
// numbers; ok is false for other kinds and for booleans.
func (n *Node) Text() (s string, ok bool) {
	if n == nil || n.Kind != Scalar {
		return "", false
	}
	switch v := n.Value.(type) {
	case string:
		return v, true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case bool:
		return "", false
	default:
		return fmt.Sprint(v), true
	}
}

// Bool returns a Scalar as a boolean, accepting YAML 1.1 spellings (yes, no,
// on, off) as Ruby's Psych does.
func (n *Node) Bool() (v, ok bool) {
	if n == nil || n.Kind != Scalar {
		return false, false
	}
	switch x := n.Value.(type) {
	case bool:
		return x, true
	case string:
		switch x {
		case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
			return true, true
		case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N":
			return false, true
		}
	}
	return false, false
}

// Int returns an integer Scalar (or a string of digits) as an int.
func (n *Node) Int() (int, bool) {
	if n == nil || n.Kind != Scalar {
		return 0, false
	}
	switch x := n.Value.(type) {
	case int:
		return x, true
	case string:
		i, err := strconv.Atoi(x)
		return i, err == nil
	}
	return 0, false
}

// kindName names a node's kind for messages.
func (n *Node) kindName() string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case Map:
		return "a mapping"
	case Seq:
		return "a list"
	case Null:
		return "nothing"
	}
	switch n.Value.(type) {
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case float64:
		return "a number"
	}
	return "an integer"
}

package config

import (
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
)

// reader reads typed values, warning about wrong types (the default stays).
type reader struct {
	file   string
	ds     *diag.List
	lines  map[string]int
	strict bool // warn about unknown keys
}

func (r *reader) wrongType(p frontmatter.Pair, want string) {
	r.ds.Warnf(r.file, p.Line, "config", "%s should be %s; ignored", p.Key, want)
}

func (r *reader) str(p frontmatter.Pair, dst *string) {
	if s, ok := p.Value.Text(); ok {
		*dst = s
		return
	}
	r.wrongType(p, "a string")
}

// bool also takes 1 and 0, which Jekyll configs use for giscus.
func (r *reader) bool(p frontmatter.Pair, dst *bool) {
	if v, ok := p.Value.Bool(); ok {
		*dst = v
		return
	}
	if i, ok := p.Value.Int(); ok && (i == 0 || i == 1) {
		*dst = i == 1
		return
	}
	r.wrongType(p, "true or false")
}

func (r *reader) int(p frontmatter.Pair, dst *int) {
	if i, ok := p.Value.Int(); ok {
		*dst = i
		return
	}
	r.wrongType(p, "a whole number")
}

// section applies keys to the entries of a nested mapping; dotted key names
// are recorded for Line and used in messages.
func (r *reader) section(p frontmatter.Pair, keys map[string]func(frontmatter.Pair)) {
	if p.Value.Kind != frontmatter.Map {
		r.wrongType(p, "a mapping")
		return
	}
	for _, sub := range p.Value.Pairs {
		q := frontmatter.Pair{Key: p.Key + "." + sub.Key, Line: sub.Line, Value: sub.Value}
		r.lines[q.Key] = q.Line
		set, ok := keys[sub.Key]
		switch {
		case ok && !sub.Value.IsNull():
			set(q)
		case !ok && r.strict:
			r.ds.Warnf(r.file, sub.Line, "config", "unknown key %q", q.Key)
		}
	}
}

// strMap reads a mapping of strings.
func (r *reader) strMap(p frontmatter.Pair) map[string]string {
	if p.Value.Kind != frontmatter.Map {
		r.wrongType(p, "a mapping of names to strings")
		return nil
	}
	out := make(map[string]string, len(p.Value.Pairs))
	for _, sub := range p.Value.Pairs {
		if s, ok := sub.Value.Text(); ok {
			out[sub.Key] = s
		} else if !sub.Value.IsNull() {
			r.wrongType(frontmatter.Pair{Key: p.Key + "." + sub.Key, Line: sub.Line, Value: sub.Value}, "a string")
		}
	}
	return out
}

package frontmatter

import (
	"time"

	"github.com/distill-dev/distill/internal/diag"
)

const dateHint = `use YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS +ZZZZ"`

func (d *decoder) date(p Pair) {
	t, zoned, ok := d.time(p)
	if ok {
		d.m.Date, d.m.HasDate, d.m.DateZoned, d.m.DateLine = t, true, zoned, p.Line
	}
}

func (d *decoder) lastModified(p Pair) {
	if t, _, ok := d.time(p); ok {
		d.m.LastModified = t
	}
}

// time reads a date value, warning when it is not one.
func (d *decoder) time(p Pair) (time.Time, bool, bool) {
	s, ok := p.Value.Text()
	if !ok {
		d.wrongType(p, "a date")
		return time.Time{}, false, false
	}
	t, zoned, ok := ParseDate(s)
	if !ok {
		d.ds.Warnf(d.file, p.Line, "frontmatter", "%s %q is not a valid date (%s); ignored", p.Key, s, dateHint)
	}
	return t, zoned, ok
}

// flag records top-level booleans and maps of booleans as feature flags.
func (d *decoder) flag(p Pair) {
	set := func(key string, v bool, line int) {
		if d.m.Flags == nil {
			d.m.Flags, d.m.FlagLines = map[string]bool{}, map[string]int{}
		}
		d.m.Flags[key], d.m.FlagLines[key] = v, line
	}
	if v, ok := p.Value.Value.(bool); ok {
		set(p.Key, v, p.Line)
		return
	}
	if p.Value.Kind != Map || len(p.Value.Pairs) == 0 {
		return
	}
	for _, sub := range p.Value.Pairs {
		if _, ok := sub.Value.Value.(bool); !ok {
			return
		}
	}
	anyTrue := false
	for _, sub := range p.Value.Pairs {
		v := sub.Value.Value.(bool)
		set(p.Key+"."+sub.Key, v, sub.Line)
		anyTrue = anyTrue || v
	}
	set(p.Key, anyTrue, p.Line)
}

// mermaid reads `mermaid: true` or `mermaid: {enabled: true, zoomable: true}`.
func (d *decoder) mermaid(p Pair) {
	if p.Value.Kind != Map {
		d.bool(p, &d.m.Mermaid.Enabled)
		return
	}
	for _, sub := range p.Value.Pairs {
		q := Pair{Key: "mermaid." + sub.Key, Line: sub.Line, Value: sub.Value}
		switch sub.Key {
		case "enabled":
			d.bool(q, &d.m.Mermaid.Enabled)
		case "zoomable":
			d.bool(q, &d.m.Mermaid.Zoomable)
		}
	}
	if d.m.Flags != nil {
		d.m.Flags["mermaid"] = d.m.Mermaid.Enabled
	}
}

// chart reads `chart: {chartjs: true, echarts: true, …}`.
func (d *decoder) chart(p Pair) {
	if p.Value.Kind != Map {
		d.wrongType(p, "a mapping like {chartjs: true}")
		return
	}
	for _, sub := range p.Value.Pairs {
		var v bool
		d.bool(Pair{Key: "chart." + sub.Key, Line: sub.Line, Value: sub.Value}, &v)
		if _, ok := sub.Value.Bool(); ok {
			if d.m.Chart == nil {
				d.m.Chart = map[string]bool{}
			}
			d.m.Chart[sub.Key] = v
		}
	}
}

// math reads `math: {macros: {RR: "\\mathbb{R}"}}`.
func (d *decoder) math(p Pair) {
	macros := p.Value.Get("macros")
	if p.Value.Kind != Map || macros.IsNull() {
		if p.Value.Kind != Map {
			d.wrongType(p, "a mapping like {macros: {RR: \"\\\\mathbb{R}\"}}")
		}
		return
	}
	d.m.MathMacros = Macros(d.file, macros, d.ds)
}

// Macros reads a map of TeX macro names to their expansions, warning about
// values that are not strings.
func Macros(file string, n *Node, ds *diag.List) map[string]string {
	if n.Kind != Map {
		ds.Warnf(file, n.Line, "frontmatter", "math macros should be a mapping of names to TeX, got %s; ignored", n.kindName())
		return nil
	}
	out := make(map[string]string, len(n.Pairs))
	for _, m := range n.Pairs {
		s, ok := m.Value.Text()
		if !ok {
			ds.Warnf(file, m.Line, "frontmatter", "macro %s should be a string of TeX, got %s; ignored", m.Key, m.Value.kindName())
			continue
		}
		out[m.Key] = s
	}
	return out
}

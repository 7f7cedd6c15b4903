package frontmatter

import (
	"strings"

	"github.com/distill-dev/distill/internal/diag"
)

// decoder fills a Meta from the top-level pairs of a front matter.
type decoder struct {
	file string
	m    *Meta
	ds   *diag.List
}

// fields maps each typed key to the code that reads it. Null values never
// reach a setter.
var fields = map[string]func(d *decoder, p Pair){
	"layout":           func(d *decoder, p Pair) { d.str(p, &d.m.Layout) },
	"title":            func(d *decoder, p Pair) { d.str(p, &d.m.Title) },
	"description":      (*decoder).description,
	"date":             (*decoder).date,
	"last_modified":    (*decoder).lastModified,
	"last_modified_at": (*decoder).lastModified,
	"last_updated":     (*decoder).lastModified,
	"tags":             func(d *decoder, p Pair) { d.m.Tags = d.words(p, d.m.Tags) },
	"categories":       func(d *decoder, p Pair) { d.m.Categories = d.words(p, d.m.Categories) },
	"category":         func(d *decoder, p Pair) { d.m.Categories = d.words(p, d.m.Categories) },
	"authors":          (*decoder).authors,
	"toc":              (*decoder).toc,
	"bibliography":     func(d *decoder, p Pair) { d.str(p, &d.m.Bibliography) },
	"draft":            func(d *decoder, p Pair) { d.bool(p, &d.m.Draft) },
	"published":        func(d *decoder, p Pair) { d.bool(p, &d.m.Published) },
	"featured":         func(d *decoder, p Pair) { d.bool(p, &d.m.Featured) },
	"giscus_comments":  func(d *decoder, p Pair) { d.bool(p, &d.m.GiscusComments) },
	"_styles":          func(d *decoder, p Pair) { d.str(p, &d.m.Styles) },
	"permalink":        func(d *decoder, p Pair) { d.str(p, &d.m.Permalink) },
	"slug":             func(d *decoder, p Pair) { d.str(p, &d.m.Slug) },
	"thumbnail":        func(d *decoder, p Pair) { d.str(p, &d.m.Thumbnail) },
	"redirect":         func(d *decoder, p Pair) { d.str(p, &d.m.Redirect) },
	"redirect_from":    func(d *decoder, p Pair) { d.m.RedirectFrom = d.list(p, d.m.RedirectFrom) },
	"related_posts":    (*decoder).relatedPosts,
	"doi":              func(d *decoder, p Pair) { d.str(p, &d.m.DOI) },
	"mermaid":          (*decoder).mermaid,
	"chart":            (*decoder).chart,
	"math":             (*decoder).math,
}

// wrongType warns that key p has a value of the wrong type and is ignored.
func (d *decoder) wrongType(p Pair, want string) {
	d.ds.Warnf(d.file, p.Line, "frontmatter", "%s should be %s, got %s; ignored", p.Key, want, p.Value.kindName())
}

// str reads a string; numbers are taken as written.
func (d *decoder) str(p Pair, dst *string) {
	if s, ok := p.Value.Text(); ok {
		*dst = s
		return
	}
	d.wrongType(p, "a string")
}

// bool reads a boolean (YAML 1.1 spellings allowed).
func (d *decoder) bool(p Pair, dst *bool) {
	if v, ok := p.Value.Bool(); ok {
		*dst = v
		return
	}
	d.wrongType(p, "true or false")
}

func (d *decoder) relatedPosts(p Pair) {
	var v bool
	if b, ok := p.Value.Bool(); ok {
		v = b
		d.m.RelatedPosts = &v
		return
	}
	d.wrongType(p, "true or false")
}

// description joins a list given by mistake, as Jekyll's templates would
// print it.
func (d *decoder) description(p Pair) {
	if p.Value.Kind != Seq {
		d.str(p, &d.m.Description)
		return
	}
	var parts []string
	for _, it := range p.Value.Items {
		if s, ok := it.Text(); ok {
			parts = append(parts, strings.TrimSpace(s))
		}
	}
	d.m.Description = strings.Join(parts, " ")
	d.ds.Warnf(d.file, p.Line, "frontmatter", "description is a list; its items were joined into one string")
}

// words reads Jekyll's tags/categories: "a b c", one word, or a list whose
// items are kept whole. Duplicates are dropped.
func (d *decoder) words(p Pair, dst []string) []string {
	add := func(w string) {
		for _, have := range dst {
			if have == w {
				return
			}
		}
		dst = append(dst, w)
	}
	switch v := p.Value; {
	case v.Kind == Scalar && isString(v):
		for _, w := range strings.Fields(v.Value.(string)) {
			add(w)
		}
	case v.Kind == Seq:
		for _, it := range v.Items {
			if s, ok := it.Text(); ok && strings.TrimSpace(s) != "" {
				add(strings.TrimSpace(s))
			} else if !it.IsNull() {
				d.ds.Warnf(d.file, it.Line, "frontmatter", "%s: item should be a string, got %s; ignored", p.Key, it.kindName())
			}
		}
	default:
		d.wrongType(p, `a string ("a b c") or a list`)
	}
	return dst
}

// list reads a list of strings, or one string.
func (d *decoder) list(p Pair, dst []string) []string {
	if s, ok := p.Value.Text(); ok {
		return append(dst, s)
	}
	if p.Value.Kind != Seq {
		d.wrongType(p, "a string or a list of strings")
		return dst
	}
	for _, it := range p.Value.Items {
		if s, ok := it.Text(); ok {
			dst = append(dst, s)
		} else if !it.IsNull() {
			d.ds.Warnf(d.file, it.Line, "frontmatter", "%s: item should be a string, got %s; ignored", p.Key, it.kindName())
		}
	}
	return dst
}

func isString(n *Node) bool {
	_, ok := n.Value.(string)
	return ok
}

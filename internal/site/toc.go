package site

import (
	"strings"
	"unicode"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/markdown"
)

// normTOC normalises heading text for matching TOC entries: case, markdown
// markup, punctuation and runs of space do not matter.
func normTOC(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			space = true
		}
	}
	return b.String()
}

// matchTOC links each entry of an explicit front-matter TOC to the heading
// of the post that has the same text, so the link uses the heading's real id
// whatever slug rule produced it. Entries with no heading and entries
// listed twice are warnings at their front-matter line and are left out.
func matchTOC(file string, entries []frontmatter.TOCEntry, hs []markdown.Heading) ([]TOCItem, diag.List) {
	var ds diag.List
	used := make([]bool, len(hs))
	seen := map[string]int{}
	var walk func([]frontmatter.TOCEntry) []TOCItem
	walk = func(es []frontmatter.TOCEntry) []TOCItem {
		var items []TOCItem
		for _, e := range es {
			key := normTOC(e.Name)
			if first, dup := seen[key]; dup {
				ds.Warnf(file, e.Line, "toc", "toc entry %q is listed twice (first on line %d); the duplicate is left out", e.Name, first)
				continue
			}
			seen[key] = e.Line
			idx := -1
			for i, h := range hs {
				if !used[i] && normTOC(h.Text) == key {
					idx = i
					break
				}
			}
			if idx < 0 {
				ds.Warnf(file, e.Line, "toc", "toc entry %q matches no heading of the post", e.Name)
				items = append(items, walk(e.Subsections)...)
				continue
			}
			used[idx] = true
			items = append(items, TOCItem{Text: e.Name, ID: hs[idx].ID, Children: walk(e.Subsections)})
		}
		return items
	}
	return walk(entries), ds
}

// autoTOC builds a TOC from the h2 and h3 headings.
func autoTOC(hs []markdown.Heading) []TOCItem {
	var items []TOCItem
	for _, h := range hs {
		switch {
		case h.Level == 2:
			items = append(items, TOCItem{Text: h.Text, ID: h.ID})
		case h.Level == 3 && len(items) > 0:
			last := &items[len(items)-1]
			last.Children = append(last.Children, TOCItem{Text: h.Text, ID: h.ID})
		case h.Level == 3:
			items = append(items, TOCItem{Text: h.Text, ID: h.ID})
		}
	}
	return items
}

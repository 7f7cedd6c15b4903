package frontmatter

import (
	"time"

	"github.com/distill-dev/distill/internal/diag"
)

// Meta is the typed front matter of one post. Extra keeps every key (typed
// ones too) as plain Go values for templates.
type Meta struct {
	Layout, Title, Description string

	// Date is the post date; see ParseDate for the forms accepted. DateZoned
	// says the value carried an explicit zone (else it is UTC wall time).
	Date      time.Time
	HasDate   bool
	DateZoned bool
	DateLine  int
	// LastModified comes from last_modified, last_modified_at or last_updated.
	LastModified time.Time

	// Tags and Categories accept "a b c" (Jekyll), a list, or one word.
	Tags, Categories []string
	Authors          []Author

	// TOC is an explicit `toc:` list; TOCAuto asks for a generated one
	// (`toc: true`, or al-folio's `toc: {sidebar: left}` whose options stay
	// in Extra["toc"]).
	TOC     []TOCEntry
	TOCAuto bool

	Bibliography string
	// Published defaults to true.
	Draft, Published, Featured bool
	GiscusComments             bool
	Styles                     string // `_styles`
	Permalink, Slug            string
	Thumbnail, Redirect        string
	RedirectFrom               []string
	RelatedPosts               *bool // nil when not given
	DOI                        string

	Mermaid struct{ Enabled, Zoomable bool } // `mermaid: true` or a map
	Chart   map[string]bool                  // chart: {chartjs: true, …}

	// Flags holds every top-level boolean key (code_diff, map, tikzjax, …),
	// and for a map of booleans (images, chart, mermaid) both "key.sub" and
	// "key" (true when any sub-key is true; for mermaid, its Enabled).
	Flags map[string]bool
	// FlagLines is the file line of each key in Flags.
	FlagLines map[string]int

	MathMacros map[string]string // `math: {macros: {RR: "\\mathbb{R}"}}`
	Extra      map[string]any
}

// Author is one entry of `authors:`.
type Author struct {
	Name  string
	URL   string
	Email string
	// Affiliations accepts al-folio's single map `{name: X, url: Y}`, a list
	// of such maps, or plain strings.
	Affiliations []Affiliation
}

// Affiliation is an author's institution.
type Affiliation struct{ Name, URL string }

// TOCEntry is one line of an explicit table of contents; Line is the file
// line of its name.
type TOCEntry struct {
	Name        string
	Line        int
	Subsections []TOCEntry
}

// Parse decodes a front-matter block. file is used for diagnostics;
// lineOffset is the number of lines before the block in the file (1 when it
// follows a "---" on line 1). A syntax error is an Error at its file line;
// everything Jekyll would accept warns and carries on: duplicate keys (last
// wins), tab indentation, unindented continuation lines, a description
// given as a list (joined), and values of the wrong type (key ignored).
func Parse(file string, lineOffset int, yaml []byte) (Meta, diag.List) {
	m := Meta{Published: true}
	root, ds := Decode(file, lineOffset, yaml)
	if root.IsNull() {
		return m, ds
	}
	if root.Kind != Map {
		ds.Errorf(file, root.Line, "frontmatter", "front matter must be a mapping of keys to values, got %s", root.kindName())
		return m, ds
	}
	d := decoder{file: file, m: &m, ds: &ds}
	m.Extra = root.Plain().(map[string]any)
	for _, p := range root.Pairs {
		d.flag(p)
		if set, ok := fields[p.Key]; ok && !p.Value.IsNull() {
			set(&d, p)
		}
	}
	if len(m.Authors) == 0 && root.Get("authors") == nil {
		if a := root.Get("author"); a != nil {
			d.authors(Pair{Key: "author", Line: a.Line, Value: a})
		}
	}
	return m, ds
}

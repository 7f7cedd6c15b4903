package diffview

import (
	"html"
	"strconv"
	"strings"
)

// Highlighter colours one line of code in language lang (a chroma name such
// as "python"), returning HTML-escaped text with spans and no <pre>. It is
// only called for files whose language Lang knows.
type Highlighter func(lang, code string) string

// Options choose the layout and the highlighter; the zero value renders
// line by line without colours.
type Options struct {
	// SideBySide puts old and new lines in two columns instead of one.
	SideBySide bool
	// Highlight colours code; nil leaves it plain (escaped).
	Highlight Highlighter
}

// Render writes files as HTML: a <div class="d-diff"> holding, per file, a
// header (name, tags, +/- counts) and a table of hunks. The output depends
// only on its arguments, and every piece of diff text is escaped.
func Render(files []File, opt Options) string {
	r := &renderer{opt: opt}
	mode := "d-line-by-line"
	if opt.SideBySide {
		mode = "d-side-by-side"
	}
	r.b.WriteString(`<div class="d-diff ` + mode + `">` + "\n")
	for i := range files {
		r.file(&files[i])
	}
	r.b.WriteString("</div>\n")
	return r.b.String()
}

type renderer struct {
	b    strings.Builder
	opt  Options
	lang string // language of the file being rendered
}

func (r *renderer) w(ss ...string) {
	for _, s := range ss {
		r.b.WriteString(s)
	}
}

func (r *renderer) file(f *File) {
	r.lang = Lang(f.Name())
	r.w(`<div class="d-file">`, "\n")
	r.header(f)
	r.w(`<div class="d-file-body"><table class="d-table">`)
	if r.opt.SideBySide { // fixed layout takes widths from here, not the hunk rows
		r.w(`<colgroup><col class="d-col-num"><col><col class="d-col-num"><col></colgroup>`)
	}
	r.w("<tbody>\n")
	if len(f.Hunks) == 0 {
		r.info(notice(f))
	}
	for i := range f.Hunks {
		h := &f.Hunks[i]
		if r.opt.SideBySide {
			r.w(`<tr class="d-hunk"><td class="d-num"></td><td class="d-code" colspan="3">`, esc(h.Header), "</td></tr>\n")
			r.split(h.Lines)
		} else {
			r.w(`<tr class="d-hunk"><td class="d-num" colspan="2"></td><td class="d-code">`, esc(h.Header), "</td></tr>\n")
			r.unified(h.Lines)
		}
	}
	r.w("</tbody></table></div>\n</div>\n")
}

func (r *renderer) header(f *File) {
	name := esc(f.Name())
	if (f.IsRename || f.IsCopy) && f.OldName != f.NewName {
		name = esc(f.OldName) + " → " + esc(f.NewName)
	}
	r.w(`<div class="d-file-header"><span class="d-file-name">`, name, "</span>")
	for _, t := range tags(f) {
		r.w(`<span class="d-tag d-tag-`, t[0], `">`, esc(t[1]), "</span>")
	}
	r.w(`<span class="d-stat"><span class="d-stat-add">+`, strconv.Itoa(f.Added),
		`</span> <span class="d-stat-del">-`, strconv.Itoa(f.Deleted), "</span></span></div>\n")
}

// tags lists (class suffix, label) pairs describing what happened to f.
func tags(f *File) [][2]string {
	var ts [][2]string
	switch {
	case f.IsNew:
		ts = append(ts, [2]string{"new", "new"})
	case f.IsDeleted:
		ts = append(ts, [2]string{"deleted", "deleted"})
	case f.IsRename:
		ts = append(ts, [2]string{"renamed", "renamed"})
	case f.IsCopy:
		ts = append(ts, [2]string{"copied", "copied"})
	}
	if f.Binary {
		ts = append(ts, [2]string{"binary", "binary"})
	}
	if f.OldMode != "" && f.NewMode != "" && f.OldMode != f.NewMode {
		ts = append(ts, [2]string{"mode", "mode " + f.OldMode + " → " + f.NewMode})
	}
	return ts
}

// notice explains a file section without hunks.
func notice(f *File) string {
	switch {
	case f.Binary:
		return "Binary file not shown"
	case f.IsRename:
		return "File renamed without changes"
	case f.IsCopy:
		return "File copied without changes"
	case f.OldMode != f.NewMode && f.OldMode != "" && f.NewMode != "":
		return "File mode changed"
	case f.IsNew || f.IsDeleted:
		return "Empty file"
	}
	return "File without changes"
}

func (r *renderer) info(msg string) {
	cols := "3"
	if r.opt.SideBySide {
		cols = "4"
	}
	r.w(`<tr class="d-info"><td colspan="`, cols, `">`, esc(msg), "</td></tr>\n")
}

func esc(s string) string { return html.EscapeString(s) }

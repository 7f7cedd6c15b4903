// Package bib reads BibTeX bibliographies and formats their entries for
// distill-style citations.
//
// In the pipeline it sits beside frontmatter: a post names a .bib file,
// Parse turns that file into a Library (values decoded from TeX to
// Unicode, authors split into Names, every entry tagged with its line), and
// the markdown and theme stages use Entry.HoverHTML for citation hover
// cards, Entry.ReferenceHTML for the appendix reference list (the format
// of distill's template.v2) and CitationBibTeX for the post's own
// "Citation" block.
//
// The parser follows BibTeX rather than any one Go library: text between
// entries is ignored, @string macros and # concatenation are expanded,
// @comment and @preamble are skipped, and a syntax error drops only the
// entry it occurs in.
package bib

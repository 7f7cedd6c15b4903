package markdown

// Figures drawn at build time: diffs (internal/diffview), typograms
// (internal/typogram) and pseudocode (internal/pseudocode). Their parse
// errors carry a line within the block; figure adds the fence's line.

import (
	"errors"
	"strings"

	"github.com/distill-dev/distill/internal/diffview"
	"github.com/distill-dev/distill/internal/pseudocode"
	"github.com/distill-dev/distill/internal/typogram"
)

// buildDiff draws a unified diff. A ```diff block without a file header
// is the usual snippet of +/- lines and stays highlighted code; a
// ```diff2html block must be a diff.
func buildDiff(f *figureBuilder, b *fenceBlock) (string, error) {
	if b.lang == "diff" && !hasFileHeader(b.src) {
		return "", nil
	}
	files, err := diffview.Parse(b.src)
	if err != nil {
		return "", err
	}
	if len(files) == 0 {
		return "", errors.New("no diff in the block")
	}
	for _, file := range files {
		for _, w := range file.Warnings {
			f.warnf(f.fileLine(b, w.Line), "%s block: %s", b.lang, w.Msg)
		}
	}
	opt := diffview.Options{SideBySide: b.opts["layout"] == "side-by-side"}
	if f.c.hl != nil {
		opt.Highlight = f.c.hl.Code
	}
	return diffview.Render(files, opt), nil
}

// hasFileHeader reports whether src has a "diff --git" line or a "---"
// line followed by a "+++" line.
func hasFileHeader(src string) bool {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "diff --git ") {
			return true
		}
		if strings.HasPrefix(l, "--- ") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+++ ") {
			return true
		}
	}
	return false
}

func buildTypogram(_ *figureBuilder, b *fenceBlock) (string, error) {
	return typogram.Render(b.src)
}

// buildPseudocode draws an algorithm; captioned algorithms are numbered
// in document order, as pseudocode.js numbers them, and their math goes
// through the document's math renderer.
func buildPseudocode(f *figureBuilder, b *fenceBlock) (string, error) {
	a, err := pseudocode.Parse(b.src)
	if err != nil {
		return "", err
	}
	opt := pseudocode.Options{
		LineNumbers: b.has("linenos"),
		Math:        func(tex string) string { return f.st.mathHTML(tex, false, false, b.offset) },
	}
	if a.Caption != nil {
		f.algorithms++
		opt.Number = f.algorithms
	}
	return pseudocode.Render(a, opt), nil
}

// blockError splits a renderer's error into the line within the block it
// names (0 when none) and its message without that line, which the file
// line replaces.
func blockError(err error) (int, string) {
	var de *diffview.ParseError
	var te *typogram.ParseError
	var pe *pseudocode.ParseError
	switch {
	case errors.As(err, &de):
		return de.Line, de.Msg
	case errors.As(err, &te):
		return te.Line, te.Msg
	case errors.As(err, &pe):
		return pe.Line, pe.Msg
	}
	return 0, err.Error()
}

// Package typogram renders typograms — ASCII diagrams in Google's format
// (https://google.github.io/typograms/) — from ```typograms fenced blocks
// into inline SVG at build time.
//
// Each character occupies a 30×54 cell. Drawing characters (- | + . ' / \ _
// * o # > < ^ v : = ~ and a few box-drawing aliases) become strokes and
// shapes chosen from their eight neighbours; everything else, and anything
// between double quotes, is kept as monospace text. Shapes use currentColor,
// so the diagram follows the page's text colour in light and dark mode.
package typogram

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Cell size in SVG units and the scale from units to CSS pixels, as in the
// typograms reference renderer.
const (
	cellW = 30
	cellH = 54
	zoom  = 0.3
)

// Limits keep a runaway block from producing megabytes of SVG.
const (
	maxLines = 1000
	maxCols  = 1000
	maxCells = 200_000
)

// ParseError reports input Render refuses; Line is 1-based within src
// (0 when the problem is the diagram as a whole).
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return "typogram: " + e.Msg
	}
	return fmt.Sprintf("typogram line %d: %s", e.Line, e.Msg)
}

// grid is the diagram as rows of runes, trailing spaces removed.
type grid [][]rune

func (g grid) at(x, y int) rune {
	if y < 0 || y >= len(g) || x < 0 || x >= len(g[y]) {
		return ' '
	}
	return g[y][x]
}

// parse splits src into rows, expands tabs and drops leading and trailing
// blank lines (the fence's).
func parse(src string) (grid, error) {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	lo, hi := 0, len(lines)
	for lo < hi && strings.TrimSpace(lines[lo]) == "" {
		lo++
	}
	for hi > lo && strings.TrimSpace(lines[hi-1]) == "" {
		hi--
	}
	if lo == hi {
		return nil, &ParseError{Msg: "empty diagram"}
	}
	if hi-lo > maxLines {
		return nil, &ParseError{Line: lo + maxLines + 1, Msg: fmt.Sprintf("diagram has more than %d lines", maxLines)}
	}
	var g grid
	cells := 0
	for i := lo; i < hi; i++ {
		if !utf8.ValidString(lines[i]) {
			return nil, &ParseError{Line: i + 1, Msg: "invalid UTF-8"}
		}
		row := expandTabs(strings.TrimRight(lines[i], " \t\r"))
		if len(row) > maxCols {
			return nil, &ParseError{Line: i + 1, Msg: fmt.Sprintf("line is wider than %d columns", maxCols)}
		}
		if cells += len(row); cells > maxCells {
			return nil, &ParseError{Line: i + 1, Msg: fmt.Sprintf("diagram has more than %d characters", maxCells)}
		}
		g = append(g, row)
	}
	return g, nil
}

func expandTabs(s string) []rune {
	row := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\t' {
			for n := 8 - len(row)%8; n > 0; n-- {
				row = append(row, ' ')
			}
			continue
		}
		row = append(row, r)
	}
	return row
}

// Render draws the typogram in src as a standalone <svg> element. The
// output depends only on src.
func Render(src string) (string, error) {
	g, err := parse(src)
	if err != nil {
		return "", err
	}
	width := 0
	for _, row := range g {
		width = max(width, len(row))
	}
	c := &canvas{}
	for y, row := range g {
		c.textRow(g, y, c.glyphRow(g, y, row))
	}
	c.flushLines()
	w, h := width*cellW, len(g)*cellH
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="typogram" viewBox="0 0 %d %d" width="%s" height="%s" fill="currentColor" overflow="visible" role="img">`,
		w, h, num(float64(w)*zoom), num(float64(h)*zoom))
	if c.strokes.Len() > 0 {
		b.WriteString(`<g stroke="currentColor" stroke-width="6" fill="none">`)
		b.WriteString(c.strokes.String())
		b.WriteString("</g>")
	}
	b.WriteString(c.fills.String())
	if c.texts.Len() > 0 {
		b.WriteString(`<g font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,monospace" font-size="48" text-anchor="middle" dominant-baseline="central">`)
		b.WriteString(c.texts.String())
		b.WriteString("</g>")
	}
	b.WriteString("</svg>")
	return b.String(), nil
}

// glyphRow draws the shapes of row y and reports which cells are text.
func (c *canvas) glyphRow(g grid, y int, row []rune) []bool {
	isText := make([]bool, len(row))
	quoted := false
	for x, ch := range row {
		if ch == '"' {
			quoted = !quoted
			continue
		}
		if ch == ' ' {
			continue
		}
		draw := glyphs[alias(ch)]
		if draw == nil || quoted || isAlnum(ch) && (isWordChar(g.at(x-1, y)) || isWordChar(g.at(x+1, y))) {
			isText[x] = true
			continue
		}
		c.ox, c.oy, c.drawn = float64(x*cellW), float64(y*cellH), 0
		a := neighbours(g, x, y)
		draw(c, a)
		isText[x] = c.drawn == 0 && !lineEnd(ch, a)
	}
	return isText
}

// lineEnd tells whether an undrawn corner character just ends a line, as
// the dots of ".---." above a "( round )" box do; it is then left out.
// Other undrawn glyphs (a lone '+' or '.') are punctuation, shown as text.
func lineEnd(ch rune, a around) bool {
	return alias(ch) == '.' && (a.l == '-' || a.r == '-')
}

func isAlnum(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
}

// isWordChar tells whether a neighbour makes a letter glyph (o, v, V) text.
// A "v" neighbour does not, so that "vvv" stays three arrows.
func isWordChar(r rune) bool { return isAlnum(r) && r != 'v' }

// textRow writes the text cells of row y as <text> runs, one x position per
// character so the grid alignment holds whatever the font.
func (c *canvas) textRow(g grid, y int, isText []bool) {
	row := g[y]
	for x := 0; x < len(row); {
		if !isText[x] {
			x++
			continue
		}
		end := x
		for end < len(row) && isText[end] {
			end++
		}
		var xs []string
		for i := x; i < end; i++ {
			xs = append(xs, num(float64(i*cellW+cellW/2)))
		}
		fmt.Fprintf(&c.texts, `<text x="%s" y="%d">%s</text>`, strings.Join(xs, " "), y*cellH+24, escape(string(row[x:end])))
		x = end
	}
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

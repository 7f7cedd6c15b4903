package typogram

import "strings"

// around holds a cell's eight neighbours (' ' outside the grid).
type around struct{ t, r, b, l, tr, br, bl, tl rune }

func neighbours(g grid, x, y int) around {
	n := func(dx, dy int) rune { return boxAlias(g.at(x+dx, y+dy)) }
	return around{n(0, -1), n(1, 0), n(0, 1), n(-1, 0), n(1, -1), n(1, 1), n(-1, 1), n(-1, -1)}
}

// alias maps characters drawn like another glyph.
func alias(r rune) rune {
	switch r {
	case '\'', '`':
		return '.'
	case 'V':
		return 'v'
	}
	return boxAlias(r)
}

// boxAlias maps box-drawing characters to their ASCII glyph. Neighbour
// tests see these too, so ┌──┐ joins up like +--+.
func boxAlias(r rune) rune {
	switch r {
	case '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼':
		return '+'
	case '─':
		return '-'
	case '│':
		return '|'
	case '►', '▶':
		return '>'
	case '◀', '◄':
		return '<'
	case '▲':
		return '^'
	case '▼':
		return 'v'
	}
	return r
}

func in(r rune, set string) bool { return strings.ContainsRune(set, r) }

// glyphs draws each drawing character from its neighbours. A glyph that
// draws nothing (a lone '+' or '.') is shown as text instead.
var glyphs map[rune]func(*canvas, around)

func init() {
	glyphs = map[rune]func(*canvas, around){
		'|': pipe, '-': dash, '_': underscore, '~': tilde, ':': colon, '=': equals,
		'*': star, 'o': ring, '#': square, '/': slash, '\\': backslash, '+': plus,
		'.': corner, '>': right, '<': left, 'v': down, '^': up,
	}
}

func pipe(c *canvas, a around) {
	if a.r == '_' {
		c.line(18, 51, 30, 51, "")
	}
	if a.l == '_' {
		c.line(0, 51, 12, 51, "")
	}
	if a.tr == '_' {
		c.line(12, -3, 30, -3, "")
	}
	if a.tl == '_' {
		c.line(0, -3, 18, -3, "")
	}
	c.cross(arms{!(a.tr == '/' && a.tl == '\\'), a.r == '-', !(a.bl == '/' && a.br == '\\'), a.l == '-',
		a.tr == '/', a.br == '\\', a.bl == '/', a.tl == '\\'}, 0)
}

func dash(c *canvas, a around) { c.cross(arms{a.t == '|', true, a.b == '|', true}, 0) }

func underscore(c *canvas, a around) {
	c.line(0, 51, 30, 51, "")
	if a.t == '|' {
		c.line(15, 24, 15, 51, "")
	}
	if a.b == '|' {
		c.line(15, 51, 15, 78, "")
	}
}

func tilde(c *canvas, _ around) { c.line(9, 27, 24, 27, "") }

func colon(c *canvas, a around) {
	c.line(15, 0, 15, 60, ` stroke-dasharray="15"`)
	if a.t == '+' {
		c.line(15, -24, 15, -15, "")
	}
	if a.b == '+' {
		c.line(15, 60, 15, 78, "")
	}
}

func equals(c *canvas, _ around) {
	c.line(0, 21, 30, 21, "")
	c.line(0, 30, 30, 30, "")
}

// endArms are the connections of the round and square line endings.
func endArms(a around) arms {
	return arms{in(a.t, "+|"), in(a.r, "+-"), in(a.b, "+|"), in(a.l, "+-"),
		a.tr == '/', a.br == '\\', a.bl == '/', a.tl == '\\'}
}

func star(c *canvas, a around) {
	c.dot(15, 27, 21)
	c.cross(endArms(a), 0)
}

func ring(c *canvas, a around) {
	c.ring(15, 27, 18)
	c.cross(endArms(a), 18)
}

func square(c *canvas, a around) {
	c.poly(-6, 6, 36, 6, 36, 48, -6, 48)
	c.cross(endArms(a), 0)
}

func slash(c *canvas, a around) {
	c.cross(arms{a.t == '|', false, a.b == '|', false, true, false, true, false}, 0)
	if a.r == '_' {
		c.line(0, 51, 30, 51, "")
	}
}

func backslash(c *canvas, a around) {
	c.cross(arms{a.t == '|', false, a.b == '|', false, false, true, false, true}, 0)
	if a.l == '_' {
		c.line(0, 51, 30, 51, "")
	}
}

func plus(c *canvas, a around) {
	r := in(a.r, "*#-+~>.'`")
	l := in(a.l, "*#-+~<.'`")
	t := in(a.t, "*#|+.`^")
	b := in(a.b, "*#|+'`v")
	c.cross(arms{t, r, b, l, in(a.tr, "/*#"), in(a.br, `\*#`), in(a.bl, "/*#"), in(a.tl, `\*#`)}, 0)
	if (l || r) && (b || t) {
		c.poly(12, 24, 18, 24, 18, 30, 12, 30) // fills the joint's corner
	}
}

// Arrow heads: the reference triangle points right and is placed and
// turned per direction; reach pulls it back from a round or square ending.
func right(c *canvas, a around) {
	reach := 0.0
	if in(a.r, "*o#") {
		reach = -18
	}
	c.triangle(reach, 9, 0, 0, 0)
}

func left(c *canvas, a around) {
	reach := 30.0
	if in(a.l, "*o#") {
		reach += 18
	}
	c.triangle(reach, 45, 180, 0, 0)
}

func down(c *canvas, a around) {
	reach := 36.0
	switch {
	case a.b == ' ':
		reach = 12
	case a.b == '_':
		reach += 18
	case in(a.b, "*o#"):
		reach -= 18
	}
	switch {
	case a.tr == '/':
		c.triangle(-36, 33, 112.5, 42, 18)
	case a.tl == '\\':
		c.triangle(-18, 33, 67.5, 42, 18)
	default:
		c.triangle(33, reach, 90, 0, 0)
	}
	c.cross(arms{in(a.t, "|+"), false, in(a.t, "|+"), false, a.tr == '/', false, false, a.tl == '\\'}, 0)
}

func up(c *canvas, a around) {
	reach := 42.0
	if a.t == '-' {
		reach -= 15
	}
	switch {
	case a.bl == '/':
		c.triangle(-18, -15, -67.5, 42, 18)
	case a.br == '\\':
		c.triangle(-36, -15, -112.5, 42, 18)
	default:
		c.triangle(-3, reach, -90, 0, 0)
	}
	c.cross(arms{false, false, in(a.b, "+|"), false, false, a.br == '\\', a.bl == '/', false}, 0)
}

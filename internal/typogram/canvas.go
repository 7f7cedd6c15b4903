package typogram

import (
	"math"
	"strconv"
	"strings"
)

// canvas collects SVG elements in absolute coordinates. Strokes (lines,
// rings) and fills (polygons, arcs, dots) go to separate groups so each
// group states its paint once; all parts share currentColor, so the order
// between groups does not show.
type canvas struct {
	segs                  []seg
	strokes, fills, texts strings.Builder
	ox, oy                float64 // origin of the cell being drawn
	drawn                 int     // elements drawn for that cell
}

// num formats a coordinate with at most two decimals and no "-0".
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// line strokes a segment; extra holds further attributes. Plain segments
// are collected and merged by flushLines.
func (c *canvas) line(x1, y1, x2, y2 float64, extra string) {
	c.drawn++
	if extra != "" {
		c.strokes.WriteString(lineTag(c.ox+x1, c.oy+y1, c.ox+x2, c.oy+y2, extra))
		return
	}
	c.segs = append(c.segs, seg{c.ox + x1, c.oy + y1, c.ox + x2, c.oy + y2})
}

func lineTag(x1, y1, x2, y2 float64, extra string) string {
	return `<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) + `"` + extra + "/>"
}

func (c *canvas) ring(cx, cy, r float64) {
	c.drawn++
	c.strokes.WriteString(`<circle cx="` + num(c.ox+cx) + `" cy="` + num(c.oy+cy) + `" r="` + num(r) + `"/>`)
}

func (c *canvas) dot(cx, cy, r float64) {
	c.drawn++
	c.fills.WriteString(`<circle cx="` + num(c.ox+cx) + `" cy="` + num(c.oy+cy) + `" r="` + num(r) + `"/>`)
}

// poly fills the polygon with the given x, y pairs.
func (c *canvas) poly(pts ...float64) {
	c.drawn++
	c.fills.WriteString(`<polygon points="`)
	for i := 0; i+1 < len(pts); i += 2 {
		if i > 0 {
			c.fills.WriteByte(' ')
		}
		c.fills.WriteString(num(c.ox+pts[i]) + "," + num(c.oy+pts[i+1]))
	}
	c.fills.WriteString(`"/>`)
}

// path fills a path given as commands in cell coordinates: "M x y",
// "L x y", "A r sweep x y" (a circular arc) and "Z".
func (c *canvas) path(cmds ...any) {
	c.drawn++
	var b strings.Builder
	for i := 0; i < len(cmds); {
		op := cmds[i].(string)
		b.WriteString(op)
		f := func(k int) float64 { return toF(cmds[i+k]) }
		switch op {
		case "M", "L":
			b.WriteString(num(c.ox+f(1)) + " " + num(c.oy+f(2)))
			i += 3
		case "A":
			r := num(f(1))
			b.WriteString(r + " " + r + " 0 0 " + num(f(2)) + " " + num(c.ox+f(3)) + " " + num(c.oy+f(4)))
			i += 5
		default:
			i++
		}
	}
	c.fills.WriteString(`<path d="` + b.String() + `"/>`)
}

func toF(v any) float64 {
	switch v := v.(type) {
	case int:
		return float64(v)
	case float64:
		return v
	}
	return 0
}

// cross draws half-lines from the cell centre towards the chosen sides and
// corners. skip shortens them at the centre (for rings).
func (c *canvas) cross(a arms, skip float64) {
	const cx, cy = 15.0, 27.0
	ends := [8][2]float64{{15, 0}, {30, 27}, {15, 54}, {0, 27}, {30, 0}, {30, 54}, {0, 54}, {0, 0}}
	for i, on := range a {
		if !on {
			continue
		}
		ex, ey := ends[i][0], ends[i][1]
		sx, sy := cx, cy
		if skip > 0 {
			d := math.Hypot(ex-cx, ey-cy)
			sx, sy = cx+(ex-cx)*skip/d, cy+(ey-cy)*skip/d
		}
		c.line(sx, sy, ex, ey, "")
	}
}

// arms selects half-lines in the order top, right, bottom, left, topRight,
// bottomRight, bottomLeft, topLeft.
type arms [8]bool

// triangle fills the arrow head (0,0) (42,18) (0,36) after rotating it by
// deg degrees about (px, py) and then moving it by (tx, ty), as the SVG
// transform "translate(tx ty) rotate(deg px py)" would.
func (c *canvas) triangle(tx, ty, deg, px, py float64) {
	s, co := math.Sincos(deg * math.Pi / 180)
	var pts []float64
	for _, p := range [][2]float64{{0, 0}, {42, 18}, {0, 36}} {
		x, y := p[0]-px, p[1]-py
		pts = append(pts, tx+px+x*co-y*s, ty+py+x*s+y*co)
	}
	c.poly(pts...)
}

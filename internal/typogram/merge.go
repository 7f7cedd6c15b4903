package typogram

import (
	"cmp"
	"math"
	"slices"
)

// seg is a stroked segment in absolute coordinates.
type seg struct{ x1, y1, x2, y2 float64 }

// flushLines writes the collected segments, first joining collinear ones
// that touch or overlap: a row of dashes becomes one <line>, which keeps
// the SVG small and avoids hairline seams between cells.
func (c *canvas) flushLines() {
	type item struct {
		key    [3]float64 // direction (dx, dy) and offset of the carrying line
		t1, t2 float64    // extent along the direction
		x1, y1 float64    // point at t1
		x2, y2 float64    // point at t2
	}
	items := make([]item, 0, len(c.segs))
	for _, s := range c.segs {
		dx, dy := s.x2-s.x1, s.y2-s.y1
		d := math.Hypot(dx, dy)
		if d == 0 {
			continue
		}
		dx, dy = round(dx/d), round(dy/d)
		if dx < 0 || dx == 0 && dy < 0 {
			dx, dy = -dx, -dy
		}
		it := item{key: [3]float64{dx, dy, round(dx*s.y1 - dy*s.x1)}, t1: s.x1*dx + s.y1*dy, t2: s.x2*dx + s.y2*dy,
			x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2}
		if it.t1 > it.t2 {
			it.t1, it.t2, it.x1, it.y1, it.x2, it.y2 = it.t2, it.t1, it.x2, it.y2, it.x1, it.y1
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.key[0], b.key[0]), cmp.Compare(a.key[1], b.key[1]),
			cmp.Compare(a.key[2], b.key[2]), cmp.Compare(a.t1, b.t1))
	})
	for i := 0; i < len(items); {
		cur := items[i]
		j := i + 1
		for ; j < len(items) && items[j].key == cur.key && items[j].t1 <= cur.t2+0.01; j++ {
			if items[j].t2 > cur.t2 {
				cur.t2, cur.x2, cur.y2 = items[j].t2, items[j].x2, items[j].y2
			}
		}
		c.strokes.WriteString(lineTag(cur.x1, cur.y1, cur.x2, cur.y2, ""))
		i = j
	}
	c.segs = c.segs[:0]
}

func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

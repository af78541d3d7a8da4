package charts

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawLegend draws the entries in rows from top, left to right, and
// returns the y below them.
func drawLegend(c draw.Canvas, top vg.Length, entries []LegendEntry) vg.Length {
	st := textStyle(legendSize, inkColor)
	st.YAlign = draw.YCenter
	h := st.Height("Mg") * lineFactor
	x := c.Min.X
	y := top - h/2
	for _, e := range entries {
		w := keyWidth + keyGap + st.Width(e.Label)
		if x > c.Min.X && x+w > c.Max.X {
			x = c.Min.X
			y -= h
		}
		drawKey(c, e, vg.Rectangle{Min: vg.Point{X: x, Y: y - h/2}, Max: vg.Point{X: x + keyWidth, Y: y + h/2}})
		c.FillText(st, vg.Point{X: x + keyWidth + keyGap, Y: y}, e.Label)
		x += w + legendGap
	}
	return y - h/2
}

func drawKey(c draw.Canvas, e LegendEntry, r vg.Rectangle) {
	mid := (r.Min.Y + r.Max.Y) / 2
	line := func(sty draw.LineStyle) {
		c.StrokeLine2(sty, r.Min.X, mid, r.Max.X, mid)
	}
	switch e.Kind {
	case KeyBar:
		s := (r.Max.Y - r.Min.Y) * 0.55
		x0 := r.Min.X + (r.Max.X-r.Min.X-s)/2
		c.FillPolygon(e.Color, []vg.Point{{X: x0, Y: mid - s/2}, {X: x0, Y: mid + s/2}, {X: x0 + s, Y: mid + s/2}, {X: x0 + s, Y: mid - s/2}})
	case KeyLine:
		line(draw.LineStyle{Color: e.Color, Width: 2})
	case KeyDash:
		line(draw.LineStyle{Color: e.Color, Width: 1.5, Dashes: []vg.Length{4, 2}})
	case KeyBand:
		s := (r.Max.Y - r.Min.Y) * 0.55
		c.FillPolygon(bandOf(e.Color), []vg.Point{{X: r.Min.X, Y: mid - s/2}, {X: r.Min.X, Y: mid + s/2}, {X: r.Max.X, Y: mid + s/2}, {X: r.Max.X, Y: mid - s/2}})
		line(draw.LineStyle{Color: e.Color, Width: 1.5})
	case KeyDot:
		line(draw.LineStyle{Color: e.Color, Width: 1, Dashes: []vg.Length{1.5, 2}})
	case KeyPoint:
		c.DrawGlyph(draw.GlyphStyle{Color: e.Color, Radius: dotRadius, Shape: draw.CircleGlyph{}}, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: mid})
	case KeyWhisker:
		sty := draw.LineStyle{Color: e.Color, Width: 0.8}
		cap := (r.Max.Y - r.Min.Y) / 5
		x0, x1 := r.Min.X+2, r.Max.X-2
		c.StrokeLine2(sty, x0, mid, x1, mid)
		c.StrokeLine2(sty, x0, mid-cap, x0, mid+cap)
		c.StrokeLine2(sty, x1, mid-cap, x1, mid+cap)
	}
}

// bandOf returns the light tint of c used for P10–P90 bands.
func bandOf(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8)*3/10 + 255*7/10) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

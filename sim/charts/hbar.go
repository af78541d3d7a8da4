package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// hbar is one horizontal bar: segments stacked from 0, a whisker and a
// label beyond its end.
type hbar struct {
	y     float64 // centre, in data units
	thick float64 // thickness, in data units
	segs  []seg
	// lo and hi are the whisker; NaN for none.
	lo, hi float64
	label  string
}

// seg is a stacked part of a bar; its label is drawn inside when it fits.
type seg struct {
	v     float64
	color color.Color
	label string
}

func (b *hbar) total() float64 {
	var s float64
	for _, g := range b.segs {
		s += g.v
	}
	return s
}

// end returns the data x beyond which the label goes and the direction
// (+1 right, −1 left).
func (b *hbar) end() (float64, float64) {
	t := b.total()
	if t < 0 {
		e := t
		if finite(b.lo) && b.lo < e {
			e = b.lo
		}
		return e, -1
	}
	e := t
	if finite(b.hi) && b.hi > e {
		e = b.hi
	}
	return e, 1
}

// hbars draws horizontal bars. It implements plot.Plotter,
// plot.DataRanger and plot.GlyphBoxer: the labels count as glyphs, so the
// plot leaves room for them.
type hbars struct {
	bars  []hbar
	label text.Style
	// log draws bars from the left edge of a logarithmic axis rather than
	// from 0; bars must then have one segment.
	log bool
}

func newHBars(bars []hbar) *hbars {
	st := textStyle(labelSize, inkColor)
	st.YAlign = draw.YCenter
	return &hbars{bars: bars, label: st}
}

const labelGap = 3 // points between a bar's end and its label

// Plot implements plot.Plotter.
func (h *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	whisker := draw.LineStyle{Color: inkColor, Width: 0.8}
	for _, b := range h.bars {
		y0, y1 := trY(b.y-b.thick/2), trY(b.y+b.thick/2)
		x := 0.0
		if !finite(b.total()) {
			continue // an overflowed or undefined value has no bar to draw
		}
		for _, s := range b.segs {
			if s.v == 0 {
				continue
			}
			var x0, x1 vg.Length
			switch {
			case !h.log:
				x0, x1 = trX(x), trX(x+s.v)
			case s.v <= p.X.Min:
				x0, x1 = c.Min.X, c.Min.X
			default:
				x0, x1 = c.Min.X, trX(s.v)
			}
			x += s.v
			pts := []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}, {X: x1, Y: y1}, {X: x1, Y: y0}}
			c.FillPolygon(s.color, c.ClipPolygonXY(pts))
			if s.label != "" {
				st := h.label
				st.XAlign = draw.XCenter
				st.Color = contrastInk(s.color)
				if w := st.Width(s.label); vg.Length(math.Abs(float64(x1-x0))) > w+4 {
					c.FillText(st, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, s.label)
				}
			}
		}
		ym := trY(b.y)
		if finite(b.lo) && finite(b.hi) && b.hi > b.lo && (!h.log || b.hi > p.X.Min) {
			xl, xh := trX(math.Max(b.lo, p.X.Min)), trX(b.hi)
			cap := (y1 - y0) / 4
			c.StrokeLines(whisker, c.ClipLinesXY([]vg.Point{{X: xl, Y: ym}, {X: xh, Y: ym}})...)
			for _, xe := range []vg.Length{xl, xh} {
				c.StrokeLines(whisker, c.ClipLinesXY([]vg.Point{{X: xe, Y: ym - cap}, {X: xe, Y: ym + cap}})...)
			}
		}
		if e, dir := b.end(); b.label != "" && finite(e) {
			st := h.label
			st.XAlign = draw.XLeft
			if h.log && e < p.X.Min {
				e = p.X.Min
			}
			x := trX(e) + labelGap
			if dir < 0 {
				st.XAlign = draw.XRight
				x = trX(e) - labelGap
			}
			c.FillText(st, vg.Point{X: x, Y: ym}, b.label)
		}
	}
}

// contrastInk returns black or white, whichever reads better on bg.
func contrastInk(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	lum := (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
	if lum > 0.6 {
		return inkColor
	}
	return color.White
}

// DataRange implements plot.DataRanger: 0, the bar ends and the whiskers.
func (h *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	if h.log {
		xmin, xmax = math.Inf(1), math.Inf(-1)
	}
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, b := range h.bars {
		for _, x := range []float64{b.total(), b.lo, b.hi} {
			if finite(x) && (!h.log || x > 0) {
				xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			}
		}
		ymin, ymax = math.Min(ymin, b.y-b.thick/2), math.Max(ymax, b.y+b.thick/2)
	}
	return xmin, xmax, ymin, ymax
}

// GlyphBoxes implements plot.GlyphBoxer: one box per label.
func (h *hbars) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for _, b := range h.bars {
		e, dir := b.end()
		if b.label == "" || !finite(e) {
			continue
		}
		if h.log && e < p.X.Min {
			e = p.X.Min
		}
		w := h.label.Width(b.label)
		ht := h.label.Height(b.label)
		r := vg.Rectangle{Min: vg.Point{X: labelGap, Y: -ht / 2}, Max: vg.Point{X: labelGap + w, Y: ht / 2}}
		if dir < 0 {
			r = vg.Rectangle{Min: vg.Point{X: -labelGap - w, Y: -ht / 2}, Max: vg.Point{X: -labelGap, Y: ht / 2}}
		}
		boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(e), Y: p.Y.Norm(b.y), Rectangle: r})
	}
	return boxes
}

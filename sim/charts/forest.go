package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// DiffData returns one group per metric of [CompareMetrics], then one for
// P(target) if the designs have a target: a bar per design after the
// first (Index its position) holding the paired difference of its
// department total against the first design's, with the interval of the
// difference. Designs without differences (Diff nil) are left out.
func DiffData(ds []Design) []Group {
	l := ds[0].Meta.Lang
	names := make([]string, 0, len(CompareMetrics)+1)
	for _, cm := range CompareMetrics {
		names = append(names, cm.Metric)
	}
	names = append(names, metric.PTarget)
	var out []Group
	for _, name := range names {
		g := Group{Metric: name, Title: compareTitle(l, name)}
		if name == metric.PTarget {
			g.Title = l.Tr("P(target reached)")
		}
		for i, d := range ds[1:] {
			if d.Diff == nil {
				continue
			}
			if s, ok := newLookup(d.Diff).get(name, metric.Department, metric.Total); ok {
				g.Bars = append(g.Bars, Bar{Label: d.Meta.Design, Index: i + 1, Estimate: estimate(s)})
			}
		}
		if len(g.Bars) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Differences draws the paired differences of each design against the
// first on the key department totals and on P(target): a forest plot, a
// panel per metric, a dot per design at the mean difference with its 95 %
// interval, and the line of no difference. A filled dot's interval
// excludes 0: the designs differ at the 95 % level.
func Differences(ds []Design) (*Figure, error) {
	if len(ds) < 2 {
		return nil, ErrNoData
	}
	gs := DiffData(ds)
	if len(gs) == 0 {
		return nil, ErrNoData
	}
	m := ds[0].Meta
	ref := m.Design
	var ps []*plot.Plot
	n := 0
	for _, g := range gs {
		u := unitOf(g.Metric)
		format := func(x float64) string { return quantity.Signed(x, u, "") }
		xlabel := m.tr("difference")
		tk := countTicks
		switch u {
		case metric.Money:
			xlabel = m.moneyLabel(xlabel)
			tk = moneyTicks
		case metric.Share:
			xlabel = m.tr("difference, percentage points")
			tk = pointTicks
			format = func(x float64) string { return signedPoints(x) }
		}
		ps = append(ps, forestPanel(g, xlabel, sparse(tk), format))
		n = max(n, len(g.Bars))
	}
	rows := grid(ps, min(3, len(ps)))
	hideInnerCategories(rows)
	var legend []LegendEntry
	for i, d := range ds[1:] {
		legend = append(legend, LegendEntry{Label: d.Meta.Design, Color: RoleColor(i + 1), Kind: KeyPoint})
	}
	legend = append(legend,
		LegendEntry{Label: m.tr("95% interval of the difference; filled: it excludes 0"), Color: inkColor, Kind: KeyWhisker},
		LegendEntry{Label: m.tr("no difference"), Color: axisColor, Kind: KeyLine})
	f := &Figure{
		Name:     "differences",
		Caption:  m.trf("Each design against %s: the paired difference of its department totals over the horizon, replication by replication on the same random numbers, with the 95%% confidence interval of the difference. A difference whose interval does not cross the line of no difference is significant at the 95%% level.", ref),
		Title:    m.trf("Differences against %s", ref),
		Subtitle: designsText(ds) + " · " + m.tr("paired differences (design − reference)"),
		Legend:   legend,
		Panels:   rows,
		Notes: []string{
			m.trf("Each design's total minus that of %s in the same replication, averaged; Student t intervals of the paired differences. P(target): the difference of the probabilities of reaching the target.", ref),
		},
		Width:  9 * vg.Inch,
		Height: vg.Length(len(rows)) * panelHeight(n),
	}
	f.Height += chrome(f)
	return f, nil
}

// signedPoints writes a difference of probabilities in percentage points:
// "+12.5", "-3".
func signedPoints(x float64) string {
	return quantity.Signed(100*x, metric.Tasks, "")
}

// forestPanel draws a group of differences: a row per bar, the first at
// the top, a dot at the mean with its interval, a label with the mean,
// and the vertical line of no difference.
func forestPanel(g Group, xlabel string, tk plot.Ticker, format func(float64) string) *plot.Plot {
	p := newPanel(g.Title)
	names := make([]string, len(g.Bars))
	fd := &forest{label: textStyle(labelSize, inkColor)}
	fd.label.YAlign = draw.YCenter
	for i, b := range g.Bars {
		names[i] = b.Label
		fd.dots = append(fd.dots, dot{y: rowY(i, len(g.Bars)), Estimate: b.Estimate, color: RoleColor(b.Index), label: format(b.Mean)})
	}
	p.Add(valueGrid(true), fd)
	categoryY(p, names)
	p.X.Label.Text = xlabel
	p.X.Tick.Marker = tk
	p.X.Padding = 0
	return p
}

// dot is a difference of a forest plot.
type dot struct {
	y float64
	Estimate
	color color.Color
	label string
}

// significant reports whether the dot's interval excludes 0.
func (d dot) significant() bool {
	return finite(d.Lo) && finite(d.Hi) && (d.Lo > 0 || d.Hi < 0)
}

// right returns the largest x the dot draws at.
func (d dot) right() float64 {
	r := d.Mean
	if finite(d.Hi) {
		r = math.Max(r, d.Hi)
	}
	return r
}

// forest draws the dots of a forest plot and the line at 0. It implements
// plot.Plotter, plot.DataRanger and plot.GlyphBoxer.
type forest struct {
	dots  []dot
	label text.Style
}

const dotRadius = 3.5

// Plot implements plot.Plotter.
func (f *forest) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if p.X.Min <= 0 && p.X.Max >= 0 {
		x0 := trX(0)
		c.StrokeLine2(draw.LineStyle{Color: axisColor, Width: 1}, x0, c.Min.Y, x0, c.Max.Y)
	}
	for _, d := range f.dots {
		if !finite(d.Mean) {
			continue
		}
		y := trY(d.y)
		ws := draw.LineStyle{Color: d.color, Width: 1.4}
		if finite(d.Lo) && finite(d.Hi) && d.Hi > d.Lo {
			xl, xh := trX(d.Lo), trX(d.Hi)
			c.StrokeLine2(ws, xl, y, xh, y)
			c.StrokeLine2(ws, xl, y-4, xl, y+4)
			c.StrokeLine2(ws, xh, y-4, xh, y+4)
		}
		pt := vg.Point{X: trX(d.Mean), Y: y}
		if d.significant() {
			c.DrawGlyph(draw.GlyphStyle{Color: d.color, Radius: dotRadius, Shape: draw.CircleGlyph{}}, pt)
		} else {
			c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: dotRadius, Shape: draw.CircleGlyph{}}, pt)
			c.DrawGlyph(draw.GlyphStyle{Color: d.color, Radius: dotRadius, Shape: draw.RingGlyph{}}, pt)
		}
		if d.label != "" {
			st := f.label
			st.XAlign = draw.XLeft
			c.FillText(st, vg.Point{X: trX(d.right()) + labelGap + 2, Y: y}, d.label)
		}
	}
}

// DataRange implements plot.DataRanger: 0, the means and the intervals.
func (f *forest) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, d := range f.dots {
		for _, x := range []float64{d.Mean, d.Lo, d.Hi} {
			if finite(x) {
				xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			}
		}
		ymin, ymax = math.Min(ymin, d.y-0.5), math.Max(ymax, d.y+0.5)
	}
	if xmin == xmax {
		xmin, xmax = -1, 1
	}
	return xmin, xmax, ymin, ymax
}

// GlyphBoxes implements plot.GlyphBoxer: the dots and their labels, so
// that the plot leaves room for them.
func (f *forest) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for _, d := range f.dots {
		if !finite(d.Mean) {
			continue
		}
		r := vg.Rectangle{Min: vg.Point{X: -dotRadius, Y: -dotRadius}, Max: vg.Point{X: dotRadius, Y: dotRadius}}
		boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(d.Mean), Y: p.Y.Norm(d.y), Rectangle: r})
		if d.label != "" {
			w, h := f.label.Width(d.label), f.label.Height(d.label)
			r := vg.Rectangle{Min: vg.Point{X: labelGap + 2, Y: -h / 2}, Max: vg.Point{X: labelGap + 2 + w, Y: h / 2}}
			boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(d.right()), Y: p.Y.Norm(d.y), Rectangle: r})
		}
	}
	return boxes
}

package charts

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// xys returns the finite points (x[i], y[i]).
func xys(x []int, y []float64) plotter.XYs {
	var out plotter.XYs
	for i, v := range y {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, plotter.XY{X: float64(x[i]), Y: v})
		}
	}
	return out
}

// band returns the polygon between lo and hi.
func band(x []int, lo, hi []float64, c color.Color) *plotter.Polygon {
	var ring plotter.XYs
	for i := range x {
		if finite(lo[i]) && finite(hi[i]) {
			ring = append(ring, plotter.XY{X: float64(x[i]), Y: lo[i]})
		}
	}
	for i := len(x) - 1; i >= 0; i-- {
		if finite(lo[i]) && finite(hi[i]) {
			ring = append(ring, plotter.XY{X: float64(x[i]), Y: hi[i]})
		}
	}
	if len(ring) < 3 {
		return nil
	}
	p, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil
	}
	p.Color = c
	p.LineStyle.Width = 0
	return p
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func line(pts plotter.XYs, c color.Color, width vg.Length, dashes []vg.Length) *plotter.Line {
	if len(pts) == 0 {
		return nil
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		return nil
	}
	l.Color = c
	l.Width = width
	l.Dashes = dashes
	return l
}

// hline returns a horizontal line at y across months [x0, x1].
func hline(y, x0, x1 float64, c color.Color, dashes []vg.Length) *plotter.Line {
	if !finite(y) {
		return nil
	}
	return line(plotter.XYs{{X: x0, Y: y}, {X: x1, Y: y}}, c, 1.4, dashes)
}

func add(p *plot.Plot, ps ...plot.Plotter) {
	for _, x := range ps {
		switch v := x.(type) {
		case *plotter.Line:
			if v == nil {
				continue
			}
		case *plotter.Polygon:
			if v == nil {
				continue
			}
		case *plotter.Scatter:
			if v == nil {
				continue
			}
		case *plotter.YErrorBars:
			if v == nil {
				continue
			}
		}
		p.Add(x)
	}
}

// monthTicks labels every month (every other beyond 24).
func monthTicks(months []int) plot.Ticker {
	step := 1
	if len(months) > 24 {
		step = (len(months) + 23) / 24 * 2
	}
	var ts []plot.Tick
	for i, m := range months {
		t := plot.Tick{Value: float64(m)}
		if i%step == 0 {
			t.Label = strconv.Itoa(m)
		}
		ts = append(ts, t)
	}
	return plot.ConstantTicks(ts)
}

// monthAxisIn makes the X axis of p the months, labelled in m's
// language.
func monthAxisIn(m *Meta, p *plot.Plot, months []int) {
	p.X.Tick.Marker = monthTicks(months)
	p.X.Label.Text = m.tr("month after the warm-up")
	p.X.Min = float64(months[0]) - 0.3
	p.X.Max = float64(months[len(months)-1]) + 0.3
}

// reachedPanel draws P(target reached by month) for one or more series.
func reachedPanel(m *Meta, months [][]int, reached [][]Estimate, colors []color.Color, by int) *plot.Plot {
	p := newPanel(m.tr("probability that the target is reached by the end of the month"))
	p.Add(valueGrid(false))
	for k := range reached {
		var pts plotter.XYs
		var errs plotter.YErrors
		// Several series are dodged a little so that their whiskers do
		// not hide each other.
		dodge := 0.0
		if n := len(reached); n > 1 {
			dodge = 0.25 * (float64(k)/float64(n-1) - 0.5)
		}
		for i, e := range reached[k] {
			if !finite(e.Mean) {
				continue
			}
			pts = append(pts, plotter.XY{X: float64(months[k][i]) + dodge, Y: e.Mean})
			lo, hi := e.Lo, e.Hi
			if !finite(lo) || !finite(hi) {
				lo, hi = e.Mean, e.Mean
			}
			errs = append(errs, struct{ Low, High float64 }{e.Mean - lo, hi - e.Mean})
		}
		if len(pts) == 0 {
			continue
		}
		eb := &plotter.YErrorBars{XYs: pts, YErrors: errs, LineStyle: draw.LineStyle{Color: colors[k], Width: 0.8}, CapWidth: 4}
		sc, err := plotter.NewScatter(pts)
		if err == nil {
			sc.GlyphStyle = draw.GlyphStyle{Color: colors[k], Radius: 2.5, Shape: draw.CircleGlyph{}}
		}
		add(p, eb, line(pts, colors[k], 1.2, nil), sc)
	}
	if by > 0 {
		add(p, vline(float64(by), 0, 1))
	}
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = percentTicks
	p.Y.Label.Text = m.tr("P(reached)")
	monthAxisIn(m, p, months[0])
	return p
}

// vline is the dotted marker of the target month.
func vline(x, y0, y1 float64) *plotter.Line {
	return line(plotter.XYs{{X: x, Y: y0}, {X: x, Y: y1}}, baselineColor, 1, []vg.Length{1.5, 2})
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		if finite(x) {
			m = math.Max(m, x)
		}
	}
	if math.IsInf(m, -1) {
		return 0
	}
	return m
}

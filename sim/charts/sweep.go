package charts

import (
	"errors"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// A Curve is a response of a sweep against one factor: its mean and the
// bounds of its 95 % interval at each value X of the factor, X
// increasing.
type Curve struct {
	Name         string
	X            []float64
	Mean, Lo, Hi []float64
}

// SweepCurves draws response curves against a factor, each with its 95 %
// band, labelled by name in a legend if there are several; the value
// axis is labelled in unit.
func SweepCurves(title, xlabel, ylabel string, unit metric.Unit, cs []Curve) (*plot.Plot, error) {
	if len(cs) == 0 {
		return nil, errors.New("charts: no curves to draw")
	}
	p := newPanel(title)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.Y.Tick.Marker = ticks{unit: unit}
	p.Add(valueGrid(false))
	p.Legend.TextStyle = textStyle(tickSize, inkColor)
	// The legend goes to the top corner the first curve leaves free: the
	// left one if it rises, the right one if it falls.
	p.Legend.Top = true
	if c := cs[0]; len(c.Mean) > 1 {
		p.Legend.Left = c.Mean[len(c.Mean)-1] > c.Mean[0]
	}
	var levels []float64
	for _, c := range cs {
		for _, x := range c.X {
			if !slices.Contains(levels, x) {
				levels = append(levels, x)
			}
		}
	}
	if len(levels) <= 16 {
		slices.Sort(levels)
		p.X.Tick.Marker = levelTicks(levels)
	}
	for i, c := range cs {
		col := RoleColor(i)
		var ring, mid plotter.XYs
		for j, x := range c.X {
			if finite(c.Mean[j]) {
				mid = append(mid, plotter.XY{X: x, Y: c.Mean[j]})
			}
		}
		for j, x := range c.X {
			if finite(c.Lo[j]) && finite(c.Hi[j]) {
				ring = append(ring, plotter.XY{X: x, Y: c.Lo[j]})
			}
		}
		for j := len(c.X) - 1; j >= 0; j-- {
			if finite(c.Lo[j]) && finite(c.Hi[j]) {
				ring = append(ring, plotter.XY{X: c.X[j], Y: c.Hi[j]})
			}
		}
		if len(ring) >= 3 {
			if poly, err := plotter.NewPolygon(ring); err == nil {
				r, g, b, _ := col.RGBA()
				poly.Color = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
				poly.LineStyle.Width = 0
				p.Add(poly)
			}
		}
		l := line(mid, col, 1.6, nil)
		if l == nil {
			continue
		}
		p.Add(l)
		if s, err := plotter.NewScatter(mid); err == nil {
			s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
			p.Add(s)
			if len(cs) > 1 {
				p.Legend.Add(c.Name, l, s)
			}
		}
	}
	return p, nil
}

// A Grid is a response over two factors: Z[i][j] at (X[i], Y[j]); NaN
// where there is no point.
type Grid struct {
	X, Y []float64
	Z    [][]float64
}

// gridXYZ is a Grid as plotter.GridXYZ.
type gridXYZ struct{ g Grid }

func (g gridXYZ) Dims() (c, r int)   { return len(g.g.X), len(g.g.Y) }
func (g gridXYZ) Z(c, r int) float64 { return g.g.Z[c][r] }
func (g gridXYZ) X(c int) float64    { return g.g.X[c] }
func (g gridXYZ) Y(r int) float64    { return g.g.Y[r] }

// SweepHeatMap draws a response over two factors as a heat map, each
// cell labelled with its value in unit.
func SweepHeatMap(title, xlabel, ylabel string, unit metric.Unit, g Grid) (*plot.Plot, error) {
	if len(g.X) < 1 || len(g.Y) < 1 || len(g.Z) != len(g.X) {
		return nil, errors.New("charts: an empty grid")
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, col := range g.Z {
		if len(col) != len(g.Y) {
			return nil, errors.New("charts: a ragged grid")
		}
		for _, z := range col {
			if finite(z) {
				lo, hi = math.Min(lo, z), math.Max(hi, z)
			}
		}
	}
	if !finite(lo) {
		return nil, errors.New("charts: no finite value to draw")
	}
	if hi <= lo {
		hi = lo + 1
	}
	p := newPanel(title)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	cm := moreland.SmoothBlueRed()
	hm := plotter.NewHeatMap(gridXYZ{g}, cm.Palette(255))
	hm.Min, hm.Max = lo, hi
	hm.NaN = color.White
	p.Add(hm)
	var labels plotter.XYLabels
	for i, x := range g.X {
		for j, y := range g.Y {
			if z := g.Z[i][j]; finite(z) {
				labels.XYs = append(labels.XYs, plotter.XY{X: x, Y: y})
				labels.Labels = append(labels.Labels, quantity.Format(z, unit, ""))
			}
		}
	}
	if len(labels.XYs) > 0 {
		l, err := plotter.NewLabels(labels)
		if err != nil {
			return nil, err
		}
		for i := range l.TextStyle {
			l.TextStyle[i] = textStyle(tickSize, inkColor)
			l.TextStyle[i].XAlign = draw.XCenter
			l.TextStyle[i].YAlign = draw.YCenter
		}
		p.Add(l)
	}
	p.X.Tick.Marker = levelTicks(g.X)
	p.Y.Tick.Marker = levelTicks(g.Y)
	return p, nil
}

// levelTicks labels each level of a factor.
func levelTicks(xs []float64) plot.Ticker {
	ts := make([]plot.Tick, len(xs))
	for i, x := range xs {
		ts[i] = plot.Tick{Value: x, Label: strconv.FormatFloat(x, 'g', 6, 64)}
	}
	return plot.ConstantTicks(ts)
}

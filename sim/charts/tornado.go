package charts

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// A TornadoBar is one input's importance for a response: its Morris μ*
// (the mean absolute change of the response when the input moves across
// its whole range) with an interval, the sign of its mean effect, and
// whether it stands out from replication noise.
type TornadoBar struct {
	Label string
	Estimate
	// Mu is the mean effect: > 0 when raising the input raises the
	// response.
	Mu float64
	// Noise tells that the effect is not distinguishable from
	// replication noise.
	Noise bool
}

// A TornadoPanel is the bars of one response, the largest first.
type TornadoPanel struct {
	Title string
	Unit  metric.Unit
	Bars  []TornadoBar
}

// Colours of a tornado's bars.
var (
	raisesColor = marginColor
	lowersColor = lostColor
	noiseColor  = idleColor
)

// Tornado draws screening results as a tornado chart: one panel per
// response, a bar per input from the most to the least important, its
// length μ*, its whisker the interval, green when raising the input
// raises the response, red when it lowers it, grey when the effect cannot
// be told from replication noise.
func Tornado(title, subtitle, currency string, panels []TornadoPanel, notes []string) (*Figure, error) {
	if len(panels) == 0 {
		return nil, ErrNoData
	}
	var ps []*plot.Plot
	rows := 0
	for _, pn := range panels {
		if len(pn.Bars) == 0 {
			return nil, ErrNoData
		}
		rows = max(rows, len(pn.Bars))
		p := newPanel(pn.Title)
		names := make([]string, len(pn.Bars))
		hb := make([]hbar, len(pn.Bars))
		for i, b := range pn.Bars {
			names[i] = b.Label
			c := raisesColor
			switch {
			case b.Noise:
				c = noiseColor
			case b.Mu < 0:
				c = lowersColor
			}
			v := b.Mean
			if math.IsNaN(v) {
				v = 0
			}
			hb[i] = hbar{
				y: rowY(i, len(pn.Bars)), thick: 0.66,
				segs:  []seg{{v: v, color: c}},
				lo:    b.Lo,
				hi:    b.Hi,
				label: quantity.Format(b.Mean, pn.Unit, currency),
			}
		}
		p.Add(valueGrid(true), newHBars(hb))
		categoryY(p, names)
		p.X.Label.Text = "μ* (whole range)"
		p.X.Tick.Marker = sparse(ticks{unit: pn.Unit})
		valueAxis(&p.X)
		// Room for the value labels right of the longest whisker.
		top := 0.0
		for _, b := range pn.Bars {
			for _, v := range []float64{b.Mean, b.Hi} {
				if !math.IsNaN(v) {
					top = math.Max(top, v)
				}
			}
		}
		if top > 0 {
			p.X.Max = 1.3 * top
		}
		ps = append(ps, p)
	}
	cols := min(3, len(ps))
	grid := grid(ps, cols)
	f := &Figure{
		Name:     "tornado",
		Title:    title,
		Subtitle: subtitle,
		Caption:  "Morris screening: for each response, the inputs by their mean absolute elementary effect μ* over the whole range, with 95% bootstrap intervals over the trajectories.",
		Legend: []LegendEntry{
			{Label: "raising the input raises the response", Color: raisesColor, Kind: KeyBar},
			{Label: "raising the input lowers it", Color: lowersColor, Kind: KeyBar},
			{Label: "not distinguishable from replication noise", Color: noiseColor, Kind: KeyBar},
			{Label: "95% bootstrap interval of μ*", Color: inkColor, Kind: KeyWhisker},
		},
		Panels: grid,
		Notes:  notes,
		Width:  vg.Length(max(3, cols)) * 3.4 * vg.Inch,
		Height: vg.Length(len(grid)) * panelHeight(rows) * 0.8,
	}
	f.Height += chrome(f)
	return f, nil
}

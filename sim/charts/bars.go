package charts

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Bar is one bar of a group: a labelled estimate. Index picks its
// colour: a role's index in Meta.Roles, a design's position in a
// comparison, or −1 for the department.
type Bar struct {
	Label string
	Index int
	Estimate
}

// Group is a set of bars measuring one quantity: a panel of small
// multiples.
type Group struct {
	Metric string // the table's metric, e.g. "done.cold_call"
	Title  string // what the panel is called, e.g. "cold call"
	Bars   []Bar
}

// barsPanel draws a group as horizontal bars, one row per bar, the first
// at the top, each coloured by its index, with whiskers and value labels.
func barsPanel(g Group, xlabel string, tk plot.Ticker, format func(float64) string) *plot.Plot {
	p := newPanel(g.Title)
	names := make([]string, len(g.Bars))
	hb := make([]hbar, len(g.Bars))
	for i, b := range g.Bars {
		names[i] = b.Label
		hb[i] = hbar{
			y: rowY(i, len(g.Bars)), thick: 0.66,
			segs: []seg{{v: b.Mean, color: RoleColor(b.Index)}},
			lo:   b.Lo, hi: b.Hi,
			label: format(b.Mean),
		}
	}
	p.Add(valueGrid(true), newHBars(hb))
	categoryY(p, names)
	p.X.Label.Text = xlabel
	p.X.Tick.Marker = tk
	if t, ok := tk.(ticks); ok {
		p.X.Tick.Marker = sparse(t)
	}
	valueAxis(&p.X)
	return p
}

// valueAxis makes a bar chart's value axis start at 0 (or below, for
// negative values) and never be empty.
func valueAxis(a *plot.Axis) {
	a.Min = math.Min(a.Min, 0)
	if a.Max <= 0 && a.Min == 0 {
		a.Max = 1
	}
	a.Padding = 0
}

// clipAtZero returns e with its interval clipped at 0: for measures that
// cannot be negative (counts, costs) a t interval reaching below 0 says
// only that the mean is small.
func clipAtZero(e Estimate) Estimate {
	if e.Lo < 0 {
		e.Lo = 0
	}
	return e
}

// grid arranges panels in rows of at most cols.
func grid(ps []*plot.Plot, cols int) [][]*plot.Plot {
	var rows [][]*plot.Plot
	for i := 0; i < len(ps); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, ps[i:min(i+cols, len(ps))])
		rows = append(rows, row)
	}
	return rows
}

// roleLegend returns legend entries for the roles drawn.
func roleLegend(m *Meta, idx []int) []LegendEntry {
	var out []LegendEntry
	for _, i := range idx {
		out = append(out, LegendEntry{Label: m.Roles[i], Color: RoleColor(i), Kind: KeyBar})
	}
	return out
}

// whiskerEntry is the legend entry of the whiskers.
func whiskerEntry(m *Meta) LegendEntry {
	return LegendEntry{Label: m.tr("95% confidence interval of the mean"), Color: inkColor, Kind: KeyWhisker}
}

// panelHeight is the height of a small-multiple panel with n bars.
func panelHeight(n int) vg.Length {
	return vg.Length(72 + 26*n)
}

// hideCategories blanks the category labels of a bar panel, keeping their
// positions: for the panels right of the first in a row.
func hideCategories(p *plot.Plot) {
	ts := p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max)
	for i := range ts {
		ts[i].Label = ""
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ts)
}

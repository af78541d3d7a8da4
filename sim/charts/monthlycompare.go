package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// MonthlyCompare draws the monthly target metric (margin without a
// target) of several designs as small multiples: a panel per design on
// shared axes, each with the design's median and 10th–90th percentile
// band, its baseline and target lines and, in grey, the first design's
// median for reference; and below, with a target, each design's
// probability of having reached it by month.
func MonthlyCompare(ds []Design) (*Figure, error) {
	if len(ds) < 2 {
		return nil, ErrNoData
	}
	var data []Monthly
	for _, d := range ds {
		md, err := MonthlyData(d.Table, d.Meta)
		if err != nil {
			return nil, err
		}
		data = append(data, md)
	}
	m := ds[0].Meta
	first := data[0]
	name := m.Lang.Metric(first.Metric)
	// Shared axes: one range of months and of values for every panel.
	top := 0.0
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, d := range data {
		top = math.Max(top, math.Max(maxOf(d.P90), maxOf([]float64{d.Goal, d.Baseline})))
		x0, x1 = math.Min(x0, float64(d.Months[0])), math.Max(x1, float64(d.Months[len(d.Months)-1]))
	}
	if top <= 0 {
		top = 1
	}
	tg := m.Target
	hasTarget := tg != nil && finite(first.Baseline)
	var ps []*plot.Plot
	for i, d := range data {
		c := RoleColor(i)
		p := newPanel(ds[i].Meta.Design)
		p.Add(valueGrid(false))
		if hasTarget && finite(d.Baseline) {
			add(p, vline(float64(tg.By), 0, top))
		}
		add(p, band(d.Months, d.P10, d.P90, bandOf(c)),
			hline(d.Baseline, float64(d.Months[0]), float64(d.Months[len(d.Months)-1]), baselineColor, []vg.Length{5, 3}),
			hline(d.Goal, float64(d.Months[0]), float64(d.Months[len(d.Months)-1]), targetColor, []vg.Length{5, 3}))
		if i > 0 {
			add(p, line(xys(first.Months, first.P50), referenceColor, 1.2, nil))
		}
		add(p, line(xys(d.Months, d.P50), c, 2, nil))
		monthAxisIn(m, p, d.Months)
		p.X.Min, p.X.Max = x0-0.3, x1+0.3
		p.Y.Min, p.Y.Max = 0, top*1.04
		p.Y.Tick.Marker = sparse(moneyTicks)
		p.Y.Label.Text = m.moneyLabel(m.trf("%s per month", name))
		ps = append(ps, p)
	}
	cols := min(3, len(ps))
	rows := grid(ps, cols)
	// Axis labels once: the value axis on the left column, the months on
	// the bottom row.
	for j, r := range rows {
		for i, p := range r {
			if p == nil {
				continue
			}
			if i > 0 {
				p.Y.Label.Text = ""
			}
			if j+1 < len(rows) && rows[j+1][i] != nil {
				p.X.Label.Text = ""
			}
		}
	}
	legend := []LegendEntry{
		{Label: m.tr("median of the replications, with their 10th–90th percentile band"), Color: medianColor, Kind: KeyBand},
		{Label: m.trf("median of %s, for reference", m.Design), Color: referenceColor, Kind: KeyLine},
	}
	notes := []string{m.tr("A panel per design, on the same axes. Lines: the median of the replications; bands: their 10th to 90th percentiles (not confidence intervals).")}
	f := &Figure{
		Name:     "monthly-compare",
		Caption:  m.trf("The %s month by month for each design, a panel per design on the same axes: the median of the replications with the band holding the middle 80%% of them, against the design's baseline and target, with the median of %s in grey for reference; below, the probability that each design has reached its target by each month.", name, m.Design),
		Title:    m.trf("%s month by month, designs compared", capitalize(name)),
		Subtitle: designsText(ds),
		Panels:   rows,
		Width:    9 * vg.Inch,
		Height:   vg.Length(40 + 150*len(rows)),
	}
	if hasTarget {
		legend = append(legend,
			LegendEntry{Label: m.tr("the design's baseline"), Color: baselineColor, Kind: KeyDash},
			LegendEntry{Label: m.trf("target: baseline %s", quantity.Signed(tg.Growth, metric.Share, "")), Color: targetColor, Kind: KeyDash},
			LegendEntry{Label: m.trf("target month (%d)", tg.By), Color: baselineColor, Kind: KeyDot})
		var months [][]int
		var reached [][]Estimate
		var colors []color.Color
		for i, d := range data {
			if d.Reached != nil {
				months = append(months, d.Months)
				reached = append(reached, d.Reached)
				colors = append(colors, RoleColor(i))
			}
		}
		if len(reached) > 0 {
			f.Bottom = reachedPanel(m, months, reached, colors, tg.By)
			f.BottomHeight = 190
			f.Height += f.BottomHeight + panelGapY
			for i, d := range ds {
				legend = append(legend, LegendEntry{Label: d.Meta.Design, Color: RoleColor(i), Kind: KeyLine})
			}
		}
		notes = append(notes, m.tr("Each design's baseline is measured in its own replications; the target is the same growth over it. Whiskers on the probabilities are 95% Wilson intervals."))
	}
	f.Legend = legend
	f.Notes = notes
	f.Height += chrome(f)
	return f, nil
}

package charts

import (
	"fmt"
	"image/color"
	"math"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// CompareMetrics are the department totals the comparison figure shows,
// with their panel titles and whether they are money.
var CompareMetrics = []struct {
	Metric, Title string
	Money         bool
}{
	{metric.Margin, "margin", true},
	{metric.Cost, "cost", true},
	{metric.Profit, "profit (margin − cost)", true},
	{metric.NewClients, "new clients", false},
	{metric.ChurnedClients, "clients churned", false},
}

// CompareData returns one group per metric of [CompareMetrics] and, if
// any design has a target, a last group "p_target": a bar per design
// (Index its position), the department's whole-horizon estimate.
func CompareData(ds []Design) []Group {
	ls := make([]*lookup, len(ds))
	for i, d := range ds {
		ls[i] = newLookup(d.Table)
	}
	var out []Group
	for _, cm := range CompareMetrics {
		g := Group{Metric: cm.Metric, Title: cm.Title}
		for i, d := range ds {
			if !ls[i].has(cm.Metric, metric.Department) {
				continue
			}
			e := ls[i].total(cm.Metric, metric.Department)
			if cm.Metric != metric.Profit {
				e = clipAtZero(e)
			}
			g.Bars = append(g.Bars, Bar{Label: d.Meta.Design, Index: i, Estimate: e})
		}
		if len(g.Bars) > 0 {
			out = append(out, g)
		}
	}
	g := Group{Metric: metric.PTarget, Title: "P(target reached)"}
	for i, d := range ds {
		if s, ok := ls[i].get(metric.PTarget, metric.Department, metric.Total); ok {
			g.Bars = append(g.Bars, Bar{Label: d.Meta.Design, Index: i, Estimate: estimate(s)})
		}
	}
	if len(g.Bars) > 0 {
		out = append(out, g)
	}
	return out
}

// Compare draws designs side by side on the key department totals, with
// their intervals, and the probability each reaches its target with its
// Wilson interval.
func Compare(ds []Design) (*Figure, error) {
	if len(ds) < 2 {
		return nil, ErrNoData
	}
	gs := CompareData(ds)
	if len(gs) == 0 {
		return nil, ErrNoData
	}
	var ps []*plot.Plot
	for _, g := range gs {
		var p *plot.Plot
		switch {
		case g.Metric == metric.PTarget:
			p = barsPanel(g, "probability", percentTicks, quantity.Share)
			p.X.Max = 1
		case isMoney(g.Metric):
			p = barsPanel(g, ds[0].Meta.moneyLabel("over the horizon"), moneyTicks, ds[0].Meta.money)
		default:
			p = barsPanel(g, "clients over the horizon", countTicks, quantity.Count)
		}
		ps = append(ps, p)
	}
	cols := min(3, len(ps))
	rows := grid(ps, cols)
	for _, r := range rows {
		for _, p := range r[1:] {
			if p != nil {
				hideCategories(p)
			}
		}
	}
	var legend []LegendEntry
	for i, d := range ds {
		legend = append(legend, LegendEntry{Label: d.Meta.Design, Color: RoleColor(i), Kind: KeyBar})
	}
	legend = append(legend, whiskerEntry)
	notes := []string{"Department totals over the horizon. The whiskers of P(target) are 95% Wilson intervals; the others Student t intervals of the mean."}
	f := &Figure{
		Name:     "compare",
		Caption:  "Each design's department totals over the horizon side by side, with the 95% confidence intervals of their means, and the probability that each design reaches its growth target.",
		Title:    "Designs compared",
		Subtitle: fmt.Sprintf("%d designs · %s", len(ds), replicationsText(ds)),
		Legend:   legend,
		Panels:   rows,
		Notes:    notes,
		Width:    9 * vg.Inch,
		Height:   vg.Length(len(rows)) * panelHeight(len(ds)),
	}
	f.Height += chrome(f)
	return f, nil
}

func isMoney(name string) bool {
	for _, cm := range CompareMetrics {
		if cm.Metric == name {
			return cm.Money
		}
	}
	return false
}

// replicationsText says how many replications the designs ran: "30
// replications each" or "30, 100 replications".
func replicationsText(ds []Design) string {
	same := true
	for _, d := range ds[1:] {
		same = same && d.Table.N == ds[0].Table.N
	}
	if same {
		return fmt.Sprintf("%d replications each", ds[0].Table.N)
	}
	s := ""
	for i, d := range ds {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(d.Table.N)
	}
	return s + " replications"
}

// MonthlyCompare overlays the monthly target metric (margin without a
// target) of several designs: each design's median and 10th–90th
// percentile band, the first design's baseline and target lines and, with
// a target, each design's probability of having reached it by month.
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
	first := data[0]
	p := newPanel(pretty(first.Metric) + " per month, department")
	p.Add(valueGrid(false))
	for i, d := range data {
		c := RoleColor(i).(color.RGBA)
		add(p, band(d.Months, d.P10, d.P90, color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x26}))
	}
	x0, x1 := float64(first.Months[0]), float64(first.Months[len(first.Months)-1])
	add(p, hline(first.Baseline, x0, x1, baselineColor, []vg.Length{5, 3}), hline(first.Goal, x0, x1, targetColor, []vg.Length{5, 3}))
	for i, d := range data {
		add(p, line(xys(d.Months, d.P50), RoleColor(i), 2, nil))
	}
	monthAxis(p, first.Months)
	p.Y.Min = 0
	p.Y.Tick.Marker = moneyTicks
	p.Y.Label.Text = ds[0].Meta.moneyLabel(pretty(first.Metric) + " per month")
	var legend []LegendEntry
	for i, d := range ds {
		legend = append(legend, LegendEntry{Label: d.Meta.Design, Color: RoleColor(i), Kind: KeyBand})
	}
	panels := [][]*plot.Plot{{p}}
	var rowW []float64
	notes := []string{"Lines: the median of the replications; bands: their 10th to 90th percentiles."}
	tg := ds[0].Meta.Target
	if tg != nil && finite(first.Baseline) {
		legend = append(legend,
			LegendEntry{Label: "baseline " + ds[0].Meta.money(first.Baseline) + " per month", Color: baselineColor, Kind: KeyDash},
			LegendEntry{Label: "target " + quantity.Signed(tg.Growth, metric.Share, "") + ": " + ds[0].Meta.money(first.Goal) + " per month", Color: targetColor, Kind: KeyDash})
		add(p, vline(float64(tg.By), 0, math.Max(first.Goal, maxOf(first.P90))))
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
			panels = append(panels, []*plot.Plot{reachedPanel(months, reached, colors, tg.By)})
			rowW = []float64{2, 1}
		}
		notes = append(notes, fmt.Sprintf("Baseline and target of %s (a measured baseline differs a little between designs). Whiskers on the probabilities are 95%% Wilson intervals.", ds[0].Meta.Design))
	}
	h := vg.Length(340)
	if len(panels) > 1 {
		h = 490
	}
	return &Figure{
		Name:       "monthly-compare",
		Caption:    "The target metric month by month for each design: the median of the replications with the band holding the middle 80% of them, against the baseline and the target, and below, the probability that each design has reached its target by each month.",
		Title:      capitalize(pretty(first.Metric)) + " month by month, designs compared",
		Subtitle:   fmt.Sprintf("%d designs · %s", len(ds), replicationsText(ds)),
		Legend:     legend,
		Panels:     panels,
		RowWeights: rowW,
		Notes:      notes,
		Width:      9 * vg.Inch,
		Height:     h,
	}, nil
}

package charts

import (
	"fmt"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// CompareMetrics are the department totals the comparison figures show,
// in order, with their units.
var CompareMetrics = []struct {
	Metric string
	Unit   metric.Unit
}{
	{metric.Margin, metric.Money},
	{metric.Cost, metric.Money},
	{metric.Profit, metric.Money},
	{metric.NewClients, metric.Clients},
	{metric.ChurnedClients, metric.Clients},
}

// compareTitle is the panel title of a compared metric: its label, and
// for profit what it is.
func compareTitle(l labels.Lang, name string) string {
	if name == metric.Profit {
		return l.Tr("profit (margin − cost)")
	}
	return l.Metric(name)
}

// CompareData returns one group per metric of [CompareMetrics] and, if
// any design has a target, a last group for P(target): a bar per design
// (Index its position), the department's whole-horizon estimate.
func CompareData(ds []Design) []Group {
	l := ds[0].Meta.Lang
	ls := make([]*lookup, len(ds))
	for i, d := range ds {
		ls[i] = newLookup(d.Table)
	}
	var out []Group
	for _, cm := range CompareMetrics {
		g := Group{Metric: cm.Metric, Title: compareTitle(l, cm.Metric)}
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
	g := Group{Metric: metric.PTarget, Title: l.Tr("P(target reached)")}
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

// unitOf returns the unit of a compared metric.
func unitOf(name string) metric.Unit {
	if name == metric.PTarget {
		return metric.Share
	}
	for _, cm := range CompareMetrics {
		if cm.Metric == name {
			return cm.Unit
		}
	}
	return metric.Tasks
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
	m := ds[0].Meta
	var ps []*plot.Plot
	for _, g := range gs {
		var p *plot.Plot
		switch unitOf(g.Metric) {
		case metric.Share:
			p = barsPanel(g, m.tr("probability"), percentTicks, quantity.Share)
			p.X.Max = 1
		case metric.Money:
			p = barsPanel(g, m.moneyLabel(m.tr("over the horizon")), moneyTicks, m.money)
		default:
			p = barsPanel(g, m.tr("clients over the horizon"), countTicks, quantity.Count)
		}
		ps = append(ps, p)
	}
	rows := grid(ps, min(3, len(ps)))
	hideInnerCategories(rows)
	var legend []LegendEntry
	for i, d := range ds {
		legend = append(legend, LegendEntry{Label: d.Meta.Design, Color: RoleColor(i), Kind: KeyBar})
	}
	legend = append(legend, whiskerEntry(m))
	f := &Figure{
		Name:     "compare",
		Caption:  m.tr("Each design's department totals over the horizon side by side, with the 95% confidence intervals of their means, and the probability that each design reaches its growth target."),
		Title:    m.tr("Designs compared: totals"),
		Subtitle: designsText(ds),
		Legend:   legend,
		Panels:   rows,
		Notes:    []string{m.tr("Department totals over the horizon. The whiskers of P(target) are 95% Wilson intervals; the others Student t intervals of the mean.")},
		Width:    9 * vg.Inch,
		Height:   vg.Length(len(rows)) * panelHeight(len(ds)),
	}
	f.Height += chrome(f)
	return f, nil
}

// hideInnerCategories blanks the category labels of the panels right of
// the first in each row.
func hideInnerCategories(rows [][]*plot.Plot) {
	for _, r := range rows {
		for _, p := range r[1:] {
			if p != nil {
				hideCategories(p)
			}
		}
	}
}

// designsText says how many designs ran how many replications: "3
// designs · 30 replications each" or "3 designs · 30, 100 replications".
func designsText(ds []Design) string {
	l := ds[0].Meta.Lang
	same := true
	for _, d := range ds[1:] {
		same = same && d.Table.N == ds[0].Table.N
	}
	if same {
		return l.Plural(len(ds), "design") + " · " + l.Trf("%s each", l.Plural(ds[0].Table.N, "replication"))
	}
	s := ""
	for i, d := range ds {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(d.Table.N)
	}
	return l.Plural(len(ds), "design") + " · " + l.Trf("%s replications", s)
}

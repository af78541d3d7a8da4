package charts

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
)

// CostParts are the metrics cost is the sum of, in stacking order, with
// their labels.
var CostParts = []struct{ Metric, Label string }{
	{metric.CostSalary, "salary"},
	{metric.CostHourly, "hourly pay"},
	{metric.CostCommission, "commission"},
	{metric.CostBonus, "bonuses"},
}

var costColors = []color.Color{salaryColor, hourlyColor, commissionColor, bonusColor}

// UnitCosts are the outputs cost is divided by in the cost figure.
var UnitCosts = []struct{ Metric, Title, Unit string }{
	{metric.FirstOrders, "cost per deal won", "per deal"},
	{metric.Handovers, "cost per client handed over", "per client"},
	{metric.Passed, "cost per lead passed on", "per lead"},
}

// RoleCost is what a role costs and brings over the horizon.
type RoleCost struct {
	Role   string
	Index  int
	Parts  []Estimate // in CostParts order
	Cost   Estimate
	Margin Estimate
	// Per holds cost divided by each output of UnitCosts: the ratio of the
	// means over replications, NaN where the role produced none.
	Per []float64
}

// CostData returns the cost and margin of each role that employed anyone.
func CostData(t *results.Table, m *Meta) []RoleCost {
	l := newLookup(t)
	var out []RoleCost
	for _, r := range activeRoles(l, m) {
		name := m.Roles[r]
		rc := RoleCost{Role: name, Index: r,
			Cost:   clipAtZero(l.total(metric.Cost, name)),
			Margin: l.total(metric.Margin, name)}
		for _, p := range CostParts {
			rc.Parts = append(rc.Parts, clipAtZero(l.total(p.Metric, name)))
		}
		for _, u := range UnitCosts {
			rc.Per = append(rc.Per, ratio(rc.Cost.Mean, l.total(u.Metric, name).Mean))
		}
		out = append(out, rc)
	}
	return out
}

// ratio returns a/b, NaN if b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// Cost draws each role's cost, stacked by kind of pay, next to the margin
// it brings, and its cost per deal, per client handed over and per lead
// passed on.
func Cost(t *results.Table, m *Meta) (*Figure, error) {
	rcs := CostData(t, m)
	if len(rcs) == 0 {
		return nil, ErrNoData
	}
	n := len(rcs)
	main := newPanel("cost, stacked by kind of pay, and margin")
	var bars []hbar
	var names []string
	for i, rc := range rcs {
		names = append(names, rc.Role)
		y := rowY(i, n)
		c := hbar{y: y + 0.19, thick: 0.34, lo: rc.Cost.Lo, hi: rc.Cost.Hi, label: "cost " + m.money(rc.Cost.Mean)}
		for k, p := range rc.Parts {
			c.segs = append(c.segs, seg{v: p.Mean, color: costColors[k]})
		}
		bars = append(bars, c, hbar{y: y - 0.19, thick: 0.34,
			segs: []seg{{v: rc.Margin.Mean, color: marginColor}},
			lo:   rc.Margin.Lo, hi: rc.Margin.Hi, label: "margin " + m.money(rc.Margin.Mean)})
	}
	main.Add(valueGrid(true), newHBars(bars))
	categoryY(main, names)
	main.X.Label.Text = m.moneyLabel("over " + monthsText(m, t))
	main.X.Tick.Marker = moneyTicks
	valueAxis(&main.X)

	row := []*plot.Plot{main}
	weightsCol := []float64{2.2}
	for k, u := range UnitCosts {
		g := Group{Metric: u.Metric, Title: u.Title}
		any := false
		for _, rc := range rcs {
			v := rc.Per[k]
			if !math.IsNaN(v) {
				any = true
			}
			g.Bars = append(g.Bars, Bar{Label: rc.Role, Index: rc.Index, Estimate: Estimate{v, math.NaN(), math.NaN()}})
		}
		if !any {
			continue
		}
		for i := range g.Bars {
			if math.IsNaN(g.Bars[i].Mean) {
				g.Bars[i].Mean = 0
			}
		}
		p := barsPanel(g, m.moneyLabel(u.Unit), moneyTicks, func(x float64) string {
			if x == 0 {
				return "none"
			}
			return m.money(x)
		})
		row = append(row, p)
		weightsCol = append(weightsCol, 1)
	}
	var dept []string
	l := newLookup(t)
	for _, k := range []string{metric.Cost, metric.Margin, metric.Profit} {
		if l.has(k, metric.Department) {
			dept = append(dept, k+" "+m.money(l.total(k, metric.Department).Mean))
		}
	}
	legend := []LegendEntry{}
	for k, p := range CostParts {
		legend = append(legend, LegendEntry{Label: p.Label, Color: costColors[k], Kind: KeyBar})
	}
	legend = append(legend, LegendEntry{Label: "margin brought", Color: marginColor, Kind: KeyBar}, whiskerEntry)
	notes := []string{"Cost per unit is the mean cost over the mean count (no interval); \"none\": the role produced none. Margin is booked to the role that owns the client."}
	notes = append(notes, roleNotes(t, m)...)
	sub := fmt.Sprintf("%s · over %s · mean of %d replications", m.Design, monthsText(m, t), t.N)
	if len(dept) > 0 {
		sub += " · department: " + joinAnd(dept)
	}
	return &Figure{
		Name:       "cost",
		Caption:    "What each role costs over the horizon, split into salary, hourly pay, commission and bonuses, next to the margin of the clients it owns; and what one unit of its output costs: a deal won, a client handed over, a lead passed on.",
		Title:      "Cost and margin per role",
		Subtitle:   sub,
		Legend:     legend,
		Panels:     [][]*plot.Plot{row},
		ColWeights: weightsCol,
		Notes:      notes,
		Width:      9 * vg.Inch,
		Height:     vg.Length(150 + 50*n),
	}, nil
}

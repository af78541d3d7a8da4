package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
)

// CostParts are the metrics cost is the sum of, in stacking order; the
// legend names them with their labels.
var CostParts = []string{metric.CostSalary, metric.CostHourly, metric.CostCommission, metric.CostBonus}

var costColors = []color.Color{salaryColor, hourlyColor, commissionColor, bonusColor}

// UnitCosts are the outputs cost is divided by in the cost figure.
var UnitCosts = []string{metric.FirstOrders, metric.Handovers, metric.Passed}

// unitCostText returns the panel title and axis label of a metric of
// UnitCosts in m's language.
func unitCostText(m *Meta, name string) (title, unit string) {
	switch name {
	case metric.FirstOrders:
		return m.tr("cost per deal won"), m.tr("per deal")
	case metric.Handovers:
		return m.tr("cost per client handed over"), m.tr("per client")
	}
	return m.tr("cost per lead passed on"), m.tr("per lead")
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
			rc.Parts = append(rc.Parts, clipAtZero(l.total(p, name)))
		}
		for _, u := range UnitCosts {
			rc.Per = append(rc.Per, ratio(rc.Cost.Mean, l.total(u, name).Mean))
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
	main := newPanel(m.tr("cost, stacked by kind of pay, and margin"))
	var bars []hbar
	var names []string
	for i, rc := range rcs {
		names = append(names, rc.Role)
		y := rowY(i, n)
		c := hbar{y: y + 0.19, thick: 0.34, lo: rc.Cost.Lo, hi: rc.Cost.Hi, label: m.trf("cost %s", m.money(rc.Cost.Mean))}
		for k, p := range rc.Parts {
			c.segs = append(c.segs, seg{v: p.Mean, color: costColors[k]})
		}
		bars = append(bars, c, hbar{y: y - 0.19, thick: 0.34,
			segs: []seg{{v: rc.Margin.Mean, color: marginColor}},
			lo:   rc.Margin.Lo, hi: rc.Margin.Hi, label: m.trf("margin %s", m.money(rc.Margin.Mean))})
	}
	main.Add(valueGrid(true), newHBars(bars))
	categoryY(main, names)
	main.X.Label.Text = m.moneyLabel(m.trf("over %s", monthsText(m, t)))
	main.X.Tick.Marker = moneyTicks
	valueAxis(&main.X)

	row := []*plot.Plot{main}
	weightsCol := []float64{2.2}
	for k, u := range UnitCosts {
		title, unit := unitCostText(m, u)
		g := Group{Metric: u, Title: title}
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
		none := m.tr("none")
		p := barsPanel(g, m.moneyLabel(unit), moneyTicks, func(x float64) string {
			if x == 0 {
				return none
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
			dept = append(dept, m.Lang.Metric(k)+" "+m.money(l.total(k, metric.Department).Mean))
		}
	}
	legend := []LegendEntry{}
	for k, p := range CostParts {
		legend = append(legend, LegendEntry{Label: m.Lang.Metric(p), Color: costColors[k], Kind: KeyBar})
	}
	legend = append(legend, LegendEntry{Label: m.tr("margin brought"), Color: marginColor, Kind: KeyBar}, whiskerEntry(m))
	notes := []string{m.tr("Cost per unit is the mean cost over the mean count (no interval); \"none\": the role produced none. Margin is booked to the role that owns the client.")}
	notes = append(notes, roleNotes(t, m)...)
	sub := m.Design + " · " + m.trf("over %s", monthsText(m, t)) + " · " + meanOf(m, t)
	if len(dept) > 0 {
		sub += " · " + m.trf("department: %s", m.Lang.And(dept))
	}
	return &Figure{
		Name:       "cost",
		Caption:    m.tr("What each role costs over the horizon, split into salaries, hourly pay, commission and bonuses, next to the margin of the clients it owns; and what one unit of its output costs: a deal won, a client handed over, a lead passed on."),
		Title:      m.tr("Cost and margin per role"),
		Subtitle:   sub,
		Legend:     legend,
		Panels:     [][]*plot.Plot{row},
		ColWeights: weightsCol,
		Notes:      notes,
		Width:      9 * vg.Inch,
		Height:     vg.Length(150 + 50*n),
	}, nil
}

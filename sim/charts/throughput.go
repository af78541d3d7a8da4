package charts

import (
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// ThroughputData returns one group per activity that any role completed
// (done.<activity>, whole horizon), in Meta.Activities order, with a bar
// per role that employed anyone.
func ThroughputData(t *results.Table, m *Meta) []Group {
	l := newLookup(t)
	roles := activeRoles(l, m)
	var out []Group
	for _, a := range m.Activities {
		name := metric.Done(a)
		g := Group{Metric: name, Title: pretty(a)}
		any := false
		for _, r := range roles {
			e := l.total(name, m.Roles[r])
			if e.Mean != 0 {
				any = true
			}
			g.Bars = append(g.Bars, Bar{Label: m.Roles[r], Index: r, Estimate: clipAtZero(e)})
		}
		if any {
			out = append(out, g)
		}
	}
	return out
}

// Outcomes are the result metrics of the outcome figure, in order; their
// panels are titled with the metrics' labels.
var Outcomes = []string{metric.FirstOrders, metric.Passed, metric.Handovers, metric.OrdersDone}

// OutcomeData returns one group per outcome metric in [Outcomes] that the
// table holds, with a bar per role that employed anyone, and the titles of
// the outcomes no role achieved (left out).
func OutcomeData(t *results.Table, m *Meta) (groups []Group, none []string) {
	l := newLookup(t)
	roles := activeRoles(l, m)
	for _, o := range Outcomes {
		g := Group{Metric: o, Title: m.Lang.Metric(o)}
		any := false
		for _, r := range roles {
			if !l.has(o, m.Roles[r]) {
				continue
			}
			e := clipAtZero(l.total(o, m.Roles[r]))
			any = any || e.Mean != 0
			g.Bars = append(g.Bars, Bar{Label: m.Roles[r], Index: r, Estimate: e})
		}
		switch {
		case any:
			groups = append(groups, g)
		case len(g.Bars) > 0:
			none = append(none, g.Title)
		}
	}
	return groups, none
}

// Throughput draws the tasks each role completed, one panel per activity.
func Throughput(t *results.Table, m *Meta) (*Figure, error) {
	gs := ThroughputData(t, m)
	if len(gs) == 0 {
		return nil, ErrNoData
	}
	f := smallMultiples(gs, m.tr("tasks"), countTicks, quantity.Count, 4)
	f.Name = "throughput"
	f.Caption = m.tr("The tasks each role completed over the horizon, one panel per activity, with the 95% confidence interval of the mean: who does the calling, the meetings, the proposals and the orders.")
	f.Title = m.tr("Work done per role, by activity")
	f.Subtitle = m.Design + " · " + m.trf("tasks completed over %s", monthsText(m, t)) + " · " + meanOf(m, t)
	f.Legend = append(roleLegend(m, activeRoles(newLookup(t), m)), whiskerEntry(m))
	f.Notes = roleNotes(t, m)
	f.Height += chrome(f)
	return f, nil
}

// Outcome draws what each role achieved: deals, passed leads, handed-over
// clients and orders.
func Outcome(t *results.Table, m *Meta) (*Figure, error) {
	gs, none := OutcomeData(t, m)
	if len(gs) == 0 {
		return nil, ErrNoData
	}
	f := smallMultiples(gs, m.tr("count"), countTicks, quantity.Count, 4)
	f.Name = "outcomes"
	f.Caption = m.tr("What each role achieved over the horizon: deals won (first orders), leads passed on to another role, clients handed over, and repeat orders handled.")
	f.Title = m.tr("Results per role")
	f.Subtitle = m.Design + " · " + m.trf("over %s", monthsText(m, t)) + " · " + meanOf(m, t)
	f.Legend = append(roleLegend(m, activeRoles(newLookup(t), m)), whiskerEntry(m))
	if len(none) > 0 {
		f.Notes = append(f.Notes, m.trf("None in any role, so not shown: %s.", m.Lang.And(none)))
	}
	f.Notes = append(f.Notes, roleNotes(t, m)...)
	f.Height += chrome(f)
	return f, nil
}

func smallMultiples(gs []Group, xlabel string, tk plot.Ticker, format func(float64) string, cols int) *Figure {
	cols = min(cols, len(gs))
	ps := make([]*plot.Plot, len(gs))
	n := 0
	for i, g := range gs {
		ps[i] = barsPanel(g, xlabel, tk, format)
		n = max(n, len(g.Bars))
	}
	rows := grid(ps, cols)
	return &Figure{
		Panels: rows,
		Width:  9 * vg.Inch,
		Height: vg.Length(len(rows)) * panelHeight(n),
	}
}

// chrome returns the height of a figure's title, subtitle, legend and
// notes, to add to that of its panels.
func chrome(f *Figure) vg.Length {
	return vg.Length(95 + 14*len(f.Notes))
}

// monthsText says how long the horizon is: "12 months".
func monthsText(m *Meta, t *results.Table) string {
	n := m.Months
	if n == 0 {
		n = len(newLookup(t).months)
	}
	return m.Lang.Plural(n, "month")
}

// meanOf says what a bar is: "mean of 30 replications".
func meanOf(m *Meta, t *results.Table) string {
	return m.trf("mean of %s", m.Lang.Plural(t.N, "replication"))
}

// roleNotes explains roles left out of per-role figures.
func roleNotes(t *results.Table, m *Meta) []string {
	out := inactiveRoles(newLookup(t), m)
	switch len(out) {
	case 0:
		return nil
	case 1:
		return []string{m.trf("Role %s is not shown: nobody held it after the warm-up.", out[0])}
	}
	return []string{m.trf("Roles %s are not shown: nobody held them after the warm-up.", m.Lang.And(out))}
}

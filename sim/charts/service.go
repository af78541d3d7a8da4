package charts

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
)

// ServiceRow is how the department served an activity's queued work over
// the horizon.
type ServiceRow struct {
	Activity string
	// Wait is the mean wait before work started, in hours; P50 and P90
	// the means over the replications of each replication's median and
	// 90th percentile wait.
	Wait, P50, P90 Estimate
	// Level is the share of tasks started within the service time
	// Within (hours), of those started or abandoned; Within is 0 and
	// Level's mean NaN for an activity without a service time.
	Level  Estimate
	Within float64
	// Abandoned is the tasks that waited past their patience.
	Abandoned Estimate
}

// ServiceData returns a row per activity, in Meta.Activities order, that
// has a service time or whose tasks waited or were abandoned in some
// replication (wait_h., wait_p50_h., wait_p90_h., service_level. and
// abandoned. of the department).
func ServiceData(t *results.Table, m *Meta) []ServiceRow {
	l := newLookup(t)
	var out []ServiceRow
	for i, a := range m.Activities {
		if !l.has(metric.Of(metric.WaitPrefix, a), metric.Department) {
			continue
		}
		r := ServiceRow{
			Activity:  a,
			Wait:      l.total(metric.Of(metric.WaitPrefix, a), metric.Department),
			P50:       l.total(metric.Of(metric.WaitP50Prefix, a), metric.Department),
			P90:       l.total(metric.Of(metric.WaitP90Prefix, a), metric.Department),
			Abandoned: l.total(metric.Of(metric.AbandonedPrefix, a), metric.Department),
			Level:     Estimate{math.NaN(), math.NaN(), math.NaN()},
		}
		if i < len(m.ServiceTimes) {
			r.Within = m.ServiceTimes[i]
		}
		if l.has(metric.Of(metric.ServiceLevelPrefix, a), metric.Department) {
			r.Level = l.total(metric.Of(metric.ServiceLevelPrefix, a), metric.Department)
		}
		if r.Wait.Mean > 0 || r.P90.Mean > 0 || r.Abandoned.Mean > 0 || !math.IsNaN(r.Level.Mean) {
			out = append(out, r)
		}
	}
	return out
}

// Service draws the service of each activity's queued work: the waits
// (the mean with its interval, and the band from the median to the 90th
// percentile), the service level where the activity has a service time,
// and the tasks abandoned where any were.
func Service(t *results.Table, m *Meta) (*Figure, error) {
	rs := ServiceData(t, m)
	if len(rs) == 0 {
		return nil, ErrNoData
	}
	n := len(rs)
	names := make([]string, n)
	waits := &personRows{ref: math.NaN(), label: textStyle(labelSize, inkColor)}
	waits.label.YAlign = draw.YCenter
	var levels, lost []hbar
	anyLevel, anyLost := false, false
	for i, r := range rs {
		names[i] = pretty(r.Activity)
		y := rowY(i, n)
		waits.rows = append(waits.rows, personRow{y: y, Estimate: clipAtZero(r.Wait), p10: r.P50.Mean, p50: r.P50.Mean, p90: r.P90.Mean,
			color: medianColor, label: quantity.Span(r.Wait.Mean)})
		lb := hbar{y: y, thick: 0.62, lo: math.NaN(), hi: math.NaN()}
		if !math.IsNaN(r.Level.Mean) {
			anyLevel = true
			lb.segs = []seg{{v: r.Level.Mean, color: statusQuoColor}}
			lb.lo, lb.hi = r.Level.Lo, math.Min(r.Level.Hi, 1)
			lb.label = quantity.Share(r.Level.Mean)
			if r.Within > 0 {
				lb.label = m.trf("%s within %s", lb.label, quantity.Span(r.Within))
			}
		}
		levels = append(levels, lb)
		a := clipAtZero(r.Abandoned)
		anyLost = anyLost || a.Mean > 0
		lost = append(lost, hbar{y: y, thick: 0.62, segs: []seg{{v: a.Mean, color: lostColor}}, lo: a.Lo, hi: a.Hi, label: quantity.Count(a.Mean)})
	}
	wp := newPanel(m.tr("wait before work started"))
	wp.Add(valueGrid(true), waits)
	categoryY(wp, names)
	_, top, _, _ := waits.DataRange()
	var tk ticks
	tk, wp.X.Label.Text = m.waitAxis(top)
	wp.X.Tick.Marker = sparse(tk)
	valueAxis(&wp.X)
	row := []*plot.Plot{wp}
	weights := []float64{2}
	if anyLevel {
		p := newPanel(m.tr("service level"))
		p.Add(valueGrid(true), newHBars(levels))
		categoryY(p, names)
		hideCategories(p)
		p.X.Min, p.X.Max = 0, 1
		p.X.Padding = 0
		p.X.Tick.Marker = sparse(percentTicks)
		p.X.Label.Text = m.tr("share started within the service time")
		row, weights = append(row, p), append(weights, 1.3)
	}
	if anyLost {
		p := newPanel(m.tr("tasks abandoned"))
		p.Add(valueGrid(true), newHBars(lost))
		categoryY(p, names)
		hideCategories(p)
		p.X.Label.Text = m.tr("tasks")
		p.X.Tick.Marker = sparse(countTicks)
		valueAxis(&p.X)
		row, weights = append(row, p), append(weights, 1)
	}
	f := &Figure{
		Name:     "service",
		Title:    m.tr("Service per activity"),
		Caption:  m.tr("How long each activity's queued tasks waited before work started, the department together: the mean with its 95% interval and the band from the median to the 90th percentile wait (means over the replications of each replication's exact percentiles); the share started within the activity's service time, where the scenario sets one; and the tasks that waited past their patience."),
		Subtitle: m.Design + " · " + m.trf("over %s", monthsText(m, t)) + " · " + meanOf(m, t),
		Legend: []LegendEntry{
			{Label: m.tr("mean wait"), Color: medianColor, Kind: KeyPoint},
			whiskerEntry(m),
			{Label: m.tr("median to 90th percentile wait"), Color: medianColor, Kind: KeyBand},
		},
		Panels:     [][]*plot.Plot{row},
		ColWeights: weights,
		Notes:      []string{m.tr("Tasks started in the horizon; calls pulled from a database do not queue and are not shown. Every role's waits per activity and their service levels are in summary.csv (wait_h., wait_p50_h., wait_p90_h., service_level., abandoned.).")},
		Width:      9 * vg.Inch,
		Height:     panelHeight(n),
	}
	f.Height += chrome(f)
	return f, nil
}

// waitAxis returns the ticks and label of an axis of waits in hours up to
// top: in seconds, minutes, hours or days, whichever reads best.
func (m *Meta) waitAxis(top float64) (ticks, string) {
	switch {
	case top < 2.0/60:
		return ticks{unit: metric.Tasks, scale: 3600}, m.tr("seconds")
	case top < 2:
		return ticks{unit: metric.Tasks, scale: 60}, m.tr("minutes")
	case top > 72:
		return ticks{unit: metric.Tasks, scale: 1.0 / 24}, m.tr("days")
	}
	return ticks{unit: metric.Tasks}, m.tr("hours")
}

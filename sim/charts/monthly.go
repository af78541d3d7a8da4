package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
)

// Monthly is the department's target metric (margin without a target)
// month by month over replications.
type Monthly struct {
	Metric              string
	Months              []int // 1, 2, ...
	Mean, P10, P50, P90 []float64
	// StatusQuo is the status quo's median by month, nil without one.
	StatusQuo []float64
	// Baseline is the mean baseline per month and Goal (1+growth) times
	// it; NaN without a target.
	Baseline, Goal float64
	// Reached is P(target reached by the end of month m) for each month,
	// with its Wilson interval; nil without a target.
	Reached []Estimate
	// PTarget is P(target reached by the target month); NaN without.
	PTarget Estimate
}

// MonthlyData returns the monthly series of the target metric (or of
// margin) for the department.
func MonthlyData(t *results.Table, m *Meta) (Monthly, error) {
	l := newLookup(t)
	nan := math.NaN()
	d := Monthly{Metric: metric.Margin, Baseline: nan, Goal: nan, PTarget: Estimate{nan, nan, nan}}
	if m.Target != nil && m.Target.Metric != "" {
		d.Metric = m.Target.Metric
	}
	for _, mo := range l.months {
		s, ok := l.month(d.Metric, metric.Department, mo)
		if !ok {
			continue
		}
		d.Months = append(d.Months, mo)
		d.Mean = append(d.Mean, s.Mean)
		d.P10 = append(d.P10, s.P10)
		d.P50 = append(d.P50, s.P50)
		d.P90 = append(d.P90, s.P90)
		if m.Target != nil {
			if p, ok := l.month(metric.PTarget, metric.Department, mo); ok {
				d.Reached = append(d.Reached, estimate(p))
			} else {
				d.Reached = append(d.Reached, Estimate{nan, nan, nan})
			}
		}
	}
	if len(d.Months) == 0 {
		return d, ErrNoData
	}
	if m.StatusQuo != nil {
		sq := newLookup(m.StatusQuo)
		for _, mo := range d.Months {
			s, ok := sq.month(d.Metric, metric.Department, mo)
			if !ok {
				d.StatusQuo = nil
				break
			}
			d.StatusQuo = append(d.StatusQuo, s.P50)
		}
	}
	if m.Target != nil {
		if b, ok := l.get(metric.Baseline, metric.Department, metric.Total); ok {
			d.Baseline = b.Mean
			d.Goal = (1 + m.Target.Growth) * b.Mean
		}
		if p, ok := l.get(metric.PTarget, metric.Department, metric.Total); ok {
			d.PTarget = estimate(p)
		}
	}
	return d, nil
}

// MonthlyFigure draws the department's target metric month by month: the
// median over replications, the band of the 10th to 90th percentiles, the
// baseline and the target line, and below, with a target, the probability
// of having reached it by each month.
func MonthlyFigure(t *results.Table, m *Meta) (*Figure, error) {
	d, err := MonthlyData(t, m)
	if err != nil {
		return nil, err
	}
	name := m.Lang.Metric(d.Metric)
	p := newPanel(m.trf("%s per month, department", name))
	p.Add(valueGrid(false))
	x0, x1 := float64(d.Months[0]), float64(d.Months[len(d.Months)-1])
	add(p, band(d.Months, d.P10, d.P90, bandColor),
		hline(d.Baseline, x0, x1, baselineColor, []vg.Length{5, 3}),
		hline(d.Goal, x0, x1, targetColor, []vg.Length{5, 3}),
		line(xys(d.Months, d.P50), medianColor, 2, nil))
	monthAxisIn(m, p, d.Months)
	p.Y.Min = 0
	p.Y.Tick.Marker = moneyTicks
	p.Y.Label.Text = m.moneyLabel(m.trf("%s per month", name))
	legend := []LegendEntry{{Label: m.tr("median of the replications, with their 10th–90th percentile band"), Color: medianColor, Kind: KeyBand}}
	if d.StatusQuo != nil {
		add(p, line(xys(d.Months, d.StatusQuo), statusQuoColor, 2, []vg.Length{6, 3}))
		legend = append(legend, LegendEntry{Label: m.tr("status quo (no reorganisation): median"), Color: statusQuoColor, Kind: KeyDash})
	}
	panels := [][]*plot.Plot{{p}}
	var rowW []float64
	sub := m.Design + " · " + m.Lang.Plural(t.N, "replication")
	notes := []string{m.tr("The band holds 80% of the replications in each month; it is not a confidence interval of the median.")}
	caption := m.trf("The department's %s per month: the median of the replications and the band holding the middle 80%% of them.", name)
	if m.Target != nil && finite(d.Baseline) {
		add(p, vline(float64(m.Target.By), 0, math.Max(d.Goal, maxOf(d.P90))))
		growth := quantity.Signed(m.Target.Growth, metric.Share, "")
		legend = append(legend,
			LegendEntry{Label: m.trf("baseline %s per month", m.money(d.Baseline)), Color: baselineColor, Kind: KeyDash},
			LegendEntry{Label: m.trf("target %s: %s per month", growth, m.money(d.Goal)), Color: targetColor, Kind: KeyDash},
			LegendEntry{Label: m.trf("target month (%d)", m.Target.By), Color: baselineColor, Kind: KeyDot},
		)
		panels = append(panels, []*plot.Plot{reachedPanel(m, [][]int{d.Months}, [][]Estimate{d.Reached}, []color.Color{medianColor}, m.Target.By)})
		rowW = []float64{2, 1}
		sub += " · " + m.trf("P(%s %s by month %d) = %s %s", name, growth, m.Target.By,
			quantity.Share(d.PTarget.Mean), quantity.Interval(d.PTarget.Lo, d.PTarget.Hi, metric.Share, ""))
		notes = append(notes, m.trf("The target is reached when the mean over a %s window reaches the target line; whiskers on the probabilities are 95%% Wilson intervals.", m.Lang.Plural(m.Target.Window, "month")))
		caption = m.trf("The department's %s per month against the growth target: the median of the replications and the band holding the middle 80%% of them, the baseline and the target line; below, the probability of having reached the target by the end of each month.", name)
	}
	h := vg.Length(330)
	if len(panels) > 1 {
		h = 470
	}
	return &Figure{
		Name:       "monthly",
		Caption:    caption,
		Title:      m.trf("%s month by month", capitalize(name)),
		Subtitle:   sub,
		Legend:     legend,
		Panels:     panels,
		RowWeights: rowW,
		Notes:      notes,
		Width:      9 * vg.Inch,
		Height:     h,
	}, nil
}

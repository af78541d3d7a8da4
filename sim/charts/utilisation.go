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

// TimeParts are the metrics scheduled time splits into, in stacking
// order; the legend names them with their labels.
var TimeParts = []string{metric.TimeProductive, metric.TimeSwitching, metric.TimeFatigue, metric.TimeIdle, metric.TimeAbsence, metric.TimeInternal}

var timeColors = []color.Color{productiveColor, switchingColor, fatigueColor, idleColor, absenceColor, internalColor}

// TimeSplit is how a role's scheduled hours were spent.
type TimeSplit struct {
	Label string
	Index int       // the role's index, −1 for the department
	Hours []float64 // mean hours, in TimeParts order
	// Shares are Hours over their sum, the scheduled hours; NaN if there
	// were none.
	Shares    []float64
	Scheduled float64
}

// TimeSplitData returns the split of scheduled hours of each role that
// employed anyone, then of the department.
func TimeSplitData(t *results.Table, m *Meta) []TimeSplit {
	l := newLookup(t)
	var out []TimeSplit
	one := func(label, role string, idx int) {
		ts := TimeSplit{Label: label, Index: idx}
		found := false
		for _, p := range TimeParts {
			if l.has(p, role) {
				found = true
			}
			h := l.total(p, role).Mean
			ts.Hours = append(ts.Hours, h)
			ts.Scheduled += h
		}
		if !found {
			return
		}
		for _, h := range ts.Hours {
			ts.Shares = append(ts.Shares, ratio(h, ts.Scheduled))
		}
		out = append(out, ts)
	}
	for _, r := range activeRoles(l, m) {
		one(m.Roles[r], m.Roles[r], r)
	}
	one(m.tr("department"), metric.Department, -1)
	return out
}

// Utilisation draws how each role spent its scheduled hours, stacked to
// 100 %.
func Utilisation(t *results.Table, m *Meta) (*Figure, error) {
	ts := TimeSplitData(t, m)
	if len(ts) == 0 {
		return nil, ErrNoData
	}
	p := newPanel("")
	var bars []hbar
	var names []string
	for i, s := range ts {
		names = append(names, s.Label)
		b := hbar{y: rowY(i, len(ts)), thick: 0.62, lo: math.NaN(), hi: math.NaN()}
		for k, sh := range s.Shares {
			if math.IsNaN(sh) {
				continue
			}
			lab := ""
			if sh >= 0.04 {
				lab = quantity.Share(math.Round(100*sh) / 100) // whole percent: the segment is narrow
			}
			b.segs = append(b.segs, seg{v: sh, color: timeColors[k], label: lab})
		}
		b.label = quantity.Hours(s.Scheduled)
		bars = append(bars, b)
	}
	p.Add(newHBars(bars))
	categoryY(p, names)
	p.X.Min, p.X.Max = 0, 1
	p.X.Padding = 0
	p.X.Tick.Marker = percentTicks
	p.X.Label.Text = m.tr("share of scheduled hours")
	var legend []LegendEntry
	for k, tp := range TimeParts {
		legend = append(legend, LegendEntry{Label: m.Lang.Metric(tp), Color: timeColors[k], Kind: KeyBar})
	}
	notes := []string{m.tr("Right of each bar: the scheduled hours over the horizon, all people of the role together."),
		m.tr("Productive time: work at rested speed. Switching: setup lost changing kind of activity. Fatigue: extra time work took late in a shift. Idle: scheduled with no work (or paused, or slacking). Internal: meetings, training, planning.")}
	notes = append(notes, roleNotes(t, m)...)
	return &Figure{
		Name:     "utilisation",
		Caption:  m.tr("How each role spent its scheduled hours: productive work, time lost switching between kinds of work and to fatigue, idle time, absence and internal meetings, as shares of the scheduled hours."),
		Title:    m.tr("Where the scheduled hours went"),
		Subtitle: m.Design + " · " + m.trf("over %s", monthsText(m, t)) + " · " + meanOf(m, t),
		Legend:   legend,
		Panels:   [][]*plot.Plot{{p}},
		Notes:    notes,
		Width:    9 * vg.Inch,
		Height:   vg.Length(150 + 38*len(ts)),
	}, nil
}

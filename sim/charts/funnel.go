package charts

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
)

// FunnelStage is a stage of the funnel with the leads that entered it.
type FunnelStage struct {
	Name    string
	Entered Estimate
	// From lists the stages whose success leads here; Rate is Entered
	// over their Entered summed: the conversion into this stage (NaN for
	// an entry stage). Leads recalled after nurturing count in Entered
	// too, so a Rate can exceed the stages' own conversion.
	From []string
	Rate float64
	Won  bool // the pseudo-stage of won leads (new clients)
}

// Funnel is the funnel of the department and what became of its leads.
type Funnel struct {
	Stages []FunnelStage // Meta.Stages in order, then "won"
	// Fates are the leads won, lost, gone cold and nurtured, with Index
	// −1.
	Fates []Bar
}

// Fates are the metrics of what became of leads, in order.
var Fates = []string{metric.NewClients, metric.LeadsLost, metric.LeadsCold, metric.LeadsNurtured}

// fateLabel says what became of a lead counted by a metric of Fates.
func fateLabel(m *Meta, name string) string {
	switch name {
	case metric.NewClients:
		return m.tr("won (new clients)")
	case metric.LeadsLost:
		return m.tr("lost at a stage")
	case metric.LeadsCold:
		return m.tr("gone cold waiting")
	}
	return m.tr("nurtured for later")
}

// FunnelData returns the funnel of the department: entered.<stage> per
// stage with the conversion from the stages leading there, a final "won"
// stage from new_clients, and the fates of leads.
func FunnelData(t *results.Table, m *Meta) (Funnel, error) {
	l := newLookup(t)
	var f Funnel
	entered := map[string]float64{}
	any := false
	for _, s := range m.Stages {
		e := l.total(metric.Entered(s.Name), metric.Department)
		if l.has(metric.Entered(s.Name), metric.Department) {
			any = true
		}
		entered[s.Name] = e.Mean
		f.Stages = append(f.Stages, FunnelStage{Name: s.Name, Entered: clipAtZero(e), Rate: math.NaN()})
	}
	if !any {
		return f, ErrNoData
	}
	won := FunnelStage{Name: m.tr("won"), Entered: clipAtZero(l.total(metric.NewClients, metric.Department)), Rate: math.NaN(), Won: true}
	f.Stages = append(f.Stages, won)
	for i := range f.Stages {
		st := &f.Stages[i]
		var from float64
		for _, s := range m.Stages {
			if (st.Won && s.Next == "") || (!st.Won && s.Next == st.Name) {
				st.From = append(st.From, s.Name)
				from += entered[s.Name]
			}
		}
		if len(st.From) > 0 {
			st.Rate = ratio(st.Entered.Mean, from)
		}
	}
	for _, x := range Fates {
		if l.has(x, metric.Department) {
			f.Fates = append(f.Fates, Bar{Label: fateLabel(m, x), Index: -1, Estimate: clipAtZero(l.total(x, metric.Department))})
		}
	}
	return f, nil
}

// FunnelFigure draws the funnel: the leads entering each stage with the
// conversion from the stages before it, and what became of the leads.
func FunnelFigure(t *results.Table, m *Meta) (*Figure, error) {
	f, err := FunnelData(t, m)
	if err != nil {
		return nil, err
	}
	p := newPanel(m.tr("leads entering each stage"))
	var bars []hbar
	var names []string
	n := len(f.Stages)
	for i, s := range f.Stages {
		names = append(names, s.Name)
		c := stageColor
		if s.Won {
			c = wonColor
		}
		lab := quantity.Count(s.Entered.Mean)
		if !math.IsNaN(s.Rate) {
			lab += "  (" + m.trf("%s of %s", quantity.Share(s.Rate), strings.Join(s.From, " + ")) + ")"
		}
		bars = append(bars, hbar{y: rowY(i, n), thick: 0.62, segs: []seg{{v: s.Entered.Mean, color: c}},
			lo: s.Entered.Lo, hi: s.Entered.Hi, label: lab})
	}
	hb := newHBars(bars)
	p.Add(valueGrid(true), hb)
	categoryY(p, names)
	p.X.Label.Text = m.trf("leads over %s", monthsText(m, t))
	p.X.Tick.Marker = countTicks
	valueAxis(&p.X)
	if lo, hi := spread(f.Stages); hi > logSpread*lo {
		// Entry stages fed by calling dwarf the rest: a log scale keeps
		// every stage readable.
		hb.log = true
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{}
		p.X.Min = math.Pow(10, math.Floor(math.Log10(lo)))
		p.X.Max = math.Pow(10, math.Ceil(math.Log10(hi*1.05)))
		p.X.Label.Text += " (" + m.tr("log scale") + ")"
	}

	q := newPanel(m.tr("what became of the leads"))
	var fb []hbar
	var fn []string
	for i, b := range f.Fates {
		fn = append(fn, b.Label)
		fb = append(fb, hbar{y: rowY(i, len(f.Fates)), thick: 0.62, segs: []seg{{v: b.Mean, color: fateColors[i]}},
			lo: b.Lo, hi: b.Hi, label: quantity.Count(b.Mean)})
	}
	q.Add(valueGrid(true), newHBars(fb))
	categoryY(q, fn)
	q.X.Label.Text = m.trf("leads over %s", monthsText(m, t))
	q.X.Tick.Marker = countTicks
	valueAxis(&q.X)

	return &Figure{
		Name:     "funnel",
		Caption:  m.tr("How many leads entered each stage of the funnel, with the share of the previous stages' leads that reached it, and what became of the leads: won, lost at a stage, gone cold while waiting, or stored for a call at their need date."),
		Title:    m.tr("The funnel"),
		Subtitle: m.Design + " · " + m.tr("department") + " · " + meanOf(m, t),
		Legend: []LegendEntry{
			{Label: m.tr("leads entering the stage"), Color: stageColor, Kind: KeyBar},
			{Label: m.tr("won"), Color: wonColor, Kind: KeyBar},
			whiskerEntry(m),
		},
		Panels:     [][]*plot.Plot{{p, q}},
		ColWeights: []float64{3, 2},
		Notes: []string{
			m.tr("In brackets: the leads entering a stage as a share of those entering the stages whose success leads to it (recalled nurtured leads included)."),
			m.tr("A lead of a database stage enters once per call."),
		},
		Width:  9 * vg.Inch,
		Height: vg.Length(170 + 30*n),
	}, nil
}

var fateColors = []color.Color{wonColor, lostColor, coldColor, nurturedColor}

// logSpread is the ratio of the largest to the smallest stage beyond
// which the funnel is drawn on a log scale: beyond it the smallest bar
// would be under 2 % of the largest.
const logSpread = 50

// spread returns the smallest and largest positive stage means.
func spread(st []FunnelStage) (lo, hi float64) {
	lo, hi = math.Inf(1), 0
	for _, s := range st {
		if v := s.Entered.Mean; v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi == 0 {
		return 1, 1
	}
	return lo, hi
}

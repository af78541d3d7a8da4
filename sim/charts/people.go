package charts

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// PeoplePanel is one measure of one role per person: a panel of the
// people figure.
type PeoplePanel struct {
	Role   string
	Index  int    // the role's index in Meta.Roles: its colour
	Metric string // quota_attainment, norm_attainment.<norm>, margin, first_orders or throughput
	Title  string
	// Posts are the posts held in some replication, in order, each with
	// its mean over the replications in which it was held.
	Posts []PostEstimate
	// Everyone is the distribution across the role's people and the
	// replications.
	Everyone Spread
	// Reached is the share of people whose mean attainment over the
	// horizon reached 100 % (quota_reached, norm_reached.<norm>); NaN for
	// a measure that is not an attainment.
	Reached float64
}

// PostEstimate is a post's mean over replications.
type PostEstimate struct {
	Post int
	Estimate
}

// Spread is a distribution with its mean: the mean with its interval and
// the 10th, 50th and 90th percentiles.
type Spread struct {
	Estimate
	P10, P50, P90 float64
	N             int
}

// attainment reports whether a measure of the people figure is an
// attainment (a share where 100 % meets the norm or quota).
func attainment(name string) bool {
	return name == metric.QuotaAttainment || strings.HasPrefix(name, metric.NormAttainmentPrefix)
}

// reachedOf returns the metric saying whether a person reached an
// attainment metric's norm or quota.
func reachedOf(name string) string {
	if name == metric.QuotaAttainment {
		return metric.QuotaReached
	}
	return metric.NormReachedPrefix + strings.TrimPrefix(name, metric.NormAttainmentPrefix)
}

// PeopleData returns the panels of the people figure from Meta.People:
// for each role whose posts were held, its attainment of the quota and of
// each norm; for a role judged by neither, the margin of its own clients
// and the deals it won, those it has, or else the tasks it completed.
func PeopleData(m *Meta) []PeoplePanel {
	pt := m.People
	if pt == nil {
		return nil
	}
	var out []PeoplePanel
	for ri, role := range m.Roles {
		var names []string
		if _, ok := pt.AcrossOf(role, metric.QuotaAttainment); ok {
			names = append(names, metric.QuotaAttainment)
		}
		for _, a := range pt.Across {
			if a.Role == role && strings.HasPrefix(a.Metric, metric.NormAttainmentPrefix) {
				names = append(names, a.Metric)
			}
		}
		if len(names) == 0 {
			for _, name := range []string{metric.Margin, metric.FirstOrders} {
				if s, ok := pt.AcrossOf(role, name); ok && s.Mean > 0 {
					names = append(names, name)
				}
			}
		}
		if len(names) == 0 {
			names = append(names, metric.Throughput)
		}
		for _, name := range names {
			all, ok := pt.AcrossOf(role, name)
			if !ok || all.N == 0 {
				continue
			}
			p := PeoplePanel{Role: role, Index: ri, Metric: name, Title: role + " · " + m.Lang.Metric(name),
				Everyone: spreadOf(all), Reached: math.NaN()}
			for i, k := range pt.Keys {
				if k.Role == role && k.Metric == name && pt.Summaries[i].N > 0 {
					p.Posts = append(p.Posts, PostEstimate{Post: k.Post, Estimate: estimate(pt.Summaries[i])})
				}
			}
			if attainment(name) {
				if s, ok := pt.AcrossOf(role, reachedOf(name)); ok {
					p.Reached = s.Mean
				}
			}
			out = append(out, p)
		}
	}
	return out
}

func spreadOf(s stats.Summary) Spread {
	return Spread{Estimate: estimate(s), P10: s.P10, P50: s.P50, P90: s.P90, N: s.N}
}

// PeopleFigure draws the results per person: for each role, each post's
// mean with its 95 % interval over the replications, and the
// distribution across everyone of the role in every replication: the
// band from P10 to P90, the median and the mean. For attainment the line
// at 100 % is the norm or quota met, and the label says the share of
// people reaching it over the horizon.
func PeopleFigure(t *results.Table, m *Meta) (*Figure, error) {
	ps := PeopleData(m)
	if len(ps) == 0 {
		return nil, ErrNoData
	}
	cols := min(2, len(ps))
	var plots []*plot.Plot
	var heights []float64
	hasAttainment := false
	for i, p := range ps {
		plots = append(plots, m.peoplePanel(p))
		if i%cols == 0 {
			heights = append(heights, 0)
		}
		heights[len(heights)-1] = math.Max(heights[len(heights)-1], float64(len(p.Posts)+1))
		hasAttainment = hasAttainment || attainment(p.Metric)
	}
	rows := grid(plots, cols)
	var h vg.Length
	for _, n := range heights {
		h += panelHeight(int(n))
	}
	var legend []LegendEntry
	seen := map[int]bool{}
	for _, p := range ps {
		if !seen[p.Index] {
			seen[p.Index] = true
			legend = append(legend, LegendEntry{Label: p.Role, Color: RoleColor(p.Index), Kind: KeyPoint})
		}
	}
	legend = append(legend, whiskerEntry(m),
		LegendEntry{Label: m.tr("everyone: P10 to P90 across people and replications, and the median"), Color: mutedColor, Kind: KeyBand})
	if hasAttainment {
		legend = append(legend, LegendEntry{Label: m.tr("100%: the norm or quota met"), Color: targetColor, Kind: KeyDash})
	}
	f := &Figure{
		Name:       "people",
		Title:      m.tr("Results per person"),
		Caption:    m.tr("Each post of a role (its place in the staff list, held by one person after another as people leave and are replaced) over the horizon: its mean over the replications with the 95% interval, and the spread across everyone who held a post of the role in any replication. Attainment is the count of work (for a quota, the margin of the person's own clients) over the norm, pro-rated to the hours present; 100% meets it."),
		Subtitle:   m.Design + " · " + m.trf("over %s", monthsText(m, t)) + " · " + m.Lang.Plural(m.People.N, "replication"),
		Legend:     legend,
		Panels:     rows,
		RowWeights: heights,
		Notes: []string{
			m.tr("A post's values are over the replications in which anyone held it after the warm-up; people-summary.csv has every measure of every post, people.csv every replication."),
			m.tr("Everyone: every post in every replication, pooled; the interval of its mean treats the replications as independent clusters of correlated people."),
		},
		Width:  9 * vg.Inch,
		Height: h,
	}
	f.Height += chrome(f)
	return f, nil
}

// peoplePanel draws one panel of the people figure: a row per post, then
// the row of everyone.
func (m *Meta) peoplePanel(p PeoplePanel) *plot.Plot {
	pl := newPanel(p.Title)
	u := metric.Tasks
	switch {
	case attainment(p.Metric):
		u = metric.Share
	case p.Metric == metric.Margin:
		u = metric.Money
	case p.Metric == metric.FirstOrders:
		u = metric.Clients
	}
	format := func(x float64) string { return quantity.Format(x, u, "") }
	tk := countTicks
	xlabel := m.tr("tasks")
	if u == metric.Clients {
		xlabel = m.Lang.Metric(metric.FirstOrders)
	}
	switch u {
	case metric.Money:
		format, tk, xlabel = m.money, moneyTicks, m.moneyLabel(m.Lang.Metric(p.Metric))
	case metric.Share:
		tk, xlabel = percentTicks, m.tr("attainment")
	}
	n := len(p.Posts) + 1
	var names []string
	pr := &personRows{ref: math.NaN(), label: textStyle(labelSize, inkColor)}
	pr.label.YAlign = draw.YCenter
	if attainment(p.Metric) {
		pr.ref = 1
	}
	c := RoleColor(p.Index)
	for i, e := range p.Posts {
		names = append(names, m.trf("post %d", e.Post))
		pr.rows = append(pr.rows, personRow{y: rowY(i, n), Estimate: clipAtZero(e.Estimate), p10: math.NaN(), color: c, label: format(e.Mean)})
	}
	names = append(names, m.tr("everyone"))
	all := p.Everyone
	label := m.trf("median %s", format(all.P50))
	if !math.IsNaN(p.Reached) {
		label += " · " + m.trf("%s reach 100%%", quantity.Share(p.Reached))
	}
	pr.rows = append(pr.rows, personRow{y: rowY(n-1, n), Estimate: clipAtZero(all.Estimate), p10: all.P10, p50: all.P50, p90: all.P90,
		color: c, label: label})
	pl.Add(valueGrid(true), pr)
	categoryY(pl, names)
	pl.X.Label.Text = xlabel
	pl.X.Tick.Marker = sparse(tk)
	valueAxis(&pl.X)
	return pl
}

// personRow is a row of a people panel: a mean with its interval and,
// for everyone, the band from P10 to P90 and the median (p10 NaN for a
// post's row).
type personRow struct {
	y float64
	Estimate
	p10, p50, p90 float64
	color         color.Color
	label         string
}

// right returns the largest x the row draws at.
func (r personRow) right() float64 {
	x := r.Mean
	for _, v := range []float64{r.Hi, r.p90} {
		if finite(v) {
			x = math.Max(x, v)
		}
	}
	return x
}

// personRows draws the rows of a people panel and the reference line.
// It implements plot.Plotter, plot.DataRanger and plot.GlyphBoxer.
type personRows struct {
	rows  []personRow
	ref   float64 // x of the reference line; NaN for none
	label text.Style
}

// Plot implements plot.Plotter.
func (pr *personRows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if finite(pr.ref) {
		x := trX(pr.ref)
		c.StrokeLine2(draw.LineStyle{Color: targetColor, Width: 1, Dashes: []vg.Length{4, 2}}, x, c.Min.Y, x, c.Max.Y)
	}
	for _, r := range pr.rows {
		if !finite(r.Mean) {
			continue
		}
		y := trY(r.y)
		if finite(r.p10) && finite(r.p90) {
			y0, y1 := trY(r.y-0.28), trY(r.y+0.28)
			x0, x1 := trX(r.p10), trX(r.p90)
			c.FillPolygon(bandOf(r.color), c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}, {X: x1, Y: y1}, {X: x1, Y: y0}}))
			xm := trX(r.p50)
			c.StrokeLine2(draw.LineStyle{Color: r.color, Width: 2}, xm, y0, xm, y1)
		}
		ws := draw.LineStyle{Color: inkColor, Width: 0.8}
		if finite(r.Lo) && finite(r.Hi) && r.Hi > r.Lo {
			xl, xh := trX(r.Lo), trX(r.Hi)
			c.StrokeLine2(ws, xl, y, xh, y)
			c.StrokeLine2(ws, xl, y-3, xl, y+3)
			c.StrokeLine2(ws, xh, y-3, xh, y+3)
		}
		c.DrawGlyph(draw.GlyphStyle{Color: r.color, Radius: dotRadius, Shape: draw.CircleGlyph{}}, vg.Point{X: trX(r.Mean), Y: y})
		if r.label != "" {
			st := pr.label
			st.XAlign = draw.XLeft
			c.FillText(st, vg.Point{X: trX(r.right()) + labelGap + 2, Y: y}, r.label)
		}
	}
}

// DataRange implements plot.DataRanger: 0, the reference line, the means,
// intervals and percentiles.
func (pr *personRows) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	if finite(pr.ref) {
		xmax = pr.ref
	}
	ymin, ymax = math.Inf(1), math.Inf(-1)
	for _, r := range pr.rows {
		for _, x := range []float64{r.Mean, r.Lo, r.Hi, r.p10, r.p90} {
			if finite(x) {
				xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			}
		}
		ymin, ymax = math.Min(ymin, r.y-0.5), math.Max(ymax, r.y+0.5)
	}
	if xmin == xmax {
		xmax = xmin + 1
	}
	return xmin, xmax, ymin, ymax
}

// GlyphBoxes implements plot.GlyphBoxer: the dots and their labels.
func (pr *personRows) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for _, r := range pr.rows {
		if !finite(r.Mean) {
			continue
		}
		d := vg.Rectangle{Min: vg.Point{X: -dotRadius, Y: -dotRadius}, Max: vg.Point{X: dotRadius, Y: dotRadius}}
		boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(r.Mean), Y: p.Y.Norm(r.y), Rectangle: d})
		if r.label != "" {
			w, h := pr.label.Width(r.label), pr.label.Height(r.label)
			b := vg.Rectangle{Min: vg.Point{X: labelGap + 2, Y: -h / 2}, Max: vg.Point{X: labelGap + 2 + w, Y: h / 2}}
			boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(r.right()), Y: p.Y.Norm(r.y), Rectangle: b})
		}
	}
	return boxes
}

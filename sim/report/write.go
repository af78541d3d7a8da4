package report

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

//go:embed page.tmpl
var pageText string

//go:embed style.css
var styleText string

// page is the template of every page. Its functions tr and trf translate
// a phrase (see package labels) into the page's language; execute binds
// them.
var page = template.Must(template.New("page").Funcs(translators(labels.English)).Parse(pageText))

func translators(l labels.Lang) template.FuncMap {
	return template.FuncMap{"tr": l.Tr, "trf": l.Trf}
}

// link is an entry of a page's table of contents.
type link struct{ ID, Title string }

// head is what the top of every page shows.
type head struct {
	Lang               labels.Lang
	Title, Description string
	Facts              []Fact
	Notes              []string
	TOC                []link
	CSS                template.CSS
}

type deptRow struct {
	Label, Doc                    string
	Mean, CI, P10, P50, P90, Warn string
}

type cell struct{ Text, Title string }

// metricRow is a metric's row of the table per role: a cell per role.
type metricRow struct {
	Label, Doc string
	Cells      []cell
}

type monthRow struct {
	Month      int
	By, CI, In string
	Bar        int // pixels
}

type targetView struct {
	Text, P, CI string
	Reps        string // the number of replications: "30 replications"
	Months      []monthRow
	Last        int
	Never       string
}

type statusQuoRow struct {
	Label, Doc, Plan, StatusQuo, Diff, CI string
	Clear                                 bool // the interval excludes 0
}

type statusQuoView struct {
	Text string
	Rows []statusQuoRow
}

type figureView struct {
	Name, Caption string
	SVG           template.HTML
}

type runView struct {
	head
	Dept     []deptRow
	Roles    []string
	RoleRows []metricRow
	Target   *targetView
	Quo      *statusQuoView
	Figures  []figureView
	Design   string
	Sources  []Source
	SHA256   string
	Manifest string
}

// Write writes the report of one run to w.
func Write(w io.Writer, r *Run) error {
	if r.Table == nil {
		return fmt.Errorf("report: no results table")
	}
	figs, err := figureViews(r.Figures)
	if err != nil {
		return err
	}
	l := r.Lang
	v := runView{
		head:    head{Lang: l, Title: r.Title, Description: r.Description, Facts: r.Facts, Notes: r.Notes, CSS: css(r.Fonts)},
		Figures: figs, Design: r.Design, Sources: r.Sources, SHA256: r.SHA256, Manifest: string(r.Manifest),
	}
	idx := index(r.Table)
	for _, m := range r.DeptMetrics {
		s, ok := idx.get(m.Name, metric.Department, metric.Total)
		if !ok {
			continue
		}
		u := metric.Unit(m.Unit)
		v.Dept = append(v.Dept, deptRow{
			Label: labels.Capitalize(l.WithUnit(m.Name, u, r.Currency)), Doc: l.Doc(m.Name, m.Doc), Mean: plusMinus(s, u), CI: interval(s, u),
			P10: quantity.Format(s.P10, u, ""), P50: quantity.Format(s.P50, u, ""), P90: quantity.Format(s.P90, u, ""),
			Warn: strings.Join(s.Warnings, "; "),
		})
	}
	for _, m := range r.RoleMetrics {
		row := metricRow{Label: labels.Capitalize(l.WithUnit(m.Name, metric.Unit(m.Unit), r.Currency)), Doc: l.Doc(m.Name, m.Doc)}
		any := false
		for _, role := range r.Roles {
			s, ok := idx.get(m.Name, role, metric.Total)
			if !ok {
				row.Cells = append(row.Cells, cell{Text: "—"})
				continue
			}
			any = true
			u := metric.Unit(m.Unit)
			row.Cells = append(row.Cells, cell{Text: plusMinus(s, u), Title: l.Trf("95%% interval %s", interval(s, u))})
		}
		if any {
			v.RoleRows = append(v.RoleRows, row)
		}
	}
	v.Roles = r.Roles
	v.Target = targetSection(l, r.Target, idx)
	v.Quo = statusQuoSection(l, r.StatusQuo, r.Currency)
	v.TOC = append(v.TOC, link{"summary", l.Tr("Key results")})
	if v.Quo != nil {
		v.TOC = append(v.TOC, link{"status-quo", l.Tr("Against the status quo")})
	}
	if v.Target != nil {
		v.TOC = append(v.TOC, link{"target", l.Tr("Target")})
	}
	if len(figs) > 0 {
		v.TOC = append(v.TOC, link{"figures", l.Tr("Figures")})
	}
	v.TOC = append(v.TOC, link{"design", l.Tr("Design")}, link{"appendix", l.Tr("Appendix")})
	return execute(w, l, "run", v)
}

// statusQuoSection shows the plan against its status quo, or nil.
func statusQuoSection(l labels.Lang, sq *StatusQuo, currency string) *statusQuoView {
	if sq == nil || len(sq.Rows) == 0 {
		return nil
	}
	v := &statusQuoView{Text: l.Trf("The plan against %s: the same design without its reorganisations, on the same demand and random numbers, paired over %s. The difference is what the plan itself changes; growth over the baseline also counts what happens without any change.", sq.Name, l.Plural(sq.N, "replication"))}
	for _, r := range sq.Rows {
		u := metric.Unit(r.Metric.Unit)
		v.Rows = append(v.Rows, statusQuoRow{
			Label: labels.Capitalize(l.WithUnit(r.Metric.Name, u, currency)), Doc: l.Doc(r.Metric.Name, r.Metric.Doc),
			Plan: quantity.Format(r.Plan, u, ""), StatusQuo: quantity.Format(r.StatusQuo, u, ""),
			Diff: quantity.Signed(r.Diff.Mean, u, ""), CI: interval(r.Diff, u), Clear: excludesZero(r.Diff),
		})
	}
	return v
}

func execute(w io.Writer, l labels.Lang, name string, v any) error {
	t, err := page.Clone()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	var b bytes.Buffer
	if err := t.Funcs(translators(l)).ExecuteTemplate(&b, name, v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = b.WriteTo(w)
	return err
}

// targetSection returns the target's probability and the distribution
// of the month it is first reached, or nil without a target.
func targetSection(l labels.Lang, t *Target, idx tableIndex) *targetView {
	if t == nil {
		return nil
	}
	s, ok := idx.get(metric.PTarget, metric.Department, metric.Total)
	if !ok {
		return nil
	}
	tv := &targetView{
		Text: targetText(l, t),
		P:    quantity.Share(s.Mean), CI: interval(s, metric.Share), Reps: l.Plural(s.N, "replication"),
	}
	prev := 0.0
	for m := 1; ; m++ {
		ms, ok := idx.month(metric.PTarget, metric.Department, m)
		if !ok {
			break
		}
		in := ms.Mean - prev
		tv.Months = append(tv.Months, monthRow{
			Month: m, By: quantity.Share(ms.Mean), CI: interval(ms, metric.Share),
			In: quantity.Share(in), Bar: int(math.Round(200 * math.Max(in, 0))),
		})
		prev = ms.Mean
		tv.Last = m
	}
	tv.Never = quantity.Share(1 - prev)
	return tv
}

// targetText says what the target is.
func targetText(l labels.Lang, t *Target) string {
	return l.Trf("%s per month, as a mean over %s, grows by %s over its baseline by month %d after the warm-up.",
		labels.Capitalize(l.Metric(t.Metric)), l.Plural(t.Window, "month"), quantity.Signed(t.Growth, metric.Share, ""), t.By)
}

// tableIndex finds summaries by key.
type tableIndex struct {
	t      *results.Table
	byKey  map[metric.Key]int
	period map[int]string
}

func index(t *results.Table) tableIndex {
	x := tableIndex{t: t, byKey: make(map[metric.Key]int, len(t.Keys)), period: map[int]string{}}
	for i, k := range t.Keys {
		x.byKey[k] = i
		if m, ok := metric.MonthOf(k.Period); ok {
			x.period[m] = k.Period
		}
	}
	return x
}

func (x tableIndex) get(name, role, period string) (stats.Summary, bool) {
	i, ok := x.byKey[metric.Key{Metric: name, Role: role, Period: period}]
	if !ok {
		return stats.Summary{}, false
	}
	return x.t.Summaries[i], true
}

func (x tableIndex) month(name, role string, m int) (stats.Summary, bool) {
	p, ok := x.period[m]
	if !ok {
		return stats.Summary{}, false
	}
	return x.get(name, role, p)
}

// figureViews prepares SVG documents for inlining: the XML prolog and
// comments before the <svg> element go, and the element gets an
// accessible name.
func figureViews(fs []Figure) ([]figureView, error) {
	var out []figureView
	for _, f := range fs {
		i := bytes.Index(f.SVG, []byte("<svg"))
		if i < 0 {
			return nil, fmt.Errorf("report: figure %s is not an SVG document", f.Name)
		}
		svg := f.SVG[i:]
		label := template.HTMLEscapeString(f.Title)
		svg = bytes.Replace(svg, []byte("<svg"), []byte(`<svg role="img" aria-label="`+label+`"`), 1)
		// The SVG is salesim's own drawing, not user input.
		out = append(out, figureView{Name: f.Name, Caption: f.Caption, SVG: template.HTML(svg)})
	}
	return out, nil
}

// css returns the page's style sheet with the fonts embedded.
func css(fonts []Font) template.CSS {
	var b strings.Builder
	for _, f := range fonts {
		fmt.Fprintf(&b, "@font-face { font-family: %q; font-weight: %s; font-style: %s; src: url(data:font/ttf;base64,%s) format(\"truetype\"); }\n",
			f.Family, cssWord(f.Weight), cssWord(f.Style), base64.StdEncoding.EncodeToString(f.TTF))
	}
	b.WriteString(styleText)
	// The fonts and the style sheet are salesim's own.
	return template.CSS(b.String())
}

// cssWord keeps a CSS keyword to letters, digits and hyphens.
func cssWord(s string) string {
	if s == "" {
		return "normal"
	}
	for _, r := range s {
		if !(r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "normal"
		}
	}
	return s
}

// plusMinus formats a summary's mean and the half-width of its 95 %
// interval: "14.8M ±9%", "24.8% ±0.3".
func plusMinus(s stats.Summary, u metric.Unit) string {
	return quantity.PlusMinus(s.Mean, s.HalfWidth(), u, "")
}

// interval formats the 95 % interval of s: "[13.5M, 16.1M]", or "—".
func interval(s stats.Summary, u metric.Unit) string {
	return quantity.Interval(s.Lo, s.Hi, u, "")
}

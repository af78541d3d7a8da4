package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/stats"
)

type compareDesignView struct {
	CompareDesign
	ID, P, CI string
}

type diffRow struct {
	Design, Mean, CI, Diff, DiffCI string
	Sig, Ref                       bool
}

type diffGroup struct {
	Label, Doc, Where string
	Rows              []diffRow
}

type compareView struct {
	head
	Designs    []compareDesignView
	HasTarget  bool
	TargetText string
	Reference  string
	Groups     []diffGroup
	Figures    []figureView
	Manifest   string
	// HasSummaries tells that some design has a summary to show.
	HasSummaries bool
}

// WriteCompare writes the report of a comparison of designs to w: the
// designs with P(target), each metric's values and paired differences
// against the first design, the figures and each design's summary.
func WriteCompare(w io.Writer, c *Comparison) error {
	if len(c.Designs) == 0 {
		return fmt.Errorf("report: a comparison without designs")
	}
	figs, err := figureViews(c.Figures)
	if err != nil {
		return err
	}
	l := c.Lang
	v := compareView{
		head:      head{Lang: l, Title: c.Title, Facts: c.Facts, Notes: c.Notes, CSS: css(c.Fonts)},
		Reference: c.Designs[0].Name, Figures: figs, Manifest: string(c.Manifest),
	}
	if t := c.Target; t != nil {
		v.TargetText = l.Trf("P(target): the probability that the target is reached. %s 95%% Wilson intervals.", targetText(l, t))
	}
	units := map[string]Metric{}
	for _, m := range c.Metrics {
		units[m.Name] = m
	}
	for i, d := range c.Designs {
		dv := compareDesignView{CompareDesign: d, ID: fmt.Sprint(i + 1), P: "—", CI: "—"}
		for _, r := range c.Rows {
			if r.Design == d.Name && r.Metric == metric.PTarget && r.Role == metric.Department && r.Period == metric.Total {
				v.HasTarget = true
				dv.P = quantity.Share(r.Value.Mean)
				dv.CI = interval(r.Value, metric.Share)
			}
		}
		v.Designs = append(v.Designs, dv)
	}
	groups := map[string]int{}
	for _, r := range c.Rows {
		key := r.Metric + "\x00" + r.Role + "\x00" + r.Period
		gi, ok := groups[key]
		if !ok {
			m := units[r.Metric]
			g := diffGroup{Label: labels.Capitalize(l.WithUnit(r.Metric, metric.Unit(m.Unit), c.Currency)), Doc: l.Doc(r.Metric, m.Doc), Where: where(l, r.Role, r.Period)}
			gi = len(v.Groups)
			groups[key] = gi
			v.Groups = append(v.Groups, g)
		}
		unit := metric.Unit(units[r.Metric].Unit)
		row := diffRow{Design: r.Design, Mean: quantity.Format(r.Value.Mean, unit, ""), CI: interval(r.Value, unit), Diff: "—", DiffCI: "—", Ref: r.Diff == nil}
		if r.Diff != nil {
			row.Diff = quantity.Signed(r.Diff.Mean, unit, "")
			row.DiffCI = interval(*r.Diff, unit)
			row.Sig = excludesZero(*r.Diff)
		}
		if r.Diff == nil && r.Design == c.Designs[0].Name {
			row.Diff = l.Tr("reference")
		}
		v.Groups[gi].Rows = append(v.Groups[gi].Rows, row)
	}
	v.TOC = []link{{"designs", l.Tr("Designs")}}
	if len(figs) > 0 {
		v.TOC = append(v.TOC, link{"figures", l.Tr("Figures")})
	}
	v.TOC = append(v.TOC, link{"differences", l.Tr("Differences")})
	for _, d := range v.Designs {
		if d.Design != "" {
			v.HasSummaries = true
		}
	}
	if v.HasSummaries {
		v.TOC = append(v.TOC, link{"design", l.Tr("The designs in detail")})
	}
	if len(c.Manifest) > 0 {
		v.TOC = append(v.TOC, link{"appendix", l.Tr("Appendix")})
	}
	return execute(w, l, "compare", v)
}

// where describes a key's role and period unless they are the
// department's whole horizon: "role hunter", "month 3".
func where(l labels.Lang, role, period string) string {
	var parts []string
	if role != metric.Department && role != "" {
		parts = append(parts, l.Trf("role %s", role))
	}
	if m, ok := metric.MonthOf(period); ok {
		parts = append(parts, l.Trf("month %d", m))
	}
	return strings.Join(parts, ", ")
}

// excludesZero reports whether the interval of a difference lies on one
// side of 0: the designs differ at the 95 % level.
func excludesZero(s stats.Summary) bool {
	return !math.IsNaN(s.Lo) && (s.Lo > 0 || s.Hi < 0)
}

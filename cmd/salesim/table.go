package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// deptMetrics are the department rows of the terminal table, in order.
var deptMetrics = []string{
	metric.Revenue, metric.Margin, metric.Cost, metric.Profit, metric.NewClients, metric.ChurnedClients, metric.ActiveClients,
	metric.LeadsIn, metric.LeadsCold, metric.LeadsLost, metric.Throughput, metric.Utilisation, metric.QueueWait, metric.InSystem,
	metric.LeadResponse, metric.Growth,
}

// roleMetrics are the columns of the per-role table.
var roleMetrics = []string{metric.Headcount, metric.Throughput, metric.FirstOrders, metric.Passed, metric.Handovers, metric.Utilisation, metric.QueueWait, metric.Cost, metric.Margin}

// formatValue and formatCI are quantity.Format and quantity.PlusMinus in
// the shape compare.go calls them, with the currency cur of money.
func formatValue(x float64, unit, cur string) string {
	return quantity.Format(x, metric.Unit(unit), cur)
}

func formatCI(s stats.Summary, unit, cur string) string {
	return quantity.PlusMinus(s.Mean, s.HalfWidth(), metric.Unit(unit), cur)
}

// printRunTable prints the key results of one design: department totals
// with intervals and percentiles, the target, and one row per role, in
// tables that fit width columns.
func printRunTable(w io.Writer, d *experiment.Design, t *results.Table, width int) {
	cat := d.Plan.Catalog()
	cfg := d.Plan.Config()
	cur := d.Currency()
	g := &grid{head: []string{"department, whole horizon", "mean ± 95% CI", "interval", "P10", "P50", "P90"}, keep: 1}
	for _, m := range deptMetrics {
		s, ok := t.Get(metric.Key{Metric: m, Role: metric.Department, Period: metric.Total})
		if !ok {
			continue
		}
		info, _ := cat.Metric(m)
		u := info.Unit
		g.add(m, quantity.PlusMinus(s.Mean, s.HalfWidth(), u, cur), quantity.Interval(s.Lo, s.Hi, u, cur),
			quantity.Format(s.P10, u, cur), quantity.Format(s.P50, u, cur), quantity.Format(s.P90, u, cur))
	}
	g.print(w, width)
	if tg := cfg.Target; tg != nil {
		if s, ok := t.Get(metric.Key{Metric: metric.PTarget, Role: metric.Department, Period: metric.Total}); ok {
			fmt.Fprint(w, "\n"+wrapText(fmt.Sprintf("P(target: %s %s by month %d, %d-month window) = %s %s, n=%d",
				tg.Metric, quantity.Signed(tg.Growth, metric.Share, ""), tg.By, tg.Window,
				quantity.Share(s.Mean), quantity.Interval(s.Lo, s.Hi, metric.Share, ""), s.N), width, "  "))
			var cdf []string
			for _, p := range cat.Periods[1:] {
				if s, ok := t.Get(metric.Key{Metric: metric.PTarget, Role: metric.Department, Period: p}); ok {
					cdf = append(cdf, p+" "+quantity.Share(s.Mean))
				}
			}
			fmt.Fprint(w, wrapText("reached by month: "+strings.Join(cdf, ", "), width, "  "))
		}
	}
	fmt.Fprintln(w)
	g = &grid{head: append([]string{"role"}, roleMetrics...), keep: 1}
	for _, role := range cat.Roles {
		if h, ok := t.Get(metric.Key{Metric: metric.Headcount, Role: role, Period: metric.Total}); ok && h.Mean == 0 && h.SD == 0 {
			continue // nobody held the role over the horizon
		}
		row := []string{role}
		for _, m := range roleMetrics {
			s, ok := t.Get(metric.Key{Metric: m, Role: role, Period: metric.Total})
			info, _ := cat.Metric(m)
			if !ok {
				row = append(row, "—")
				continue
			}
			row = append(row, quantity.PlusMinus(s.Mean, s.HalfWidth(), info.Unit, cur))
		}
		g.add(row...)
	}
	g.print(w, width)
	var warns []string
	for i, s := range t.Summaries {
		k := t.Keys[i]
		if k.Period == metric.Total && len(s.Warnings) > 0 && (k.Role == metric.Department) {
			for _, w := range s.Warnings {
				switch w {
				case stats.WarnFewReplications:
					warns = appendUnique(warns, "fewer than 10 replications: intervals are rough")
				case stats.WarnEstimatedPercentiles:
					warns = appendUnique(warns, "percentiles are P² estimates")
				}
			}
		}
	}
	for _, s := range warns {
		fmt.Fprintln(w, "note:", s)
	}
}

func appendUnique(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

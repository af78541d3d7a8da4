package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/metric"
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

// human formats x compactly: 12.3M, 456k, 7.89.
func human(x float64) string {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return "—"
	case a >= 1e9:
		return fmt.Sprintf("%.3gG", x/1e9)
	case a >= 1e6:
		return fmt.Sprintf("%.3gM", x/1e6)
	case a >= 1e4:
		return fmt.Sprintf("%.3gk", x/1e3)
	case a >= 100:
		return fmt.Sprintf("%.0f", x)
	case a == 0:
		return "0"
	}
	return fmt.Sprintf("%.3g", x)
}

// formatValue formats a value by the metric's unit.
func formatValue(x float64, unit string) string {
	if unit == "share" && !math.IsNaN(x) {
		return fmt.Sprintf("%.1f%%", 100*x)
	}
	return human(x)
}

// formatCI formats "mean ±h%" or "mean ±h" for a summary.
func formatCI(s stats.Summary, unit string) string {
	m := formatValue(s.Mean, unit)
	h := s.HalfWidth()
	switch {
	case math.IsNaN(h):
		return m
	case unit == "share":
		return fmt.Sprintf("%s ±%.1f", m, 100*h)
	case s.Mean != 0:
		return fmt.Sprintf("%s ±%.0f%%", m, 100*h/math.Abs(s.Mean))
	}
	return fmt.Sprintf("%s ±%s", m, human(h))
}

// printRunTable prints the key results of one design: department totals
// with intervals and percentiles, the target, and one row per role.
func printRunTable(w io.Writer, d *design, t *results.Table) {
	cat := d.plan.Catalog()
	cfg := d.plan.Config()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tmean ± 95%% CI\tinterval\tP10\tP50\tP90\t\n", "department, whole horizon")
	for _, m := range deptMetrics {
		s, ok := t.Get(metric.Key{Metric: m, Role: metric.Department, Period: metric.Total})
		if !ok {
			continue
		}
		info, _ := cat.Metric(m)
		fmt.Fprintf(tw, "%s\t%s\t[%s, %s]\t%s\t%s\t%s\t\n", m, formatCI(s, string(info.Unit)),
			formatValue(s.Lo, string(info.Unit)), formatValue(s.Hi, string(info.Unit)),
			formatValue(s.P10, string(info.Unit)), formatValue(s.P50, string(info.Unit)), formatValue(s.P90, string(info.Unit)))
	}
	tw.Flush()
	if tg := cfg.Target; tg != nil {
		if s, ok := t.Get(metric.Key{Metric: metric.PTarget, Role: metric.Department, Period: metric.Total}); ok {
			fmt.Fprintf(w, "\nP(target: %s +%.0f%% by month %d, %d-month window) = %.2f [%.2f, %.2f], n=%d\n",
				tg.Metric, 100*tg.Growth, tg.By, tg.Window, s.Mean, s.Lo, s.Hi, s.N)
			var cdf []string
			for _, p := range cat.Periods[1:] {
				if s, ok := t.Get(metric.Key{Metric: metric.PTarget, Role: metric.Department, Period: p}); ok {
					cdf = append(cdf, fmt.Sprintf("%s %.2f", p, s.Mean))
				}
			}
			fmt.Fprintf(w, "reached by month: %s\n", strings.Join(cdf, ", "))
		}
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "role\t")
	for _, m := range roleMetrics {
		fmt.Fprintf(tw, "%s\t", m)
	}
	fmt.Fprintln(tw)
	for _, role := range cat.Roles {
		if h, ok := t.Get(metric.Key{Metric: metric.Headcount, Role: role, Period: metric.Total}); ok && h.Mean == 0 && h.SD == 0 {
			continue // nobody held the role over the horizon
		}
		fmt.Fprintf(tw, "%s\t", role)
		for _, m := range roleMetrics {
			s, ok := t.Get(metric.Key{Metric: m, Role: role, Period: metric.Total})
			info, _ := cat.Metric(m)
			if !ok {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", formatCI(s, string(info.Unit)))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	var warns []string
	for i, s := range t.Summaries {
		k := t.Keys[i]
		if k.Period == metric.Total && len(s.Warnings) > 0 && (k.Role == metric.Department) {
			for _, w := range s.Warnings {
				if w == stats.WarnFewReplications {
					warns = appendUnique(warns, "fewer than 10 replications: intervals are rough")
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

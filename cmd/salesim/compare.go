package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

type compareFlags struct {
	runFlags
	rankBy string
}

// compareMetrics are the department totals compared in the table, in
// order.
var compareMetrics = []string{metric.Margin, metric.Cost, metric.Profit, metric.NewClients, metric.ChurnedClients, metric.LeadsCold, metric.Utilisation}

func init() {
	register(&command{
		Name:      "compare",
		UsageLine: "[flags] [FILE[#variant]...]",
		Short:     "run several designs on the same demand and compare them",
		Long: `
Compare runs each design with the same seed and replications, so that
replication i of every design sees the same inbound requests, the same
raw contacts and the same company sizes (common random numbers: streams
are keyed by what they feed, and designs that share their market,
inbound and database sections share them). It reports every metric per
design and the paired difference of each design against the first, with
95% intervals, ranked by -rank-by, and P(target) per design.

With no files it compares every built-in design (not the validation
models): they share the growth-plan company's market and its starting
point, and each reorganises it at month 12 into its own design.

Results go to results/compare/<run-id>/: one folder per design with the
files of 'salesim run', and comparison.csv with the paired differences.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &compareFlags{}
			f.register(fs, false)
			fs.StringVar(&f.rankBy, "rank-by", metric.Profit, "department `metric` to rank designs by (highest mean first)")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return compareCmd(ctx, env, flags.(*compareFlags), args)
		},
	})
}

// builtinDesigns lists the built-in designs compared by default: the
// default scenario first (the reference of the paired differences), then
// the others in name order.
func builtinDesigns() []string {
	names := []string{defaultScenario}
	for _, n := range scenarios.Names() {
		if !strings.Contains(n, "/") && n != defaultScenario {
			names = append(names, n)
		}
	}
	return names
}

// compared is one design's run within a comparison.
type compared struct {
	d   *design
	o   outcome
	tab *results.Table
	idx map[metric.Key]int
}

func compareCmd(ctx context.Context, env *cmdEnv, f *compareFlags, args []string) error {
	if len(args) == 0 {
		args = builtinDesigns()
	}
	if f.precision > 0 {
		return usagef("compare runs a fixed number of replications: use -reps, not -precision")
	}
	set, err := f.sets()
	if err != nil {
		return err
	}
	var ds []*design
	for _, a := range args {
		d, err := loadDesign(a, set, env.stderr)
		if err != nil {
			return err
		}
		ds = append(ds, d)
	}
	names := map[string]bool{}
	for _, d := range ds {
		if names[d.name] {
			return usagef("design %s given twice", d.name)
		}
		names[d.name] = true
	}
	// One seed and one replication count for all: the first design's,
	// unless given.
	cfg0 := ds[0].plan.Config()
	seed, reps := cfg0.Run.Seed, cfg0.Run.Replications
	if reps < 1 {
		reps = 100
	}
	started := time.Now()
	dir := f.out
	if dir == "" {
		dir = filepath.Join("results", "compare", started.UTC().Format("20060102-150405"))
	}
	var runs []*compared
	for i, d := range ds {
		ex := experiment{seed: seed, reps: repRange(0, reps), workers: f.workers, label: fmt.Sprintf("%s (%d/%d)", d.name, i+1, len(ds))}
		if env.stderrIsTTY && !f.quiet && !f.noProgress && env.getenv("CI") == "" {
			ex.progress = env.stderr
		}
		o := runDesign(ctx, d, ex)
		if o.err != nil && !o.partial {
			return fmt.Errorf("%s: %w", d.name, o.err)
		}
		sub := filepath.Join(dir, safeName(d.name))
		if err := os.MkdirAll(filepath.Join(sub, "shards"), 0o755); err != nil {
			return err
		}
		h := shardHeader(d, reps, 0, 1)
		h.Seed, h.Partial = seed, o.partial
		sh := &results.Shard{Header: h, Keys: keys(d.plan), Records: o.records}
		if err := writeFile(filepath.Join(sub, "shards", results.ShardName(0, 1)), func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
			return err
		}
		man := manifest{Command: append([]string{"salesim", "compare"}, os.Args[min(2, len(os.Args)):]...),
			Started: started.UTC().Format(time.RFC3339), Workers: f.workers, WallSeconds: o.wall.Seconds(), Partial: o.partial, Requested: reps}
		if err := mergeAndWrite(env, sub, []*results.Shard{sh}, &man, outputOptions{plots: !f.noPlots, report: f.report, quiet: true, design: d}); err != nil {
			return err
		}
		c := &compared{d: d, o: o, tab: results.Aggregate(sh.Keys, o.records), idx: map[metric.Key]int{}}
		for i, k := range sh.Keys {
			c.idx[k] = i
		}
		runs = append(runs, c)
		if o.partial {
			return fmt.Errorf("interrupted during %s: the designs finished so far are in %s", d.name, dir)
		}
	}
	rows := pairedRows(runs)
	if err := writeFile(filepath.Join(dir, "comparison.csv"), func(w io.Writer) error { return writeComparisonCSV(w, rows) }); err != nil {
		return err
	}
	man := manifest{Command: append([]string{"salesim", "compare"}, os.Args[min(2, len(os.Args)):]...),
		Started: started.UTC().Format(time.RFC3339), Workers: f.workers, Requested: reps}
	if !f.noPlots || f.report {
		if _, err := writeComparePlots(dir, runs); err != nil {
			return fmt.Errorf("plots: %w", err)
		}
	}
	if f.report {
		if err := writeCompareReport(dir, runs, rows, &man); err != nil {
			return err
		}
	}
	if !f.quiet {
		fmt.Fprintf(env.stdout, "compared %d designs, %d replications each, seed %d, common random numbers (%.1fs)\n\n",
			len(runs), reps, seed, time.Since(started).Seconds())
		printComparison(env.stdout, runs, rows, f.rankBy)
		fmt.Fprintf(env.stdout, "\nresults in %s\n", dir)
	}
	return nil
}

// pairRow is one line of comparison.csv: a key of one design, its summary
// and its paired difference against the first design.
type pairRow struct {
	key    metric.Key
	design string
	s      stats.Summary
	diff   stats.Summary // zero for the first design
	hasRef bool
}

// pairedRows computes, for every key of every design, the summary and the
// paired difference (replication by replication) against the first design
// where the first design has the same key.
func pairedRows(runs []*compared) []pairRow {
	ref := runs[0]
	var rows []pairRow
	for _, c := range runs {
		for i, k := range c.tab.Keys {
			row := pairRow{key: k, design: c.d.name, s: c.tab.Summaries[i]}
			if j, ok := ref.idx[k]; ok && c != ref {
				var p stats.Paired
				n := min(len(c.o.records), len(ref.o.records))
				for r := 0; r < n; r++ {
					p.Add(c.o.records[r].Values[i], ref.o.records[r].Values[j])
				}
				row.diff, row.hasRef = p.Summary(results.Confidence), true
			}
			rows = append(rows, row)
		}
	}
	return rows
}

const comparisonHeader = "metric,role,period,design,mean,ci_low,ci_high,n,diff_mean,diff_ci_low,diff_ci_high"

func writeComparisonCSV(w io.Writer, rows []pairRow) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(comparisonHeader + "\n")
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for _, r := range rows {
		fmt.Fprintf(bw, "%s,%s,%s,%s,%s,%s,%s,%d", r.key.Metric, r.key.Role, r.key.Period, r.design, f(r.s.Mean), f(r.s.Lo), f(r.s.Hi), r.s.N)
		if r.hasRef {
			fmt.Fprintf(bw, ",%s,%s,%s\n", f(r.diff.Mean), f(r.diff.Lo), f(r.diff.Hi))
		} else {
			bw.WriteString(",,,\n")
		}
	}
	return bw.Flush()
}

// printComparison prints the designs ranked by a department metric, with
// the key metrics, their differences against the first design, and
// P(target).
func printComparison(w io.Writer, runs []*compared, rows []pairRow, rankBy string) {
	get := func(design, name string) (pairRow, bool) {
		for _, r := range rows {
			if r.design == design && r.key.Metric == name && r.key.Role == metric.Department && r.key.Period == metric.Total {
				return r, true
			}
		}
		return pairRow{}, false
	}
	order := make([]*compared, len(runs))
	copy(order, runs)
	sort.SliceStable(order, func(i, j int) bool {
		a, _ := get(order[i].d.name, rankBy)
		b, _ := get(order[j].d.name, rankBy)
		return a.s.Mean > b.s.Mean
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tdesign\t")
	for _, m := range compareMetrics {
		fmt.Fprintf(tw, "%s\t", m)
	}
	fmt.Fprintln(tw, "P(target)\t")
	cat := runs[0].d.plan.Catalog()
	for i, c := range order {
		fmt.Fprintf(tw, "%d\t%s\t", i+1, c.d.name)
		for _, m := range compareMetrics {
			r, ok := get(c.d.name, m)
			info, _ := cat.Metric(m)
			if !ok {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", formatCI(r.s, string(info.Unit)))
		}
		if r, ok := get(c.d.name, metric.PTarget); ok {
			fmt.Fprintf(tw, "%.2f [%.2f, %.2f]\t", r.s.Mean, r.s.Lo, r.s.Hi)
		} else {
			fmt.Fprint(tw, "—\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintf(w, "\npaired differences against %s (replication by replication, 95%% interval):\n", runs[0].d.name)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "design\t")
	for _, m := range compareMetrics {
		fmt.Fprintf(tw, "Δ %s\t", m)
	}
	fmt.Fprintln(tw)
	for _, c := range runs[1:] {
		fmt.Fprintf(tw, "%s\t", c.d.name)
		for _, m := range compareMetrics {
			r, ok := get(c.d.name, m)
			info, _ := cat.Metric(m)
			if !ok || !r.hasRef {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", formatDiff(r.diff, string(info.Unit)))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// formatDiff formats a paired difference with its interval, marking it
// with * when the interval excludes 0.
func formatDiff(s stats.Summary, unit string) string {
	sig := ""
	if !math.IsNaN(s.Lo) && (s.Lo > 0 || s.Hi < 0) {
		sig = "*"
	}
	sign := func(x float64) string {
		v := formatValue(x, unit)
		if x > 0 {
			return "+" + v
		}
		return v
	}
	return fmt.Sprintf("%s [%s, %s]%s", sign(s.Mean), formatValue(s.Lo, unit), formatValue(s.Hi, unit), sig)
}

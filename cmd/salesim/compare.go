package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/experiment"
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
	var ds []*experiment.Design
	for _, a := range args {
		d, err := loadDesign(a, set, env.stderr)
		if err != nil {
			return err
		}
		ds = append(ds, d)
	}
	names := map[string]bool{}
	for _, d := range ds {
		if names[d.Name] {
			return usagef("design %s given twice", d.Name)
		}
		names[d.Name] = true
	}
	// One seed and one replication count for all: the first design's,
	// unless given.
	seed, reps := ds[0].Seed(), ds[0].Replications()
	started := time.Now()
	dir := f.out
	if dir == "" {
		dir = filepath.Join("results", "compare", started.UTC().Format("20060102-150405"))
	}
	// Replication i of every design runs on one worker, the designs one
	// after another: all designs advance together.
	bar := newProgress(progressTo(env, f.quiet, f.noProgress), fmt.Sprintf("%d designs", len(ds)), reps)
	out, err := experiment.Run(ctx, ds, experiment.Options{Seed: seed, Replications: reps, Workers: f.workers, Progress: bar.report(), Clock: time.Now})
	bar.finish()
	if err != nil && (out == nil || !out.Partial) {
		return err
	}
	done := len(out.Results[0].Records)
	if out.Partial && done == 0 {
		return errors.New("interrupted before any replication finished: nothing written")
	}
	for i, r := range out.Results {
		d := r.Design
		sub := filepath.Join(dir, safeName(d.Name))
		if err := os.MkdirAll(filepath.Join(sub, "shards"), 0o755); err != nil {
			return err
		}
		sh := out.Shard(i)
		if err := writeFile(filepath.Join(sub, "shards", results.ShardName(0, 1)), func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
			return err
		}
		m, err := experiment.Merge([]*results.Shard{sh}, experiment.MergeOptions{Design: d, Partial: true})
		if err != nil {
			return err
		}
		man := experiment.Manifest{Command: append([]string{"salesim", "compare"}, os.Args[min(2, len(os.Args)):]...),
			Started: started.UTC().Format(time.RFC3339), Workers: f.workers, WallSeconds: r.Wall.Seconds(), Requested: reps}
		if err := writeRun(env, sub, m, &man, outputOptions{plots: !f.noPlots, report: f.report, quiet: true, lang: f.lang}); err != nil {
			return err
		}
	}
	if out.Partial {
		return fmt.Errorf("interrupted: wrote the %d replications of each design that finished (of %d) to %s, marked partial; no comparison", done, reps, dir)
	}
	c := experiment.Compare(out.Results)
	if err := writeFile(filepath.Join(dir, "comparison.csv"), c.WriteCSV); err != nil {
		return err
	}
	man := experiment.Manifest{Command: append([]string{"salesim", "compare"}, os.Args[min(2, len(os.Args)):]...),
		Started: started.UTC().Format(time.RFC3339), Workers: f.workers, Requested: reps}
	if !f.noPlots || f.report {
		if _, err := writeComparePlots(dir, c, f.lang); err != nil {
			return fmt.Errorf("plots: %w", err)
		}
	}
	if f.report {
		if err := writeCompareReport(dir, c, &man, f.lang); err != nil {
			return err
		}
	}
	if !f.quiet {
		fmt.Fprintf(env.stdout, "compared %d designs, %d replications each, seed %d, common random numbers (%.1fs)\n\n",
			len(ds), reps, seed, time.Since(started).Seconds())
		printComparison(env.stdout, c, f.rankBy)
		fmt.Fprintf(env.stdout, "\nresults in %s\n", dir)
	}
	return nil
}

// printComparison prints the designs ranked by a department metric, with
// the key metrics, their differences against the first design, and
// P(target).
func printComparison(w io.Writer, c *experiment.Comparison, rankBy string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tdesign\t")
	for _, m := range compareMetrics {
		fmt.Fprintf(tw, "%s\t", m)
	}
	fmt.Fprintln(tw, "P(target)\t")
	cat := c.Designs[0].Plan.Catalog()
	for i, di := range c.Rank(rankBy) {
		fmt.Fprintf(tw, "%d\t%s\t", i+1, c.Designs[di].Name)
		for _, m := range compareMetrics {
			r, ok := c.Get(di, m)
			info, _ := cat.Metric(m)
			if !ok {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", formatCI(r.Summary, string(info.Unit)))
		}
		if r, ok := c.Get(di, metric.PTarget); ok {
			fmt.Fprintf(tw, "%.2f [%.2f, %.2f]\t", r.Summary.Mean, r.Summary.Lo, r.Summary.Hi)
		} else {
			fmt.Fprint(tw, "—\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintf(w, "\npaired differences against %s (replication by replication, 95%% interval):\n", c.Designs[0].Name)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "design\t")
	for _, m := range compareMetrics {
		fmt.Fprintf(tw, "Δ %s\t", m)
	}
	fmt.Fprintln(tw)
	for di, d := range c.Designs {
		if di == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t", d.Name)
		for _, m := range compareMetrics {
			r, ok := c.Get(di, m)
			info, _ := cat.Metric(m)
			if !ok || !r.HasRef {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", formatDiff(r.Diff, string(info.Unit)))
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

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
	"strconv"
	"strings"
	"time"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
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
		UsageLine: "[FILE[#variant]...] [flags]",
		Args:      argScenario,
		Short:     "run several designs on the same demand and compare them",
		Long: `
Compare runs each design with the same seed and replications: replication
i of every design runs from the random streams of (seed, i), which are
keyed by what they feed. Designs that share their demand — market,
inbound streams, databases, initial book, warm-up and horizon — see the
same inbound requests, raw contacts and company sizes in replication i
(common random numbers); compare checks this and says, in its header and
in comparison.csv (column same_demand) and comparison.json, which designs
share the first one's demand. It reports every metric per design and the
paired difference of each design against the first, with 95% intervals,
ranked by -rank-by, and P(target) per design. Paired differences of
designs whose demand differs mix the effect of the design with that of
its demand.

With no files it compares every built-in design (not the validation
models): they share the growth-plan company's market and its starting
point, and each reorganises it at month 12 into its own design. Designs
with the same name (a copy of a scenario keeps its name key) are told
apart by their file names.

Results go to ` + compareOutDefault + ` (see -out):
one folder per design with the files of 'salesim run', and comparison.csv
and comparison.json with the paired differences. With -json the command
prints comparison.json.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &compareFlags{}
			f.register(fs, "compare")
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
	set, err := f.sets()
	if err != nil {
		return err
	}
	var ds []*experiment.Design
	for _, a := range args {
		d, err := loadDesign(a, set, env.stderr)
		if err != nil {
			return f.flagNamed(err)
		}
		ds = append(ds, d)
	}
	if err := experiment.Distinguish(ds); err != nil {
		return usageError{err}
	}
	for _, d := range ds {
		k := metric.Key{Metric: f.rankBy, Role: metric.Department, Period: metric.Total}
		if _, ok := d.Plan.Catalog().Index(k); !ok {
			return usagef("-rank-by %s: %s has no department metric of that name%s", f.rankBy, d.Name, suggestMetric(d, f.rankBy))
		}
	}
	// One seed and one replication count for all: the first design's,
	// unless given.
	seed, reps := ds[0].Seed(), ds[0].Replications()
	started := time.Now()
	od, err := prepareOut(f.out, func(n int) string {
		return filepath.Join("results", "compare", runFolderName(started, n))
	}, f.force)
	if err != nil {
		return err
	}
	defer od.abandon()
	dir := od.tmp
	// Replication i of every design runs on one worker, the designs one
	// after another: all designs advance together.
	bar := newProgress(progressTo(env, f.quiet || f.json, f.noProgress), fmt.Sprintf("%d designs", len(ds)), reps)
	out, err := experiment.Run(ctx, ds, experiment.Options{Seed: seed, Replications: reps, Workers: f.workers, Progress: bar.report(), Clock: time.Now, MaxMemory: limitMemory(f.maxMemory)})
	bar.finish()
	if err != nil && (out == nil || !out.Partial) {
		return err
	}
	done := len(out.Results[0].Records)
	if out.Partial && done == 0 {
		return errors.New("interrupted before any replication finished: nothing written")
	}
	sub := f.options()
	sub.quiet, sub.json = true, false
	sub.interrupted = out.Partial
	for i, r := range out.Results {
		d := r.Design
		subdir := filepath.Join(dir, safeName(d.Name))
		if err := os.MkdirAll(filepath.Join(subdir, "shards"), 0o755); err != nil {
			return err
		}
		sh := out.Shard(i)
		if err := writeFile(filepath.Join(subdir, "shards", results.ShardName(0, 1)), func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
			return err
		}
		m, err := experiment.Merge([]*results.Shard{sh}, experiment.MergeOptions{Design: d, Partial: true})
		if err != nil {
			return err
		}
		man := experiment.Manifest{Command: append([]string{"salesim", "compare"}, os.Args[min(2, len(os.Args)):]...),
			Started: started.UTC().Format(time.RFC3339), Workers: f.workers, WallSeconds: r.Wall.Seconds(), Requested: reps}
		if err := writeRun(env, subdir, m, &man, sub); err != nil {
			return err
		}
	}
	if out.Partial {
		if err := od.commit(); err != nil {
			return err
		}
		return fmt.Errorf("interrupted: wrote the %d replications of each design that finished (of %d) to %s, marked partial; no comparison", done, reps, od.final)
	}
	c := experiment.Compare(out.Results)
	if err := writeFile(filepath.Join(dir, "comparison.csv"), c.WriteCSV); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "comparison.json"), c.WriteJSON); err != nil {
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
	if err := od.commit(); err != nil {
		return err
	}
	dir = od.final
	switch {
	case f.json:
		return c.WriteJSON(env.stdout)
	case !f.quiet:
		w := env.stdout
		designs := "designs"
		if len(ds) == 1 {
			designs = "design"
		}
		fmt.Fprintf(w, "compared %d %s, %d replications each, seed %d (%.1fs)\n", len(ds), designs, reps, seed, time.Since(started).Seconds())
		for _, d := range ds {
			sc := d.Scenario
			fmt.Fprintf(w, "  %s: %s\n", d.Name, sourceLine(sc.Sources[0].Name, sc.SHA256, len(sc.Sources)-1, nil))
		}
		if len(set) > 0 {
			fmt.Fprintf(w, "  every design: -set %s\n", strings.Join(set, " -set "))
		}
		fmt.Fprint(w, wrapText(demandLine(c), tableWidth(env), "  "))
		fmt.Fprintln(w)
		printComparison(w, c, f.rankBy, tableWidth(env))
		fmt.Fprintf(w, "\nresults in %s\n", dir)
	}
	return nil
}

// demandLine says whether the designs compared share their demand, so
// that their paired differences are on common random numbers.
func demandLine(c *experiment.Comparison) string {
	if c.CommonDemand() {
		return "common random numbers: every design has the same market, inbound streams, databases, initial book, warm-up and horizon as " + c.Designs[0].Name
	}
	var parts []string
	for i, d := range c.Demand {
		if len(d) > 0 {
			parts = append(parts, fmt.Sprintf("%s differs in %s", c.Designs[i].Name, strings.Join(d, ", ")))
		}
	}
	return "NOT common random numbers: the demand differs from " + c.Designs[0].Name + "'s (" + strings.Join(parts, "; ") +
		"): paired differences against it mix the design with its demand"
}

// printComparison prints the designs ranked by a department metric, with
// the key metrics, their differences against the first design, and
// P(target), in tables that fit width columns.
func printComparison(w io.Writer, c *experiment.Comparison, rankBy string, width int) {
	g := &grid{head: []string{"rank", "design"}, keep: 2}
	g.head = append(g.head, compareMetrics...)
	g.head = append(g.head, "P(target)")
	cat := c.Designs[0].Plan.Catalog()
	cur := c.Designs[0].Currency()
	for i, di := range c.Rank(rankBy) {
		row := []string{strconv.Itoa(i + 1), c.Designs[di].Name}
		for _, m := range compareMetrics {
			r, ok := c.Get(di, m)
			info, _ := cat.Metric(m)
			if !ok {
				row = append(row, "—")
				continue
			}
			row = append(row, formatCI(r.Summary, string(info.Unit), cur))
		}
		if r, ok := c.Get(di, metric.PTarget); ok {
			// As run prints it: a share with its (Wilson) interval.
			row = append(row, quantity.Share(r.Summary.Mean)+" "+quantity.Interval(r.Summary.Lo, r.Summary.Hi, metric.Share, ""))
		} else {
			row = append(row, "—")
		}
		g.add(row...)
	}
	g.print(w, width)
	if len(c.Designs) < 2 {
		return
	}
	fmt.Fprintf(w, "\npaired differences against %s (replication by replication, 95%% interval; * excludes 0):\n", c.Designs[0].Name)
	g = &grid{head: []string{"design"}, keep: 1}
	for _, m := range compareMetrics {
		g.head = append(g.head, "Δ "+m)
	}
	for di, d := range c.Designs {
		if di == 0 {
			continue
		}
		row := []string{d.Name}
		for _, m := range compareMetrics {
			r, ok := c.Get(di, m)
			info, _ := cat.Metric(m)
			if !ok || !r.HasRef {
				row = append(row, "—")
				continue
			}
			row = append(row, formatDiff(r.Diff, string(info.Unit), cur))
		}
		g.add(row...)
	}
	g.print(w, width)
}

// formatDiff formats a paired difference with its interval, marking it
// with * when the interval excludes 0.
func formatDiff(s stats.Summary, unit, cur string) string {
	sig := ""
	if !math.IsNaN(s.Lo) && (s.Lo > 0 || s.Hi < 0) {
		sig = "*"
	}
	sign := func(x float64) string {
		v := formatValue(x, unit, cur)
		if x > 0 {
			return "+" + v
		}
		return v
	}
	return fmt.Sprintf("%s [%s, %s]%s", sign(s.Mean), formatValue(s.Lo, unit, cur), formatValue(s.Hi, unit, cur), sig)
}

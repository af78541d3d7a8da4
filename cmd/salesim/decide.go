package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/charts"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
	"github.com/salesim/salesim/sim/study"
)

// decideFlags are the flags of seek and sensitivity.
type decideFlags struct {
	out        string
	workers    int
	quiet      bool
	json       bool
	noProgress bool
	noPlots    bool
	force      bool
}

func (f *decideFlags) register(fs *flag.FlagSet, cmd, jsonFile string) {
	fs.StringVar(&f.out, "out", "", "output `folder` (default results/<study>/"+cmd+"-<YYYYMMDD-HHMMSS>)")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers` (replications of a design run in parallel; results do not depend on this)")
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.json, "json", false, "print "+jsonFile+" on standard output instead of the text, for scripts")
	fs.BoolVar(&f.noProgress, "no-progress", false, "no progress on standard error")
	fs.BoolVar(&f.force, "force", false, "with -out: replace the content of a folder that is not empty (without it, such a folder is refused)")
	if cmd == "sensitivity" {
		fs.BoolVar(&f.noPlots, "no-plots", false, "do not draw the tornado chart")
	}
}

// prepare reserves the result folder before the search starts, as run
// does (see prepareOut): a folder that cannot be written, or -out that is
// not empty without -force, is refused at once; the results are written
// to a temporary folder renamed into place whole.
func (f *decideFlags) prepare(name, cmd string, started time.Time) (*outDir, error) {
	return prepareOut(f.out, func(n int) string {
		return filepath.Join("results", safeName(name), cmd+"-"+runFolderName(started, n))
	}, f.force)
}

func init() {
	register(&command{
		Name:      "seek",
		UsageLine: "EXPERIMENT[.toml] [flags]",
		Args:      argScenario,
		Short:     "find the cheapest design whose constraints hold, with a stated guarantee",
		Long: `
Seek searches the whole-number factors of an experiment file (headcounts,
each from its min to its max) for the design with the best [objective]
whose [[constraint]]s hold, and states exactly what its answer
guarantees.

Each design's feasibility is decided by a sequential test on its
replications, with the constraint's indifference zone delta and error
rate: P(target) (p_target, 0 or 1 per replication) by Wald's sequential
probability ratio test with Ville's bound, any other metric by the
fully sequential procedure F of Andradóttir & Kim (2010) on its mean.
The designs found feasible are then compared on the objective by the
fully sequential procedure KN (Kim & Nelson 2001) on paired differences
(replication i of every design uses the random streams of (seed, i)),
re-running those still in contention until one is left: the clean-up of
Boesel, Nelson & Kim (2003). The answer holds with probability at least
1 − alpha: designs at least delta inside (outside) a constraint are
classed feasible (infeasible), and the best feasible design is returned
whenever it is better than the others by the objective's delta.

[seek] monotone = true states that more of any factor never makes a
constraint worse; seek then skips designs it can class from others, and
the answer says it rests on that assumption. "No design within the bounds
is feasible" is an answer, stated with its own guarantee.

Seek prints the answer, the guarantee, the designs explored, the
replications spent and the runners-up with intervals, and writes seek.txt,
seek.json and seek.csv (one row per design explored) to the result
folder.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &decideFlags{}
			f.register(fs, "seek", "seek.json")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return seekCmd(ctx, env, flags.(*decideFlags), args)
		},
	})
	register(&command{
		Name:      "sensitivity",
		UsageLine: "EXPERIMENT[.toml] [flags]",
		Args:      argScenario,
		Short:     "screen which inputs move the results most (Morris elementary effects)",
		Long: `
Sensitivity screens the factors of an experiment file by Morris
elementary effects over their ranges: [sensitivity] trajectories (r)
one-at-a-time paths on a grid of levels (p), each point run for
replications on common random numbers. For every response (the file's
[[response]]s; by default margin, profit, cost and p_target) it ranks the
inputs by μ*, the mean absolute change of the response when the input
alone moves across its whole range, with a 95 % bootstrap interval over
the trajectories, μ (the direction) and σ (interactions).

Replication noise is kept apart from the effects: the base point (every
factor at the middle of its range) is run repeats times on disjoint blocks
of replications, giving each response's noise SD, and each effect's own
noise comes from the paired differences of its two points. An input whose
μ* is no larger than pure replication noise would give it in 95 % of cases
is flagged "not distinguishable from noise".

It prints the tables and writes sensitivity.txt, sensitivity.csv,
sensitivity.json and the tornado chart (tornado.png, tornado.svg) to the
result folder.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &decideFlags{}
			f.register(fs, "sensitivity", "sensitivity.json")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return sensitivityCmd(ctx, env, flags.(*decideFlags), args)
		},
	})
}

// oneFile checks the arguments of seek and sensitivity.
func oneFile(cmd string, args []string, f *decideFlags) error {
	switch {
	case len(args) == 0:
		return usagef("%s needs an experiment file: salesim %s EXPERIMENT (built-ins: %s)", cmd, cmd, strings.Join(scenarios.ExperimentNames(), ", "))
	case len(args) > 1:
		return usagef("%s takes one experiment file (got %d arguments: %s)", cmd, len(args), strings.Join(args, " "))
	}
	if f.workers < 1 || f.workers > maxWorkers {
		return usagef("-workers %d: want a whole number from 1 to %d", f.workers, maxWorkers)
	}
	return nil
}

func seekCmd(ctx context.Context, env *cmdEnv, f *decideFlags, args []string) error {
	if err := oneFile("seek", args, f); err != nil {
		return err
	}
	started := time.Now()
	file, err := loadExperiment(args[0])
	if err != nil {
		return err
	}
	p, s, units, err := file.SeekProblem(f.workers)
	if err != nil {
		return err
	}
	od, err := f.prepare(file.Name, "seek", started)
	if err != nil {
		return err
	}
	defer od.abandon()
	if !f.quiet && !f.noProgress {
		p.Progress = func(msg string) {
			fmt.Fprintf(env.stderr, "seek: %s (%s)\n", msg, time.Since(started).Round(time.Second))
		}
	}
	res, err := study.Seek(ctx, p, s)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("seek interrupted after %s: nothing written (a sequential search has no partial answer)", time.Since(started).Round(time.Second))
		}
		return err
	}
	return f.finish(env, od, file, started, "seek",
		func(w io.Writer) error { return res.WriteText(w, units) }, res.WriteJSON, res.WriteCSV, nil)
}

func sensitivityCmd(ctx context.Context, env *cmdEnv, f *decideFlags, args []string) error {
	if err := oneFile("sensitivity", args, f); err != nil {
		return err
	}
	started := time.Now()
	file, err := loadExperiment(args[0])
	if err != nil {
		return err
	}
	inputs, err := file.SensitivityInputs()
	if err != nil {
		return err
	}
	s, names, units, currency, err := file.SensitivitySampler(f.workers)
	if err != nil {
		return err
	}
	od, err := f.prepare(file.Name, "sensitivity", started)
	if err != nil {
		return err
	}
	defer od.abandon()
	o := file.Sensitivity
	opt := study.MorrisOptions{Trajectories: o.Trajectories, Levels: o.Levels, Repeats: o.Repeats, Replications: o.Replications, Seed: o.Seed}
	if opt.Seed == 0 {
		opt.Seed = file.Seed
	}
	if !f.quiet && !f.noProgress {
		last := time.Time{}
		opt.Progress = func(done, total int) {
			if now := time.Now(); now.Sub(last) > 5*time.Second || done == total {
				last = now
				fmt.Fprintf(env.stderr, "sensitivity: %d of %d points (%s)\n", done, total, time.Since(started).Round(time.Second))
			}
		}
	}
	res, err := study.Morris(ctx, inputs, names, opt, s)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("sensitivity interrupted after %s: nothing written", time.Since(started).Round(time.Second))
	}
	if err != nil {
		return &scenario.FieldError{File: file.Path, Key: "sensitivity", Msg: err.Error(), Err: err}
	}
	var figures func(dir string) error
	if !f.noPlots {
		figures = func(dir string) error {
			fig, err := tornado(file, res, units, currency)
			if err != nil {
				return err
			}
			for _, format := range charts.Formats {
				if err := writeFile(filepath.Join(dir, "tornado."+format), func(w io.Writer) error { return fig.Render(format, w) }); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return f.finish(env, od, file, started, "sensitivity",
		func(w io.Writer) error { return res.WriteText(w, units, currency) }, res.WriteJSON, res.WriteCSV, figures)
}

// tornado draws the screening's tornado chart: a panel per response, the
// inputs by μ*.
func tornado(file *study.File, res *study.MorrisResult, units []metric.Unit, currency string) (*charts.Figure, error) {
	var panels []charts.TornadoPanel
	for ri, name := range res.Responses {
		pn := charts.TornadoPanel{Title: name, Unit: units[ri]}
		for _, i := range res.Ranked(ri) {
			e := res.Effects[ri][i]
			pn.Bars = append(pn.Bars, charts.TornadoBar{
				Label:    res.Inputs[i].Key,
				Estimate: charts.Estimate{Mean: e.MuStar, Lo: e.MuStarLo, Hi: e.MuStarHi},
				Mu:       e.Mu, Noise: e.Noise,
			})
		}
		panels = append(panels, pn)
	}
	o := res.Options
	sub := fmt.Sprintf("%s · %d inputs · %d trajectories, %d levels · %d replications a point", file.Designs[0], len(res.Inputs), o.Trajectories, o.Levels, o.Replications)
	notes := []string{"Bar: μ*, the mean absolute change of the response when the input alone moves across its whole range; whisker: 95% bootstrap interval over trajectories.",
		fmt.Sprintf("Grey: not distinguishable from replication noise (μ* within what noise alone gives in 95%% of cases, from paired replications; base point repeated %d times).", o.Repeats)}
	return charts.Tornado("What moves the results most: "+file.Name, sub, currency, panels, notes)
}

// finish ends a seek or a sensitivity analysis: its text (with a last
// line of file, seed, time and workers), JSON and CSV go into od as
// NAME.txt, NAME.json and NAME.csv, with what figures writes (unless
// nil); the folder is put in place, and the text, or the JSON with
// -json, printed.
func (f *decideFlags) finish(env *cmdEnv, od *outDir, file *study.File, started time.Time, name string, writeText, writeJSON, writeCSV func(io.Writer) error, figures func(dir string) error) error {
	var text bytes.Buffer
	if err := writeText(&text); err != nil {
		return err
	}
	fmt.Fprintf(&text, "\n%s, seed %d, %.0f s on %d workers\n", file.Path, file.Seed, time.Since(started).Seconds(), f.workers)
	for ext, w := range map[string]func(io.Writer) error{
		".txt":  func(w io.Writer) error { _, err := w.Write(text.Bytes()); return err },
		".json": writeJSON,
		".csv":  writeCSV,
	} {
		if err := writeFile(filepath.Join(od.tmp, name+ext), w); err != nil {
			return err
		}
	}
	if figures != nil {
		if err := figures(od.tmp); err != nil {
			return err
		}
	}
	if err := od.commit(); err != nil {
		return err
	}
	switch {
	case f.json:
		return writeJSON(env.stdout)
	case !f.quiet:
		if _, err := env.stdout.Write(text.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "results in %s\n", od.final)
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/study"
)

type sweepFlags struct {
	out        string
	shard      string
	merge      bool
	workers    int
	reps       int
	noPlots    bool
	quiet      bool
	noProgress bool
	noShare    bool
	batch      int
	// fs is the flag set, to tell a flag given as 0 from one not given.
	fs *flag.FlagSet
}

// sweepOutDefault is the default folder of a sweep, as its help states
// it: the same for every run of one experiment, so that running the
// command again resumes it.
const sweepOutDefault = "results/sweep/<name>"

func init() {
	register(&command{
		Name:      "sweep",
		UsageLine: "EXP [flags]",
		Args:      argExperiment,
		Short:     "run every point of an experiment file's plan on common random numbers",
		Long: `
Sweep runs every point of the plan of an experiment file (see
scenarios/EXPERIMENTS.md): a full factorial, a Latin hypercube or a list
of points over keys that 'salesim run -set' takes ('salesim keys DESIGN'
lists them),
each point for the file's replications, replication i of every point on
the random streams of (seed, i), so that the points are compared on
common random numbers. EXP is a file, or a built-in experiment such as
growth-staffing.

It writes to the output folder points.csv (a row per point and its
factors), summary.csv (a row per point, metric, role and period, with a
column per factor and every summary), replications.csv (a row per point,
replication and response), a figure per response against the first
factor with its 95% band (curve-<metric>.png), and with two factors or
more a heat map of p_target, or of the first response, over the first
two (heatmap-<metric>.png); and prints a table of the responses.

Points whose factors are all headcounts after a reorganisation
(reorg[i].headcount.<role>) share their warm-up: each replication is
simulated once up to the first reorganisation for a batch of -batch
points, and every point continues from a copy of that state, with results
byte-identical to running each from the start (-no-share does that).

Each point's records are written whole to points/ as soon as its batch
finishes.
Ctrl-C keeps the points finished (the batch running is dropped); running the same command again into the
same folder (the default folder is the same for every run) runs only the
others, and the results are byte-identical to those of an uninterrupted
sweep.

-shard i/n runs block i of n of every point's replications (i may be
'env': SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX), into the same
folder; once every shard is there, sweep -merge (or sweep without -shard,
which runs what is missing) writes the results, byte-identical to a sweep
run on one machine.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &sweepFlags{fs: fs}
			fs.StringVar(&f.out, "out", "", "output `folder` (default "+sweepOutDefault+")")
			fs.StringVar(&f.shard, "shard", "", "run only shard `i/n` of every point's replications")
			fs.BoolVar(&f.merge, "merge", false, "run nothing: write the results of the points in the folder, which must all be complete")
			fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers` (results do not depend on this)")
			fs.IntVar(&f.reps, "reps", 0, "replications per point (default: the file's replications)")
			fs.BoolVar(&f.noPlots, "no-plots", false, "do not draw figures")
			fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
			fs.BoolVar(&f.noProgress, "no-progress", false, "no progress bar even on a terminal")
			fs.BoolVar(&f.noShare, "no-share", false, "run every point from the start, even where the points could share their warm-up")
			fs.IntVar(&f.batch, "batch", 10, "points run together sharing a warm-up (a batch is kept whole or not at all when interrupted)")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return sweepCmd(ctx, env, flags.(*sweepFlags), args)
		},
	})
}

// loadExperiment loads an experiment file named on the command line: a
// file on disk (designs in it relative to it, else built-ins), or the
// name of a built-in experiment.
func loadExperiment(arg string) (*study.File, error) {
	file := localFile(arg)
	if _, err := os.Stat(file); err != nil {
		name := strings.TrimSuffix(strings.TrimPrefix(arg, "builtin:"), ".toml")
		for _, n := range scenarios.ExperimentNames() {
			if n == name {
				p := "experiments/" + n + ".toml"
				b, err := scenarios.Experiments.ReadFile(p)
				if err != nil {
					return nil, err
				}
				return study.Parse(b, "builtin:"+p, study.Options{})
			}
		}
		return nil, fmt.Errorf("%s: no such file, and no built-in experiment of that name (built-ins: %s)", arg, strings.Join(scenarios.ExperimentNames(), ", "))
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	root := filepath.VolumeName(abs) + string(filepath.Separator)
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, err
	}
	f, err := study.Load(os.DirFS(root), filepath.ToSlash(rel), study.Options{Name: file})
	if err != nil {
		return nil, otherKind(err, scenarioKeys, scenarioNote)
	}
	return f, nil
}

func sweepCmd(ctx context.Context, env *cmdEnv, f *sweepFlags, args []string) error {
	if len(args) != 1 {
		return usagef("sweep takes one experiment file (got %d arguments)", len(args))
	}
	if f.workers < 1 || f.workers > maxWorkers {
		return usagef("-workers %d: want a whole number from 1 to %d", f.workers, maxWorkers)
	}
	if flagGiven(f.fs, "reps") && (f.reps < 1 || f.reps > org.MaxReplications) {
		return usagef("-reps %d: want a whole number from 1 to %d (salesim's limit; split a larger run into several with other seeds)", f.reps, org.MaxReplications)
	}
	if f.batch < 1 {
		return usagef("-batch must be at least 1")
	}
	shardI, shardN := 0, 1
	if f.shard != "" {
		if f.merge {
			return usagef("-shard and -merge do not go together: run the shards, then -merge")
		}
		var err error
		if shardI, shardN, err = parseShard(f.shard, env.getenv); err != nil {
			return err
		}
	}
	exp, err := loadExperiment(args[0])
	if err != nil {
		return err
	}
	if f.reps > 0 {
		exp.Replications = f.reps
	}
	dir := f.out
	if dir == "" {
		dir = filepath.Join("results", "sweep", safeName(exp.Name))
	}
	pts, err := exp.Points()
	if err != nil {
		return err
	}
	say := func(format string, a ...any) {
		if !f.quiet {
			fmt.Fprintf(env.stdout, format, a...)
		}
	}
	if !f.merge {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		bar := newProgress(progressTo(env, f.quiet, f.noProgress), exp.Name, len(pts))
		started := time.Now()
		run, err := study.RunSweep(ctx, exp, study.SweepOptions{
			Dir: dir, Shard: shardI, Shards: shardN, Workers: f.workers, Progress: bar.report(),
			NoShare: f.noShare, Batch: f.batch,
		})
		bar.finish()
		if run != nil && run.Kept > 0 {
			say("kept %d points finished before in %s\n", run.Kept, dir)
		}
		if err != nil {
			if errors.Is(err, context.Canceled) && run != nil {
				return fmt.Errorf("interrupted: %d of %d points finished and are kept in %s; run the same command again to run the others", run.Ran+run.Kept, len(pts), dir)
			}
			return err
		}
		reps := fmt.Sprintf("%d replications", exp.Replications)
		if shardN > 1 {
			// A shard runs one block of each point's replications.
			from, to := results.ShardReps(shardI, shardN, exp.Replications)
			reps = fmt.Sprintf("replications %d..%d of %d", from, to-1, exp.Replications)
			if to <= from {
				reps = fmt.Sprintf("none of %d replications (this shard's block is empty)", exp.Replications)
			}
		}
		switch {
		case run.SharedUntil > 0:
			say("ran %d points × %s in %.1fs, sharing each replication's first %s among up to %d points\n",
				run.Ran, reps, time.Since(started).Seconds(), quantity.Span(run.SharedUntil), f.batch)
		default:
			say("ran %d points × %s in %.1fs; %s\n", run.Ran, reps, time.Since(started).Seconds(), run.Note)
		}
		if shardN > 1 {
			if run.Ran == 0 {
				say("wrote nothing: every point in %s has this shard, or all its replications, already; when every shard is there: salesim sweep %s -merge -out %s\n", dir, args[0], dir)
				return nil
			}
			say("wrote shard %d of %d of every point's replications to %s; when every shard is there: salesim sweep %s -merge -out %s\n", shardI, shardN, dir, args[0], dir)
			return nil
		}
	}
	sw, err := study.ReadSweep(exp, dir)
	if err != nil {
		return err
	}
	files := sw.Files()
	if !f.noPlots {
		files = append(files, sw.Figures()...)
	}
	for _, fl := range files {
		if err := writeFile(filepath.Join(dir, fl.Name), fl.Write); err != nil {
			return err
		}
	}
	if f.quiet {
		return nil
	}
	fmt.Fprintf(env.stdout, "%s: %d points × %d replications on common random numbers (seed %d); results in %s\n\n", exp.Name, len(pts), exp.Replications, exp.Seed, dir)
	return sw.WriteTable(env.stdout)
}

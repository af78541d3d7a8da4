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
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/results"
)

func init() {
	register(&command{
		Name:      "run",
		UsageLine: "[FILE[#variant]] [flags]",
		Args:      argScenario,
		Short:     "run Monte Carlo replications of a scenario",
		Long: `
Run simulates a scenario for the given number of replications, in
parallel, and writes the results to a folder: summary.csv,
replications.parquet and replications.csv (see -records), timeseries.csv,
summary.json, the results per person of every post of every role
(people-summary.csv, and people.parquet and people.csv as -records says),
manifest.json, the plots, and report.html with -report. It
prints the file it read with its SHA-256, and the key results with 95%
confidence intervals and exact percentiles; with -json it prints
summary.json instead.

The scenario is a TOML file, or a built-in name such as growth-plan
(default ` + defaultScenario + `). A file NAME.toml in the working directory
is preferred to the built-in NAME (as "salesim init NAME" writes it);
builtin:NAME always names the built-in.

-set key=value overrides a value of the scenario (after its includes and
variant), for the whole run. Overriding a role's headcount that a
reorganisation ([[reorg]] headcount) also sets is refused, naming the
reorganisation's key: set that key as well, or instead.

A design with reorganisations runs beside its status quo (the same design
without them, on the same random numbers): its files go to status-quo/,
the plan's paired differences against it to status-quo.csv; -no-status-quo
leaves it out.

Replication i always uses the random streams of (seed, i), so the output
is byte-identical for any -workers. With -precision the run stops as soon
as the key metrics are precise enough, at the same replication whatever
-workers is. With -shard i/n only a deterministic share of the
replications runs, and its raw records go to a shard file for
'salesim merge'.

Ctrl-C stops the run within a second and writes what finished, marked
partial in the manifest, without the plots and the page ('salesim report
DIR' draws them).`,
		Flags: func(fs *flag.FlagSet) any {
			f := &runFlags{}
			f.register(fs, "run")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return runCmd(ctx, env, flags.(*runFlags), args)
		},
	})
}

func runCmd(ctx context.Context, env *cmdEnv, f *runFlags, args []string) error {
	if len(args) > 1 {
		return usagef("run takes at most one scenario (got %d: %s); use 'salesim compare' for several", len(args), strings.Join(args, " "))
	}
	arg := defaultScenario
	if len(args) == 1 {
		arg = args[0]
	}
	set, err := f.sets()
	if err != nil {
		return err
	}
	d, err := loadDesign(arg, set, env.stderr)
	if err != nil {
		return f.flagNamed(err)
	}
	total := d.Replications()
	if f.precision > 0 {
		total = f.maxReps
	}
	shardI, shardN := 0, 1
	if f.shard != "" {
		for _, fl := range []struct {
			name string
			on   bool
		}{{"-report", f.report}, {"-json", f.json}, {"-records", flagGiven(f.fs, "records")}, {"-lang", flagGiven(f.fs, "lang")}} {
			if fl.on {
				return usagef("%s and -shard do not go together: a shard writes only its shard file; give %s to 'salesim merge'", fl.name, fl.name)
			}
		}
		if f.precision > 0 {
			return usagef("-shard and -precision do not go together: a sharded run needs a fixed -reps; use one or the other")
		}
		if shardI, shardN, err = parseShard(f.shard, env.getenv); err != nil {
			return err
		}
	}
	opt := experiment.Options{
		Seed: d.Seed(), Replications: total, Shard: shardI, Shards: shardN,
		Workers: f.workers, Precision: f.precision, MinReps: f.minReps, Clock: time.Now,
		MaxMemory: limitMemory(f.maxMemory),
	}
	if f.precision > 0 {
		for _, m := range strings.Split(f.precKeys, ",") {
			k := metric.Key{Metric: strings.TrimSpace(m), Role: metric.Department, Period: metric.Total}
			if _, ok := d.Plan.Catalog().Index(k); !ok {
				return usagef("-precision-metrics: no department metric %q%s", k.Metric, suggestMetric(d, k.Metric))
			}
			opt.StopKeys = append(opt.StopKeys, k)
		}
	}
	from, to := results.ShardReps(shardI, shardN, total)
	started := time.Now()
	designs, err := withStatusQuo(d, f.noStatusQuo)
	if err != nil {
		return err
	}
	// The destination is made and checked before the run, so that one
	// that cannot be written fails at once, not after the work.
	var od *outDir
	shardDir := f.out
	if f.shard != "" {
		if shardDir == "" {
			shardDir = filepath.Join("results", safeName(d.Name), fmt.Sprintf("shards-seed%d-reps%d", opt.Seed, total))
		}
		if err := prepareShardDir(shardDir); err != nil {
			return err
		}
	} else {
		od, err = prepareOut(f.out, func(n int) string {
			return filepath.Join("results", safeName(d.Name), runFolderName(started, n))
		}, f.force)
		if err != nil {
			return err
		}
		defer od.abandon() // after a commit, only the empty reservation, if any
	}
	bar := newProgress(progressTo(env, f.quiet, f.noProgress), d.Name, to-from)
	opt.Progress = bar.report()
	out, err := experiment.Run(ctx, designs, opt)
	bar.finish()
	if err != nil && (out == nil || !out.Partial) {
		return err
	}
	done := len(out.Results[0].Records)
	if out.Partial && done == 0 {
		return errors.New("interrupted before any replication finished: nothing written")
	}
	sh := out.Shard(0)
	if f.shard != "" {
		dir := shardDir
		path := filepath.Join(dir, results.ShardName(shardI, shardN))
		if err := writeFile(path, func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
			return err
		}
		if len(designs) > 1 {
			if err := writeStatusQuoShard(dir, out.Shard(1)); err != nil {
				return err
			}
		}
		if !f.quiet && !f.json {
			fmt.Fprintf(env.stdout, "wrote %s: replications %d..%d of %d (%d done) in %.1fs\n",
				path, from, to-1, total, done, out.Wall.Seconds())
		}
		if out.Partial {
			return fmt.Errorf("interrupted: %d of %d replications of the shard finished; %s is marked partial and merge will refuse it", done, to-from, path)
		}
		return nil
	}

	dir := od.tmp
	if err := os.MkdirAll(filepath.Join(dir, "shards"), 0o755); err != nil {
		return err
	}
	shardPath := filepath.Join(dir, "shards", results.ShardName(0, 1))
	if err := writeFile(shardPath, func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
		return err
	}
	// A single-machine run is one shard merged: the same code as 'merge'.
	m, err := experiment.Merge([]*results.Shard{sh}, experiment.MergeOptions{Design: d, Partial: true})
	if err != nil {
		return err
	}
	man := experiment.Manifest{
		Command: append([]string{"salesim", "run"}, os.Args[min(2, len(os.Args)):]...),
		Started: started.UTC().Format(time.RFC3339), Workers: f.workers,
		WallSeconds: out.Wall.Seconds(), Requested: total, Precision: f.precision,
	}
	opts := f.options()
	opts.interrupted = out.Partial
	opts.shownDir = od.final
	if len(designs) > 1 {
		if opts.statusQuo, err = experiment.Merge([]*results.Shard{out.Shard(1)}, experiment.MergeOptions{Design: designs[1], Partial: true}); err != nil {
			return err
		}
	}
	held, flush := heldStdout(env)
	if err := writeRun(held, dir, m, &man, opts); err != nil {
		flush()
		return err
	}
	if err := od.commit(); err != nil {
		flush()
		return err
	}
	flush()
	if out.Partial {
		return fmt.Errorf("interrupted: wrote the %d replications that finished (of %d) to %s, marked partial, without plots ('salesim report %s' draws the page and its figures)", done, total, od.final, od.final)
	}
	return nil
}

// runFolderName names a run's default folder by its start, to the
// second; n > 1 for the n-th run started in the same second.
func runFolderName(started time.Time, n int) string {
	name := started.UTC().Format("20060102-150405")
	if n > 1 {
		name += "-" + strconv.Itoa(n)
	}
	return name
}

// prepareShardDir makes the folder of a shard file and checks that it can
// be written, before the run: many shard tasks share it, so it is neither
// reserved nor renamed, but every shard file is written atomically.
func prepareShardDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-out %s: %w", dir, err)
	}
	cleanStale(dir)
	f, err := os.CreateTemp(dir, ".probe"+tempMark+tempOwner()+"-*")
	if err != nil {
		return fmt.Errorf("-out %s: cannot write a shard file there: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// parseShard reads "i/n" or "env/n".
func parseShard(s string, getenv func(string) string) (i, n int, err error) {
	is, ns, ok := strings.Cut(s, "/")
	if !ok {
		return 0, 0, usagef("-shard %q: want i/n, e.g. 3/16, or env/n", s)
	}
	n, err = strconv.Atoi(ns)
	if err != nil || n < 1 || n > org.MaxReplications {
		return 0, 0, usagef("-shard %q: the shard count n must be a whole number from 1 to %d", s, org.MaxReplications)
	}
	if is == "env" {
		src := ""
		for _, v := range []string{"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"} {
			if x := getenv(v); x != "" {
				is, src = x, v
				break
			}
		}
		if src == "" {
			return 0, 0, errors.New("-shard env/n: neither SLURM_ARRAY_TASK_ID (Slurm job arrays) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) is set; give the index as -shard i/n")
		}
		i, err = strconv.Atoi(is)
		if err != nil || i < 0 || i >= n {
			return 0, 0, fmt.Errorf("-shard env/%d: %s=%q is not an index in [0, %d)", n, src, is, n)
		}
		return i, n, nil
	}
	i, err = strconv.Atoi(is)
	if err != nil || i < 0 || i >= n {
		return 0, 0, usagef("-shard %q: the index must be a whole number in [0, %d)", s, n)
	}
	return i, n, nil
}

// safeName makes a design name usable as a folder name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', '#', ':', ' ':
			return '_'
		}
		return r
	}, s)
}

// parseBytes reads a -max-memory size: a whole number of bytes, or a
// number with a unit KiB, MiB, GiB, TiB (powers of 1024) or kB, MB, GB,
// TB (powers of 1000); 0 is no limit.
func parseBytes(s string) (uint64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"kB", 1e3}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	num, mult := strings.TrimSpace(s), 1.0
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	x, err := strconv.ParseFloat(num, 64)
	if err != nil || !(x >= 0) || x*mult > 1<<50 || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q: want a size such as 512MiB or 4GiB, at most 1 PiB, or 0 for no limit", s)
	}
	if b := uint64(x * mult); b > 0 && b < 16<<20 {
		return 0, fmt.Errorf("%q: want at least 16MiB (salesim itself needs about that much), or 0 for no limit", s)
	}
	return uint64(x * mult), nil
}

// bytesFlag formats a size as -max-memory reads it.
func bytesFlag(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	}
	return strconv.FormatUint(n, 10)
}

// limitMemory sets the collector's soft memory limit to the run's
// -max-memory, so that garbage alone does not take the heap past it, and
// returns it for experiment.Options.MaxMemory.
func limitMemory(n uint64) uint64 {
	if n > 0 {
		debug.SetMemoryLimit(int64(n))
	}
	return n
}

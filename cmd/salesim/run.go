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
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/scenario"
)

// defaultMaxMemory is -max-memory's default: far above any sales
// department's run, and below what a desktop machine or a cluster node
// gives one job.
const defaultMaxMemory = 2 << 30

// maxWorkers bounds -workers: each worker keeps a simulator of every
// design, and more workers than processors only cost memory.
const maxWorkers = 1024

// defaultScenario is what run uses without a file.
const defaultScenario = "growth-plan"

type runFlags struct {
	reps      int
	precision float64
	minReps   int
	maxReps   int
	precKeys  string
	seed      uint64
	seedSet   bool
	workers   int
	out       string
	set       multiFlag
	warmup    string
	horizon   string
	shard     string
	// force: -out may be a folder that is not empty, whose content the
	// run's replaces.
	force bool
	// maxMemory: the heap past which the run stops (0: no limit).
	maxMemory uint64
	// noStatusQuo: run has no status quo beside the design.
	noStatusQuo bool
	// fs is the flag set, to tell a flag given as 0 from one not given.
	fs *flag.FlagSet
	// fromFlag maps an override sets made from a flag to the flag as
	// given, for messages: run.horizon="2y" → -horizon 2y.
	fromFlag map[string]string
	outFlags
}

// outFlags are the flags of what a command that writes a run's files
// writes and prints: run, compare and merge.
type outFlags struct {
	report     bool
	noPlots    bool
	quiet      bool
	noProgress bool
	json       bool
	records    experiment.Records
	lang       labels.Lang
}

// options returns the output options the flags ask for.
func (f *outFlags) options() outputOptions {
	return outputOptions{plots: !f.noPlots, report: f.report, quiet: f.quiet, json: f.json, records: f.records, lang: f.lang}
}

// register registers the output flags; jsonFile is the file -json
// prints, and progress says whether the command has a progress bar.
func (f *outFlags) register(fs *flag.FlagSet, jsonFile string, progress bool) {
	fs.BoolVar(&f.report, "report", false, "also write report.html")
	fs.BoolVar(&f.noPlots, "no-plots", false, "do not draw plots")
	langFlag(fs, &f.lang)
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.json, "json", false, "print "+jsonFile+" on standard output instead of the tables, for scripts")
	if progress {
		fs.BoolVar(&f.noProgress, "no-progress", false, "no progress bar even on a terminal")
	}
	fs.Func("records", fmt.Sprintf("`format` of the per-replication records: auto (replications.parquet, and replications.csv up to %s rows), csv, parquet or both (default auto)", quantity.Count(experiment.CSVRowLimit)), func(s string) error {
		r, err := experiment.ParseRecords(s)
		f.records = r
		return err
	})
}

// Default result folders, as the help of each command states them.
const (
	runOutDefault     = "results/<design>/<YYYYMMDD-HHMMSS>"
	shardOutDefault   = "results/<design>/shards-seed<S>-reps<N>"
	compareOutDefault = "results/compare/<YYYYMMDD-HHMMSS>"
)

// register registers the flags of a run of designs; cmd is "run" (which
// also has -precision and -shard) or "compare".
func (f *runFlags) register(fs *flag.FlagSet, cmd string) {
	f.fs = fs
	fs.IntVar(&f.reps, "reps", 0, "number of replications (default: the scenario's run.replications)")
	if cmd == "run" {
		fs.Float64Var(&f.precision, "precision", 0, "run until the 95% interval of the key metrics is within ±`P` of their mean (e.g. 0.02 for ±2%)")
		fs.IntVar(&f.minReps, "min-reps", 10, "with -precision: replications before the rule is checked")
		fs.IntVar(&f.maxReps, "max-reps", 2000, "with -precision: replications at most")
		fs.StringVar(&f.precKeys, "precision-metrics", "margin,cost", "with -precision: comma-separated department `metrics` whose totals must be precise")
	}
	fs.Func("seed", "master random `seed` (default: the scenario's run.seed)", func(s string) error {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return fmt.Errorf("want a whole number ≥ 0, got %q", s)
		}
		f.seed, f.seedSet = v, true
		return nil
	})
	f.maxMemory = defaultMaxMemory
	fs.Func("max-memory", "stop the run, naming the queue that grew, when its memory (the Go heap) passes `size`, e.g. 512MiB, 4GiB; 0: no limit (default "+bytesFlag(defaultMaxMemory)+")", func(s string) error {
		n, err := parseBytes(s)
		f.maxMemory = n
		return err
	})
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers` (replications run in parallel; results do not depend on this)")
	out := "output `folder` (default " + runOutDefault + "; with -shard " + shardOutDefault + ")"
	if cmd == "compare" {
		out = "output `folder` (default " + compareOutDefault + ")"
	}
	fs.StringVar(&f.out, "out", "", out)
	fs.BoolVar(&f.force, "force", false, "with -out: replace the content of a folder that is not empty (without it, such a folder is refused)")
	fs.Var(&f.set, "set", "override a scenario value, `key=value` (repeatable): -set roles.hunter.pay.salary=35000")
	fs.StringVar(&f.warmup, "warmup", "", "warm-up `duration` excluded from statistics, e.g. 90d (default: the scenario's)")
	fs.StringVar(&f.horizon, "horizon", "", "simulated `duration` after the warm-up, e.g. 2y (default: the scenario's)")
	if cmd == "run" {
		fs.BoolVar(&f.noStatusQuo, "no-status-quo", false, "do not run the status quo (the design without its reorganisations) beside a design that has them")
		fs.StringVar(&f.shard, "shard", "", "run only shard `i/n` of the replications and write its records (i may be 'env': SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX)")
	}
	json := "summary.json"
	if cmd == "compare" {
		json = "comparison.json"
	}
	f.outFlags.register(fs, json, true)
}

// flagGiven reports whether the flag name was given on the command line
// (a -reps 0 is refused, not taken for the default).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	if fs != nil {
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	}
	return given
}

// flagNamed names, in the problems of err, the flag behind an override
// that sets made from one (-horizon 0, not -set run.horizon="0"), and
// returns err.
func (f *runFlags) flagNamed(err error) error {
	for _, p := range scenario.Problems(err) {
		var fe *scenario.FieldError
		if !errors.As(p, &fe) {
			continue
		}
		if expr, ok := strings.CutPrefix(fe.File, "-set "); ok && f.fromFlag[expr] != "" {
			fe.File = f.fromFlag[expr]
		}
	}
	return err
}

// sets returns the scenario overrides implied by the flags, after the
// user's -set values.
func (f *runFlags) sets() ([]string, error) {
	set := append([]string(nil), f.set...)
	for _, d := range []struct{ flag, val, key string }{{"warmup", f.warmup, "run.warmup"}, {"horizon", f.horizon, "run.horizon"}} {
		if d.val == "" {
			continue
		}
		if _, err := dist.ParseHours(d.val); err != nil {
			return nil, usagef("-%s: %v", d.flag, err)
		}
		expr := d.key + "=" + strconv.Quote(d.val)
		set = append(set, expr)
		if f.fromFlag == nil {
			f.fromFlag = map[string]string{}
		}
		f.fromFlag[expr] = "-" + d.flag + " " + d.val
	}
	if f.seedSet {
		set = append(set, fmt.Sprintf("run.seed=%d", f.seed))
	}
	if flagGiven(f.fs, "reps") {
		if f.reps < 1 || f.reps > org.MaxReplications {
			return nil, usagef("-reps %d: want a whole number from 1 to %d (salesim's limit; split a larger run into several with other seeds)", f.reps, org.MaxReplications)
		}
		set = append(set, fmt.Sprintf("run.replications=%d", f.reps))
	}
	if !(f.precision >= 0 && f.precision < 1) {
		return nil, usagef("-precision %v: want a number in (0, 1), e.g. 0.02", f.precision)
	}
	if f.precision > 0 && flagGiven(f.fs, "reps") {
		return nil, usagef("-reps and -precision do not go together: -precision runs from -min-reps up to -max-reps replications; give -max-reps to bound it")
	}
	if f.precision > 0 && (f.minReps < 2 || f.maxReps < f.minReps || f.maxReps > org.MaxReplications) {
		return nil, usagef("-min-reps %d, -max-reps %d: want -min-reps ≥ 2 and -min-reps ≤ -max-reps ≤ %d", f.minReps, f.maxReps, org.MaxReplications)
	}
	if f.workers < 1 || f.workers > maxWorkers {
		return nil, usagef("-workers %d: want a whole number from 1 to %d", f.workers, maxWorkers)
	}
	return set, nil
}

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
		}{{"-report", f.report}, {"-json", f.json}} {
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

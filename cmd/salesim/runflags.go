package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/scenario"
)

// The flags of run and compare: what they are, and the scenario overrides
// and checks they imply.

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
	if f.precision == 0 {
		for _, name := range []string{"min-reps", "max-reps", "precision-metrics"} {
			if flagGiven(f.fs, name) {
				return nil, usagef("-%s works only with -precision (it shapes a run that stops once precise enough); give -precision, or -reps for a fixed count", name)
			}
		}
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

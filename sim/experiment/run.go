package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/replicate"
	"github.com/salesim/salesim/sim/results"
)

// Options say which replications [Run] computes and how.
type Options struct {
	// Seed is the master seed: replication i of every design draws from
	// the streams of (Seed, i).
	Seed uint64
	// Replications is the size of the whole run, N: replications
	// 0..N-1. It must be at least 1.
	Replications int
	// Shard and Shards select the block of the run this call computes
	// (see [ShardReps]); Shards 0 means 1, the whole run.
	Shard, Shards int
	// First, if positive, skips replications 0..First-1: the call
	// computes First..Replications-1, as a sequential procedure adds
	// replications to those it has. It must be below Replications, and
	// does not go with Shards > 1.
	First int
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// Results do not depend on it.
	Workers int

	// Precision, if positive, stops the run at the first replication
	// after which the 95 % interval of every StopKeys measure of every
	// design is within ±Precision of its mean (0.02: ±2 %), but not
	// before MinReps replications (at least 2). Replications is then the
	// most to run. A sharded run cannot stop early.
	Precision float64
	MinReps   int
	StopKeys  []metric.Key

	// MaxMemory, if not 0, stops the run with an [*org.MemoryError] once
	// the Go heap passes this many bytes (see [org.Sim.SetMemoryLimit]).
	MaxMemory uint64

	// SharedUntil, if positive, shares the warm-up: each replication is
	// simulated once up to that time on the first design's plan, and
	// every design continues from a copy of that state ([org.Sim.RunFrom])
	// instead of simulating it again. The caller must make sure every
	// design is the same as the first up to that time (designs that
	// differ only in the headcounts of reorganisations from then on):
	// the records are then bit for bit those of a run without it.
	SharedUntil float64

	// Progress, if not nil, is called after each replication of every
	// design has been delivered, with the number done and the number
	// asked for, on the goroutine that called Run.
	Progress func(done, total int)
	// Clock, if not nil, reads the wall clock for the wall times of the
	// outcome (time.Now); without it they are 0.
	Clock func() time.Time
}

// An Outcome is what [Run] computed.
type Outcome struct {
	// Results holds each design's records, in the order of the designs.
	Results []Result
	// Seed and Replications are those of the options.
	Seed         uint64
	Replications int
	shard        int // which shard of how many this is
	shards       int
	// Precise tells that a precision rule decided the run's size.
	Precise bool
	// Partial tells that the run was cancelled: the records are those of
	// the replications that finished before, the same for every design.
	Partial bool
	// Wall is the wall time of the run, if Options.Clock was set.
	Wall time.Duration
}

// A Result is one design's part of an [Outcome].
type Result struct {
	Design *Design
	// Records are the design's records, in replication order.
	Records []results.Record
	// Wall is this design's share of the outcome's wall time: the wall
	// time split between the designs in proportion to the time their
	// replications took.
	Wall time.Duration
}

// Table returns the summaries of the result's records.
func (r *Result) Table() *results.Table {
	return results.Aggregate(r.Design.Keys(), r.Records)
}

// Run runs replications of a set of designs on parallel workers, each
// worker with its own simulator per design, and returns their records.
//
// Replication i of every design runs on one worker, the designs one after
// another, from the streams of (opt.Seed, i): the designs of a set share
// their random numbers wherever they share what the numbers feed, and
// their records come back together, replication by replication. Records,
// and where a precision rule stops, are the same for any number of
// workers.
//
// If ctx is cancelled, Run returns what finished, with Partial set, and
// ctx's error; the outcome is nil only for an error in the options.
func Run(ctx context.Context, designs []*Design, opt Options) (*Outcome, error) {
	if len(designs) == 0 {
		return nil, errors.New("experiment: no designs to run")
	}
	shards := max(opt.Shards, 1)
	switch {
	case opt.Replications < 1:
		return nil, fmt.Errorf("experiment: %d replications: want at least 1", opt.Replications)
	case opt.Shard < 0 || opt.Shard >= shards:
		return nil, fmt.Errorf("experiment: shard %d of %d", opt.Shard, shards)
	case opt.Precision < 0 || opt.Precision >= 1:
		return nil, fmt.Errorf("experiment: precision %g: want 0, or within (0, 1)", opt.Precision)
	case opt.Precision > 0 && shards > 1:
		return nil, errors.New("experiment: a sharded run cannot stop early: it needs a fixed number of replications")
	case opt.First < 0 || (opt.First > 0 && (opt.First >= opt.Replications || shards > 1)):
		return nil, fmt.Errorf("experiment: first replication %d of %d (in %d shards)", opt.First, opt.Replications, shards)
	case opt.SharedUntil < 0 || math.IsNaN(opt.SharedUntil):
		return nil, fmt.Errorf("experiment: shared warm-up until %g", opt.SharedUntil)
	case opt.Precision > 0 && len(opt.StopKeys) == 0:
		return nil, errors.New("experiment: a precision rule needs the measures it judges (StopKeys)")
	}
	var start time.Time
	if opt.Clock != nil {
		start = opt.Clock()
	}
	reps := ShardReps(opt.Shard, shards, opt.Replications)
	if opt.First > 0 {
		reps = replicate.Range(opt.First, opt.Replications)
	}
	out := &Outcome{Seed: opt.Seed, Replications: opt.Replications, shard: opt.Shard, shards: shards, Precise: opt.Precision > 0}
	aggs := make([]*results.Aggregator, len(designs))
	stop := make([][]int, len(designs)) // per design: the positions of StopKeys in its records
	for i, d := range designs {
		if err := d.check(opt.StopKeys); err != nil {
			return nil, err
		}
		for _, ro := range d.Plan.Config().Reorgs {
			if ro.At < opt.SharedUntil {
				return nil, fmt.Errorf("experiment: design %s reorganises at %gh, before the shared warm-up ends (%gh)", d.Name, ro.At, opt.SharedUntil)
			}
		}
		ks := d.Keys()
		aggs[i] = results.NewAggregator(ks)
		for _, k := range opt.StopKeys {
			j, _ := d.Plan.Catalog().Index(k)
			stop[i] = append(stop[i], j)
		}
		out.Results = append(out.Results, Result{Design: d})
	}
	w := opt.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	// Each worker makes its simulators in its own goroutine, so that their
	// memory comes from its own processor's allocation cache, away from
	// the other workers' (sharing cache lines halves the speed of two).
	sims := make([][]*org.Sim, w)
	// busy[worker][design] is the time the worker spent on the design;
	// only that worker writes it, and it is read after replicate.Run
	// has waited for every worker.
	timed := opt.Clock != nil && len(designs) > 1
	busy := make([][]time.Duration, w)
	warm := make([]*org.Sim, w) // per worker, with SharedUntil: the shared warm-up
	err := replicate.Run(ctx, reps, replicate.Options{Workers: w},
		func(ctx context.Context, worker, rep int) ([]results.Record, error) {
			if sims[worker] == nil {
				sims[worker] = make([]*org.Sim, len(designs))
				busy[worker] = make([]time.Duration, len(designs))
			}
			recs := make([]results.Record, len(designs))
			if opt.SharedUntil > 0 {
				if warm[worker] == nil {
					warm[worker] = org.NewSim(designs[0].Plan)
					warm[worker].SetMemoryLimit(opt.MaxMemory)
				}
				if err := warm[worker].Warm(ctx, opt.Seed, rep, opt.SharedUntil); err != nil {
					return nil, err
				}
			}
			for i, d := range designs {
				if sims[worker][i] == nil {
					sims[worker][i] = org.NewSim(d.Plan)
					sims[worker][i].SetMemoryLimit(opt.MaxMemory)
				}
				var t0 time.Time
				if timed {
					t0 = opt.Clock()
				}
				var r org.Result
				var err error
				if opt.SharedUntil > 0 {
					r, err = sims[worker][i].RunFrom(ctx, warm[worker])
				} else {
					r, err = sims[worker][i].Run(ctx, opt.Seed, rep)
				}
				if err != nil {
					if len(designs) > 1 && ctx.Err() == nil {
						err = fmt.Errorf("%s: %w", d.Name, err)
					}
					return nil, err
				}
				if timed {
					busy[worker][i] += opt.Clock().Sub(t0)
				}
				recs[i] = results.Record{Rep: rep, Events: r.Events, Values: r.Values, People: r.People}
			}
			return recs, nil
		},
		// The sink runs on this goroutine (replicate.Sink), one
		// replication at a time: the aggregators and records need no lock.
		func(rep int, recs []results.Record) error {
			precise := opt.Precision > 0 && len(out.Results[0].Records)+1 >= max(opt.MinReps, 2)
			for i, r := range recs {
				out.Results[i].Records = append(out.Results[i].Records, r)
				aggs[i].Add(r)
				precise = precise && aggs[i].Precise(stop[i], opt.Precision)
			}
			if opt.Progress != nil {
				opt.Progress(len(out.Results[0].Records), len(reps))
			}
			if precise {
				return replicate.ErrStop
			}
			return nil
		})
	if opt.Clock != nil {
		out.Wall = opt.Clock().Sub(start)
	}
	out.share(busy)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			out.Partial = true
		}
		return out, err
	}
	return out, nil
}

// share splits the wall time between the designs in proportion to the
// time their replications took on every worker.
func (o *Outcome) share(busy [][]time.Duration) {
	total := make([]time.Duration, len(o.Results))
	var sum time.Duration
	for _, b := range busy {
		for i, d := range b {
			total[i] += d
			sum += d
		}
	}
	for i := range o.Results {
		o.Results[i].Wall = o.Wall
		if len(o.Results) > 1 {
			o.Results[i].Wall = 0
			if sum > 0 {
				o.Results[i].Wall = time.Duration(float64(o.Wall) * float64(total[i]) / float64(sum))
			}
		}
	}
}

// ShardReps returns the replications shard i of n computes in a run of
// total replications: the contiguous block [i·total/n, (i+1)·total/n)
// (see [results.ShardReps]). The shards of a run cover it exactly once.
func ShardReps(i, n, total int) []int {
	from, to := results.ShardReps(i, n, total)
	return replicate.Range(from, to)
}

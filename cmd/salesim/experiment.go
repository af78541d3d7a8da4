package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/replicate"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/scenario"
)

// design is a loaded, compiled scenario ready to run.
type design struct {
	sc   *scenario.Scenario
	plan *org.Plan
	name string // for folders and tables: name, or name#variant
}

// loadDesign loads and compiles one scenario argument with overrides.
func loadDesign(arg string, set []string, stderr io.Writer) (*design, error) {
	sc, err := scenario.LoadArg(arg, scenario.Options{Set: set})
	if err != nil {
		return nil, err
	}
	for _, w := range sc.Warnings {
		fmt.Fprintln(stderr, "salesim: warning:", w)
	}
	plan, err := org.Compile(sc.Config)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	name := sc.Name
	if sc.Variant != "" {
		name += "#" + sc.Variant
	}
	return &design{sc: sc, plan: plan, name: name}, nil
}

// keys converts a plan's catalog to result keys.
func keys(p *org.Plan) []metric.Key {
	cat := p.Catalog()
	ks := make([]metric.Key, len(cat.Keys))
	for i, k := range cat.Keys {
		ks[i] = metric.Key(k)
	}
	return ks
}

// experiment is how replications are run.
type experiment struct {
	seed      uint64
	reps      []int
	workers   int
	precision float64 // stop when key metrics are within ±precision (relative); 0: run all reps
	minReps   int
	stopKeys  []metric.Key // the key metrics of the precision rule
	progress  io.Writer    // progress bar destination, or nil
	label     string
}

// outcome is what running an experiment produced.
type outcome struct {
	records []results.Record
	agg     *results.Aggregator
	wall    time.Duration
	partial bool // interrupted: fewer replications than asked
	err     error
}

// runDesign runs the experiment's replications of a design, in parallel,
// each worker with its own simulator. It keeps what finished if ctx is
// cancelled (outcome.partial) and reports the cancellation in outcome.err.
func runDesign(ctx context.Context, d *design, ex experiment) outcome {
	start := time.Now()
	ks := keys(d.plan)
	agg := results.NewAggregator(ks)
	var stopIdx []int
	for _, k := range ex.stopKeys {
		for i, kk := range ks {
			if kk == k {
				stopIdx = append(stopIdx, i)
			}
		}
	}
	w := ex.workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	// Each worker makes its simulator in its own goroutine, so that its
	// memory comes from its own processor's allocation cache, away from
	// the other workers' (sharing cache lines halves the speed of two).
	sims := make([]*org.Sim, w)
	var mu sync.Mutex
	var bar *progressbar.ProgressBar
	if ex.progress != nil {
		bar = progressbar.NewOptions(len(ex.reps),
			progressbar.OptionSetWriter(ex.progress),
			progressbar.OptionSetDescription(ex.label),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("reps"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	var recs []results.Record
	err := replicate.Run(ctx, ex.reps, replicate.Options{Workers: w},
		func(ctx context.Context, worker, rep int) (results.Record, error) {
			if sims[worker] == nil {
				sims[worker] = org.NewSim(d.plan)
			}
			r, err := sims[worker].Run(ctx, ex.seed, rep)
			if err != nil {
				return results.Record{}, err
			}
			return results.Record{Rep: rep, Events: r.Events, Values: r.Values}, nil
		},
		func(rep int, r results.Record) error {
			mu.Lock()
			defer mu.Unlock()
			recs = append(recs, r)
			agg.Add(r)
			if bar != nil {
				bar.Add(1)
			}
			if ex.precision > 0 && agg.N() >= max(ex.minReps, 2) && agg.Precise(stopIdx, ex.precision) {
				return replicate.ErrStop
			}
			return nil
		})
	if bar != nil {
		bar.Finish()
	}
	o := outcome{records: recs, agg: agg, wall: time.Since(start), err: err}
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		o.partial = true
	}
	return o
}

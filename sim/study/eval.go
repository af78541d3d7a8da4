package study

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/scenario"
)

// A Point is one design of a study: a base design (its position in
// File.Designs) and a value for every factor, in the order of
// File.Factors.
type Point struct {
	Design int
	Values []float64
}

// Overrides returns the -set overrides that make the point from its base
// design: the file's set, then "key=value" for each factor in order.
func (f *File) Overrides(p Point) []string {
	set := append([]string(nil), f.Set...)
	for i, fc := range f.Factors {
		set = append(set, fc.Key+"="+format(p.Values[i], fc.Integer))
	}
	return set
}

// Label names a point in tables and folders: its base design if the file
// has several, and factor=value for each factor.
func (f *File) Label(p Point) string {
	var parts []string
	if len(f.Designs) > 1 {
		parts = append(parts, f.Designs[p.Design])
	}
	for i, fc := range f.Factors {
		parts = append(parts, fc.Key+"="+format(p.Values[i], fc.Integer))
	}
	if len(parts) == 0 {
		return f.Designs[p.Design]
	}
	return strings.Join(parts, " ")
}

// Scenario loads the point's design as `run -set` would, from the text
// of its base design as loaded.
func (f *File) Scenario(p Point) (*scenario.Scenario, error) {
	if p.Design < 0 || p.Design >= len(f.bases) || len(p.Values) != len(f.Factors) {
		return nil, fmt.Errorf("study: point %+v does not fit %s (%d designs, %d factors)", p, f.Name, len(f.bases), len(f.Factors))
	}
	return fromBase(f.bases[p.Design], f.Overrides(p))
}

// Design compiles the point's design. Its Name is the point's label.
func (f *File) Design(p Point) (*experiment.Design, error) {
	sc, err := f.Scenario(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Label(p), err)
	}
	d, err := experiment.NewDesign(sc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Label(p), err)
	}
	d.Name = f.Label(p)
	return d, nil
}

// Base returns the loaded scenario of base design i, with the file's
// set applied.
func (f *File) Base(i int) *scenario.Scenario { return f.bases[i] }

// Points returns the points of the file's plan: every base design
// crossed with a factorial grid (the last factor varying fastest), a
// Latin hypercube, or the points listed.
func (f *File) Points() ([]Point, error) {
	var grid [][]float64
	switch f.Plan.Kind {
	case "factorial":
		grid = [][]float64{{}}
		for _, fc := range f.Factors {
			lv := fc.levels()
			if lv == nil {
				return nil, &scenario.FieldError{File: f.Path, Line: fc.Line, Key: "factor", Value: fc.Key,
					Msg: fmt.Sprintf("a factorial plan needs levels of %s: give points = N (or step) for a real range", fc.Key)}
			}
			var next [][]float64
			for _, g := range grid {
				for _, x := range lv {
					next = append(next, append(append([]float64(nil), g...), x))
				}
			}
			grid = next
		}
	case "lhs":
		grid = f.hypercube(f.Plan.N)
	case "points":
		grid = f.Plan.Points
	default:
		return nil, fmt.Errorf("study: unknown plan kind %q", f.Plan.Kind)
	}
	var pts []Point
	for d := range f.Designs {
		for _, g := range grid {
			pts = append(pts, Point{Design: d, Values: append([]float64(nil), g...)})
		}
	}
	return pts, nil
}

// hypercube returns n points of a Latin hypercube over the factors,
// from a stream seeded by the file's seed: each factor's range is cut
// into n strata of equal width, each stratum holds one point, at a
// uniform place within it. An integer factor takes the whole number of
// the stratum of [min-0.5, max+0.5] the place falls in; a factor with
// levels takes the level of [0, len) the place falls in.
func (f *File) hypercube(n int) [][]float64 {
	// The stream of the plan is apart from every replication's: those
	// are keyed by (seed, replication).
	rng := rand.New(rand.NewPCG(f.Seed, 0x5ee9_1a7e_c0be))
	pts := make([][]float64, n)
	for i := range pts {
		pts[i] = make([]float64, len(f.Factors))
	}
	for j, fc := range f.Factors {
		perm := rng.Perm(n)
		for i := range pts {
			u := (float64(perm[i]) + rng.Float64()) / float64(n)
			var x float64
			switch {
			case fc.Levels != nil:
				x = fc.Levels[min(int(u*float64(len(fc.Levels))), len(fc.Levels)-1)]
			case fc.Integer:
				x = math.Floor(fc.Min + u*(fc.Max-fc.Min+1))
				x = math.Min(x, fc.Max)
			default:
				x = fc.Min + u*(fc.Max-fc.Min)
			}
			pts[i][j] = x
		}
	}
	return pts
}

// EvalOptions say which replications [File.Evaluate] runs.
type EvalOptions struct {
	// First and Replications: replications First..Replications-1 of each
	// point (Replications 0: the file's).
	First, Replications int
	// Shard and Shards select a block of them (see [experiment.ShardReps]),
	// without First.
	Shard, Shards int
	// Workers is the number of goroutines; 0: GOMAXPROCS.
	Workers int
	// Progress is as in [experiment.Options].
	Progress func(done, total int)
	// NoShare runs every point from the start even where the points
	// could share their warm-up ([File.SharedWarmup]); the records are
	// the same either way.
	NoShare bool
}

// Evaluate compiles points and runs them together through
// [experiment.Run] on common random numbers: replication i of every
// point uses the streams of (File.Seed, i). The outcome's results are in
// the order of points, each design named by its label. Points of one
// base design that can share their warm-up ([File.SharedWarmup]) do,
// unless opt.NoShare: the records are the same, bit for bit.
func (f *File) Evaluate(ctx context.Context, points []Point, opt EvalOptions) (*experiment.Outcome, error) {
	if len(points) == 0 {
		return nil, errors.New("study: no points to evaluate")
	}
	ds := make([]*experiment.Design, len(points))
	for i, p := range points {
		d, err := f.Design(p)
		if err != nil {
			return nil, err
		}
		ds[i] = d
	}
	reps := opt.Replications
	if reps == 0 {
		reps = f.Replications
	}
	at, _ := f.SharedWarmup()
	for _, p := range points {
		if opt.NoShare || p.Design != points[0].Design {
			at = 0
		}
	}
	if at > 0 {
		at = firstReorg(ds) // as run: File.Set may have changed since Load
	}
	return experiment.Run(ctx, ds, experiment.Options{
		Seed: f.Seed, Replications: reps, First: opt.First, Shard: opt.Shard, Shards: opt.Shards,
		Workers: opt.Workers, Progress: opt.Progress, SharedUntil: at,
	})
}

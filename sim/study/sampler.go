package study

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/replicate"
)

// A Sampler runs replications of the points of a search or a screening on
// common random numbers: replication i of every point draws from the
// random streams of (seed, i), so the outputs of two points in the same
// replication are paired.
type Sampler interface {
	// Sample returns the outputs of replications [from, to) of point x,
	// one slice of outputs per replication, in replication order.
	Sample(ctx context.Context, x []float64, from, to int) ([][]float64, error)
}

// A BatchSampler samples several points at once, sharing what work it
// can between them; the outputs of each point are those of Sample.
type BatchSampler interface {
	Sampler
	// SampleBatch returns, for each point of xs, the outputs of
	// replications [from, to).
	SampleBatch(ctx context.Context, xs [][]float64, from, to int) ([][][]float64, error)
}

// A DesignSampler is the [Sampler] of salesim designs: point x is the
// design Build(x) returns, and a replication's outputs are the values of
// Outputs in its record.
type DesignSampler struct {
	// Build makes the design of a point, typically by loading the base
	// scenario with the point's values as -set overrides.
	Build func(x []float64) (*experiment.Design, error)
	// Outputs are the measures returned per replication, in order.
	Outputs []metric.Key
	// Seed is the master seed.
	Seed uint64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// Outputs do not depend on it.
	Workers int

	mu      sync.Mutex
	designs map[string]*sampled
	// file, if set, runs batches through [File.Evaluate], which shares
	// the warm-up of points that differ only after a reorganisation.
	file *File
}

// SampleBatch runs replications [from, to) of several points: through
// the experiment file's [File.Evaluate] when the sampler was made from
// one (points of one base design share their warm-up where they can, bit
// for bit the same records), else one point after another.
func (s *DesignSampler) SampleBatch(ctx context.Context, xs [][]float64, from, to int) ([][][]float64, error) {
	out := make([][][]float64, len(xs))
	if s.file == nil {
		for i, x := range xs {
			o, err := s.Sample(ctx, x, from, to)
			if err != nil {
				return nil, err
			}
			out[i] = o
		}
		return out, nil
	}
	pts := make([]Point, len(xs))
	for i, x := range xs {
		pts[i] = Point{Design: 0, Values: x}
	}
	res, err := s.file.Evaluate(ctx, pts, EvalOptions{First: from, Replications: to, Workers: s.Workers})
	if err != nil {
		return nil, err
	}
	if len(res.Results) != len(xs) {
		return nil, fmt.Errorf("study: evaluated %d points, want %d", len(res.Results), len(xs))
	}
	for i, r := range res.Results {
		if len(r.Records) != to-from {
			return nil, fmt.Errorf("study: %d replications of %s, want %d", len(r.Records), r.Design.Name, to-from)
		}
		idx := make([]int, len(s.Outputs))
		for k, o := range s.Outputs {
			j, ok := r.Design.Plan.Catalog().Index(o)
			if !ok {
				return nil, fmt.Errorf("design %s records no measure %s", r.Design.Name, o)
			}
			idx[k] = j
		}
		for _, rec := range r.Records {
			v := make([]float64, len(idx))
			for k, j := range idx {
				v[k] = rec.Values[j]
			}
			out[i] = append(out[i], v)
		}
	}
	return out, nil
}

// sampled is a built design and the positions of the outputs in its
// records.
type sampled struct {
	d   *experiment.Design
	idx []int
}

// pointKey names a point for the design cache.
func pointKey(x []float64) string {
	var b strings.Builder
	for i, v := range x {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	return b.String()
}

// design returns the design of point x, built once.
func (s *DesignSampler) design(x []float64) (*sampled, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := pointKey(x)
	if d, ok := s.designs[k]; ok {
		return d, nil
	}
	d, err := s.Build(x)
	if err != nil {
		return nil, err
	}
	e := &sampled{d: d}
	for _, o := range s.Outputs {
		j, ok := d.Plan.Catalog().Index(o)
		if !ok {
			return nil, fmt.Errorf("design %s records no measure %s", d.Name, o)
		}
		e.idx = append(e.idx, j)
	}
	if s.designs == nil {
		s.designs = map[string]*sampled{}
	}
	s.designs[k] = e
	return e, nil
}

// Design returns the design of point x (built once and kept).
func (s *DesignSampler) Design(x []float64) (*experiment.Design, error) {
	e, err := s.design(x)
	if err != nil {
		return nil, err
	}
	return e.d, nil
}

// Sample runs replications [from, to) of the design of x on the sampler's
// workers, each with its own simulator.
func (s *DesignSampler) Sample(ctx context.Context, x []float64, from, to int) ([][]float64, error) {
	e, err := s.design(x)
	if err != nil {
		return nil, err
	}
	if to <= from {
		return nil, nil
	}
	w := s.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	w = min(w, to-from)
	sims := make([]*org.Sim, w)
	out := make([][]float64, 0, to-from)
	err = replicate.Run(ctx, replicate.Range(from, to), replicate.Options{Workers: w},
		func(ctx context.Context, worker, rep int) ([]float64, error) {
			if sims[worker] == nil {
				sims[worker] = org.NewSim(e.d.Plan)
			}
			r, err := sims[worker].Run(ctx, s.Seed, rep)
			if err != nil {
				return nil, err
			}
			v := make([]float64, len(e.idx))
			for i, j := range e.idx {
				v[i] = r.Values[j]
			}
			return v, nil
		},
		func(rep int, v []float64) error {
			out = append(out, v)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}

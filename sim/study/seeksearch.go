package study

import (
	"context"
	"fmt"
	"slices"
)

// classify returns the candidate of x, testing it or, under the monotone
// assumption, classing it from a dominating or dominated design.
func (sk *seeker) classify(ctx context.Context, x []int) (*SeekCandidate, error) {
	if c, ok := sk.cands[key(x)]; ok {
		return c, nil
	}
	var c *SeekCandidate
	if sk.p.Monotone {
		for _, d := range sk.res.Candidates {
			if d.ImpliedBy != nil {
				continue
			}
			switch {
			case d.Class == "feasible" && dominates(x, d.X):
				c = &SeekCandidate{X: slices.Clone(x), Class: "feasible", ImpliedBy: d.X}
			case d.Class == "infeasible" && dominates(d.X, x):
				c = &SeekCandidate{X: slices.Clone(x), Class: "infeasible", ImpliedBy: d.X}
			}
			if c != nil {
				break
			}
		}
	}
	if c == nil {
		var err error
		if c, err = sk.test(ctx, x); err != nil {
			return nil, err
		}
	}
	sk.cands[key(x)] = c
	sk.res.Candidates = append(sk.res.Candidates, c)
	return c, nil
}

// dominates reports whether a ≥ b in every factor.
func dominates(a, b []int) bool {
	for i := range a {
		if a[i] < b[i] {
			return false
		}
	}
	return true
}

// explore classes the designs of the box.
func (sk *seeker) explore(ctx context.Context) error {
	p := sk.p
	n := len(p.Factors)
	if p.Monotone {
		top := make([]int, n)
		for i, f := range p.Factors {
			top[i] = f.Max
		}
		if _, err := sk.classify(ctx, top); err != nil {
			return err
		}
	}
	// Lines along the last factor, for every combination of the others.
	prefix := make([]int, n)
	for i, f := range p.Factors {
		prefix[i] = f.Min
	}
	last := p.Factors[n-1]
	for {
		if p.Monotone {
			if err := sk.bisect(ctx, prefix, last.Min, last.Max); err != nil {
				return err
			}
		} else {
			if err := sk.prefetch(ctx, prefix, last.Min, last.Max); err != nil {
				return err
			}
			for v := last.Min; v <= last.Max; v++ {
				x := slices.Clone(prefix)
				x[n-1] = v
				if _, err := sk.classify(ctx, x); err != nil {
					return err
				}
			}
		}
		// Next combination of the factors before the last.
		i := n - 2
		for ; i >= 0; i-- {
			if prefix[i] < p.Factors[i].Max {
				prefix[i]++
				break
			}
			prefix[i] = p.Factors[i].Min
		}
		if i < 0 {
			return nil
		}
	}
}

// bisect classes the points of a line from lo to hi in the last factor,
// by bisection under the monotone assumption.
func (sk *seeker) bisect(ctx context.Context, prefix []int, lo, hi int) error {
	if lo > hi {
		return nil
	}
	mid := lo + (hi-lo)/2
	x := slices.Clone(prefix)
	x[len(x)-1] = mid
	c, err := sk.classify(ctx, x)
	if err != nil {
		return err
	}
	switch c.Class {
	case "feasible":
		if err := sk.bisect(ctx, prefix, lo, mid-1); err != nil {
			return err
		}
		// Everything above is feasible by implication: class it, so
		// that the selection sees it.
		for v := mid + 1; v <= hi; v++ {
			y := slices.Clone(prefix)
			y[len(y)-1] = v
			if _, err := sk.classify(ctx, y); err != nil {
				return err
			}
		}
		return nil
	case "infeasible":
		for v := lo; v < mid; v++ {
			y := slices.Clone(prefix)
			y[len(y)-1] = v
			if _, err := sk.classify(ctx, y); err != nil {
				return err
			}
		}
		return sk.bisect(ctx, prefix, mid+1, hi)
	}
	if err := sk.bisect(ctx, prefix, lo, mid-1); err != nil {
		return err
	}
	return sk.bisect(ctx, prefix, mid+1, hi)
}

// prefetch runs the first stage of every design of a line at once when
// the sampler can share work between them (a [BatchSampler]: designs that
// differ only after a reorganisation simulate each replication's warm-up
// once). The outputs are those Sample would give, so the search decides
// exactly as without it.
func (sk *seeker) prefetch(ctx context.Context, prefix []int, lo, hi int) error {
	b, ok := sk.s.(BatchSampler)
	if !ok || hi <= lo {
		return nil
	}
	var xs [][]float64
	var keys []string
	for v := lo; v <= hi; v++ {
		x := slices.Clone(prefix)
		x[len(x)-1] = v
		if _, done := sk.cands[key(x)]; done {
			continue
		}
		xs = append(xs, floats(x))
		keys = append(keys, key(x))
	}
	if len(xs) < 2 {
		return nil
	}
	out, err := b.SampleBatch(ctx, xs, 0, sk.p.Initial)
	if err != nil {
		return err
	}
	if len(out) != len(xs) {
		return fmt.Errorf("seek: batch sampler returned %d points, want %d", len(out), len(xs))
	}
	for i, k := range keys {
		if len(out[i]) != sk.p.Initial {
			return fmt.Errorf("seek: batch sampler returned %d replications, want %d", len(out[i]), sk.p.Initial)
		}
		sk.pre[k] = out[i]
	}
	return nil
}

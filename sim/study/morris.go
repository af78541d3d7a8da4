package study

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// A MorrisInput is an input screened by [Morris]: a factor's key and
// range; an integer input takes whole numbers only.
type MorrisInput struct {
	Key      string
	Min, Max float64
	Integer  bool
}

// MorrisOptions are the options of [Morris].
type MorrisOptions struct {
	// Trajectories is r, the number of one-at-a-time paths (≥ 2);
	// Levels is p, the number of grid levels of each input's range (≥ 2;
	// even is best: the step Δ = p/(2(p−1)) then reaches every level
	// equally often).
	Trajectories, Levels int
	// Repeats is the number of times the base point (every input at the
	// middle of its range) is run, each on its own block of replications,
	// to measure the replication noise of each response (0 or ≥ 2).
	Repeats int
	// Replications is the number of replications of each point, on
	// common random numbers: replications 0..Replications−1.
	Replications int
	// Seed seeds the trajectories and the bootstrap; the replications'
	// streams are the sampler's.
	Seed uint64
	// Progress, if not nil, is called after each point with the number
	// of points done and planned.
	Progress func(done, total int)
}

// A MorrisResult holds the elementary effects of every input on every
// response, summarised, and the replication noise of each response.
type MorrisResult struct {
	Inputs    []MorrisInput
	Responses []string
	Options   MorrisOptions
	// Effects[r][i] summarises the effects of input i on response r.
	Effects [][]MorrisEffect
	// Noise[r] is the replication noise of response r.
	Noise []MorrisNoise
	// Points is the number of distinct points run; Replications the
	// replications spent.
	Points, Replications int
}

// A MorrisEffect summarises the r elementary effects of one input on one
// response. An elementary effect is the change of the response's mean
// over the point's replications when the input alone moves, divided by
// the move as a fraction of the input's range: the response's change per
// whole range, in the response's unit.
type MorrisEffect struct {
	// MuStar is the mean absolute effect (Campolongo, Cariboni & Saltelli
	// 2007), the measure of importance; Mu the mean effect (its sign
	// says the direction); Sigma the standard deviation of the effects
	// (interactions and non-linearity).
	MuStar, Mu, Sigma float64
	// MuStarLo, MuStarHi and SigmaLo, SigmaHi are 95 % percentile
	// bootstrap intervals over the trajectories.
	MuStarLo, MuStarHi, SigmaLo, SigmaHi float64
	// NoiseSE is the replication noise of one elementary effect: the root
	// mean square of the standard errors of the effects, each from the
	// paired differences of its two points' replications (common random
	// numbers), in the effects' unit.
	NoiseSE float64
	// NoiseLevel is the 95th percentile of μ* for an input without
	// effect: the mean absolute value of r effects that are replication
	// noise alone, each normal with its measured standard error
	// (simulated). Noise tells that the effect is not distinguishable
	// from replication noise: μ* ≤ NoiseLevel (a one-sided test at 5 %).
	NoiseLevel float64
	Noise      bool
	// N is the number of effects (trajectories where the input moved).
	N int
}

// MorrisNoise is the replication noise of a response, measured at the
// base point.
type MorrisNoise struct {
	// SD is the standard deviation of the mean of Replications
	// replications, over the Repeats blocks of the base point, with its
	// 95 % chi-square interval; NaN without repeats.
	SD, SDLo, SDHi float64
	// RepSD is the standard deviation of single replications at the
	// base point (block 0).
	RepSD float64
	// Base is the response's mean at the base point over every block.
	Base float64
}

// Check validates the options.
func (o MorrisOptions) check() error {
	var errs []error
	if o.Trajectories < 2 {
		errs = append(errs, fmt.Errorf("trajectories %d: want at least 2", o.Trajectories))
	}
	if o.Levels < 2 {
		errs = append(errs, fmt.Errorf("levels %d: want at least 2", o.Levels))
	}
	if o.Repeats == 1 || o.Repeats < 0 {
		errs = append(errs, fmt.Errorf("repeats %d: want 0 or at least 2", o.Repeats))
	}
	if o.Replications < 1 {
		errs = append(errs, fmt.Errorf("replications %d: want at least 1", o.Replications))
	}
	return errors.Join(errs...)
}

// Morris screens inputs by elementary effects (Morris 1991,
// "Factorial sampling plans for preliminary computational experiments",
// Technometrics 33(2):161–174; μ* of Campolongo, Cariboni & Saltelli
// 2007): r trajectories on a grid of p levels per input, each moving one
// input at a time by Δ = p/(2(p−1)) of its range, so (k+1)·r points for k
// inputs. Every point runs replications 0..R−1 of the sampler, so the two
// points of an effect are paired on common random numbers, and each
// effect's replication noise is measured from its paired differences;
// the base point, run Repeats times on disjoint blocks of replications,
// measures each response's noise directly. μ* and σ carry bootstrap
// intervals over the trajectories, and an effect that cannot be told
// from replication noise is flagged: μ* no larger than the 95th
// percentile of μ* for an input without effect, whose effects would be
// noise alone with the standard errors measured. Integer inputs are rounded to the
// nearest whole number, and effects divide by the move after rounding.
//
// The sampler's outputs are the responses, in order; points are passed
// to it as values in the order of inputs.
func Morris(ctx context.Context, inputs []MorrisInput, responses []string, opt MorrisOptions, s Sampler) (*MorrisResult, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if len(inputs) == 0 {
		return nil, errors.New("sensitivity needs at least one factor")
	}
	for _, in := range inputs {
		if !(in.Max > in.Min) {
			return nil, fmt.Errorf("factor %s: range [%g, %g] is empty: want min < max", in.Key, in.Min, in.Max)
		}
	}
	k, r, p, R := len(inputs), opt.Trajectories, opt.Levels, opt.Replications
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6d6f_7272_6973))
	delta := float64(p) / (2 * float64(p-1))
	// trajectories[t][j] is the grid position (a fraction of the range)
	// of point j of trajectory t; moved[t][j] the input point j+1 moved.
	traj := make([][][]float64, r)
	moved := make([][]int, r)
	for t := range r {
		x := make([]float64, k)
		dir := make([]float64, k)
		// Levels 0..⌊p/2⌋−1 can move up by Δ and stay within the range
		// (exactly on the grid for even p).
		low := p / 2
		for i := range k {
			lv := rng.IntN(low)
			x[i] = float64(lv) / float64(p-1)
			dir[i] = 1
			if x[i]+delta > 1+1e-12 {
				x[i] = 1 - delta
			}
			if rng.IntN(2) == 0 {
				dir[i] = -1
				x[i] += delta
			}
		}
		order := rng.Perm(k)
		traj[t] = append(traj[t], slices.Clone(x))
		for _, i := range order {
			x[i] += dir[i] * delta
			traj[t] = append(traj[t], slices.Clone(x))
			moved[t] = append(moved[t], i)
		}
	}
	value := func(i int, u float64) float64 {
		in := inputs[i]
		v := in.Min + math.Max(0, math.Min(1, u))*(in.Max-in.Min)
		if in.Integer {
			v = math.Round(v)
		}
		return v
	}
	point := func(u []float64) []float64 {
		x := make([]float64, k)
		for i := range k {
			x[i] = value(i, u[i])
		}
		return x
	}
	res := &MorrisResult{Inputs: inputs, Responses: responses, Options: opt}
	cache := map[string][][]float64{}
	total := r*(k+1) + max(opt.Repeats-1, 0)
	done := 0
	run := func(x []float64, from int) ([][]float64, error) {
		key := pointKey(x) + fmt.Sprintf("@%d", from)
		if out, ok := cache[key]; ok {
			return out, nil
		}
		out, err := s.Sample(ctx, x, from, from+R)
		if err != nil {
			return nil, err
		}
		if len(out) != R {
			return nil, fmt.Errorf("sensitivity: sampler returned %d replications, want %d", len(out), R)
		}
		for _, o := range out {
			if len(o) != len(responses) {
				return nil, fmt.Errorf("sensitivity: sampler returned %d outputs, want %d", len(o), len(responses))
			}
		}
		cache[key] = out
		res.Points++
		res.Replications += R
		return out, nil
	}
	tick := func() {
		done++
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
	}
	// Elementary effects, per response, input and trajectory; NaN where
	// rounding left the input where it was.
	nr := len(responses)
	ee := make([][][]float64, nr)
	se := make([][][]float64, nr)
	for o := range nr {
		ee[o] = make([][]float64, k)
		se[o] = make([][]float64, k)
	}
	for t := range r {
		prev, err := run(point(traj[t][0]), 0)
		if err != nil {
			return nil, err
		}
		tick()
		for j, i := range moved[t] {
			a, b := point(traj[t][j]), point(traj[t][j+1])
			cur, err := run(b, 0)
			if err != nil {
				return nil, err
			}
			tick()
			dx := (b[i] - a[i]) / (inputs[i].Max - inputs[i].Min)
			for o := range nr {
				if dx == 0 {
					continue
				}
				d := make([]float64, R)
				var m float64
				for q := range R {
					d[q] = cur[q][o] - prev[q][o]
					m += d[q]
				}
				m /= float64(R)
				ee[o][i] = append(ee[o][i], m/dx)
				sev := math.NaN()
				if R >= 2 {
					sev = math.Sqrt(variance(d)/float64(R)) / math.Abs(dx)
				}
				se[o][i] = append(se[o][i], sev)
			}
			prev = cur
		}
	}
	// The base point, on Repeats disjoint blocks.
	base := make([]float64, k)
	for i := range k {
		base[i] = value(i, 0.5)
	}
	blocks := max(opt.Repeats, 1)
	means := make([][]float64, nr)
	for b := range blocks {
		out, err := run(base, b*R)
		if err != nil {
			return nil, err
		}
		if b > 0 {
			tick()
		}
		for o := range nr {
			var m float64
			for _, v := range out {
				m += v[o]
			}
			means[o] = append(means[o], m/float64(R))
			if b == 0 {
				res.Noise = append(res.Noise, MorrisNoise{RepSD: math.NaN()})
				if R >= 2 {
					col := make([]float64, R)
					for q, v := range out {
						col[q] = v[o]
					}
					res.Noise[o].RepSD = math.Sqrt(variance(col))
				}
			}
		}
	}
	for o := range nr {
		n := &res.Noise[o]
		var m float64
		for _, v := range means[o] {
			m += v
		}
		n.Base = m / float64(len(means[o]))
		n.SD, n.SDLo, n.SDHi = math.NaN(), math.NaN(), math.NaN()
		if len(means[o]) >= 2 {
			v := variance(means[o])
			df := float64(len(means[o]) - 1)
			chi := distuv.ChiSquared{K: df}
			n.SD = math.Sqrt(v)
			n.SDLo = math.Sqrt(df * v / chi.Quantile(0.975))
			n.SDHi = math.Sqrt(df * v / chi.Quantile(0.025))
		}
	}
	// Summaries with bootstrap intervals over trajectories.
	boot := rand.New(rand.NewPCG(opt.Seed, 0xb007_57a9))
	res.Effects = make([][]MorrisEffect, nr)
	for o := range nr {
		for i := range k {
			res.Effects[o] = append(res.Effects[o], summariseEffects(ee[o][i], se[o][i], res.Noise[o], boot))
		}
	}
	return res, nil
}

// bootstraps is the number of bootstrap resamples.
const bootstraps = 2000

// summariseEffects returns the summary of one input's effects on one
// response.
func summariseEffects(ee, se []float64, noise MorrisNoise, boot *rand.Rand) MorrisEffect {
	n := len(ee)
	e := MorrisEffect{N: n}
	nan := math.NaN()
	if n == 0 {
		e.MuStar, e.Mu, e.Sigma, e.MuStarLo, e.MuStarHi, e.SigmaLo, e.SigmaHi, e.NoiseSE, e.NoiseLevel = nan, nan, nan, nan, nan, nan, nan, nan, nan
		return e
	}
	e.MuStar, e.Mu, e.Sigma = morrisStats(ee)
	var ss float64
	ok := 0
	for _, s := range se {
		if !math.IsNaN(s) {
			ss += s * s
			ok++
		}
	}
	e.NoiseSE, e.NoiseLevel = nan, nan
	if ok > 0 {
		e.NoiseSE = math.Sqrt(ss / float64(ok))
	}
	ms := make([]float64, bootstraps)
	sg := make([]float64, bootstraps)
	sample := make([]float64, n)
	for b := range bootstraps {
		for j := range n {
			sample[j] = ee[boot.IntN(n)]
		}
		ms[b], _, sg[b] = morrisStats(sample)
	}
	slices.Sort(ms)
	slices.Sort(sg)
	e.MuStarLo, e.MuStarHi = ms[bootstraps*25/1000], ms[bootstraps*975/1000-1]
	e.SigmaLo, e.SigmaHi = sg[bootstraps*25/1000], sg[bootstraps*975/1000-1]
	if n < 2 {
		e.Sigma, e.SigmaLo, e.SigmaHi = nan, nan, nan
	}
	if !math.IsNaN(e.NoiseSE) {
		// The distribution of μ* when the input has no effect: each
		// effect pure noise, N(0, seₜ²); the flag is a one-sided test at
		// 5 %: μ* not above the null's 95th percentile.
		null := make([]float64, bootstraps)
		for b := range null {
			var m float64
			for _, s := range se {
				m += math.Abs(s * boot.NormFloat64())
			}
			null[b] = m / float64(n)
		}
		slices.Sort(null)
		e.NoiseLevel = null[bootstraps*95/100]
		e.Noise = !(e.MuStar > e.NoiseLevel)
	}
	return e
}

// morrisStats returns μ*, μ and σ of a set of effects.
func morrisStats(ee []float64) (muStar, mu, sigma float64) {
	for _, v := range ee {
		muStar += math.Abs(v)
		mu += v
	}
	muStar /= float64(len(ee))
	mu /= float64(len(ee))
	if len(ee) >= 2 {
		sigma = math.Sqrt(variance(ee))
	}
	return muStar, mu, sigma
}

// Ranked returns the inputs' indices by decreasing μ* on response o.
func (r *MorrisResult) Ranked(o int) []int {
	idx := make([]int, len(r.Inputs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ma, mb := r.Effects[o][a].MuStar, r.Effects[o][b].MuStar
		switch {
		case math.IsNaN(ma) && !math.IsNaN(mb), ma < mb:
			return 1
		case math.IsNaN(mb) && !math.IsNaN(ma), ma > mb:
			return -1
		}
		return 0
	})
	return idx
}

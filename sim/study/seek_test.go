package study

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// runTest feeds a feasibility test values from draw until it decides or
// reads max values.
func runTest(t feasTest, draw func() float64, max int) verdict {
	for range max {
		if v := t.next(draw()); v != undecided {
			return v
		}
	}
	return undecided
}

// TestSPRTErrorRate: at p = q − δ (the least favourable infeasible
// probability) the SPRT with β = 0.05 declares "feasible" in at most β
// of 4000 runs, and at p = q + δ "infeasible" at most β; far from q it
// decides quickly and correctly. The tolerance: 4000 runs at a true rate
// of 0.05 exceed 0.05 + 3·√(0.05·0.95/4000) = 0.0603 with probability
// 0.13 %; Ville's bound is conservative, so the rate is well below.
func TestSPRTErrorRate(t *testing.T) {
	t.Parallel()
	const runs, beta, q, delta = 4000, 0.05, 0.8, 0.05
	rng := rand.New(rand.NewPCG(1, 2))
	bern := func(p float64) func() float64 {
		return func() float64 {
			if rng.Float64() < p {
				return 1
			}
			return 0
		}
	}
	for _, tc := range []struct {
		p       float64
		atLeast bool
		wrong   verdict
	}{{q - delta, true, feasible}, {q + delta, true, infeasible}, {q - delta, false, infeasible}, {q + delta, false, feasible}} {
		bad := 0
		for range runs {
			if runTest(newSPRT(q, delta, beta, tc.atLeast), bern(tc.p), 100000) == tc.wrong {
				bad++
			}
		}
		if rate := float64(bad) / runs; rate > beta+3*math.Sqrt(beta*(1-beta)/runs) {
			t.Errorf("p=%g at_least=%v: wrong verdict %s in %.4f of runs, want ≤ %g", tc.p, tc.atLeast, tc.wrong, rate, beta)
		} else {
			t.Logf("p=%g at_least=%v: wrong verdict in %.4f of runs", tc.p, tc.atLeast, rate)
		}
	}
	// Far from the bound: p = 0.1 against 0.8 is decided infeasible
	// within 30 values (each 0 adds log(0.15/0.25) = −0.51 to the ratio;
	// log(1/0.05) = 3.0 is crossed after 6).
	s := newSPRT(q, delta, beta, true)
	if v := runTest(s, bern(0.1), 30); v != infeasible || s.at() > 30 {
		t.Errorf("p=0.1: %s after %d, want infeasible within 30", v, s.at())
	}
}

// TestFTestErrorRate: procedure F on normal values with the mean δ on the
// wrong side of the bound errs in at most β of the runs, and decides
// correctly far from the bound.
func TestFTestErrorRate(t *testing.T) {
	t.Parallel()
	const runs, beta, q, delta, sd = 4000, 0.05, 0.8, 0.02, 0.03
	rng := rand.New(rand.NewPCG(3, 4))
	norm := func(m float64) func() float64 { return func() float64 { return m + sd*rng.NormFloat64() } }
	for _, tc := range []struct {
		mean    float64
		atLeast bool
		wrong   verdict
	}{{q - delta, true, feasible}, {q + delta, true, infeasible}, {q + delta, false, feasible}, {q - delta, false, infeasible}} {
		bad := 0
		for range runs {
			if runTest(newFTest(q, delta, beta, tc.atLeast, 10), norm(tc.mean), 100000) == tc.wrong {
				bad++
			}
		}
		if rate := float64(bad) / runs; rate > beta+3*math.Sqrt(beta*(1-beta)/runs) {
			t.Errorf("mean=%g at_least=%v: wrong verdict in %.4f of runs, want ≤ %g", tc.mean, tc.atLeast, rate, beta)
		} else {
			t.Logf("mean=%g at_least=%v: wrong verdict in %.4f of runs", tc.mean, tc.atLeast, rate)
		}
	}
	f := newFTest(q, delta, beta, true, 10)
	if v := runTest(f, norm(0.5), 1000); v != infeasible || f.at() != 10 {
		t.Errorf("mean 0.5: %s after %d, want infeasible after the first 10", v, f.at())
	}
}

// synth is a synthetic Sampler on common random numbers: output 0 (the
// cost) is 10·x₀ + 7·x₁ + N(0, 1); output 1 a service level
// min(1, 0.2·x₀ + 0.15·x₁) + N(0, 0.03); output 2 a 0/1 outcome with
// probability min(0.95, 0.1·(x₀ + x₁)). Replication i draws from a source
// seeded by i, shared by every point.
type synth struct{ calls int }

func (s *synth) Sample(_ context.Context, x []float64, from, to int) ([][]float64, error) {
	s.calls++
	var out [][]float64
	for i := from; i < to; i++ {
		rng := rand.New(rand.NewPCG(uint64(i), 99))
		cost := 10*x[0] + 7*x[1] + rng.NormFloat64()
		sl := math.Min(1, 0.2*x[0]+0.15*x[1]) + 0.03*rng.NormFloat64()
		b := 0.0
		if rng.Float64() < math.Min(0.95, 0.1*(x[0]+x[1])) {
			b = 1
		}
		out = append(out, []float64{cost, sl, b})
	}
	return out, nil
}

// synthOne keeps output 0 and the output of one constraint.
type synthOne struct {
	synth
	o int
}

func (s *synthOne) Sample(ctx context.Context, x []float64, from, to int) ([][]float64, error) {
	out, err := s.synth.Sample(ctx, x, from, to)
	for i, v := range out {
		out[i] = []float64{v[0], v[s.o]}
	}
	return out, err
}

func synthProblem(monotone bool, c SeekConstraint) SeekProblem {
	return SeekProblem{
		Factors:     []SeekFactor{{Key: "a", Min: 0, Max: 6}, {Key: "b", Min: 0, Max: 6}},
		Goal:        SeekGoal{Name: "cost", Delta: 1},
		Constraints: []SeekConstraint{c},
		Alpha:       0.05, Initial: 10, Max: 2000, Monotone: monotone,
	}
}

// TestSeekSyntheticKnownAnswer: the service level 0.2a + 0.15b takes
// multiples of 0.05, so with the bound 0.775 and δ 0.02 no design lies in
// the indifference zone (0.755, 0.795): the feasible designs are those at
// 0.8 or more, and the cheapest of them (cost 10a + 7b) is (1, 4) at 38
// ((4, 0) costs 40, (2, 3) 41, (0, 6) 42). The probability 0.1(a + b)
// with the bound 0.65 and δ 0.05 is met from a + b = 7 on and missed up
// to 6; the cheapest with a, b ≤ 6 is (1, 6) at 52. Both with and
// without the monotone assumption, which must simulate fewer designs.
func TestSeekSyntheticKnownAnswer(t *testing.T) {
	t.Parallel()
	for _, mono := range []bool{false, true} {
		sl := SeekConstraint{Name: "sl", AtLeast: true, Bound: 0.775, Delta: 0.02}
		res, err := Seek(t.Context(), synthProblem(mono, sl), &synthOne{o: 1})
		if err != nil {
			t.Fatal(err)
		}
		got := res.Candidates[res.Best].X
		if got[0] != 1 || got[1] != 4 {
			t.Errorf("monotone=%v: service level: answer %v, want [1 4]", mono, got)
		}
		t.Logf("monotone=%v: service level: %v after %d replications, %d of %d designs simulated", mono, got, res.Replications, res.Simulated, res.Designs)
		if mono && res.Simulated >= res.Designs {
			t.Errorf("monotone: %d designs simulated of %d: nothing pruned", res.Simulated, res.Designs)
		}

		pr := SeekConstraint{Name: "p", AtLeast: true, Bound: 0.65, Delta: 0.05, Bernoulli: true}
		res, err = Seek(t.Context(), synthProblem(mono, pr), &synthOne{o: 2})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Candidates[res.Best].X; got[0] != 1 || got[1] != 6 {
			t.Errorf("monotone=%v: probability: answer %v, want [1 6]", mono, got)
		}
		if !strings.Contains(res.Guarantee, "With probability at least 95 %") {
			t.Errorf("guarantee %q does not state the 95 %%", res.Guarantee)
		}
	}
}

// TestSeekNoneFeasible: a bound no design meets is answered "no design
// within the bounds is feasible", with the probability statement.
func TestSeekNoneFeasible(t *testing.T) {
	t.Parallel()
	for _, mono := range []bool{false, true} {
		pr := SeekConstraint{Name: "p", AtLeast: true, Bound: 0.97, Delta: 0.02, Bernoulli: true}
		p := synthProblem(mono, pr)
		p.Factors = []SeekFactor{{Key: "a", Min: 0, Max: 3}, {Key: "b", Min: 0, Max: 3}}
		res, err := Seek(t.Context(), p, &synthOne{o: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Best >= 0 {
			t.Fatalf("monotone=%v: answer %v, want none", mono, res.Candidates[res.Best].X)
		}
		if !strings.HasPrefix(res.Guarantee, "No design within the bounds is feasible.") ||
			!strings.Contains(res.Guarantee, "no design within the bounds has probability p ≥ 0.99") {
			t.Errorf("monotone=%v: guarantee %q", mono, res.Guarantee)
		}
		var b strings.Builder
		if err := res.WriteText(&b, SeekUnits{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "answer: NO DESIGN WITHIN THE BOUNDS IS FEASIBLE") {
			t.Errorf("text output does not state that none is feasible:\n%s", b.String())
		}
		if mono && res.Simulated != 1 {
			t.Errorf("monotone: %d designs simulated, want 1 (the top corner decides)", res.Simulated)
		}
	}
}

// TestSeekMaximiseAndSelection: with no constraint, maximising −cost
// returns (0, 0); the runners-up carry paired differences.
func TestSeekMaximiseAndSelection(t *testing.T) {
	t.Parallel()
	p := synthProblem(false, SeekConstraint{})
	p.Constraints = nil
	p.Goal.Maximise = true
	neg := samplerFunc(func(ctx context.Context, x []float64, from, to int) ([][]float64, error) {
		out, err := (&synth{}).Sample(ctx, x, from, to)
		for i, v := range out {
			out[i] = []float64{-v[0]}
		}
		return out, err
	})
	res, err := Seek(t.Context(), p, neg)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Candidates[res.Best].X; got[0] != 0 || got[1] != 0 {
		t.Errorf("answer %v, want [0 0]", got)
	}
	r := res.Ranked()
	if len(r) != 49 || r[0] != res.Best {
		t.Fatalf("ranked %d designs, the first %d; want 49, the answer first", len(r), r[0])
	}
	if d := res.Candidates[r[1]].Diff; d == nil || !(d.Hi < 0) {
		t.Errorf("runner-up difference %+v: want an interval below 0 (it is worse)", d)
	}
}

type samplerFunc func(ctx context.Context, x []float64, from, to int) ([][]float64, error)

func (f samplerFunc) Sample(ctx context.Context, x []float64, from, to int) ([][]float64, error) {
	return f(ctx, x, from, to)
}

// TestSeekProblemErrors: bad problems are refused with the field named.
func TestSeekProblemErrors(t *testing.T) {
	t.Parallel()
	good := synthProblem(false, SeekConstraint{Name: "p", AtLeast: true, Bound: 0.8, Delta: 0.05, Bernoulli: true})
	for _, tc := range []struct {
		name string
		edit func(p *SeekProblem)
		want string
	}{
		{"delta", func(p *SeekProblem) { p.Constraints[0].Delta = 0 }, "delta 0: want a number > 0"},
		{"alpha", func(p *SeekProblem) { p.Alpha = 1 }, "alpha 1: want a number in (0, 1)"},
		{"zone", func(p *SeekProblem) { p.Constraints[0].Bound = 0.97 }, "must lie within (0, 1)"},
		{"bounds", func(p *SeekProblem) { p.Factors[0].Min = 9 }, "factor a: min 9 > max 6"},
		{"goal", func(p *SeekProblem) { p.Goal.Delta = -1 }, "objective cost: delta -1"},
		{"initial", func(p *SeekProblem) { p.Initial = 1 }, "initial 1"},
	} {
		p := good
		p.Factors = append([]SeekFactor(nil), good.Factors...)
		p.Constraints = append([]SeekConstraint(nil), good.Constraints...)
		tc.edit(&p)
		_, err := Seek(t.Context(), p, &synth{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	// A sampler error is returned, not swallowed.
	boom := errors.New("boom")
	_, err := Seek(t.Context(), good, samplerFunc(func(context.Context, []float64, int, int) ([][]float64, error) { return nil, boom }))
	if !errors.Is(err, boom) {
		t.Errorf("sampler error: got %v", err)
	}
}

// TestSeekUndefinedOutput: a NaN outcome (a service level with no tasks)
// is an error naming the measure and the design, not a silent verdict.
func TestSeekUndefinedOutput(t *testing.T) {
	t.Parallel()
	p := synthProblem(false, SeekConstraint{Name: "sl", AtLeast: true, Bound: 0.5, Delta: 0.05})
	nan := samplerFunc(func(_ context.Context, x []float64, from, to int) ([][]float64, error) {
		var out [][]float64
		for range to - from {
			out = append(out, []float64{x[0], math.NaN()})
		}
		return out, nil
	})
	_, err := Seek(t.Context(), p, nan)
	if err == nil || !strings.Contains(err.Error(), "sl is undefined") || !strings.Contains(err.Error(), "a=0 b=0") {
		t.Errorf("error %v, want one naming sl and the design a=0 b=0", err)
	}
}

// TestSeekUndecidedAndCapped: a design whose mean sits on the bound stays
// undecided at the cap and is left out, said so; two designs with equal
// objectives cannot be told apart, the selection stops at the cap and
// says its guarantee does not hold.
func TestSeekUndecidedAndCapped(t *testing.T) {
	t.Parallel()
	// Output 0: noise around 5 for every design (independent per design
	// and replication); output 1: noise around 0.5 + 0.2·(x − 1).
	s := samplerFunc(func(_ context.Context, x []float64, from, to int) ([][]float64, error) {
		var out [][]float64
		for i := from; i < to; i++ {
			rng := rand.New(rand.NewPCG(uint64(i), uint64(x[0])+7))
			out = append(out, []float64{5 + rng.NormFloat64(), 0.5 + 0.2*(x[0]-1) + 0.1*rng.NormFloat64()})
		}
		return out, nil
	})
	p := SeekProblem{
		Factors:     []SeekFactor{{Key: "c", Min: 1, Max: 3}},
		Goal:        SeekGoal{Name: "cost", Delta: 0.01},
		Constraints: []SeekConstraint{{Name: "sl", AtLeast: true, Bound: 0.5, Delta: 0.01}},
		Alpha:       0.05, Initial: 10, Max: 200,
	}
	res, err := Seek(t.Context(), p, s)
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Candidates[0]; c.Class != "undecided" || c.Replications != 200 {
		t.Errorf("c=1 (mean on the bound): %s after %d, want undecided after 200", c.Class, c.Replications)
	}
	if !res.Capped || len(res.Survivors) != 2 || res.Best < 1 {
		t.Errorf("capped %v, survivors %v, best %d: want the selection capped with c=2 and c=3", res.Capped, res.Survivors, res.Best)
	}
	for _, want := range []string{"the last part of the guarantee does not hold", "1 design stayed undecided"} {
		if !strings.Contains(res.Guarantee, want) {
			t.Errorf("guarantee lacks %q: %s", want, res.Guarantee)
		}
	}
}

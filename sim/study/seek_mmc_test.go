package study

import (
	"fmt"
	"math"
	"testing"

	"github.com/salesim/salesim/sim/erlang"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
)

// mmcSampler samples the M/M/c validation design (scenarios/validation/
// mmc.toml) at λ an hour, mean service 1 h and service time t hours, with
// c = x[0] agents, over a horizon of the given days after a week's
// warm-up. Its outputs are the headcount and service_level.serve.
func mmcSampler(lambda, t float64, days int, seed uint64) *DesignSampler {
	return &DesignSampler{
		Build: func(x []float64) (*experiment.Design, error) {
			sc, err := scenario.Builtin("validation/mmc", scenario.Options{Set: []string{
				fmt.Sprintf("roles.agent.headcount=%d", int(x[0])),
				fmt.Sprintf(`activities.serve.service_time="%gm"`, 60*t),
				fmt.Sprintf(`inbound.requests.rate="%g/h"`, lambda),
				fmt.Sprintf(`run.horizon="%dd"`, days),
				`run.warmup="7d"`,
			}})
			if err != nil {
				return nil, err
			}
			return experiment.NewDesign(sc)
		},
		Outputs: []metric.Key{
			{Metric: metric.Headcount, Role: metric.Department, Period: metric.Total},
			{Metric: metric.Of(metric.ServiceLevelPrefix, "serve"), Role: metric.Department, Period: metric.Total},
		},
		Seed:    seed,
		Workers: 1,
	}
}

// exactSL is the steady-state share of requests answered within t in an
// M/M/c queue, 1 − C(c, a)·e^{−(cμ−λ)t} (μ = 1), 0 if unstable.
func exactSL(lambda, t float64, c int) float64 {
	if float64(c) <= lambda {
		return 0
	}
	return 1 - erlang.C(c, lambda)*math.Exp(-(float64(c)-lambda)*t)
}

// seekMMc runs the known-answer experiment of issue 13 over 20 seeds:
// the fewest agents with service_level.serve ≥ bound (indifference zone
// delta), minimising headcount (delta 0.5: one agent apart is told apart).
// The exact answer c* comes from Erlang C. It checks that seek returns c*
// in at least 19 seeds, and the stated guarantee in every seed: each
// design whose exact service level is δ or more above the bound classed
// feasible, δ or more below classed infeasible, and the best design
// meeting the bound with δ to spare returned when every cheaper design
// is clearly infeasible (headcounts differ by 1 ≥ the objective's δ). The
// guarantee holds with probability ≥ 95 % per seed; at most one seed of
// 20 may break it (a true rate of 5 % gives 2 or more in 26 % of sets of
// 20 — but the Bonferroni split makes the true rate far lower: none
// occurred while writing the test).
func seekMMc(t *testing.T, lambda, tt, bound, delta float64, days int, mono bool) {
	t.Helper()
	cmax := int(lambda) + 6
	want := 0
	for c := 1; c <= cmax; c++ {
		if exactSL(lambda, tt, c) >= bound {
			want = c
			break
		}
	}
	if want == 0 || exactSL(lambda, tt, want-1) > bound-delta || exactSL(lambda, tt, want) < bound+delta {
		t.Fatalf("λ=%g t=%g: c*=%d is not clear of the indifference zone: SL(c*−1) = %.3f, SL(c*) = %.3f", lambda, tt, want, exactSL(lambda, tt, want-1), exactSL(lambda, tt, want))
	}
	right, broken, reps := 0, 0, 0
	for seed := uint64(1); seed <= 20; seed++ {
		p := SeekProblem{
			Factors:     []SeekFactor{{Key: "roles.agent.headcount", Min: 1, Max: cmax}},
			Goal:        SeekGoal{Name: metric.Headcount, Delta: 0.5},
			Constraints: []SeekConstraint{{Name: "service_level.serve", AtLeast: true, Bound: bound, Delta: delta}},
			Alpha:       0.05, Initial: 10, Max: 500, Monotone: mono,
		}
		res, err := Seek(t.Context(), p, mmcSampler(lambda, tt, days, seed))
		if err != nil {
			t.Fatal(err)
		}
		reps += res.Replications
		got := -1
		if res.Best >= 0 {
			got = res.Candidates[res.Best].X[0]
		}
		if got == want {
			right++
		} else {
			t.Logf("seed %d: answer %d, want %d", seed, got, want)
		}
		ok := true
		for _, c := range res.Candidates {
			sl := exactSL(lambda, tt, c.X[0])
			switch {
			case sl >= bound+delta && c.Class != "feasible", sl <= bound-delta && c.Class != "infeasible":
				ok = false
				t.Logf("seed %d: c=%d (exact %.3f) classed %s", seed, c.X[0], sl, c.Class)
			}
		}
		// The best design meeting the bound with delta to spare is
		// returned when every cheaper design is clearly infeasible
		// (headcounts differ by 1 ≥ the objective's delta 0.5).
		sure := 0
		for c := cmax; c >= 1; c-- {
			if exactSL(lambda, tt, c) >= bound+delta {
				sure = c
			}
		}
		clear := sure > 0
		for c := 1; c < sure; c++ {
			clear = clear && exactSL(lambda, tt, c) <= bound-delta
		}
		if clear && got != sure {
			ok = false
			t.Logf("seed %d: returned %d, but %d is the best design meeting the bound with delta to spare", seed, got, sure)
		}
		if !ok {
			broken++
		}
	}
	t.Logf("λ=%g t=%gh bound %g δ %g monotone=%v: c*=%d (SL %.3f; c*−1: %.3f) returned in %d of 20 seeds, guarantee broken in %d, %d replications in all",
		lambda, tt, bound, delta, mono, want, exactSL(lambda, tt, want), exactSL(lambda, tt, want-1), right, broken, reps)
	if right < 19 {
		t.Errorf("c*=%d returned in %d of 20 seeds, want at least 19", want, right)
	}
	if broken > 1 {
		t.Errorf("the stated guarantee was broken in %d of 20 seeds, want at most 1", broken)
	}
}

// TestSeekMMcKnownAnswer is acceptance 1 of issue 13: λ = 2 an hour,
// mean service 1 h, answered within 20 minutes. Erlang C gives the share
// answered in time 0.682 with 3 agents and 0.911 with 4: the fewest with
// ≥ 80 % is c* = 4, and 3 misses by 0.118 > δ = 0.05 (4 is 0.111 above).
// A month's horizon keeps the bias of the finite run (the replication
// mean of the share is not the steady-state probability) well below δ.
func TestSeekMMcKnownAnswer(t *testing.T) {
	t.Parallel()
	for _, mono := range []bool{false, true} {
		t.Run(fmt.Sprintf("monotone=%v", mono), func(t *testing.T) {
			t.Parallel()
			seekMMc(t, 2, 1.0/3, 0.8, 0.05, 30, mono)
		})
	}
}

// TestSeekMMcNarrowZone is the harder variant: λ = 4 an hour, answered
// within 15 minutes: 0.568 with 5 agents, 0.827 with 6, so c* = 6 is only
// 0.027 above the bound; δ = 0.02. Long: skipped with -short.
func TestSeekMMcNarrowZone(t *testing.T) {
	if testing.Short() {
		t.Skip("long: 20 seeds of a seek at δ = 0.02")
	}
	t.Parallel()
	seekMMc(t, 4, 0.25, 0.8, 0.02, 90, false)
}

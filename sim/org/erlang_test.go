package org

import (
	"fmt"
	"math"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/erlang"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

// TestDegenerateDesignIsErlangC: one role of c people around the clock,
// Poisson requests, exponential work, no switching, no fatigue — the model
// must reproduce Erlang C: over 20 replications the 95 % intervals of the
// mean wait (queue_wait_h) and of the mean number in system (in_system)
// cover the analytic values, and Little's law holds within the interval.
func TestDegenerateDesignIsErlangC(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lambda, mu float64
		c          int
	}{{9, 1, 10}, {1.5, 1, 2}, {95, 1, 100}} {
		t.Run(fmt.Sprintf("λ=%g,c=%d", tc.lambda, tc.c), func(t *testing.T) {
			t.Parallel()
			horizon := Year
			if tc.c >= 100 || testing.Short() {
				horizon = Year / 6
			}
			if raceEnabled {
				horizon /= 2
			}
			p := mustCompile(t, mmcConfig(tc.lambda, tc.mu, tc.c, horizon, Month/4))
			want, err := erlang.Solve(tc.lambda, tc.mu, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			var wq, l, little stats.Accumulator
			s := NewSim(p)
			for rep := range 20 {
				r, err := s.Run(t.Context(), 1, rep)
				if err != nil {
					t.Fatal(err)
				}
				w := value(t, p, r, "queue_wait_h", "all", "total")
				n := value(t, p, r, "in_system", "all", "total")
				wq.Add(w)
				l.Add(n)
				little.Add(n - tc.lambda*(w+1/tc.mu))
			}
			for _, c := range []struct {
				name string
				acc  *stats.Accumulator
				want float64
			}{{"queue_wait_h", &wq, want.Wq}, {"in_system", &l, want.L}, {"L − λW", &little, 0}} {
				s := c.acc.Summary(0.95)
				if math.Abs(s.Mean-c.want) > s.HalfWidth() {
					t.Errorf("%s: %.4f ± %.4f does not cover %.4f", c.name, s.Mean, s.HalfWidth(), c.want)
				} else {
					t.Logf("%s: %.4f ± %.4f covers %.4f", c.name, s.Mean, s.HalfWidth(), c.want)
				}
			}
		})
	}
}

// TestServiceLevelIsErlangC: on the M/M/c design, the share of requests
// answered within t (service_level.serve) and the wait percentiles match
// Erlang C: P(W ≤ t) = 1 − C(c, a)·e^{−(cμ−λ)t}, whose inverse gives the
// median and the 90th percentile where they are above 0. The 95 % intervals
// over 20 replications must cover the exact values.
func TestServiceLevelIsErlangC(t *testing.T) {
	t.Parallel()
	lambda, mu, c := 9.0, 1.0, 10
	cfg := mmcConfig(lambda, mu, c, Year/2, Month/4)
	cfg.Activities[0].ServiceTime = 0.5 // answered within 30 minutes
	p := mustCompile(t, cfg)
	pw := erlang.C(c, lambda/mu)
	decay := float64(c)*mu - lambda
	level := 1 - pw*math.Exp(-decay*0.5)
	// The p-quantile of W where P(W ≤ w) = p > 1 − C.
	quantile := func(q float64) float64 {
		if q <= 1-pw {
			return 0
		}
		return math.Log(pw/(1-q)) / decay
	}
	var sl, p50, p90 stats.Accumulator
	s := NewSim(p)
	for rep := range 20 {
		r, err := s.Run(t.Context(), 1, rep)
		if err != nil {
			t.Fatal(err)
		}
		sl.Add(value(t, p, r, metric.Of(metric.ServiceLevelPrefix, "serve"), metric.Department, metric.Total))
		p50.Add(value(t, p, r, metric.Of(metric.WaitP50Prefix, "serve"), metric.Department, metric.Total))
		p90.Add(value(t, p, r, metric.Of(metric.WaitP90Prefix, "serve"), metric.Department, metric.Total))
	}
	for _, x := range []struct {
		name string
		acc  *stats.Accumulator
		want float64
	}{{"P(W ≤ 0.5 h)", &sl, level}, {"median wait", &p50, quantile(0.5)}, {"90th percentile wait", &p90, quantile(0.9)}} {
		s := x.acc.Summary(0.95)
		if math.Abs(s.Mean-x.want) > s.HalfWidth() {
			t.Errorf("%s: %.4f ± %.4f does not cover %.4f", x.name, s.Mean, s.HalfWidth(), x.want)
		} else {
			t.Logf("%s: %.4f ± %.4f covers %.4f", x.name, s.Mean, s.HalfWidth(), x.want)
		}
	}
}

// TestPreemptivePriority: two kinds of interrupting work at one desk
// around the clock — urgent calls (priority 0, 0.2 an hour) and ordinary
// calls (priority 10, 0.5 an hour), exponential work of 1 h. Interrupting
// work preempts lower-priority work in progress, interrupting or not, so
// urgent calls see the desk as an M/M/1 queue of their own:
// Wq = λ/(μ(μ−λ)) = 0.25 h.
func TestPreemptivePriority(t *testing.T) {
	t.Parallel()
	cfg := mmcConfig(0.2, 1, 1, 4*Year, Month)
	cfg.Activities = []Activity{
		{Name: "urgent", Duration: dist.Exp(1, dist.Time), Priority: 0, Interrupts: true},
		{Name: "ordinary", Duration: dist.Exp(1, dist.Time), Priority: 10, Interrupts: true},
	}
	cfg.Stages = []Stage{{Name: "urgent", Activity: ActivityAt(0)}, {Name: "ordinary", Activity: ActivityAt(1)}}
	cfg.Inbound = []Inbound{{Name: "urgent", Rate: 0.2, Stage: StageAt(0)}, {Name: "ordinary", Rate: 0.5, Stage: StageAt(1)}}
	cfg.Roles[0].Speed, cfg.Roles[0].Skill = ones(2), ones(2)
	p := mustCompile(t, cfg)
	var wq stats.Accumulator
	s := NewSim(p)
	for rep := range 20 {
		r, err := s.Run(t.Context(), 1, rep)
		if err != nil {
			t.Fatal(err)
		}
		wq.Add(value(t, p, r, metric.Of(metric.WaitPrefix, "urgent"), metric.Department, metric.Total))
	}
	if s := wq.Summary(0.95); math.Abs(s.Mean-0.25) > s.HalfWidth() {
		t.Errorf("urgent calls wait %.4f ± %.4f h, want 0.25 h (preemptive priority)", s.Mean, s.HalfWidth())
	}
}

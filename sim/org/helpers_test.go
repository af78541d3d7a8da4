package org

import (
	"context"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// mmcConfig is a pure M/M/c queue as an organisation: requests at rate
// lambda per hour, one stage of exponential work of mean 1/mu that always
// "fails" (the request is served and done), c agents around the clock.
func mmcConfig(lambda, mu float64, c int, horizon, warmup float64) Config {
	nAct := 1
	return Config{
		Name:       "mmc",
		Run:        Run{Horizon: horizon, Warmup: warmup, Replications: 20, Seed: 1},
		Market:     Market{Size: dist.Const(1, dist.None), MarginRate: 1},
		Inbound:    []Inbound{{Name: "calls", Rate: lambda, Stage: StageAt(0)}},
		Activities: []Activity{{Name: "serve", Duration: dist.Exp(1/mu, dist.Time), Kind: "serve"}},
		Stages:     []Stage{{Name: "serve", Activity: ActivityAt(0), Convert: 0}},
		Clients:    Clients{Plan: 1},
		Roles: []Role{{
			Name: "agent", Headcount: c, Shifts: []Week{AroundTheClock()},
			Speed: ones(nAct), Skill: ones(nAct), Assign: AssignPool,
		}},
	}
}

func ones(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	return x
}

func mustCompile(t testing.TB, cfg Config) *Plan {
	t.Helper()
	p, err := Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// value returns the measure (metric, role, period) of a result.
func value(t testing.TB, p *Plan, r Result, name, role, period string) float64 {
	t.Helper()
	i, ok := p.Catalog().Index(metric.Key{Metric: name, Role: role, Period: period})
	if !ok {
		t.Fatalf("no measure %s/%s/%s", name, role, period)
	}
	return r.Values[i]
}

func simulate(t testing.TB, p *Plan, seed uint64, rep int) Result {
	t.Helper()
	r, err := p.Simulate(context.Background(), seed, rep)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

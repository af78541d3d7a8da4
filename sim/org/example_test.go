package org_test

import (
	"context"
	"fmt"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
)

// A department of two managers who answer web requests and sell: compile
// the design, run one replication of a month and read two measures.
func Example() {
	cfg := org.Config{
		Name:    "two managers",
		Run:     org.Run{Horizon: org.Month, Replications: 1, Seed: 1},
		Market:  org.Market{Size: dist.MustParse("lognormal(mean=20k, top20=0.67)"), MarginRate: 0.3},
		Inbound: []org.Inbound{{Name: "web", Rate: 15.0 / org.HoursPerWeek, Stage: org.StageAt(0)}},
		Activities: []org.Activity{
			{Name: "answer", Duration: dist.MustParse("exp(mean=15m)")},
			{Name: "meeting", Duration: dist.MustParse("exp(mean=1h)")},
		},
		Stages: []org.Stage{
			{Name: "request", Activity: org.ActivityAt(0), Convert: 0.5, Next: org.StageAt(1)},
			{Name: "meeting", Activity: org.ActivityAt(1), Convert: 0.3},
		},
		Clients: org.Clients{FirstOrder: 1, StartLevel: 1, Plan: 1, OrdersPerMonth: 1},
		Roles: []org.Role{{
			Name: "manager", Headcount: 2, Shifts: []org.Week{org.AroundTheClock()},
			Speed: []float64{1, 1}, Skill: []float64{1, 1}, Assign: org.AssignLeastLoaded,
		}},
	}
	plan, err := org.Compile(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := org.NewSim(plan).Run(context.Background(), cfg.Run.Seed, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{metric.LeadsIn, metric.NewClients} {
		i, _ := plan.Catalog().Index(metric.Key{Metric: m, Role: metric.Department, Period: metric.Total})
		fmt.Printf("%s: %.0f\n", m, r.Values[i])
	}
	// Output:
	// leads_in: 72
	// new_clients: 16
}

package org

import "github.com/salesim/salesim/sim/dist"

// benchDesign is the speed yardstick of the model issue: a one-year design
// with 4 cold callers feeding 8 managers who meet, propose, close and then
// serve their clients (orders, care, claims).
func benchDesign() Config {
	acts := []Activity{
		{Name: "cold_call", Duration: dist.MustParse("exp(mean=5m)"), Kind: "phone", Priority: 50, Fatigue: true},
		{Name: "meeting", Duration: dist.MustParse("lognormal(median=1h, p90=2h)"), Kind: "meeting", Priority: 20},
		{Name: "proposal", Duration: dist.MustParse("triangular(30m, 1h, 3h)"), Kind: "paper", Priority: 30},
		{Name: "close", Duration: dist.MustParse("exp(mean=45m)"), Kind: "phone", Priority: 20},
		{Name: "order", Duration: dist.MustParse("exp(mean=20m)"), Kind: "paper", Priority: 10, Patience: dist.MustParse("const(5d)")},
		{Name: "care", Duration: dist.MustParse("exp(mean=15m)"), Kind: "phone", Priority: 40},
		{Name: "inbound", Duration: dist.MustParse("exp(mean=10m)"), Kind: "phone", Priority: 0, Interrupts: true, Patience: dist.MustParse("const(2d)")},
	}
	n := len(acts)
	week := func() Week {
		var w Week
		w.Work(MonFri, 9, 18)
		w.Break(MonFri, 13, 14)
		return w
	}
	speed := func(names ...string) []float64 {
		x := make([]float64, n)
		for _, nm := range names {
			for i, a := range acts {
				if a.Name == nm {
					x[i] = 1
				}
			}
		}
		return x
	}
	caller := Role{Name: "caller", Headcount: 4, Shifts: []Week{week()},
		Speed: speed("cold_call"), Skill: ones(n), Pull: []DatabaseRef{DatabaseAt(0)}, Assign: AssignLeastLoaded,
		Personal: true, Cover: true,
		Fatigue: Fatigue{Convert: 0.015, Floor: 0.5, BreakRecovery: 1},
		Pay:     Pay{Hourly: 400, PerPassed: 300},
	}
	manager := Role{Name: "manager", Headcount: 8, Shifts: []Week{week()},
		Speed: speed("meeting", "proposal", "close", "order", "care", "inbound"), Skill: ones(n),
		Assign: AssignLeastLoaded, Personal: true, Cover: true, Setup: 10.0 / 60,
		Pay:     Pay{Salary: 60000, Commission: 0.05, PerFirstOrder: 3000},
		Absence: []Absence{{Name: "sickness", Rate: 2, Length: dist.MustParse("exp(mean=4d)")}},
	}
	return Config{
		Name: "bench",
		Run:  Run{Horizon: Year, Replications: 100, Seed: 1},
		Market: Market{Size: dist.MustParse("lognormal(mean=60k, top20=0.67)"), MarginRate: 0.3,
			Need: []NeedTier{{MinSize: 0, Every: 60 * 24}, {MinSize: 150000, Every: 14 * 24}}},
		Inbound:    []Inbound{{Name: "web", Rate: 3.0 / 24, Stage: StageAt(1)}},
		Databases:  []Database{{Name: "raw", Contacts: 20000, Cooloff: 90 * 24, MaxAttempts: 3, Stage: StageAt(0)}},
		Activities: acts,
		Stages: []Stage{
			{Name: "contact", Activity: ActivityAt(0), Convert: 0.035 * 0.3, Next: StageAt(1)},
			{Name: "meeting", Activity: ActivityAt(1), Convert: 0.55, Next: StageAt(2), Delay: dist.MustParse("exp(mean=3d)"),
				Decay: []DecayPoint{{1, 1}, {2, 0.6}, {24, 0.3}}},
			{Name: "proposal", Activity: ActivityAt(2), Convert: 0.6, Next: StageAt(3), Delay: dist.MustParse("exp(mean=2d)")},
			{Name: "close", Activity: ActivityAt(3), Convert: 0.35, Delay: dist.MustParse("exp(mean=5d)"),
				NurtureShare: 0.3, NeedIn: dist.MustParse("lognormal(median=90d, p90=270d)"), Recall: StageAt(1)},
		},
		Clients: Clients{FirstOrder: 0.5, StartLevel: 0.4, Plan: 1, OrdersPerMonth: 2, Order: ActivityAt(4),
			Care: ActivityAt(5), DevelopStep: 0.1, DevelopProb: 0.3, ClaimsPerMonth: 0.1, Claim: ActivityAt(6),
			Churn: 0.18, NeglectChurn: 3, NeglectOrders: 0.7, LostOrderChurn: 0.2},
		Roles:    []Role{caller, manager},
		Handoffs: []Handoff{{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(1), Delay: dist.MustParse("const(1d)"), InfoLoss: 0.05}},
		Initial:  []Initial{{Role: RoleAt(1), Clients: 20, Level: 0.8}},
	}
}

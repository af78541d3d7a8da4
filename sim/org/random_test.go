package org

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// randomDesign builds a random valid design that switches on a random mix
// of every mechanism: shifts and blocks, switching, fatigue, absence,
// ramp-up, attrition, interrupts, patience, decay, nurture, databases,
// handoffs of every trigger, assignment rules, pairs, portfolio limits,
// back-pressure, fat cats, an initial book, reorganisations and a target.
func randomDesign(r *rand.Rand) Config {
	pick := func(p float64) bool { return r.Float64() < p }
	durs := []string{"exp(mean=5m)", "const(20m)", "lognormal(median=40m, p90=2h)", "triangular(10m, 30m, 2h)", "exp(mean=1h)", "uniform(5m, 15m)"}
	kinds := []string{"phone", "paper", "field"}
	nAct := 2 + r.IntN(6)
	acts := make([]Activity, nAct)
	for i := range acts {
		acts[i] = Activity{
			Name:     fmt.Sprintf("a%d", i),
			Duration: dist.MustParse(durs[r.IntN(len(durs))]),
			Kind:     kinds[r.IntN(len(kinds))],
			Priority: r.IntN(4) * 10,
			Fatigue:  pick(0.5),
		}
		if pick(0.3) {
			acts[i].Patience = dist.MustParse([]string{"exp(mean=2d)", "const(8h)", "exp(mean=30d)"}[r.IntN(3)])
		}
	}
	acts[r.IntN(nAct)].Interrupts = pick(0.5)

	nStage := 1 + r.IntN(5)
	stages := make([]Stage, nStage)
	for i := range stages {
		st := Stage{Name: fmt.Sprintf("s%d", i), Activity: ActivityAt(r.IntN(nAct)), Convert: 0.1 + 0.8*r.Float64(), Next: StageAt(i + 1)}
		if i == nStage-1 {
			st.Next = 0
		}
		if pick(0.4) {
			st.Delay = dist.MustParse("exp(mean=2d)")
		}
		if pick(0.4) {
			st.Decay = []DecayPoint{{1, 1}, {2, 0.5}, {24, 0.1}}
		}
		if pick(0.3) {
			st.NurtureShare = r.Float64()
			st.NeedIn = dist.MustParse("exp(mean=20d)")
			st.Recall = StageAt(r.IntN(nStage))
		}
		stages[i] = st
	}
	cfg := Config{
		Name:       "random",
		Run:        Run{Horizon: Month * float64(1+r.IntN(4)), Warmup: float64(r.IntN(3)) * Month / 2, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.MustParse("lognormal(mean=50k, top20=0.67)"), MarginRate: 0.3, Need: []NeedTier{{0, 30 * 24}, {100000, 7 * 24}}},
		Activities: acts,
		Stages:     stages,
		Clients: Clients{FirstOrder: r.Float64(), StartLevel: 0.2 + 0.5*r.Float64(), Plan: 1, OrdersPerMonth: 3 * r.Float64(),
			DevelopStep: 0.1, DevelopProb: r.Float64(), Churn: 0.3 * r.Float64(),
			NeglectChurn: 1 + 3*r.Float64(), NeglectOrders: r.Float64(), LostOrderChurn: r.Float64()},
	}
	c := &cfg.Clients
	if pick(0.7) {
		c.Order = ActivityAt(r.IntN(nAct))
	}
	if pick(0.7) {
		c.Care = ActivityAt(r.IntN(nAct))
	}
	if pick(0.4) {
		c.Claim = ActivityAt(r.IntN(nAct))
		c.ClaimsPerMonth = r.Float64()
	}
	if pick(0.5) {
		c.SaleWork = []ActivityRef{ActivityAt(r.IntN(nAct))}
	}
	for i := range r.IntN(3) {
		in := Inbound{Name: fmt.Sprintf("in%d", i), Rate: 0.05 + r.Float64(), Stage: StageAt(r.IntN(nStage)), Growth: r.Float64() - 0.3}
		if pick(0.5) {
			var w Week
			w.Work(MonFri, 9, 18)
			in.Open = &w
		}
		if pick(0.3) {
			in.Weekday = [7]float64{1, 1.2, 1, 1, 0.8, 0.1, 0}
		}
		cfg.Inbound = append(cfg.Inbound, in)
	}
	if pick(0.6) {
		cfg.Databases = []Database{{Name: "db", Contacts: 100 + r.IntN(3000), Cooloff: float64(r.IntN(60)) * 24, MaxAttempts: r.IntN(4), Stage: StageAt(0)}}
	}

	nRole := 1 + r.IntN(4)
	for i := range nRole {
		ro := Role{
			Name: fmt.Sprintf("r%d", i), Headcount: r.IntN(5),
			Speed: make([]float64, nAct), Skill: make([]float64, nAct),
			Assign: Assign(r.IntN(4)), Personal: pick(0.5), Cover: pick(0.5),
		}
		if i == 0 && ro.Headcount == 0 {
			ro.Headcount = 1
		}
		ro.New = r.IntN(ro.Headcount + 1)
		var w Week
		switch r.IntN(3) {
		case 0:
			w.Work(MonFri, 9, 18)
			w.Break(MonFri, 13, 14)
		case 1:
			w = AroundTheClock()
		case 2:
			w.Work(MonFri, 10, 14)
			var w2 Week
			w2.Work(MonFri, 14, 18)
			ro.Shifts = append(ro.Shifts, w2)
		}
		for a := range nAct {
			if pick(0.5) {
				ro.Speed[a] = 0.5 + r.Float64()
			}
			ro.Skill[a] = 0.5 + r.Float64()
		}
		batch := r.IntN(nAct)
		ro.Speed[batch] = 1 // every role does something
		if pick(0.4) && w.Hours() < HoursPerWeek {
			w.Add(1, 9, 9.5, Internal, "meeting", nil)
			w.Add(MonFri, 15, 16, Block, "block", []ActivityRef{ActivityAt(batch)})
		}
		ro.Shifts = append([]Week{w}, ro.Shifts...)
		if pick(0.5) {
			ro.Setup = r.Float64() / 4
			ro.SetupPair = []SetupPair{{A: acts[0].Kind, B: acts[1].Kind, Hours: r.Float64() / 2}}
		}
		if pick(0.5) {
			ro.Fatigue = Fatigue{Speed: 0.05 * r.Float64(), Convert: 0.05 * r.Float64(), Floor: 0.3, BreakRecovery: r.Float64()}
		}
		if pick(0.5) {
			ro.Absence = []Absence{{Name: "sick", Rate: 3 * r.Float64(), Length: dist.MustParse("exp(mean=4d)")},
				{Name: "holiday", Rate: 2, Length: dist.MustParse("const(10d)")}}
		}
		if pick(0.5) {
			ro.Ramp = []float64{0.35, 0.65, 1}
			ro.RampMode = RampMode(r.IntN(3))
		}
		if pick(0.5) {
			ro.Attrition = r.Float64()
			ro.Refill = dist.MustParse("exp(mean=20d)")
			ro.LeaveLoss = r.Float64() / 2
		}
		if pick(0.3) {
			ro.PortfolioLimit = 1 + r.IntN(50)
		}
		if pick(0.3) {
			ro.CareEvery = float64(7+r.IntN(60)) * 24
		}
		ro.Pay = Pay{Salary: 1000 * float64(r.IntN(100)), Hourly: float64(r.IntN(5)) * 100, Commission: r.Float64() / 5,
			SourceCommission: r.Float64() / 10, SourceMonths: 12, PerHandover: 100, PerPassed: 50, PerFirstOrder: 1000}
		cfg.Roles = append(cfg.Roles, ro)
	}
	// Every activity somebody does; databases are called by their doers.
	for a := range nAct {
		done := false
		for i := range cfg.Roles {
			done = done || cfg.Roles[i].Speed[a] > 0
		}
		if !done {
			cfg.Roles[r.IntN(nRole)].Speed[a] = 1
		}
	}
	// Requests are answered: role 0, which always has people, works the
	// stages inbound streams enter at.
	for _, in := range cfg.Inbound {
		if a := stages[in.Stage.Index()].Activity.Index(); cfg.Roles[0].Speed[a] == 0 {
			cfg.Roles[0].Speed[a] = 1
		}
	}
	for i := range cfg.Roles {
		ro := &cfg.Roles[i]
		if len(cfg.Databases) > 0 && ro.Speed[stages[0].Activity.Index()] > 0 && pick(0.7) {
			ro.Pull = []DatabaseRef{DatabaseAt(0)}
		}
		if pick(0.2) && nRole > 1 {
			if j := r.IntN(nRole); j != i {
				ro.PairWith = RoleAt(j)
			}
		}
		if pick(0.2) && nRole > 1 {
			ro.Pause = &Pause{Watch: RoleAt((i + 1 + r.IntN(nRole-1)) % nRole), Above: 5 + r.IntN(10), Below: r.IntN(5)}
		}
		if pick(0.2) {
			ro.FatCat = &FatCat{Target: 20000 * r.Float64(), Floor: r.Float64() / 2, Shape: 0.5 + r.Float64(), Slack: 1}
		}
	}
	for range r.IntN(4) {
		h := Handoff{From: RoleRef(r.IntN(nRole + 1)), To: RoleAt(r.IntN(nRole)), Trigger: Trigger(1 + r.IntN(5)),
			Stage: StageAt(r.IntN(nStage)), Deals: 1 + r.IntN(3), Volume: 10000, InfoLoss: r.Float64() / 5}
		if h.From == h.To || h.Trigger == AtStage && cfg.Roles[h.To.Index()].Speed[stages[h.Stage.Index()].Activity.Index()] == 0 {
			continue
		}
		if pick(0.5) {
			h.Delay = dist.MustParse("exp(mean=1d)")
		}
		if pick(0.3) {
			h.MinSize = 30000
		}
		cfg.Handoffs = append(cfg.Handoffs, h)
	}
	if pick(0.5) {
		cfg.Initial = []Initial{{Role: RoleAt(0), Clients: r.IntN(30), Level: r.Float64(), Leads: r.IntN(5), Stage: StageAt(r.IntN(nStage))}}
	}
	if pick(0.4) {
		end := cfg.Run.Warmup + cfg.Run.Horizon
		ro := Reorg{At: end * r.Float64(), Headcount: make([]int, nRole), Leave: r.Float64() / 2, LeaveLoss: r.Float64() / 4}
		for i := range ro.Headcount {
			ro.Headcount[i] = r.IntN(5) - 1
			if i == 0 {
				ro.Headcount[i] = 1 + r.IntN(4) // role 0 keeps people for the requests
			}
		}
		if nRole > 1 {
			ro.Moves = []Move{{From: RoleAt(0), To: RoleAt(1), N: []int{-1, 1, 2}[r.IntN(3)]}}
			ro.Transfer = []Move{{From: RoleAt(1), To: RoleAt(0)}}
		}
		if pick(0.5) {
			ro.Rebalance = []RoleRef{RoleAt(r.IntN(nRole))}
		}
		cfg.Reorgs = []Reorg{ro}
	}
	if pick(0.3) && cfg.Run.Warmup >= Month {
		cfg.Target = &Target{Metric: []string{metric.Margin, metric.Revenue}[r.IntN(2)], Growth: r.Float64(), By: 1, Window: 1}
	}
	return cfg
}

// TestInvariantsOnRandomDesigns runs 150 random designs (two replications
// each) and checks the model's bookkeeping: every lead ends in exactly one
// state, queues never go negative, owners' counts match the accounts,
// money adds up over roles, the time split adds up to the calendar hours of
// everyone employed, and every measure is finite.
func TestInvariantsOnRandomDesigns(t *testing.T) {
	t.Parallel()
	n, reps := 150, 2
	if raceEnabled || testing.Short() {
		n, reps = 100, 1
	}
	r := rand.New(rand.NewPCG(1, 1))
	for i := range n {
		cfg := randomDesign(r)
		p, err := Compile(cfg)
		if err != nil {
			t.Fatalf("design %d does not compile: %v", i, err)
		}
		s := NewSim(p)
		for rep := range reps {
			res, err := s.Run(context.Background(), uint64(i), rep)
			if err != nil {
				t.Fatal(err)
			}
			checkLedger(t, fmt.Sprintf("design %d rep %d", i, rep), p, res)
		}
	}
}

func checkLedger(t *testing.T, what string, p *Plan, res Result) {
	t.Helper()
	l := res.Ledger
	if sum := l.Open + l.Nurtured + l.Clients + l.Lost + l.Cold + l.Ignored + l.Churned; sum != l.Created {
		t.Fatalf("%s: %d leads created but %d accounted for: %+v", what, l.Created, sum, l)
	}
	if l.NegativeQueue {
		t.Fatalf("%s: a queue went negative", what)
	}
	if l.OwnedMismatch {
		t.Fatalf("%s: people's account counts disagree with the accounts", what)
	}
	for i := range 2 {
		if d := math.Abs(l.Money[i] - l.MoneyDept[i]); d > 1e-9*math.Max(1, math.Abs(l.MoneyDept[i])) {
			t.Fatalf("%s: money over roles %v, department %v", what, l.Money, l.MoneyDept)
		}
	}
	if d := math.Abs(l.SplitHours - l.ScheduledHours); d > 1e-6*math.Max(1, l.ScheduledHours) {
		t.Fatalf("%s: time split %g h, calendar %g h", what, l.SplitHours, l.ScheduledHours)
	}
	for i, v := range res.Values {
		k := p.Catalog().Keys[i]
		if math.IsInf(v, 0) || (math.IsNaN(v) && k.Metric != "growth") {
			t.Fatalf("%s: %v = %g", what, k, v)
		}
	}
}

// TestBusyCountsStayInStep checks the roles' busy and running counts the
// dispatcher relies on against the people, at the end of random designs.
func TestBusyCountsStayInStep(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	for i := range 60 {
		p, err := Compile(randomDesign(r))
		if err != nil {
			t.Fatal(err)
		}
		s := NewSim(p)
		if _, err := s.Run(context.Background(), uint64(i), 0); err != nil {
			t.Fatal(err)
		}
		for ri, rs := range s.work.roles {
			busy, running := 0, 0
			for _, m := range s.staff.roles[ri].members {
				if s.staff.people[m].busy {
					busy++
				}
				if s.staff.people[m].run {
					running++
				}
			}
			if busy != rs.busy || running != rs.running {
				t.Fatalf("design %d role %d: busy %d/%d, running %d/%d (people/count)", i, ri, busy, rs.busy, running, rs.running)
			}
		}
	}
}

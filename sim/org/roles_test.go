package org

import (
	"fmt"
	"math"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// chain is a two-role design: callers qualify leads at stage 0 and pass
// them to closers at stage 1, which always converts; closers then serve
// the clients' orders.
func chain() Config {
	acts := []Activity{
		{Name: "qualify", Duration: dist.MustParse("5m"), Kind: "phone"},
		{Name: "close", Duration: dist.MustParse("30m"), Kind: "phone"},
		{Name: "order", Duration: dist.MustParse("10m"), Kind: "paper"},
	}
	role := func(name string, n int, does ...int) Role {
		sp := make([]float64, len(acts))
		for _, a := range does {
			sp[a] = 1
		}
		return Role{Name: name, Headcount: n, Shifts: []Week{AroundTheClock()}, Speed: sp, Skill: ones(len(acts)),
			Assign: AssignLeastLoaded, Personal: true, Cover: true}
	}
	return Config{
		Name:       "chain",
		Run:        Run{Horizon: Month, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(1000, dist.None), MarginRate: 1},
		Inbound:    []Inbound{{Name: "in", Rate: 1, Stage: StageAt(0), Role: RoleAt(0)}},
		Activities: acts,
		Stages: []Stage{
			{Name: "qualify", Activity: ActivityAt(0), Convert: 0.5, Next: StageAt(1)},
			{Name: "close", Activity: ActivityAt(1), Convert: 1},
		},
		Clients:  Clients{Plan: 1, StartLevel: 0.5, FirstOrder: 1, OrdersPerMonth: 4, Order: ActivityAt(2)},
		Roles:    []Role{role("caller", 2, 0), role("closer", 2, 1, 2), role("service", 2, 2)},
		Handoffs: []Handoff{{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(1)}},
	}
}

// TestHandoffAtStageAndInfoLoss: leads qualified by callers are passed to
// closers; an information loss of 40 % at the handoff makes the next stage
// convert 60 % as often.
func TestHandoffAtStageAndInfoLoss(t *testing.T) {
	t.Parallel()
	cfg := chain()
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	passed := value(t, p, r, "passed", "caller", "total")
	won := value(t, p, r, "first_orders", "closer", "total")
	if passed == 0 || math.Abs(won-passed) > 3 {
		t.Fatalf("passed %g, won %g: every passed lead should be won", passed, won)
	}
	cfg.Handoffs[0].InfoLoss = 0.4
	p = mustCompile(t, cfg)
	r = simulate(t, p, 1, 0)
	passed = value(t, p, r, "passed", "caller", "total")
	won = value(t, p, r, "first_orders", "closer", "total")
	if !within(won, int(passed), 0.6, 4) {
		t.Fatalf("with 40%% loss: passed %g, won %g, want about 60%%", passed, won)
	}
}

// TestHandoffAfterDeals: closers keep a client for its first two deals
// (the first order and one repeat order), then hand it to service.
func TestHandoffAfterDeals(t *testing.T) {
	t.Parallel()
	cfg := chain()
	cfg.Handoffs = append(cfg.Handoffs, Handoff{From: RoleAt(1), To: RoleAt(2), Trigger: AfterDeals, Deals: 2})
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	won := value(t, p, r, "first_orders", "closer", "total")
	closerOrders := value(t, p, r, "orders", "closer", "total")
	handed := value(t, p, r, "handovers", "closer", "total")
	// Each client places exactly one repeat order with the closer.
	if math.Abs(closerOrders-handed) > 0.5 || handed > won || handed < 0.7*won {
		t.Fatalf("won %g, closer orders %g, handed over %g: want one closer order per handed client", won, closerOrders, handed)
	}
	if value(t, p, r, "orders", "service", "total") == 0 {
		t.Fatal("service handled no orders")
	}
}

// TestHandoffAtWonAndBySize: at the first order, clients of 2000 or more go
// to service (a key-account desk) and smaller ones stay.
func TestHandoffAtWonBySize(t *testing.T) {
	t.Parallel()
	cfg := chain()
	cfg.Market.Size = dist.MustParse("empirical(1000, 3000)")
	cfg.Handoffs = append(cfg.Handoffs, Handoff{From: RoleAt(1), To: RoleAt(2), Trigger: AtWon, MinSize: 2000})
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	won := value(t, p, r, "first_orders", "closer", "total")
	handed := value(t, p, r, "handovers", "closer", "total")
	if !within(handed, int(won), 0.5, 4) {
		t.Fatalf("won %g, handed %g: want the larger half handed over", won, handed)
	}
}

// TestHandoffAtPlanAndVolume: care calls develop clients; at plan they move
// on.
func TestHandoffAtPlan(t *testing.T) {
	t.Parallel()
	for _, trig := range []Trigger{AtPlan, AtVolume} {
		cfg := chain()
		cfg.Activities = append(cfg.Activities, Activity{Name: "develop", Duration: dist.MustParse("5m"), Kind: "phone"})
		for i := range cfg.Roles {
			cfg.Roles[i].Speed = append(cfg.Roles[i].Speed, 0)
			cfg.Roles[i].Skill = append(cfg.Roles[i].Skill, 1)
		}
		cfg.Roles[1].Speed[3] = 1
		cfg.Roles[2].Speed[3] = 1
		cfg.Clients.Care, cfg.Clients.DevelopStep, cfg.Clients.DevelopProb = ActivityAt(3), 0.25, 1
		cfg.Market.Need = []NeedTier{{0, 24}}
		cfg.Handoffs = append(cfg.Handoffs, Handoff{From: RoleAt(1), To: RoleAt(2), Trigger: trig, Volume: 1000})
		p := mustCompile(t, cfg)
		r := simulate(t, p, 1, 0)
		won := value(t, p, r, "first_orders", "closer", "total")
		handed := value(t, p, r, "handovers", "closer", "total")
		// From 0.5 to 1 in two daily care calls: all but the newest move on.
		if handed < 0.9*won-3 || handed > won {
			t.Fatalf("trigger %d: won %g, handed at plan %g", trig, won, handed)
		}
	}
}

// TestAssignment: the finder keeps the leads it converts; least loaded
// spreads them; a pool owns nothing personally.
func TestAssignment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		assign Assign
		check  func(owned []int) bool
	}{
		{AssignLeastLoaded, func(o []int) bool {
			return o[0] > 0 && o[1] > 0 && o[2] > 0 && max(o[0], o[1], o[2])-min(o[0], o[1], o[2]) <= 1
		}},
		{AssignRoundRobin, func(o []int) bool { return max(o[0], o[1], o[2])-min(o[0], o[1], o[2]) <= 1 }},
		{AssignPool, func(o []int) bool { return o[0]+o[1]+o[2] == 0 }},
	} {
		cfg := oneRole(3, allDay(), Activity{Name: "close", Duration: dist.MustParse("1m"), Kind: "k"})
		cfg.Roles[0].Assign = tc.assign
		cfg.Stages[0].Convert = 1
		s := manual(t, cfg)
		s.pushLeads(0, 0)
		for range 30 {
			id := s.accts.newAccount(1000, s.testKey(), 0, s.accts.assign(0, -1))
			s.funnel.enterStage(id, 0, 0)
		}
		s.finishRun(t)
		owned := []int{s.staff.people[0].owned, s.staff.people[1].owned, s.staff.people[2].owned}
		if !tc.check(owned) {
			t.Fatalf("assign %d: owned %v", tc.assign, owned)
		}
	}
	// Finder: callers convert contacts from a database; each lead is owned
	// by the caller who found it.
	cfg := oneRole(2, allDay(), Activity{Name: "dial", Duration: dist.MustParse("5m"), Kind: "k"},
		Activity{Name: "close", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Databases = []Database{{Name: "db", Contacts: 1000, Stage: StageAt(0)}}
	cfg.Stages = []Stage{{Name: "dial", Activity: ActivityAt(0), Convert: 0.2, Next: StageAt(1)}, {Name: "close", Activity: ActivityAt(1), Convert: 0.01, NurtureShare: 1, NeedIn: dist.MustParse("1y"), Recall: StageAt(1)}}
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	cfg.Roles[0].Assign = AssignFinder
	cfg.Roles[0].Personal = true
	cfg.Roles[0].Cover = false
	s := manual(t, cfg)
	s.finishRun(t)
	for i := range s.accts.list {
		a := &s.accts.list[i]
		if a.state == stNurture && a.owner < 0 {
			t.Fatal("a found lead has no owner")
		}
	}
}

// TestPairsCannotCover: a manager's documents go to the manager's fixed
// assistant; while that assistant is away, they wait, though another
// assistant is idle.
func TestPairsCannotCover(t *testing.T) {
	t.Parallel()
	acts := []Activity{
		{Name: "close", Duration: dist.MustParse("5m"), Kind: "phone"},
		{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"},
	}
	cfg := Config{
		Name: "pairs", Run: Run{Horizon: 48, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(1000, dist.None), MarginRate: 1},
		Activities: acts,
		Stages:     []Stage{{Name: "close", Activity: ActivityAt(0), Convert: 1}},
		Clients:    Clients{Plan: 1, StartLevel: 0.5, SaleWork: []ActivityRef{ActivityAt(1)}},
		Roles: []Role{
			{Name: "manager", Headcount: 2, Shifts: []Week{allDay()}, Speed: []float64{1, 0}, Skill: ones(2), Personal: true, Assign: AssignRoundRobin},
			{Name: "assistant", Headcount: 2, Shifts: []Week{allDay()}, Speed: []float64{0, 1}, Skill: ones(2), PairWith: RoleAt(0), Personal: true, Cover: false},
		},
	}
	s := manual(t, cfg)
	s.staff.people[2].absent = 1 // assistant 0 is away throughout
	s.staff.roles[1].absent++
	for range 10 {
		id := s.accts.newAccount(1000, s.testKey(), 0, s.accts.assign(0, -1))
		s.funnel.enterStage(id, 0, 0)
	}
	s.finishRun(t)
	if w := s.staff.people[2].waiting; w != 5 {
		t.Fatalf("absent assistant's queue holds %d documents, want 5 (manager 0's)", w)
	}
	if got := s.rec.done[1*s.p.nAct+1]; got != 5 {
		t.Fatalf("assistants did %g documents, want the present one's 5", got)
	}
}

// TestPortfolioLimit: a caller stops calling once it owns as many accounts
// as its limit.
func TestPortfolioLimit(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "dial", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Databases = []Database{{Name: "db", Contacts: 100000, Stage: StageAt(0)}}
	cfg.Stages = []Stage{{Name: "dial", Activity: ActivityAt(0), Convert: 0.5}}
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	cfg.Roles[0].Assign = AssignFinder
	cfg.Roles[0].PortfolioLimit = 7
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	if won := value(t, p, r, "first_orders", "all", "total"); won != 7 {
		t.Fatalf("%g clients won with a limit of 7", won)
	}
}

// TestAbsenceTakesTime: absence spells take their share of scheduled time.
func TestAbsenceTakesTime(t *testing.T) {
	t.Parallel()
	cfg := oneRole(20, allDay(), Activity{Name: "x", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Roles[0].Absence = []Absence{{Name: "holiday", Rate: 2, Length: dist.MustParse("const(10d)")}}
	cfg.Run.Horizon = Year
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	// Spells start at 2 a year counted from the end of the last: a share
	// of 20/(365/2) days... renewal: 10 d on, mean 182.5 d off.
	want := 10 / (10 + 365.0/2)
	got := value(t, p, r, "time_absence_h", "all", "total") / (20 * Year)
	if math.Abs(got-want) > 0.02 {
		t.Fatalf("absent %.3f of the time, want %.3f", got, want)
	}
}

// TestNinthAbsenceKind: every kind of absence acts, however many a role
// has. Here the only kind with spells is the ninth: over three months, 20
// people absent a third of the time give about 20 × 3 × 730 / 3 h.
func TestNinthAbsenceKind(t *testing.T) {
	t.Parallel()
	cfg := oneRole(20, allDay(), Activity{Name: "x", Duration: dist.MustParse("5m"), Kind: "k"})
	for k := range 9 {
		ab := Absence{Name: fmt.Sprintf("kind%d", k+1)}
		if k == 8 {
			// 10-day spells every 20 days on average: absent a third of the time.
			ab.Rate, ab.Length = 365.0/20, dist.MustParse("const(10d)")
		}
		cfg.Roles[0].Absence = append(cfg.Roles[0].Absence, ab)
	}
	cfg.Run.Horizon = 3 * Month
	p := mustCompile(t, cfg)
	got := value(t, p, simulate(t, p, 1, 0), "time_absence_h", "all", "total")
	want := 20 * 3 * Month / 3
	if math.Abs(got-want) > 0.25*want {
		t.Fatalf("%.0f h absent with a ninth kind of absence active, want about %.0f", got, want)
	}
}

// TestRampUp: a new hire converts at 35 %, 65 % then 100 % of a ramped
// colleague's rate in months 1, 2, 3.
func TestRampUp(t *testing.T) {
	t.Parallel()
	cfg := oneRole(40, allDay(), Activity{Name: "dial", Duration: dist.MustParse("1h"), Kind: "k"})
	cfg.Databases = []Database{{Name: "db", Contacts: 1000000, Stage: StageAt(0)}}
	cfg.Stages = []Stage{{Name: "dial", Activity: ActivityAt(0), Convert: 0.5}}
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	cfg.Roles[0].Ramp = []float64{0.35, 0.65, 1}
	cfg.Roles[0].RampMode = RampConversion
	cfg.Roles[0].New = 40
	cfg.Run.Horizon = 3 * Month
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	for m, want := range []float64{0.35, 0.65, 1} {
		per := p.Catalog().Periods[m+1]
		calls := value(t, p, r, "throughput", "all", per)
		won := value(t, p, r, "first_orders", "all", per)
		if !within(won, int(calls), 0.5*want, 4) {
			t.Fatalf("month %d: %g of %g calls converted, want rate %g", m+1, won, calls, 0.5*want)
		}
	}
}

// TestAttritionAndRefill: with 50 % annual attrition and 60 days to refill,
// average headcount falls below nominal by about the share of time
// vacant; a leaver's clients leave with it with the given probability.
func TestAttritionAndRefill(t *testing.T) {
	t.Parallel()
	cfg := clientBook(100)
	cfg.Roles[0].Headcount = 40
	cfg.Roles[0].Attrition = 0.5
	cfg.Roles[0].Refill = dist.MustParse("const(60d)")
	cfg.Roles[0].LeaveLoss = 1
	cfg.Initial[0].Clients = 10
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	h := -math.Log(0.5) / Year
	// Renewal: employed for 1/h on average, then 60 days vacant.
	want := 40 * (1 / h) / (1/h + 60*24)
	if got := value(t, p, r, "headcount", "all", "total"); math.Abs(got-want) > 2 {
		t.Fatalf("average headcount %g, want about %g", got, want)
	}
	// Everyone's 10 clients leave with them; nobody churns otherwise.
	if got := value(t, p, r, "churned_clients", "all", "total"); got < 100 {
		t.Fatalf("%g clients lost with leavers, want about 10 × leavers", got)
	}
}

// TestPayAddsUp: salary, hourly pay, commission and bonuses.
func TestPayAddsUp(t *testing.T) {
	t.Parallel()
	cfg := clientBook(100)
	cfg.Roles[0].Pay = Pay{Salary: 3000, Hourly: 10, Commission: 0.1}
	cfg.Run.Horizon = 2 * Month
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	if got := value(t, p, r, "cost_salary", "all", "total"); !near(got, 6000) {
		t.Fatalf("salary %g, want 2 months × 3000", got)
	}
	if got := value(t, p, r, "cost_hourly", "all", "total"); !near(got, 10*2*Month) {
		t.Fatalf("hourly %g, want 10 × %g scheduled hours", got, 2*Month)
	}
	margin := value(t, p, r, "margin", "all", "total")
	if got := value(t, p, r, "cost_commission", "all", "total"); math.Abs(got-0.1*margin) > 1e-6*margin {
		t.Fatalf("commission %g on margin %g", got, margin)
	}
	cost := value(t, p, r, "cost", "all", "total")
	if !near(cost, 6000+10*2*Month+0.1*margin) || !near(value(t, p, r, "profit", "all", "total"), margin-cost) {
		t.Fatal("cost or profit does not add up")
	}
}

// TestReorganisation: at month 1 the two veterans move, with their
// clients, to a new role, half of another role leaves, and headcounts are
// reset.
func TestReorganisation(t *testing.T) {
	t.Parallel()
	cfg := chain()
	cfg.Run.Horizon = 2 * Month
	cfg.Initial = []Initial{{Role: RoleAt(1), Clients: 10, Level: 0.5}}
	cfg.Reorgs = []Reorg{{At: Month, Moves: []Move{{From: RoleAt(1), To: RoleAt(2), N: -1}},
		Headcount: []int{4, 3, -1}, Leave: 0.5, LeaveRoles: []RoleRef{RoleAt(0)}}}
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	head := func(role, per string) float64 { return value(t, p, r, "headcount", role, per) }
	if !near(head("caller", "m01"), 2) || !near(head("caller", "m02"), 4) ||
		!near(head("closer", "m02"), 3) || !near(head("service", "m02"), 4) {
		t.Fatalf("headcounts m01 %g/%g/%g, m02 %g/%g/%g", head("caller", "m01"), head("closer", "m01"), head("service", "m01"),
			head("caller", "m02"), head("closer", "m02"), head("service", "m02"))
	}
	if got := value(t, p, r, "active_clients", "service", "m02"); got < 20 {
		t.Fatalf("service has %g clients after the move, want at least the 20 moved", got)
	}
}

// TestSkillScalesConversion: a role with half the skill converts half as
// often.
func TestSkillScalesConversion(t *testing.T) {
	t.Parallel()
	for _, skill := range []float64{1, 0.5} {
		cfg := oneRole(40, allDay(), Activity{Name: "qualify", Duration: dist.MustParse("1m"), Kind: "k"})
		cfg.Stages[0] = Stage{Name: "q", Activity: ActivityAt(0), Convert: 0.8}
		cfg.Roles[0].Skill = []float64{skill}
		s := manual(t, cfg)
		s.pushLeads(1000, 0)
		r := s.finishRun(t)
		if won := value(t, s.p, r, "first_orders", "all", "total"); !within(won, 1000, 0.8*skill, 4) {
			t.Fatalf("skill %g: %g of 1000 won, want about %g", skill, won, 800*skill)
		}
	}
}

// TestBonuses: bonuses per first order, per passed lead and per handed-over
// client are paid to the role that earned them, once per event.
func TestBonuses(t *testing.T) {
	t.Parallel()
	cfg := chain()
	cfg.Roles[0].Pay = Pay{PerPassed: 100}
	cfg.Roles[1].Pay = Pay{PerFirstOrder: 1000, PerHandover: 10}
	cfg.Handoffs = append(cfg.Handoffs, Handoff{From: RoleAt(1), To: RoleAt(2), Trigger: AtWon})
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	passed := value(t, p, r, "passed", "caller", "total")
	won := value(t, p, r, "first_orders", "closer", "total")
	handed := value(t, p, r, "handovers", "closer", "total")
	if won == 0 || handed != won {
		t.Fatalf("won %g, handed %g: every client goes to service at once", won, handed)
	}
	if got := value(t, p, r, "cost_bonus", "caller", "total"); !near(got, 100*passed) {
		t.Fatalf("caller bonuses %g for %g passed leads", got, passed)
	}
	if got := value(t, p, r, "cost_bonus", "closer", "total"); !near(got, 1000*won+10*handed) {
		t.Fatalf("closer bonuses %g for %g won and %g handed", got, won, handed)
	}
}

// TestHandoffDelay: a handoff's delay holds the lead before its next stage
// becomes work: with a 2-day delay and a closer free around the clock,
// nothing is won in the first two days.
func TestHandoffDelay(t *testing.T) {
	t.Parallel()
	cfg := chain()
	cfg.Run.Horizon = 47
	cfg.Handoffs[0].Delay = dist.MustParse("2d")
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	if won := value(t, p, r, "first_orders", "all", "total"); won != 0 {
		t.Fatalf("%g won within the 2-day handoff delay", won)
	}
	cfg.Run.Horizon = 24 * 5
	p = mustCompile(t, cfg)
	r = simulate(t, p, 1, 0)
	if won := value(t, p, r, "first_orders", "all", "total"); won == 0 {
		t.Fatal("nothing won after the delay")
	}
}

// TestClaims: clients file claims at their rate; a claim that waits past
// its patience makes its client leave with the lost-order probability.
func TestClaims(t *testing.T) {
	t.Parallel()
	cfg := clientBook(300)
	cfg.Activities = append(cfg.Activities, Activity{Name: "claim", Duration: dist.MustParse("10m"), Kind: "k", Patience: dist.MustParse("1h")})
	cfg.Roles[0].Speed = append(cfg.Roles[0].Speed, 1)
	cfg.Roles[0].Skill = append(cfg.Roles[0].Skill, 1)
	cfg.Clients.Claim, cfg.Clients.ClaimsPerMonth, cfg.Clients.LostOrderChurn = ActivityAt(1), 1, 1
	cfg.Run.Horizon = Month
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	claims := value(t, p, r, "done.claim", "all", "total")
	if math.Abs(claims-300) > 4*math.Sqrt(300) {
		t.Fatalf("%g claims handled, want about 300 (one a month from each of 300 clients)", claims)
	}
	if got := value(t, p, r, "churned_clients", "all", "total"); got != 0 {
		t.Fatalf("%g clients left with claims handled in time", got)
	}
	// Nobody to handle claims: each claim expires and its client leaves.
	cfg.Roles[0].Speed[1] = 0
	cfg.Roles = append(cfg.Roles, Role{Name: "absent", Headcount: 0, Shifts: []Week{allDay()}, Speed: []float64{0, 1}, Skill: ones(2)})
	p = mustCompile(t, cfg)
	r = simulate(t, p, 1, 0)
	if got := value(t, p, r, "churned_clients", "all", "total"); math.Abs(got-300*(1-math.Exp(-1))) > 4*math.Sqrt(300*0.25) {
		t.Fatalf("%g of 300 clients left over unanswered claims, want about %.0f", got, 300*(1-math.Exp(-1)))
	}
}

// TestNeglectLowersOrders: a neglected client orders at neglect_orders of
// its rate.
func TestNeglectLowersOrders(t *testing.T) {
	t.Parallel()
	cared := clientBook(200)
	neglected := clientBook(200)
	neglected.Clients.NeglectOrders = 0.5
	neglected.Market.Need = []NeedTier{{0, 1e-3}}
	a, b := mustCompile(t, cared), mustCompile(t, neglected)
	ra, rb := simulate(t, a, 1, 0), simulate(t, b, 1, 0)
	ma, mb := value(t, a, ra, "margin", "all", "total"), value(t, b, rb, "margin", "all", "total")
	if ratio := mb / ma; math.Abs(ratio-0.5) > 0.05 {
		t.Fatalf("neglected book's margin %.3g of the cared-for one's, want 0.5", ratio)
	}
}

// TestReorgAtWarmupEndCounts: a reorganisation at the very end of the
// warm-up belongs to the first period: every manager leaving with every
// client loses about as many clients at 12 months as at 12.1 months.
func TestReorgAtWarmupEndCounts(t *testing.T) {
	t.Parallel()
	churned := func(at float64) float64 {
		cfg := clientBook(60)
		cfg.Roles[0].Headcount = 2
		cfg.Run.Warmup, cfg.Run.Horizon = Year, Year
		cfg.Reorgs = []Reorg{{At: at, Leave: 1, LeaveLoss: 1}}
		p := mustCompile(t, cfg)
		var sum float64
		for rep := range 4 {
			sum += value(t, p, simulate(t, p, 1, rep), metric.ChurnedClients, metric.Department, metric.Total)
		}
		return sum / 4
	}
	at, after := churned(Year), churned(Year+0.1*Month)
	if math.Abs(at-after) > 0.15*after {
		t.Errorf("%.1f clients churned with everyone leaving at the end of the warm-up, %.1f just after: want within 15%%", at, after)
	}
}

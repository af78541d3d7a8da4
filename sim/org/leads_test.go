package org

import (
	"math"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// pushLeads creates n leads at stage st, available before the shift.
func (s *Sim) pushLeads(n int, st int) {
	for range n {
		id := s.accts.newAccount(1000, s.testKey(), 0, -1)
		s.funnel.enterStage(id, st, 0)
	}
}

// testKey returns a new entity key for an account made by a test.
func (s *Sim) testKey() uint64 {
	return s.originKey(originBook, 1<<40, uint64(s.ledger.Created)) // one per account made
}

func allDay() Week { return AroundTheClock() }

// within reports whether x is within k standard errors of a binomial count
// of n trials with probability p.
func within(x float64, n int, p, k float64) bool {
	return math.Abs(x-float64(n)*p) <= k*math.Sqrt(float64(n)*p*(1-p))
}

// TestPatienceColdLeads: requests arrive twice as fast as one person can
// serve them; those that wait past their patience go cold and are
// counted, and every request is accounted for.
func TestPatienceColdLeads(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "serve", Duration: dist.MustParse("1h"), Kind: "k", Patience: dist.MustParse("2h")})
	cfg.Inbound = []Inbound{{Name: "in", Rate: 2, Stage: StageAt(0)}}
	cfg.Run.Horizon = Month
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	cold := value(t, p, r, "leads_cold", "all", "total")
	served := value(t, p, r, "throughput", "all", "total")
	in := value(t, p, r, "leads_in", "all", "total")
	// Those still waiting at the end arrived in its last two hours.
	open := float64(r.Ledger.Open)
	if cold < 0.4*in || cold+served+open != in || open > 15 {
		t.Fatalf("%g leads in, %g served, %g cold, %g waiting: want about half cold, the rest served or waiting", in, served, cold, open)
	}
	if r.Ledger.Cold != int(cold) {
		t.Fatalf("ledger %d cold, measure %g", r.Ledger.Cold, cold)
	}
}

// TestSpeedToLeadDecay: a stage that always converts at once converts half
// as often for leads that waited 9 hours when the multiplier after 2 hours
// is 0.5.
func TestSpeedToLeadDecay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		week Week
		want float64
	}{{allDay(), 1}, {day(9, 17), 0.5}} {
		// 40 people: nobody waits for a colleague, only for the shift.
		cfg := oneRole(40, tc.week, Activity{Name: "qualify", Duration: dist.MustParse("1m"), Kind: "k"})
		cfg.Stages[0] = Stage{Name: "q", Activity: ActivityAt(0), Convert: 1, Decay: []DecayPoint{{1, 1}, {2, 0.5}}}
		s := manual(t, cfg)
		s.pushLeads(400, 0)
		r := s.finishRun(t)
		won := value(t, s.p, r, "first_orders", "all", "total")
		if !within(won, 400, tc.want, 4) {
			t.Fatalf("%g of 400 won, want about %g", won, 400*tc.want)
		}
	}
}

// TestNurtureRecall: leads with no need now are stored and worked again at
// their need date.
func TestNurtureRecall(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "call", Duration: dist.MustParse("1m"), Kind: "k"})
	cfg.Stages = []Stage{
		{Name: "inform", Activity: ActivityAt(0), Convert: 0, Next: StageAt(1), NurtureShare: 1, NeedIn: dist.MustParse("10d"), Recall: StageAt(1)},
		{Name: "buy", Activity: ActivityAt(0), Convert: 1},
	}
	cfg.Run.Horizon = 9 * 24
	s := manual(t, cfg)
	s.pushLeads(50, 0)
	r := s.finishRun(t)
	if n := value(t, s.p, r, "leads_nurtured", "all", "total"); n != 50 || value(t, s.p, r, "first_orders", "all", "total") != 0 {
		t.Fatalf("after 9 days: %g nurtured, want 50 and no sale yet", n)
	}
	cfg.Run.Horizon = 11 * 24
	s = manual(t, cfg)
	s.pushLeads(50, 0)
	r = s.finishRun(t)
	if n := value(t, s.p, r, "first_orders", "all", "total"); n != 50 {
		t.Fatalf("after 11 days: %g won, want all 50 recalled at their need date", n)
	}
}

// TestDatabaseCooloffAndAttempts: 10 contacts, a day's cooling-off, two
// attempts each: exactly 20 calls are made however long the run.
func TestDatabaseCooloffAndAttempts(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "dial", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Databases = []Database{{Name: "db", Contacts: 10, Cooloff: 24, MaxAttempts: 2, Stage: StageAt(0)}}
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	for _, tc := range []struct {
		horizon, want float64
	}{{12, 10}, {30, 20}, {24 * 10, 20}} {
		cfg.Run.Horizon = tc.horizon
		p := mustCompile(t, cfg)
		r := simulate(t, p, 1, 0)
		if got := value(t, p, r, "done.dial", "all", "total"); got != tc.want {
			t.Fatalf("horizon %g h: %g calls, want %g", tc.horizon, got, tc.want)
		}
	}
}

// TestInboundProfile: arrivals follow the rate, opening hours and weekday
// profile, and growth compounds over the year.
func TestInboundProfile(t *testing.T) {
	t.Parallel()
	cfg := oneRole(50, allDay(), Activity{Name: "serve", Duration: dist.MustParse("1m"), Kind: "k"})
	var open Week
	open.Work(MonFri, 9, 18)
	cfg.Inbound = []Inbound{{Name: "web", Rate: 10, Open: &open, Weekday: [7]float64{1, 1, 1, 1, 0.5, 0, 0}, Stage: StageAt(0)}}
	cfg.Run.Horizon = Year
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	// 4.5 full days of 9 open hours a week, 52 1/7 weeks (the year starts
	// on a Monday: the extra day is a Monday).
	want := 10 * 9 * (4.5*52 + 1)
	if got := value(t, p, r, "leads_in", "all", "total"); math.Abs(got-want) > 4*math.Sqrt(want) {
		t.Fatalf("%g requests, want %g ± %g", got, want, 4*math.Sqrt(want))
	}

	cfg.Inbound = []Inbound{{Name: "web", Rate: 10, Growth: 1, Stage: StageAt(0)}}
	p = mustCompile(t, cfg)
	r = simulate(t, p, 1, 0)
	first, last := value(t, p, r, "leads_in", "all", "m01"), value(t, p, r, "leads_in", "all", "m12")
	// Rate 10·2^t: month m holds ∫ over it; the ratio of month 12 to 1 is 2^(11/12).
	if ratio := last / first; math.Abs(ratio-math.Pow(2, 11.0/12)) > 0.08 {
		t.Fatalf("month 12 / month 1 = %g, want %g", ratio, math.Pow(2, 11.0/12))
	}
}

// clientBook is a design with n initial clients of size 1000 owned by one
// person, who does care calls.
func clientBook(n int) Config {
	cfg := oneRole(1, allDay(), Activity{Name: "care", Duration: dist.MustParse("1m"), Kind: "k"})
	cfg.Initial = []Initial{{Role: RoleAt(0), Clients: n, Level: 0.5}}
	cfg.Clients = Clients{Plan: 1, StartLevel: 0.5, OrdersPerMonth: 2, NeglectOrders: 1, NeglectChurn: 1}
	cfg.Run.Horizon = Year
	cfg.Market.MarginRate = 0.25
	return cfg
}

// TestRepeatOrdersMargin: clients order at their rate; margin per month is
// the book's size × level, revenue margin / margin rate.
func TestRepeatOrdersMargin(t *testing.T) {
	t.Parallel()
	p := mustCompile(t, clientBook(100))
	r := simulate(t, p, 1, 0)
	want := 100 * 1000 * 0.5 * 12.0 // a year of 100 clients at 500 a month
	margin := value(t, p, r, "margin", "all", "total")
	// 2400 orders of 250: Poisson noise ±2 %.
	if math.Abs(margin-want) > 0.08*want {
		t.Fatalf("margin %g, want %g", margin, want)
	}
	if rev := value(t, p, r, "revenue", "all", "total"); math.Abs(rev-margin/0.25) > 1e-6*rev {
		t.Fatalf("revenue %g, margin %g: want revenue = margin / 25 %%", rev, margin)
	}
}

// TestChurnAndNeglect: with 50 % annual churn about half the clients leave
// in a year; when every client is neglected and neglect triples the
// hazard, about 1 − 0.5³ leave.
func TestChurnAndNeglect(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		neglect bool
		want    float64
	}{{false, 0.5}, {true, 1 - 0.125}} {
		cfg := clientBook(400)
		cfg.Clients.Churn = 0.5
		cfg.Clients.NeglectChurn = 3
		if tc.neglect {
			cfg.Market.Need = []NeedTier{{0, 1e-3}} // overdue at once, never cared for
		}
		p := mustCompile(t, cfg)
		r := simulate(t, p, 1, 0)
		got := value(t, p, r, "churned_clients", "all", "total")
		if !within(got, 400, tc.want, 4) {
			t.Fatalf("neglect %v: %g of 400 churned, want about %g", tc.neglect, got, 400*tc.want)
		}
	}
}

// TestCareKeepsClients: the same neglect-prone book, but the owner calls
// each client as often as it needs: churn falls back to the base rate and
// the care calls develop clients towards plan.
func TestCareKeepsClients(t *testing.T) {
	t.Parallel()
	cfg := clientBook(400)
	cfg.Clients.Churn = 0.5
	cfg.Clients.NeglectChurn = 3
	cfg.Clients.Care = ActivityAt(0)
	cfg.Clients.DevelopStep = 0.1
	cfg.Clients.DevelopProb = 1
	cfg.Market.Need = []NeedTier{{0, 7 * 24}}
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	if got := value(t, p, r, "churned_clients", "all", "total"); !within(got, 400, 0.5, 4) {
		t.Fatalf("%g of 400 churned with weekly care, want about 200", got)
	}
	// Levels rise 0.1 a week from 0.5 to the plan of 1: by the last month
	// every remaining client orders at its full size.
	m12 := value(t, p, r, "margin", "all", "m12")
	active := value(t, p, r, "active_clients", "all", "m12")
	if want := active * 1000 * 0.5 * 2; m12 < 0.8*want {
		t.Fatalf("month 12 margin %g with %g clients, want about %g (developed to plan)", m12, active, active*1000)
	}
}

// TestFunnelThatCannotWin: a design whose leads advance through stages
// but can never be won (the last stage leads to a stage that never
// converts) is refused; a pure service design, where no stage converts, is
// not.
func TestFunnelThatCannotWin(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "x", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Inbound = []Inbound{{Name: "in", Rate: 1, Stage: StageAt(0)}}
	cfg.Stages = []Stage{
		{Name: "qualify", Activity: ActivityAt(0), Convert: 0.5, Next: StageAt(1)},
		{Name: "dead end", Activity: ActivityAt(0), Convert: 0},
	}
	if _, err := Compile(cfg); err == nil || !strings.Contains(err.Error(), "no lead can be won") {
		t.Errorf("a funnel that cannot win: %v", err)
	}
	cfg.Stages[0].Convert = 0
	if _, err := Compile(cfg); err != nil {
		t.Errorf("a pure service design: %v", err)
	}
}

// TestReorgLeavesInboundWithNobody: a reorganisation after which no role
// with people does the work of an inbound stream's stage is refused.
func TestReorgLeavesInboundWithNobody(t *testing.T) {
	t.Parallel()
	cfg := oneRole(2, allDay(), Activity{Name: "x", Duration: dist.MustParse("5m"), Kind: "k"})
	cfg.Inbound = []Inbound{{Name: "in", Rate: 1, Stage: StageAt(0)}}
	cfg.Run.Horizon = 2 * Month
	cfg.Reorgs = []Reorg{{At: Month, Headcount: []int{0}}}
	if _, err := Compile(cfg); err == nil || !strings.Contains(err.Error(), "nobody with people does") {
		t.Errorf("a reorganisation that leaves requests unanswered: %v", err)
	}
}

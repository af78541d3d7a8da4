package org

import (
	"fmt"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

// The directional tests of research/domain.md §H: seeded, with enough
// replications for the effect to stand out of the noise, each comparison
// paired replication by replication (common random numbers) and judged by
// the 95 % interval of the paired difference.

// pairedDiff runs two plans for reps replications with the same seed and
// returns the summary of f(b) − f(a).
func pairedDiff(t *testing.T, a, b *Plan, reps int, f func(p *Plan, r Result) float64) stats.Summary {
	t.Helper()
	sa, sb := NewSim(a), NewSim(b)
	var d stats.Paired
	for rep := range reps {
		ra, err := sa.Run(t.Context(), 11, rep)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := sb.Run(t.Context(), 11, rep)
		if err != nil {
			t.Fatal(err)
		}
		d.Add(f(b, rb), f(a, ra))
	}
	return d.Summary(0.95)
}

func measure(name, role string) func(p *Plan, r Result) float64 {
	return func(p *Plan, r Result) float64 {
		i, ok := p.Catalog().Index(metric.Key{Metric: name, Role: role, Period: metric.Total})
		if !ok {
			panic("no metric " + name)
		}
		return r.Values[i]
	}
}

func positive(s stats.Summary) bool { return s.Lo > 0 }
func negative(s stats.Summary) bool { return s.Hi < 0 }
func covers0(s stats.Summary) bool  { return s.Lo <= 0 && s.Hi >= 0 }

// callers is a cold-calling team on a large raw base; a call converts to a
// won client directly (the first order is the measure).
func callers(headcount int, shifts []Week, fatigue Fatigue) Config {
	cfg := oneRole(headcount, shifts[0], Activity{Name: "dial", Duration: dist.MustParse("exp(mean=5m)"), Kind: "phone", Fatigue: true})
	cfg.Roles[0].Shifts = shifts
	cfg.Roles[0].Fatigue = fatigue
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	cfg.Databases = []Database{{Name: "raw", Contacts: 1000000, Stage: StageAt(0)}}
	cfg.Stages = []Stage{{Name: "dial", Activity: ActivityAt(0), Convert: 0.1}}
	cfg.Run.Horizon = 3 * Month
	return cfg
}

func weekdays(from, to float64) Week {
	var w Week
	w.Work(MonFri, from, to)
	return w
}

// TestDirectionalShiftFatigue (§H, B1/B2): with fatigue, two 4-hour
// shifts of callers out-produce one 8-hour shift of the same headcount-
// hours; without fatigue they produce the same.
func TestDirectionalShiftFatigue(t *testing.T) {
	t.Parallel()
	fat := Fatigue{Speed: 0.03, Convert: 0.05, Floor: 0.5, BreakRecovery: 1}
	for _, tc := range []struct {
		fatigue Fatigue
		want    func(stats.Summary) bool
		what    string
	}{{fat, positive, "more"}, {Fatigue{}, covers0, "the same"}} {
		one := mustCompile(t, callers(2, []Week{weekdays(10, 18)}, tc.fatigue))
		two := mustCompile(t, callers(4, []Week{weekdays(10, 14), weekdays(14, 18)}, tc.fatigue))
		d := pairedDiff(t, one, two, 20, measure("first_orders", metric.Department))
		t.Logf("fatigue %+v: two 4-hour shifts − one 8-hour shift = %.1f [%.1f, %.1f] clients", tc.fatigue, d.Mean, d.Lo, d.Hi)
		if !tc.want(d) {
			t.Errorf("fatigue %+v: two shifts should win %s clients; difference %.1f [%.1f, %.1f]", tc.fatigue, tc.what, d.Mean, d.Lo, d.Hi)
		}
	}
}

// pipeline is callers passing leads to closers whose leads cool while they
// wait: the closing stage converts less after days in the queue and a
// lead goes cold after 20 days.
func pipeline(pause *Pause) Config {
	acts := []Activity{
		{Name: "dial", Duration: dist.MustParse("exp(mean=5m)"), Kind: "phone"},
		{Name: "close", Duration: dist.MustParse("exp(mean=1h)"), Kind: "phone", Patience: dist.MustParse("20d")},
	}
	week := weekdays(9, 17)
	cfg := Config{
		Name: "pipeline", Run: Run{Horizon: 4 * Month, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(1000, dist.None), MarginRate: 1},
		Databases:  []Database{{Name: "raw", Contacts: 1000000, Stage: StageAt(0)}},
		Activities: acts,
		Stages: []Stage{
			{Name: "dial", Activity: ActivityAt(0), Convert: 0.05, Next: StageAt(1)},
			{Name: "close", Activity: ActivityAt(1), Convert: 0.5, Decay: []DecayPoint{{24, 1}, {3 * 24, 0.5}, {10 * 24, 0.1}}},
		},
		Clients: Clients{Plan: 1, StartLevel: 1},
		Roles: []Role{
			{Name: "caller", Headcount: 3, Shifts: []Week{week}, Speed: []float64{1, 0}, Skill: ones(2), Pull: []DatabaseRef{DatabaseAt(0)}, Pause: pause},
			{Name: "closer", Headcount: 1, Shifts: []Week{week}, Speed: []float64{0, 1}, Skill: ones(2), Assign: AssignPool},
		},
		Handoffs: []Handoff{{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(1)}},
	}
	return cfg
}

// TestDirectionalBackPressure (§H4, C5): when closers are overloaded,
// pausing the callers while more than 10 leads wait raises the share of
// passed leads that are won.
func TestDirectionalBackPressure(t *testing.T) {
	t.Parallel()
	free := mustCompile(t, pipeline(nil))
	paused := mustCompile(t, pipeline(&Pause{Watch: RoleAt(1), Above: 10, Below: 5}))
	perLead := func(p *Plan, r Result) float64 {
		return measure("first_orders", metric.Department)(p, r) / measure("passed", "caller")(p, r)
	}
	d := pairedDiff(t, free, paused, 20, perLead)
	t.Logf("won per passed lead, paused − free: %.3f [%.3f, %.3f]", d.Mean, d.Lo, d.Hi)
	if !positive(d) {
		t.Errorf("pausing should raise won per lead; difference %.3f [%.3f, %.3f]", d.Mean, d.Lo, d.Hi)
	}
}

// fullCycle is managers who call a raw base when nothing else waits and
// own an initial book of clients of the given size; fatCat switches the
// income-target rule on.
func fullCycle(book int, fatCat bool) Config {
	acts := []Activity{
		{Name: "dial", Duration: dist.MustParse("exp(mean=5m)"), Kind: "phone", Priority: 50},
		{Name: "care", Duration: dist.MustParse("exp(mean=10m)"), Kind: "phone", Priority: 10},
	}
	cfg := Config{
		Name: "full-cycle", Run: Run{Horizon: 3 * Month, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(20000, dist.None), MarginRate: 1, Need: []NeedTier{{0, 30 * 24}}},
		Databases:  []Database{{Name: "raw", Contacts: 1000000, Stage: StageAt(0)}},
		Activities: acts,
		Stages:     []Stage{{Name: "dial", Activity: ActivityAt(0), Convert: 0.01}},
		Clients:    Clients{Plan: 1, StartLevel: 1, OrdersPerMonth: 1, Care: ActivityAt(1), NeglectChurn: 1, NeglectOrders: 1},
		Roles: []Role{{Name: "manager", Headcount: 4, Shifts: []Week{weekdays(9, 18)}, Speed: ones(2), Skill: ones(2),
			Pull: []DatabaseRef{DatabaseAt(0)}, Assign: AssignFinder, Personal: true, Pay: Pay{Commission: 0.1}}},
		Initial: []Initial{{Role: RoleAt(0), Clients: book, Level: 1}},
	}
	if fatCat {
		// A target income of 150k a month: with 10 % commission, a book of
		// 75 clients of 20k pays it in full.
		cfg.Roles[0].FatCat = &FatCat{Target: 150000, Floor: 0.1, Shape: 1, Slack: 0.5}
	}
	return cfg
}

// TestDirectionalFatCats (§H5, E4): with the income-target rule, new
// clients per manager fall as the income from the manager's own book
// grows; without a book the rule changes nothing.
func TestDirectionalFatCats(t *testing.T) {
	t.Parallel()
	newClients := measure("first_orders", metric.Department)
	var prev float64
	for i, book := range []int{0, 25, 50, 75} {
		rule := mustCompile(t, fullCycle(book, true))
		s := NewSim(rule)
		var acc stats.Accumulator
		for rep := range 10 {
			r, _ := s.Run(t.Context(), 11, rep)
			acc.Add(newClients(rule, r) / 4)
		}
		m := acc.Summary(0.95)
		t.Logf("book %d clients: %.1f ± %.1f new clients per manager", book, m.Mean, m.HalfWidth())
		if i > 0 && !(m.Mean < prev) {
			t.Errorf("book %d: %.1f new clients per manager, not below %.1f with a smaller book", book, m.Mean, prev)
		}
		prev = m.Mean
	}
	// A book takes time to serve whatever the rule; the rule's own effect
	// is the paired difference with and without it, relative to without:
	// it grows with the income from the book.
	effect := func(book int) float64 {
		off, on := mustCompile(t, fullCycle(book, false)), mustCompile(t, fullCycle(book, true))
		d := pairedDiff(t, off, on, 10, newClients)
		if !negative(d) {
			t.Errorf("book %d: the rule should cut new clients; on − off %.1f [%.1f, %.1f]", book, d.Mean, d.Lo, d.Hi)
		}
		var base stats.Accumulator
		s := NewSim(off)
		for rep := range 10 {
			r, _ := s.Run(t.Context(), 11, rep)
			base.Add(newClients(off, r))
		}
		return d.Mean / base.Summary(0.95).Mean
	}
	small, large := effect(10), effect(60)
	t.Logf("the rule changes new clients by %.0f%% with a book of 10, by %.0f%% with 60", 100*small, 100*large)
	if !(large < small) {
		t.Errorf("the rule's effect should grow with the book: %.2f at 10, %.2f at 60", small, large)
	}
}

// serviceBook is an existing book of 600 clients of heavy-tailed size
// (top-20 % share 0.67, research/domain.md D1) served by a service role
// that calls each client every 30 days whatever its size; the largest need
// a call every 14 days. With kam, clients of the top 20 % go to a
// key-account manager who calls them as often as they need.
func serviceBook(kam bool) Config {
	acts := []Activity{
		{Name: "care", Duration: dist.MustParse("exp(mean=30m)"), Kind: "phone"},
	}
	size := dist.MustParse("lognormal(mean=20k, top20=0.67)")
	cfg := Config{
		Name: "service", Run: Run{Horizon: Year, Replications: 1, Seed: 1},
		Market: Market{Size: size, MarginRate: 1,
			Need: []NeedTier{{0, 60 * 24}, {size.Quantile(0.8), 14 * 24}}},
		Activities: acts,
		Stages:     []Stage{{Name: "none", Activity: ActivityAt(0), Convert: 0}},
		Clients: Clients{Plan: 1, StartLevel: 1, OrdersPerMonth: 1, Care: ActivityAt(0),
			Churn: 0.18, NeglectChurn: 3, NeglectOrders: 0.7},
		Roles: []Role{{Name: "service", Headcount: 3, Shifts: []Week{weekdays(9, 18)}, Speed: ones(1), Skill: ones(1),
			Assign: AssignLeastLoaded, Personal: true, Cover: true, CareEvery: 30 * 24}},
		Initial: []Initial{{Role: RoleAt(0), Clients: 200, Level: 1}},
	}
	if kam {
		cfg.Roles[0].Headcount = 2
		cfg.Initial[0].Clients = 300
		cfg.Roles = append(cfg.Roles, Role{Name: "kam", Headcount: 1, Shifts: []Week{weekdays(9, 18)}, Speed: ones(1), Skill: ones(1),
			Assign: AssignLeastLoaded, Personal: true})
		// The first care call finds the large clients and hands them on.
		cfg.Handoffs = []Handoff{{From: RoleAt(0), To: RoleAt(1), Trigger: AfterDeals, Deals: 0 + 1, MinSize: size.Quantile(0.8)}}
		cfg.Clients.Order = 0
	}
	return cfg
}

// TestDirectionalKeyAccounts (§H10, D1/D3): with the same service time for
// every client, the top-20 % clients churn more than under a key-account
// tier that serves them as often as they need.
func TestDirectionalKeyAccounts(t *testing.T) {
	t.Parallel()
	uniform, kam := mustCompile(t, serviceBook(false)), mustCompile(t, serviceBook(true))
	d := pairedDiff(t, kam, uniform, 20, measure("churned_top20", metric.Department))
	t.Logf("top-20%% clients churned, uniform − key-account tier: %.1f [%.1f, %.1f]", d.Mean, d.Lo, d.Hi)
	if !positive(d) {
		t.Errorf("uniform service should lose more top clients; difference %.1f [%.1f, %.1f]", d.Mean, d.Lo, d.Hi)
	}
}

// specialisation is the §H3 experiment: the same twelve people either as
// full-cycle managers (who prospect, sell, and serve their clients, whose
// orders and questions ring in and interrupt them) or as a chain of eight
// callers, two closers and two account managers — in proportion to the
// full-cycle managers' own split of time — with handoffs that lose
// information and time. setup is the switching cost.
func specialisation(chain bool, setup float64) Config {
	acts := []Activity{
		// Three kinds of work: prospecting, selling and serving clients,
		// whose orders ring in and interrupt whatever is in hand.
		{Name: "dial", Duration: dist.MustParse("exp(mean=5m)"), Kind: "prospecting", Priority: 90},
		{Name: "meeting", Duration: dist.MustParse("exp(mean=1h)"), Kind: "selling", Priority: 30, Patience: dist.MustParse("30d")},
		{Name: "proposal", Duration: dist.MustParse("exp(mean=2h)"), Kind: "selling", Priority: 40},
		{Name: "order", Duration: dist.MustParse("exp(mean=30m)"), Kind: "service", Priority: 10, Interrupts: true, Patience: dist.MustParse("5d")},
		{Name: "care", Duration: dist.MustParse("exp(mean=20m)"), Kind: "service", Priority: 60},
		{Name: "question", Duration: dist.MustParse("exp(mean=10m)"), Kind: "service", Priority: 5, Interrupts: true, Patience: dist.MustParse("2d")},
	}
	n := len(acts)
	week := weekdays(9, 18)
	does := func(as ...int) []float64 {
		x := make([]float64, n)
		for _, a := range as {
			x[a] = 1
		}
		return x
	}
	cfg := Config{
		Name: "spec", Run: Run{Horizon: 6 * Month, Warmup: 2 * Month, Replications: 1, Seed: 1},
		// Equal company sizes: the experiment is about time, not about which
		// companies happen to be won.
		Market:     Market{Size: dist.MustParse("10k"), MarginRate: 0.3, Need: []NeedTier{{0, 30 * 24}}},
		Databases:  []Database{{Name: "raw", Contacts: 1000000, Stage: StageAt(0)}},
		Activities: acts,
		Stages: []Stage{
			{Name: "dial", Activity: ActivityAt(0), Convert: 0.01, Next: StageAt(1)},
			{Name: "meeting", Activity: ActivityAt(1), Convert: 0.5, Next: StageAt(2), Delay: dist.MustParse("exp(mean=3d)"),
				Decay: []DecayPoint{{24, 1}, {5 * 24, 0.6}, {15 * 24, 0.3}}},
			{Name: "proposal", Activity: ActivityAt(2), Convert: 0.4, Delay: dist.MustParse("exp(mean=5d)")},
		},
		Clients: Clients{Plan: 1, StartLevel: 0.6, FirstOrder: 1, OrdersPerMonth: 2, Order: ActivityAt(3), Care: ActivityAt(4), Claim: ActivityAt(5), ClaimsPerMonth: 3,
			DevelopStep: 0.1, DevelopProb: 0.3, Churn: 0.18, NeglectChurn: 3, NeglectOrders: 0.7, LostOrderChurn: 0.2},
	}
	role := func(name string, k int, speed []float64, pull bool) Role {
		r := Role{Name: name, Headcount: k, Shifts: []Week{week}, Speed: speed, Skill: ones(n),
			Assign: AssignFinder, Personal: true, Cover: true, Setup: setup}
		if pull {
			r.Pull = []DatabaseRef{DatabaseAt(0)}
		}
		return r
	}
	if !chain {
		cfg.Roles = []Role{role("manager", 12, does(0, 1, 2, 3, 4, 5), true)}
		return cfg
	}
	cfg.Roles = []Role{
		role("caller", 8, does(0), true),
		role("closer", 2, does(1, 2), false),
		role("account", 2, does(3, 4, 5), false),
	}
	cfg.Roles[2].Assign = AssignLeastLoaded
	cfg.Roles[1].Assign = AssignLeastLoaded
	cfg.Handoffs = []Handoff{
		{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(1), Delay: dist.MustParse("4h"), InfoLoss: 0.05},
		{From: RoleAt(1), To: RoleAt(2), Trigger: AtWon, Delay: dist.MustParse("1d"), InfoLoss: 0.05},
	}
	return cfg
}

// TestDirectionalSpecialisation (§H3, A5/C5/C7): with little switching
// cost, full-cycle managers out-earn the chain, whose handoffs lose leads;
// as the cost of each switch grows the chain overtakes them. The test
// sweeps the cost and reports the crossover.
func TestDirectionalSpecialisation(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a sweep of 12 designs")
	}
	margin := measure("margin", metric.Department)
	crossover := -1.0
	var first, last stats.Summary
	setups := []float64{0, 5, 10, 15, 20, 30, 45, 60}
	if raceEnabled {
		setups = []float64{0, 60} // the race detector slows the sweep tenfold
	}
	var prev stats.Summary
	for i, min := range setups {
		fc := mustCompile(t, specialisation(false, min/60))
		ch := mustCompile(t, specialisation(true, min/60))
		d := pairedDiff(t, fc, ch, 12, margin)
		t.Logf("switching %2.0f min: chain − full-cycle margin = %s [%s, %s]", min, fmtMoney(d.Mean), fmtMoney(d.Lo), fmtMoney(d.Hi))
		if crossover < 0 && d.Mean > 0 && i > 0 {
			// Interpolate linearly between the two costs around the sign change.
			lo := setups[i-1]
			crossover = lo + (min-lo)*(-prev.Mean)/(d.Mean-prev.Mean)
		}
		prev = d
		if i == 0 {
			first = d
		}
		last = d
	}
	if !negative(first) {
		t.Errorf("without switching cost the full-cycle managers should earn more; chain − full-cycle %s [%s, %s]", fmtMoney(first.Mean), fmtMoney(first.Lo), fmtMoney(first.Hi))
	}
	if !positive(last) {
		t.Errorf("at 60 min a switch the chain should earn more; chain − full-cycle %s [%s, %s]", fmtMoney(last.Mean), fmtMoney(last.Lo), fmtMoney(last.Hi))
	}
	t.Logf("crossover: the chain earns more from about %.0f min per switch", crossover)
}

func fmtMoney(x float64) string { return fmt.Sprintf("%.0fk", x/1000) }

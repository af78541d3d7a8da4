package org

import (
	"math"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// postValue returns the measure of post (1-based) of role in a result.
func postMeasure(t *testing.T, p *Plan, r Result, name, role string, post int) float64 {
	t.Helper()
	k := metric.Key{Metric: name, Role: role, Period: metric.Total, Post: post}
	for i, kk := range p.Catalog().People {
		if kk == k {
			return r.People[i]
		}
	}
	t.Fatalf("no measure %s", k)
	return 0
}

// TestPostsDeterministicNorms: two people always busy with 30-minute
// tasks, one on Mon-Fri 09:00-17:00 (80 tasks a week), one on Mon-Wed
// (48 a week), for four weeks, against a weekly norm of 60 (each is
// present for all of their own scheduled hours). The first attains
// 80/60 and meets the norm every week, the second 48/60 = 0.8 and never:
// the role meets it in half of its person-weeks. Every measure of the
// two posts is known: tasks, hours held, utilisation 1.
func TestPostsDeterministicNorms(t *testing.T) {
	t.Parallel()
	var full, part Week
	if err := full.Work(MonFri, 9, 17); err != nil {
		t.Fatal(err)
	}
	if err := part.Work(0x7, 9, 17); err != nil { // Mon-Wed
		t.Fatal(err)
	}
	cfg := oneRole(2, full, Activity{Name: "call", Duration: dist.MustParse("30m"), Kind: "k"})
	cfg.Roles[0].Shifts = []Week{full, part}
	cfg.Run.Horizon = 4 * HoursPerWeek
	cfg.Roles[0].Norms = []Norm{{Name: "calls", Activity: ActivityAt(0), Count: 60, Per: HoursPerWeek}}
	s := manual(t, cfg)
	s.pushTurns(4*(80+48)+50, 0)
	r := s.finishRun(t)
	p := s.p
	norm := func(prefix string) string { return metric.Of(prefix, "calls") }
	for _, c := range []struct {
		name      string
		post1, p2 float64
		role      float64 // NaN: not reported per role
		additive  bool
		tolerance float64
	}{
		{metric.Throughput, 4 * 80, 4 * 48, 4 * 128, true, 0},
		{metric.Done("call"), 4 * 80, 4 * 48, 4 * 128, true, 0},
		{metric.Headcount, 1, 1, 2, true, 1e-12},
		{metric.Utilisation, 1, 1, 1, false, 1e-12},
		{norm(metric.NormAttainmentPrefix), 80.0 / 60, 0.8, (80.0/60 + 0.8) / 2, false, 1e-12},
		{norm(metric.NormMetPrefix), 1, 0, 0.5, false, 0},
		{norm(metric.NormReachedPrefix), 1, 0, math.NaN(), false, 0},
	} {
		p1, p2 := postMeasure(t, p, r, c.name, "worker", 1), postMeasure(t, p, r, c.name, "worker", 2)
		if math.Abs(p1-c.post1) > c.tolerance || math.Abs(p2-c.p2) > c.tolerance {
			t.Errorf("%s: posts %g and %g, want %g and %g", c.name, p1, p2, c.post1, c.p2)
		}
		if math.IsNaN(c.role) {
			if _, ok := p.Catalog().Index(metric.Key{Metric: c.name, Role: "worker", Period: metric.Total}); ok {
				t.Errorf("%s is reported per role", c.name)
			}
			continue
		}
		if role := value(t, p, r, c.name, "worker", metric.Total); math.Abs(role-c.role) > c.tolerance {
			t.Errorf("%s: role %g, want %g", c.name, role, c.role)
		}
	}
}

// TestPostsOnePersonIsTheRole: a role of one person, with clients, a
// quota with an accelerator and commission: every measure of its one
// post is the role's.
func TestPostsOnePersonIsTheRole(t *testing.T) {
	t.Parallel()
	cfg := clientBook(10)
	cfg.Clients.StartLevel = 1
	cfg.Initial[0].Level = 1
	cfg.Market.Size = dist.Const(1000, dist.None)
	cfg.Run.Horizon = 6 * Month
	cfg.Run.Warmup = Month
	cfg.Roles[0].Pay = Pay{Salary: 3000, Commission: 0.1}
	cfg.Roles[0].Quota = &Quota{Margin: 9000, Accelerator: 1.5}
	p := mustCompile(t, cfg)
	r := simulate(t, p, 3, 1)
	for _, name := range []string{metric.Margin, metric.Cost, metric.Throughput, metric.FirstOrders, metric.Utilisation,
		metric.Headcount, metric.Done("care"), metric.QuotaAttainment, metric.QuotaMet} {
		role, post := value(t, p, r, name, "worker", metric.Total), postMeasure(t, p, r, name, "worker", 1)
		if math.Abs(role-post) > 1e-9*math.Max(1, math.Abs(role)) {
			t.Errorf("%s: post %g, role %g", name, post, role)
		}
	}
	att := value(t, p, r, metric.QuotaAttainment, "worker", metric.Total)
	want := 0.0
	if att >= 1 {
		want = 1
	}
	if reached := postMeasure(t, p, r, metric.QuotaReached, "worker", 1); reached != want {
		t.Errorf("quota reached %g with attainment %g", reached, att)
	}
	// margin, cost, throughput, deals won, utilisation, headcount,
	// done.care, and the quota's attainment, met and reached.
	if n := len(p.Catalog().People); n != 10 {
		t.Errorf("%d measures per post, want 10: %v", n, p.Catalog().People)
	}
}

// TestPostsQuotaMet: two people share ten clients; against a quota of 1
// every person-month meets it, against one of 10⁹ none does (each month
// brings each person Poisson(10) orders: a month without any has
// probability e⁻¹⁰).
func TestPostsQuotaMet(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		quota, met float64
	}{{1, 1}, {1e9, 0}} {
		cfg := clientBook(10)
		cfg.Roles[0].Headcount = 2
		cfg.Clients.StartLevel = 1
		cfg.Initial[0].Level = 1
		cfg.Run.Horizon = 6 * Month
		cfg.Roles[0].Quota = &Quota{Margin: c.quota}
		p := mustCompile(t, cfg)
		r := simulate(t, p, 1, 0)
		for post := 1; post <= 2; post++ {
			if got := postMeasure(t, p, r, metric.QuotaMet, "worker", post); got != c.met {
				t.Errorf("quota %g: post %d met %g, want %g", c.quota, post, got, c.met)
			}
			if got := postMeasure(t, p, r, metric.QuotaReached, "worker", post); got != c.met {
				t.Errorf("quota %g: post %d reached %g, want %g", c.quota, post, got, c.met)
			}
		}
		if got := value(t, p, r, metric.QuotaMet, "worker", metric.Total); got != c.met {
			t.Errorf("quota %g: role met %g, want %g", c.quota, got, c.met)
		}
	}
}

// TestPostsSumToTheRole: in the benchmark design (4 callers, 8 managers,
// with absence, commission, bonuses, clients and a handoff), the posts of
// a role add up to the role in every additive measure.
func TestPostsSumToTheRole(t *testing.T) {
	t.Parallel()
	cfg := benchDesign()
	cfg.Run.Horizon = 6 * Month
	cfg.Run.Warmup = 2 * Month
	cfg.Roles[1].Quota = &Quota{Margin: 60000}
	cfg.Roles[0].Norms = []Norm{{Activity: ActivityAt(0), Count: 300, Per: HoursPerWeek}}
	p := mustCompile(t, cfg)
	common := []string{metric.Margin, metric.Cost, metric.Throughput, metric.FirstOrders, metric.Headcount}
	for rep := range 3 {
		r := simulate(t, p, 5, rep)
		for _, c := range []struct {
			role  string
			posts int
			names []string
		}{
			{"caller", 4, append(common, metric.Done("cold_call"))},
			{"manager", 8, append(common, metric.Done("meeting"), metric.Done("order"), metric.Done("care"))},
		} {
			for _, name := range c.names {
				var sum float64
				for post := 1; post <= c.posts; post++ {
					sum += postMeasure(t, p, r, name, c.role, post)
				}
				want := value(t, p, r, name, c.role, metric.Total)
				if math.Abs(sum-want) > 1e-9*math.Max(1, want) {
					t.Errorf("replication %d, %s %s: posts sum to %g, role %g", rep, c.role, name, sum, want)
				}
			}
		}
	}
}

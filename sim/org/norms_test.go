package org

import (
	"math"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// TestNormsDeterministicWeek: one person, Mon-Fri 09:00-17:00 (40 h a
// week), always busy with 30-minute tasks: 80 a week. A norm of 100 a week
// is attained at 80 % and never met; a norm of 80 is met every week; the
// same 80 tasks, all for one company with two decision makers and counted
// per decision maker, count 2 a day: 10 a week, 20 % of a norm of 50.
func TestNormsDeterministicWeek(t *testing.T) {
	t.Parallel()
	var w Week
	if err := w.Work(MonFri, 9, 17); err != nil {
		t.Fatal(err)
	}
	cfg := oneRole(1, w, Activity{Name: "call", Duration: dist.MustParse("30m"), Kind: "k"})
	cfg.Run.Horizon = 4 * HoursPerWeek
	cfg.Market.DecisionMakers = dist.MustParse("const(2)")
	cfg.Roles[0].Norms = []Norm{
		{Name: "high", Activity: ActivityAt(0), Count: 100, Per: HoursPerWeek},
		{Name: "exact", Activity: ActivityAt(0), Count: 80, Per: HoursPerWeek},
		{Name: "dm", Activity: ActivityAt(0), Count: 50, Per: HoursPerWeek, PerDecisionMaker: true},
	}
	s := manual(t, cfg)
	acct := s.accts.newAccount(1000, s.testKey(), 0, -1)
	for range 4 * 80 {
		id := s.work.newTask(tkSale, 0, acct)
		s.work.push(id, 0, -1)
	}
	r := s.finishRun(t)
	for _, c := range []struct {
		norm            string
		attainment, met float64
	}{{"high", 0.8, 0}, {"exact", 1, 1}, {"dm", 0.2, 0}} {
		a := value(t, s.p, r, metric.Of(metric.NormAttainmentPrefix, c.norm), "worker", metric.Total)
		m := value(t, s.p, r, metric.Of(metric.NormMetPrefix, c.norm), "worker", metric.Total)
		if math.Abs(a-c.attainment) > 1e-9 || m != c.met {
			t.Errorf("norm %s: attainment %.4f, met %.2f; want %.2f, %.2f", c.norm, a, m, c.attainment, c.met)
		}
	}
}

// TestQuotaAndAccelerator: a manager's 10 clients, each ordering 500 of
// margin twice a month (booked at once, no order handling), bring 10,000
// a month on average. Against a quota of 5,000 the attainment is about 2
// and the quota is met nearly every month; with a commission of 10 % and
// an accelerator of 1.5, the commission is 10 % of the margin plus 5 % of
// the margin above the quota in each month.
func TestQuotaAndAccelerator(t *testing.T) {
	t.Parallel()
	cfg := clientBook(10)
	cfg.Clients.StartLevel = 1
	cfg.Initial[0].Level = 1
	cfg.Market.Size = dist.Const(1000, dist.None)
	cfg.Clients.OrdersPerMonth = 2
	cfg.Run.Horizon = 12 * Month
	cfg.Roles[0].Pay.Commission = 0.1
	cfg.Roles[0].Quota = &Quota{Margin: 5000, Accelerator: 1.5}
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	att := value(t, p, r, metric.QuotaAttainment, "worker", metric.Total)
	met := value(t, p, r, metric.QuotaMet, "worker", metric.Total)
	if math.Abs(att-2) > 0.2 || met < 0.9 {
		t.Errorf("quota attainment %.3f, met %.2f: want about 2 and nearly always", att, met)
	}
	margin := value(t, p, r, metric.Margin, "worker", metric.Total)
	var above float64
	for m := 1; m <= 12; m++ {
		above += math.Max(0, value(t, p, r, metric.Margin, "worker", metric.Month(m, 12))-5000)
	}
	want := 0.1*margin + 0.05*above
	if got := value(t, p, r, metric.CostCommission, "worker", metric.Total); math.Abs(got-want) > 1e-6*want {
		t.Errorf("commission %.2f, want 10%% of %.0f + 5%% of %.0f above quota = %.2f", got, margin, above, want)
	}
}

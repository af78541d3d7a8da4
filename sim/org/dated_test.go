package org

import (
	"math"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// pushStream is one server of requests (fast enough never to queue) and a
// stream that starts at hour 100 at one request an hour and stops at hour
// 200; the stop is given with a reorganisation at 200 when byReorg.
func pushStream(byReorg bool) Config {
	cfg := oneRole(1, allDay(), Activity{Name: "serve", Duration: dist.MustParse("1m"), Kind: "k"})
	cfg.Run.Horizon = 300
	cfg.Inbound = []Inbound{{Name: "push", Stage: StageAt(0), Changes: []RateChange{{At: 100, Rate: 1}}}}
	if byReorg {
		cfg.Reorgs = []Reorg{{At: 200, Inbound: []StreamChange{{Stream: InboundAt(0)}}}}
	} else {
		cfg.Inbound[0].Changes = append(cfg.Inbound[0].Changes, RateChange{At: 200})
	}
	return cfg
}

// TestDatedStreamStartsAndStops: no request before hour 100 or after hour
// 200, and about a hundred between; a stop given with a reorganisation
// is the same stream.
func TestDatedStreamStartsAndStops(t *testing.T) {
	t.Parallel()
	var counts [2]int
	for i, byReorg := range []bool{false, true} {
		s := manual(t, pushStream(byReorg))
		s.env.RunUntil(100)
		if n := s.ledger.Created; n != 0 {
			t.Fatalf("%d requests before the stream starts", n)
		}
		s.env.RunUntil(200)
		n := s.ledger.Created
		if !within(float64(n), 100000, 0.001, 5) {
			t.Fatalf("%d requests in 100 hours at 1 an hour", n)
		}
		s.finishRun(t)
		if s.ledger.Created != n {
			t.Fatalf("%d requests after the stream stopped", s.ledger.Created-n)
		}
		counts[i] = n
	}
	if counts[0] != counts[1] {
		t.Fatalf("%d requests with the stop at a time, %d with it at a reorganisation at that time", counts[0], counts[1])
	}
}

// TestMarketingBudget: a budget of one month's hours per month costs 1
// an hour, 2 an hour after the change at hour 1000; the cost is booked to
// the months it falls in, after the warm-up only, and counts in cost and
// profit.
func TestMarketingBudget(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, allDay(), Activity{Name: "serve", Duration: dist.MustParse("1m"), Kind: "k"})
	cfg.Run.Warmup, cfg.Run.Horizon = 100, 2*Month
	cfg.Inbound = []Inbound{{Name: "push", Stage: StageAt(0), Budget: Month, Changes: []RateChange{{At: 1000, Budget: 2 * Month}}}}
	p := mustCompile(t, cfg)
	r := simulate(t, p, 1, 0)
	m1 := Month                               // [100, 830): one an hour
	m2 := (1000 - 830) + 2*(100+2*Month-1000) // [830, 1560): to hour 1000 at 1, then at 2
	for _, tc := range []struct {
		period string
		want   float64
	}{{"m01", m1}, {"m02", m2}, {"total", m1 + m2}} {
		if got := value(t, p, r, "cost_marketing", "worker", tc.period); !near(got, tc.want) {
			t.Errorf("%s: marketing %g, want %g", tc.period, got, tc.want)
		}
	}
	if c, pr := value(t, p, r, "cost", "all", "total"), value(t, p, r, "profit", "all", "total"); !near(c, m1+m2) || !near(pr, -(m1+m2)) {
		t.Errorf("cost %g, profit %g: want the marketing spend %g in both", c, pr, m1+m2)
	}
	if r.Ledger.Money != r.Ledger.MoneyDept {
		t.Errorf("roles' money %v, department's %v", r.Ledger.Money, r.Ledger.MoneyDept)
	}
	// A design without a budget reports no marketing.
	cfg.Inbound[0].Budget, cfg.Inbound[0].Changes = 0, nil
	if _, ok := mustCompile(t, cfg).Catalog().Metric("cost_marketing"); ok {
		t.Error("cost_marketing reported by a design without marketing")
	}
}

// TestDatedDemandRules: changes in time order, at a time or with a
// reorganisation, and a stream that starts while nobody can answer it is
// refused.
func TestDatedDemandRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		changes []RateChange
		want    string
	}{
		{[]RateChange{{At: 200, Rate: 1}, {At: 100}}, "Inbound[0].Changes[1].At: 100h is before change 0 at 200h"},
		{[]RateChange{{Rate: 1}}, "Inbound[0].Changes[0].At: 0h out of range"},
		{[]RateChange{{At: 400, Rate: 1}}, "Inbound[0].Changes[0].At: 400h is after the end of the run"},
		{[]RateChange{{At: 100, Rate: -1}}, "Inbound[0].Changes[0].Rate: -1 out of range"},
	} {
		cfg := pushStream(true)
		cfg.Inbound[0].Changes = tc.changes
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.changes, err, tc.want)
		}
	}
	for _, tc := range []struct {
		changes []StreamChange
		want    string
	}{
		{[]StreamChange{{Rate: 1}}, "Reorgs[0].Inbound[0].Stream: missing: give the inbound stream"},
		{[]StreamChange{{Stream: InboundAt(1)}}, "Reorgs[0].Inbound[0].Stream: inbound stream 1 out of range: the design has 1"},
		{[]StreamChange{{Stream: InboundAt(0)}, {Stream: InboundAt(0)}}, "Reorgs[0].Inbound[1].Stream: stream push changed twice"},
		{[]StreamChange{{Stream: InboundAt(0), Budget: -1}}, "Reorgs[0].Inbound[0].Budget: -1 out of range"},
	} {
		cfg := pushStream(true)
		cfg.Reorgs[0].Inbound = tc.changes
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.changes, err, tc.want)
		}
	}
	// Nobody answers until the reorganisation at hour 200 hires: a stream
	// that starts with it is fine, one that starts at hour 100 is not.
	cfg := pushStream(true)
	cfg.Roles[0].Headcount = 0
	cfg.Reorgs[0].Headcount = []int{1}
	cfg.Inbound[0].Changes = nil
	cfg.Reorgs[0].Inbound[0].Rate = 1
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	cfg.Inbound[0].Changes = []RateChange{{At: 100, Rate: 1}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "at the start nobody with people does activity serve") {
		t.Errorf("a stream nobody answers: %v", err)
	}
}

// TestReorgChangeComesAfterDatedOne: a dated change and a
// reorganisation's change at the same hour: the reorganisation's holds.
func TestReorgChangeComesAfterDatedOne(t *testing.T) {
	t.Parallel()
	cfg := pushStream(true)
	cfg.Inbound[0].Changes = append(cfg.Inbound[0].Changes, RateChange{At: 200, Rate: 5})
	p := mustCompile(t, cfg)
	st := p.steps[0]
	for _, tc := range []struct{ t, rate float64 }{{0, 0}, {150, 1}, {200, 0}, {250, 0}} {
		if got := st.rate[st.index(tc.t)]; got != tc.rate {
			t.Errorf("rate at %gh: %g, want %g", tc.t, got, tc.rate)
		}
	}
}

// superposed is a stream of 10 requests an hour growing 50 % a year over
// three years, with a change at hour 5000 to rate (none if rate < 0).
func superposed(rate float64) Config {
	cfg := oneRole(1, allDay(), Activity{Name: "serve", Duration: dist.MustParse("1s"), Kind: "k"})
	cfg.Run.Horizon = 3 * Year
	cfg.Inbound = []Inbound{{Name: "in", Stage: StageAt(0), Rate: 10, Growth: 0.5}}
	if rate >= 0 {
		cfg.Inbound[0].Changes = []RateChange{{At: 5000, Rate: rate}}
	}
	return cfg
}

// TestChangesMoveNoRequest: a change of rate acts by superposition. Until
// the change the requests are the same as without it, request for
// request; after it, the configured stream's requests are all still drawn
// (a lower rate drops some, a higher one adds others), and the counts are
// those of the new rate.
func TestChangesMoveNoRequest(t *testing.T) {
	t.Parallel()
	base := manual(t, superposed(-1))
	up := manual(t, superposed(15))
	down := manual(t, superposed(4))
	var at5000 [3]int
	for _, at := range []float64{1000, 4999.9, 5000, 6000, 9000, Year, 2 * Year, 2.5 * Year} {
		for i, s := range []*Sim{base, up, down} {
			s.env.RunUntil(at)
			if at == 5000 {
				at5000[i] = s.ledger.Created
			}
		}
		b, u, d := base.ledger.Created, up.ledger.Created, down.ledger.Created
		if at <= 5000 && (u != b || d != b) {
			t.Fatalf("hour %g, before the change: %d requests without it, %d with a rise, %d with a fall", at, b, u, d)
		}
		if up.demand.count[0] != base.demand.count[0] || down.demand.count[0] != base.demand.count[0] {
			t.Fatalf("hour %g: the configured stream drew %d requests without a change, %d with a rise, %d with a fall",
				at, base.demand.count[0], up.demand.count[0], down.demand.count[0])
		}
		if at > 5000 && !(u > b && d < b) {
			t.Fatalf("hour %g: %d requests without the change, %d with a rise, %d with a fall", at, b, u, d)
		}
	}
	// Expected requests from hour 5000 to the end: rate × ∫ 1.5^(t/Year) dt.
	mass := func(rate float64) float64 {
		return rate * Year / math.Log(1.5) * (math.Pow(1.5, 3) - math.Pow(1.5, 5000/Year))
	}
	var after [3]float64
	for i, s := range []*Sim{base, up, down} {
		s.finishRun(t)
		after[i] = float64(s.ledger.Created - at5000[i])
	}
	for i, rate := range []float64{10, 15, 4} {
		if want := mass(rate); math.Abs(after[i]-want) > 5*math.Sqrt(want) {
			t.Fatalf("rate %g after the change: %g requests, want about %.0f", rate, after[i], want)
		}
	}
}

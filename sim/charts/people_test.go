package charts

import (
	"math"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
)

// testPeople is the results per person of testMeta's design over 4
// replications: two hunters with a quota (post 2 held in replications 0
// and 1 only) and a weekly norm of calls, and two farmers judged by
// neither, whose margin is 0 (so the figure shows their tasks).
func testPeople() *results.PeopleTable {
	key := func(name, role string, post int) metric.Key {
		return metric.Key{Metric: name, Role: role, Period: metric.Total, Post: post}
	}
	norm := metric.Of(metric.NormAttainmentPrefix, "calls")
	keys := []metric.Key{
		key(metric.QuotaAttainment, "hunter", 1), key(metric.QuotaReached, "hunter", 1), key(norm, "hunter", 1),
		key(metric.QuotaAttainment, "hunter", 2), key(metric.QuotaReached, "hunter", 2), key(norm, "hunter", 2),
		key(metric.Margin, "farmer", 1), key(metric.Throughput, "farmer", 1),
		key(metric.Margin, "farmer", 2), key(metric.Throughput, "farmer", 2),
	}
	nan := math.NaN()
	recs := []results.Record{
		{Rep: 0, People: []float64{1.2, 1, 0.9, 0.8, 0, 0.7, 0, 100, 0, 120}},
		{Rep: 1, People: []float64{1.0, 1, 1.1, 0.6, 0, 0.5, 0, 110, 0, 90}},
		{Rep: 2, People: []float64{0.8, 0, 0.9, nan, nan, nan, 0, 105, 0, 100}},
		{Rep: 3, People: []float64{1.4, 1, 1.3, nan, nan, nan, 0, 95, 0, 115}},
	}
	return results.AggregatePeople(keys, recs)
}

// TestPeopleData: a panel per attainment of a role judged by a quota or
// norms (quota first), its tasks for a role without attainment or
// margin; posts with their means over the replications they were held
// in, everyone pooled, and the share of people reaching the quota.
func TestPeopleData(t *testing.T) {
	t.Parallel()
	m := testMeta()
	m.People = testPeople()
	ps := PeopleData(m)
	norm := metric.Of(metric.NormAttainmentPrefix, "calls")
	if len(ps) != 3 || ps[0].Metric != metric.QuotaAttainment || ps[1].Metric != norm || ps[2].Metric != metric.Throughput {
		t.Fatalf("panels %+v, want hunter quota and norm, farmer throughput", ps)
	}
	q := ps[0]
	if q.Role != "hunter" || q.Index != 1 || q.Title != "hunter · quota attainment" || len(q.Posts) != 2 ||
		q.Posts[0].Post != 1 || !same(q.Posts[0].Mean, 1.1) || !same(q.Posts[1].Mean, 0.7) {
		t.Errorf("quota panel %+v", q)
	}
	// Everyone: 1.2, 1.0, 0.8, 1.4, 0.8, 0.6 pooled; 3 of the 6 reach it.
	if e := q.Everyone; e.N != 6 || !same(e.Mean, 5.8/6) || !same(e.P50, 0.9) || !same(q.Reached, 0.5) {
		t.Errorf("everyone %+v, reached %g; want 6 values of mean %g, median 0.9, 3/6 reaching", e, q.Reached, 5.8/6)
	}
	if !math.IsNaN(ps[1].Reached) {
		t.Errorf("norm panel: reached %g without norm_reached, want NaN", ps[1].Reached)
	}
	if f := ps[2]; f.Role != "farmer" || len(f.Posts) != 2 || !same(f.Everyone.Mean, 835.0/8) || !math.IsNaN(f.Reached) {
		t.Errorf("farmer panel %+v", f)
	}
	if _, err := PeopleFigure(fullTable(), testMeta()); err != ErrNoData {
		t.Errorf("no results per person: %v, want ErrNoData", err)
	}
}

// serviceRows are the department's service rows of the test table:
// meetings wait and have a service time, orders are abandoned, cold
// calls (pulled) never wait.
var serviceRows = []row{
	tot(metric.Of(metric.WaitPrefix, "cold_call"), metric.Department, 0, 0),
	tot(metric.Of(metric.WaitP50Prefix, "cold_call"), metric.Department, 0, 0),
	tot(metric.Of(metric.WaitP90Prefix, "cold_call"), metric.Department, 0, 0),
	tot(metric.Of(metric.AbandonedPrefix, "cold_call"), metric.Department, 0, 0),
	tot(metric.Of(metric.WaitPrefix, "meeting"), metric.Department, 30, 2),
	tot(metric.Of(metric.WaitP50Prefix, "meeting"), metric.Department, 20, 1),
	tot(metric.Of(metric.WaitP90Prefix, "meeting"), metric.Department, 70, 5),
	tot(metric.Of(metric.AbandonedPrefix, "meeting"), metric.Department, 0, 0),
	tot(metric.Of(metric.ServiceLevelPrefix, "meeting"), metric.Department, 0.8, 0.02),
	tot(metric.Of(metric.WaitPrefix, "order"), metric.Department, 0, 0),
	tot(metric.Of(metric.WaitP50Prefix, "order"), metric.Department, 0, 0),
	tot(metric.Of(metric.WaitP90Prefix, "order"), metric.Department, 0, 0),
	tot(metric.Of(metric.AbandonedPrefix, "order"), metric.Department, 12, 3),
}

// TestServiceData: a row per activity that waited, was abandoned or has
// a service time, in the scenario's order, with its service time.
func TestServiceData(t *testing.T) {
	t.Parallel()
	m := testMeta()
	m.ServiceTimes = []float64{0, 0.5, 0}
	rs := ServiceData(table(serviceRows...), m)
	if len(rs) != 2 || rs[0].Activity != "meeting" || rs[1].Activity != "order" {
		t.Fatalf("rows %+v, want meeting and order", rs)
	}
	checkEstimate(t, "meeting wait", rs[0].Wait, Estimate{30, 28, 32})
	checkEstimate(t, "meeting P90", rs[0].P90, Estimate{70, 65, 75})
	checkEstimate(t, "meeting level", rs[0].Level, Estimate{0.8, 0.78, 0.82})
	checkEstimate(t, "order abandoned", rs[1].Abandoned, Estimate{12, 9, 15})
	if rs[0].Within != 0.5 || rs[1].Within != 0 || !math.IsNaN(rs[1].Level.Mean) {
		t.Errorf("service times %g, %g; order level %g", rs[0].Within, rs[1].Within, rs[1].Level.Mean)
	}
	for _, c := range []struct {
		top   float64
		label string
	}{{0.01, "seconds"}, {1.5, "minutes"}, {30, "hours"}, {100, "days"}} {
		if _, got := m.waitAxis(c.top); got != c.label {
			t.Errorf("waits up to %g h in %s, want %s", c.top, got, c.label)
		}
	}
	if _, err := Service(table(headcounts...), m); err != ErrNoData {
		t.Errorf("no service rows: %v, want ErrNoData", err)
	}
}

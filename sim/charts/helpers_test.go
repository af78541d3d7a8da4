package charts

import (
	"math"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// row is one summary of a test table: the mean and a symmetric interval
// of ±h (NaN for none).
type row struct {
	metric, role, period string
	mean, h              float64
}

// table builds a results table of 30 replications from rows; the
// percentiles are mean−h, mean, mean+h.
func table(rows ...row) *results.Table {
	t := &results.Table{N: 30}
	for _, r := range rows {
		t.Keys = append(t.Keys, metric.Key{Metric: r.metric, Role: r.role, Period: r.period})
		t.Summaries = append(t.Summaries, stats.Summary{
			Mean: r.mean, Lo: r.mean - r.h, Hi: r.mean + r.h,
			P10: r.mean - r.h, P50: r.mean, P90: r.mean + r.h, N: 30,
		})
	}
	return t
}

// tot is a whole-horizon row.
func tot(name, role string, mean, h float64) row { return row{name, role, metric.Total, mean, h} }

// testMeta is a design of three roles, one of them empty after the
// warm-up.
func testMeta() *Meta {
	return &Meta{
		Design:     "test",
		Roles:      []string{"manager", "hunter", "farmer"},
		Activities: []string{"cold_call", "meeting", "order"},
		Stages:     []Stage{{"contact", "meeting"}, {"request", "meeting"}, {"meeting", "close"}, {"close", ""}},
		Months:     3,
	}
}

// headcounts are the rows that make manager inactive.
var headcounts = []row{
	tot("headcount", "manager", 0, 0),
	tot("headcount", "hunter", 3, 0.1),
	tot("headcount", "farmer", 5, 0.1),
}

func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	// The tests compare values computed by at most a few float
	// operations on small decimals: 1e-9 relative is ample.
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func checkEstimate(t *testing.T, what string, got, want Estimate) {
	t.Helper()
	if !same(got.Mean, want.Mean) || !same(got.Lo, want.Lo) || !same(got.Hi, want.Hi) {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}

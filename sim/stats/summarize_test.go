package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSummarizeMostlyZero is the case of issue 15: a metric that is 0 in
// 366 of 370 replications. The P² estimates were 2.2e-14, 3.1e-05 and
// 0.00135; the sample's percentiles are 0, 0 and 0.
func TestSummarizeMostlyZero(t *testing.T) {
	t.Parallel()
	xs := make([]float64, 370)
	for _, i := range []int{17, 120, 250, 369} {
		xs[i] = 0.05 * float64(i+1)
	}
	s := Summarize(xs, 0.95)
	if s.P10 != 0 || s.P50 != 0 || s.P90 != 0 {
		t.Errorf("P10/P50/P90 = %g/%g/%g, want 0/0/0", s.P10, s.P50, s.P90)
	}
	if slices.Contains(s.Warnings, WarnEstimatedPercentiles) {
		t.Errorf("Summarize warns %q", s.Warnings)
	}
	var a Accumulator
	for _, x := range xs {
		a.Add(x)
	}
	as := a.Summary(0.95)
	if !slices.Contains(as.Warnings, WarnEstimatedPercentiles) {
		t.Errorf("an Accumulator of 370 values does not say its percentiles are estimates: %q", as.Warnings)
	}
	if as.Mean != s.Mean || as.SD != s.SD || as.Lo != s.Lo || as.Hi != s.Hi {
		t.Errorf("Summarize and Accumulator differ: %+v vs %+v", s, as)
	}
}

// TestSummarizeExact: the percentiles are Quantiles' for any size, NaN
// values are left out as by an Accumulator, and up to 64 values the whole
// summary is the Accumulator's, bit for bit.
func TestSummarizeExact(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 100, 1001} {
		xs := make([]float64, n)
		var a Accumulator
		var clean []float64
		for i := range xs {
			xs[i] = math.Round(rng.ExpFloat64()*10) / 10 // ties, as counts have
			if i%17 == 3 {
				xs[i] = math.NaN()
			} else {
				clean = append(clean, xs[i])
			}
			a.Add(xs[i])
		}
		s := Summarize(xs, 0.95)
		want := Quantiles(clean, 0.1, 0.5, 0.9)
		if n == 0 || len(clean) == 0 {
			if !math.IsNaN(s.P50) {
				t.Errorf("n=%d: P50 = %g, want NaN", n, s.P50)
			}
			continue
		}
		if s.P10 != want[0] || s.P50 != want[1] || s.P90 != want[2] {
			t.Errorf("n=%d: percentiles %g/%g/%g, want %v", n, s.P10, s.P50, s.P90, want)
		}
		as := a.Summary(0.95)
		if s.N != as.N || s.NaN != as.NaN {
			t.Errorf("n=%d: N, NaN = %d, %d; Accumulator %d, %d", n, s.N, s.NaN, as.N, as.NaN)
		}
		if len(clean) <= exactN && !identical(s, as) {
			t.Errorf("n=%d: Summarize %+v, Accumulator %+v", n, s, as)
		}
	}
}

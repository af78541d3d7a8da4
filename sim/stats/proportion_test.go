package stats

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestProportionWilson(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		k, n   int
		conf   float64
		lo, hi float64
	}{
		// Wilson (1927) intervals, computed to 12 digits with mpmath from
		// the formula in the Summary doc; the first two are also the
		// textbook values [0.4902, 0.9433] and [0, 0.1611].
		{8, 10, 0.95, 0.490162471537, 0.943317848546},
		{0, 20, 0.95, 0, 0.161125158053},
		{20, 20, 0.95, 0.838874841947, 1},
		{1, 2, 0.95, 0.0945312057342, 0.905468794266},
		{50, 100, 0.95, 0.403831530366, 0.596168469634},
		{3, 1000, 0.95, 0.00102078388114, 0.0087830140535},
		{8, 10, 0.9, 0.540792805687, 0.931442012262},
	} {
		t.Run(fmt.Sprintf("%d of %d at %g", tc.k, tc.n, tc.conf), func(t *testing.T) {
			t.Parallel()
			var p Proportion
			for i := range tc.n {
				p.Add(i < tc.k)
			}
			s := p.Summary(tc.conf)
			// 1e-11: the references carry 12 digits.
			if !sameFloat(s.Lo, tc.lo, 1e-11) || !sameFloat(s.Hi, tc.hi, 1e-11) {
				t.Errorf("[Lo, Hi] = [%.12g, %.12g], want [%.12g, %.12g]", s.Lo, s.Hi, tc.lo, tc.hi)
			}
			// Mean, SD and percentiles are those of the 0/1 values.
			xs := make([]float64, tc.n)
			for i := range tc.k {
				xs[i] = 1
			}
			mean, sd := float64(tc.k)/float64(tc.n), 0.0
			for _, x := range xs {
				sd += (x - mean) * (x - mean)
			}
			sd = math.Sqrt(sd / float64(tc.n-1))
			// 1e-13: a handful of roundings on either side.
			if s.Mean != mean || !sameFloat(s.SD, sd, 1e-13) {
				t.Errorf("Mean, SD = %v, %v, want %v, %v", s.Mean, s.SD, mean, sd)
			}
			if got, want := []float64{s.P10, s.P50, s.P90}, Quantiles(xs, 0.1, 0.5, 0.9); !slices.Equal(got, want) {
				t.Errorf("percentiles = %v, want %v", got, want)
			}
			if s.N != tc.n || p.N() != tc.n || s.Confidence != tc.conf {
				t.Errorf("N = %d, %d, Confidence = %v", s.N, p.N(), s.Confidence)
			}
		})
	}
}

func TestProportionSmall(t *testing.T) {
	t.Parallel()
	var p Proportion
	s := p.Summary(0.95)
	if !math.IsNaN(s.Mean) || !math.IsNaN(s.P50) || !math.IsNaN(s.Lo) || s.N != 0 {
		t.Errorf("empty: %+v", s)
	}
	p.Add(true)
	s = p.Summary(0.95)
	if s.Mean != 1 || s.P10 != 1 || !math.IsNaN(s.SD) || !math.IsNaN(s.Lo) || !math.IsNaN(s.Hi) {
		t.Errorf("one success: %+v", s)
	}
	checkPanic(t, "stats: confidence out of range (0, 1)", func() { p.Summary(1) })
}

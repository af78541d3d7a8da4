package stats

import (
	"math"
	"slices"
	"testing"
)

func TestQuantiles(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	for _, tc := range []struct {
		name string
		xs   []float64
		ps   []float64
		want []float64
	}{
		// R: quantile(1:10, c(0, .1, .5, .9, 1)) = 1 1.9 5.5 9.1 10.
		{"1..10", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, []float64{0, 0.1, 0.5, 0.9, 1}, []float64{1, 1.9, 5.5, 9.1, 10}},
		// R: quantile(c(3, 1, 4, 1, 5), c(.25, .5, .75)) = 1 3 4.
		{"ties", []float64{3, 1, 4, 1, 5}, []float64{0.25, 0.5, 0.75}, []float64{1, 3, 4}},
		// h = 0.1: 2.5 + 0.1·(10 − 2.5).
		{"two", []float64{10, 2.5}, []float64{0.1}, []float64{3.25}},
		{"one", []float64{7}, []float64{0, 0.3, 1}, []float64{7, 7, 7}},
		{"empty", nil, []float64{0.5}, []float64{nan}},
		{"NaN", []float64{1, nan, 3}, []float64{0.1, 0.9}, []float64{nan, nan}},
		{"no ps", []float64{1, 2}, nil, []float64{}},
		// The interpolation weight is 0 at the order statistics, so an
		// infinite neighbour does not make a NaN.
		{"inf", []float64{1, 2, math.Inf(1)}, []float64{0.5, 1}, []float64{2, math.Inf(1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := slices.Clone(tc.xs)
			got := Quantiles(in, tc.ps...)
			if len(got) != len(tc.want) {
				t.Fatalf("len = %d, want %d", len(got), len(tc.want))
			}
			for i := range got {
				// 1e-14: one or two roundings in the interpolation.
				if !sameFloat(got[i], tc.want[i], 1e-14) {
					t.Errorf("p = %g: got %v, want %v", tc.ps[i], got[i], tc.want[i])
				}
			}
			if !slices.Equal(in, tc.xs) && !slices.ContainsFunc(tc.xs, math.IsNaN) {
				t.Errorf("input modified: %v", in)
			}
		})
	}
	checkPanic(t, "stats: probability out of range [0, 1]", func() { Quantiles([]float64{1}, 1.5) })
	checkPanic(t, "stats: probability out of range [0, 1]", func() { Quantiles(nil, nan) })
}

func TestTQuantile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		p    float64
		df   int
		want float64
	}{
		// Computed to 40 digits with mpmath (Python) by root-finding on
		// the t CDF, 1 − I_{ν/(ν+t²)}(ν/2, 1/2)/2; R's qt agrees to the
		// 7 digits it prints.
		{0.975, 1, 12.706204736174693314},
		{0.975, 10, 2.2281388519862742245},
		{0.975, 19, 2.0930240544083093201},
		{0.95, 5, 2.0150483733330235417},
		{0.995, 30, 2.7499956535672249664},
		{0.025, 19, -2.0930240544083093201},
		{0.5, 7, 0},
	} {
		// gonum inverts the regularised incomplete beta function to about
		// 1e-12 relative; R's values are correct to the digits shown.
		if got := TQuantile(tc.p, tc.df); !sameFloat(got, tc.want, 1e-10) {
			t.Errorf("TQuantile(%g, %d) = %.16g, want %.16g", tc.p, tc.df, got, tc.want)
		}
	}
	checkPanic(t, "stats: degrees of freedom < 1", func() { TQuantile(0.975, 0) })
	checkPanic(t, "stats: probability out of range [0, 1]", func() { TQuantile(-0.1, 3) })
}

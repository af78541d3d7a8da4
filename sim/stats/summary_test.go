package stats

import (
	"math"
	"slices"
	"testing"
)

func TestSummaryWarnings(t *testing.T) {
	t.Parallel()
	many := func(xs ...float64) []float64 { // xs repeated to 10 values or more
		var out []float64
		for len(out) < 10 {
			out = append(out, xs...)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		xs   []float64
		want []string
	}{
		{"none", many(9, 10, 11), nil},
		{"empty", nil, []string{WarnFewReplications}},
		{"few", []float64{9, 10, 11}, []string{WarnFewReplications}},
		// Mean ~0.33 with SD ~1.1: the interval straddles 0.
		{"wide", many(-1, 0, 2), []string{WarnWideInterval}},
		// A zero mean never gives WarnWideInterval (the ratio is
		// undefined; see RelHalfWidth).
		{"all zero", many(0), nil},
		{"few and wide", []float64{-1, 3}, []string{WarnFewReplications, WarnWideInterval}},
		{"NaN", append(many(9, 10, 11), math.NaN()), []string{WarnNaN}},
		{"all three", []float64{-1, 3, math.NaN()}, []string{WarnFewReplications, WarnWideInterval, WarnNaN}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var a Accumulator
			for _, x := range tc.xs {
				a.Add(x)
			}
			if got := a.Summary(0.95).Warnings; !slices.Equal(got, tc.want) {
				t.Errorf("Warnings = %q, want %q", got, tc.want)
			}
		})
	}
	// Proportions: 1 success in 20 has Wilson half-width 0.11 > 0.05.
	var p Proportion
	for i := range 20 {
		p.Add(i == 0)
	}
	if got := p.Summary(0.95).Warnings; !slices.Equal(got, []string{WarnWideInterval}) {
		t.Errorf("proportion Warnings = %q", got)
	}
}

func TestSummaryPrecision(t *testing.T) {
	t.Parallel()
	inf, nan := math.Inf(1), math.NaN()
	for _, tc := range []struct {
		name          string
		s             Summary
		half, rel     float64
		within5, wiO1 bool // Within(0.05), Within(0.1)
	}{
		{"10 ± 0.8", Summary{Mean: 10, Lo: 9.2, Hi: 10.8, N: 30}, 0.8, 0.08, false, true},
		{"-10 ± 0.4", Summary{Mean: -10, Lo: -10.4, Hi: -9.6, N: 30}, 0.4, 0.04, true, true},
		{"0 ± 1", Summary{Mean: 0, Lo: -1, Hi: 1, N: 30}, 1, inf, false, false},
		{"0 ± 0", Summary{Mean: 0, Lo: 0, Hi: 0, N: 30}, 0, 0, true, true},
		{"N = 1", Summary{Mean: 3, Lo: nan, Hi: nan, N: 1}, nan, nan, false, false},
		// Within needs N ≥ 2 whatever the fields say.
		{"N = 0", Summary{N: 0}, 0, 0, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// 1e-12: one subtraction and one division.
			if h := tc.s.HalfWidth(); !sameFloat(h, tc.half, 1e-12) {
				t.Errorf("HalfWidth = %v, want %v", h, tc.half)
			}
			if r := tc.s.RelHalfWidth(); !sameFloat(r, tc.rel, 1e-12) {
				t.Errorf("RelHalfWidth = %v, want %v", r, tc.rel)
			}
			if w := tc.s.Within(0.05); w != tc.within5 {
				t.Errorf("Within(0.05) = %v", w)
			}
			if w := tc.s.Within(0.1); w != tc.wiO1 {
				t.Errorf("Within(0.1) = %v", w)
			}
		})
	}
}

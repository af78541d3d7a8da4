package stats

import (
	"math"
	"slices"
	"testing"
)

// TestSummarizeClusteredOnePerCluster: with one value per cluster it is
// Summarize.
func TestSummarizeClusteredOnePerCluster(t *testing.T) {
	t.Parallel()
	xs := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, math.NaN()}
	var cs [][]float64
	for _, x := range xs {
		cs = append(cs, []float64{x})
	}
	got, want := SummarizeClustered(cs, 0.95), Summarize(xs, 0.95)
	if got.Mean != want.Mean || got.SD != want.SD || got.N != want.N || got.NaN != want.NaN ||
		got.P10 != want.P10 || got.P50 != want.P50 || got.P90 != want.P90 || !slices.Equal(got.Warnings, want.Warnings) {
		t.Errorf("SummarizeClustered = %+v\nSummarize = %+v", got, want)
	}
	if math.Abs(got.Lo-want.Lo) > 1e-12 || math.Abs(got.Hi-want.Hi) > 1e-12 {
		t.Errorf("interval [%g, %g], want [%g, %g]", got.Lo, got.Hi, want.Lo, want.Hi)
	}
}

// TestSummarizeClusteredKnown: clusters {1, 3}, {2}, {6, 6, 6}. Pooled:
// mean 24/6 = 4. Cluster residuals S − 4n: −4, −2, 6; Σ² = 56;
// se² = 3/2 · 56/36 = 7/3; t(2, 0.975) = 4.302653 (tables); half-width
// 4.302653·√(7/3) = 6.572322.
func TestSummarizeClusteredKnown(t *testing.T) {
	t.Parallel()
	s := SummarizeClustered([][]float64{{1, 3}, {2}, {6, 6, 6}, {}, {math.NaN()}}, 0.95)
	if s.Mean != 4 || s.N != 6 || s.NaN != 1 {
		t.Fatalf("mean %g, n %d, NaN %d; want 4, 6, 1", s.Mean, s.N, s.NaN)
	}
	h := 4.302653 * math.Sqrt(7.0/3)
	if math.Abs(s.Lo-(4-h)) > 1e-5 || math.Abs(s.Hi-(4+h)) > 1e-5 {
		t.Errorf("interval [%g, %g], want 4 ± %g", s.Lo, s.Hi, h)
	}
	if s.P50 != 4.5 || s.P10 != 1.5 || s.P90 != 6 {
		t.Errorf("percentiles %g/%g/%g, want 1.5/4.5/6", s.P10, s.P50, s.P90)
	}
	if !slices.Contains(s.Warnings, WarnFewReplications) {
		t.Errorf("warnings %q: want %q for 3 clusters", s.Warnings, WarnFewReplications)
	}
}

// TestSummarizeClusteredCopies: a cluster of three copies of a value
// carries no more information than the value: the interval is that of
// one value per cluster, not √3 narrower, as pooling would make it.
func TestSummarizeClusteredCopies(t *testing.T) {
	t.Parallel()
	xs := []float64{0.2, 0.9, 1.4, 0.7, 1.1, 0.5, 1.3, 0.8, 1.0, 0.6, 1.2, 0.4}
	var cs [][]float64
	for _, x := range xs {
		cs = append(cs, []float64{x, x, x})
	}
	got, want := SummarizeClustered(cs, 0.95), Summarize(xs, 0.95)
	if math.Abs(got.Mean-want.Mean) > 1e-12 || math.Abs(got.HalfWidth()-want.HalfWidth()) > 1e-12 {
		t.Errorf("copies: %g ± %g, want %g ± %g", got.Mean, got.HalfWidth(), want.Mean, want.HalfWidth())
	}
	if one := SummarizeClustered([][]float64{{1, 2, 3}}, 0.95); !math.IsNaN(one.Lo) || one.N != 3 || one.Mean != 2 {
		t.Errorf("one cluster: %+v, want mean 2 of 3 values and no interval", one)
	}
}

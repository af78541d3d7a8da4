package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// Quantiles returns the p-quantiles of the sample xs for each p in ps, by
// linear interpolation between order statistics: with the sample sorted as
// x[0] ≤ … ≤ x[n−1] and h = (n−1)·p, the quantile is
// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is type 7 of Hyndman and
// Fan (1996), the default of R and NumPy; p = 0 gives the minimum, p = 1
// the maximum.
//
// xs is not modified. If xs is empty or contains a NaN, every quantile is
// NaN. Quantiles panics if a p is outside [0, 1]. It is O(n log n).
func Quantiles(xs []float64, ps ...float64) []float64 {
	for _, p := range ps {
		checkProb(p)
	}
	qs := make([]float64, len(ps))
	if len(xs) == 0 || slices.ContainsFunc(xs, math.IsNaN) {
		for i := range qs {
			qs[i] = math.NaN()
		}
		return qs
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	for i, p := range ps {
		qs[i] = type7(len(s), p, func(j int) float64 { return s[j] })
	}
	return qs
}

// type7 returns the type 7 p-quantile of n sorted values, the j-th of
// which is at(j).
func type7(n int, p float64, at func(j int) float64) float64 {
	h := float64(n-1) * p
	lo := math.Floor(h)
	j := int(lo)
	if j >= n-1 {
		return at(n - 1)
	}
	a, b := at(j), at(j+1)
	if f := h - lo; f != 0 && a != b {
		return a + float64(f*(b-a))
	}
	return a
}

func checkProb(p float64) {
	if !(p >= 0 && p <= 1) {
		panic("stats: probability out of range [0, 1]")
	}
}

// TQuantile returns the p-quantile of Student's t distribution with df
// degrees of freedom: the x with P(T ≤ x) = p. The two-sided 95 % interval
// uses TQuantile(0.975, n−1).
//
// TQuantile panics if p is outside [0, 1] or df < 1. It keeps no state and
// is safe for concurrent use.
func TQuantile(p float64, df int) float64 {
	checkProb(p)
	if df < 1 {
		panic("stats: degrees of freedom < 1")
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(p)
}

// checkConfidence panics unless 0 < c < 1.
func checkConfidence(c float64) {
	if !(c > 0 && c < 1) {
		panic("stats: confidence out of range (0, 1)")
	}
}

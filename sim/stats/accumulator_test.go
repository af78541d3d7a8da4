package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/stat"
)

func TestAccumulatorMeanVar(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		xs   []float64
	}{
		{"two", []float64{1, 4}},
		{"normal 10", sample(10, normal)},
		{"normal 1000", sample(1000, normal)},
		{"exponential 1000", sample(1000, expo)},
		{"lognormal 10000", sample(10000, lognormal)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var a Accumulator
			for _, x := range tc.xs {
				a.Add(x)
			}
			s := a.Summary(0.95)
			mean, variance := stat.MeanVariance(tc.xs, nil)
			// Welford against gonum's corrected two-pass algorithm:
			// ~n·ε apart on well-scaled data, so 1e-12 relative.
			const tol = 1e-12
			if s.N != len(tc.xs) || a.N() != len(tc.xs) {
				t.Errorf("N = %d, %d, want %d", s.N, a.N(), len(tc.xs))
			}
			if !sameFloat(s.Mean, mean, tol) {
				t.Errorf("Mean = %v, want %v", s.Mean, mean)
			}
			if !sameFloat(s.SD, math.Sqrt(variance), tol) {
				t.Errorf("SD = %v, want %v", s.SD, math.Sqrt(variance))
			}
		})
	}
}

func TestAccumulatorTInterval(t *testing.T) {
	t.Parallel()
	// 1, 2, …, 20: mean 10.5, variance n(n+1)/12 = 35, so the 95 %
	// half-width is t(0.975, 19)·√(35/20) with t(0.975, 19) =
	// 2.0930240544083093 (mpmath, 40 digits; see TestTQuantile).
	var a Accumulator
	for i := 1; i <= 20; i++ {
		a.Add(float64(i))
	}
	s := a.Summary(0.95)
	h := 2.0930240544083093 * math.Sqrt(35.0/20)
	// 1e-12: a few roundings, and gonum's t quantile to ~1e-13.
	const tol = 1e-12
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"Mean", s.Mean, 10.5},
		{"SD", s.SD, math.Sqrt(35)},
		{"Lo", s.Lo, 10.5 - h},
		{"Hi", s.Hi, 10.5 + h},
		{"HalfWidth", s.HalfWidth(), h},
		{"RelHalfWidth", s.RelHalfWidth(), h / 10.5},
	} {
		if !sameFloat(c.got, c.want, tol) {
			t.Errorf("%s = %.17g, want %.17g", c.what, c.got, c.want)
		}
	}
	if s.Confidence != 0.95 || s.N != 20 || s.NaN != 0 || s.Warnings != nil {
		t.Errorf("Confidence = %v, N = %d, NaN = %d, Warnings = %q", s.Confidence, s.N, s.NaN, s.Warnings)
	}
}

func TestAccumulatorCoverage(t *testing.T) {
	t.Parallel()
	// For normal data the t interval is exact: the fraction of intervals
	// containing the true mean is Binomial(k, 0.95)/k. With k = 4000
	// intervals its SD is √(0.95·0.05/4000) = 0.0034, so ±0.015 is 4.3 SD:
	// a correct interval fails with probability ~2e-5 for a random seed
	// (the seed is fixed, so the test is deterministic). The z interval
	// would cover only ~0.88 at n = 5 and fail.
	const k, mu, tol = 4000, 100.0, 0.015
	for _, n := range []int{2, 5, 10, 30} {
		r := rand.New(rand.NewPCG(1, 1))
		covered := 0
		for range k {
			var a Accumulator
			for range n {
				a.Add(mu + 15*r.NormFloat64())
			}
			if s := a.Summary(0.95); s.Lo <= mu && mu <= s.Hi {
				covered++
			}
		}
		got := float64(covered) / k
		t.Logf("n = %d: coverage %.4f", n, got)
		if math.Abs(got-0.95) > tol {
			t.Errorf("n = %d: coverage = %.4f, want 0.95 ± %g", n, got, tol)
		}
	}
}

func TestAccumulatorSmallN(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	for _, tc := range []struct {
		name         string
		xs           []float64
		mean, sd     float64
		lo, hi       float64
		p10, p50, p9 float64
	}{
		{"empty", nil, nan, nan, nan, nan, nan, nan, nan},
		{"one", []float64{4}, 4, nan, nan, nan, 4, 4, 4},
		// Type 7 order statistics, as R's quantile(x, c(.1, .5, .9)).
		{"two", []float64{3, 1}, 2, math.Sqrt2, nan, nan, 1.2, 2, 2.8},
		{"constant", []float64{2, 2, 2}, 2, 0, 2, 2, 2, 2, 2},
		{"five", []float64{5, 1, 4, 2, 3}, 3, math.Sqrt(2.5), nan, nan, 1.4, 3, 4.6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var a Accumulator
			for _, x := range tc.xs {
				a.Add(x)
			}
			s := a.Summary(0.9)
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"Mean", s.Mean, tc.mean}, {"SD", s.SD, tc.sd},
				{"P10", s.P10, tc.p10}, {"P50", s.P50, tc.p50}, {"P90", s.P90, tc.p9},
			} {
				// 1e-14: the values are exact up to a rounding or two.
				if !sameFloat(c.got, c.want, 1e-14) {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
			if !math.IsNaN(tc.lo) && (s.Lo != tc.lo || s.Hi != tc.hi) {
				t.Errorf("[Lo, Hi] = [%v, %v], want [%v, %v]", s.Lo, s.Hi, tc.lo, tc.hi)
			}
			if len(tc.xs) < 2 && !(math.IsNaN(s.Lo) && math.IsNaN(s.Hi)) {
				t.Errorf("[Lo, Hi] = [%v, %v], want NaN", s.Lo, s.Hi)
			}
			// Exact for n ≤ 5: the same numbers as Quantiles, bit for bit.
			if len(tc.xs) > 0 {
				want := Quantiles(tc.xs, 0.1, 0.5, 0.9)
				if got := []float64{s.P10, s.P50, s.P90}; !slices.Equal(got, want) {
					t.Errorf("percentiles = %v, Quantiles = %v", got, want)
				}
			}
		})
	}
}

func TestAccumulatorExactUpToSixtyFour(t *testing.T) {
	t.Parallel()
	xs := sample(70, lognormal)
	var a Accumulator
	for i, x := range xs {
		a.Add(x)
		s := a.Summary(0.95)
		want := Quantiles(xs[:i+1], 0.1, 0.5, 0.9)
		got := []float64{s.P10, s.P50, s.P90}
		if i+1 <= 64 && !slices.Equal(got, want) {
			t.Errorf("n = %d: percentiles = %v, want %v", i+1, got, want)
		}
		if i+1 > 64 && slices.Equal(got, want) {
			t.Errorf("n = %d: percentiles are still exact; want P² estimates beyond 64", i+1)
		}
	}
}

func TestAccumulatorNaN(t *testing.T) {
	t.Parallel()
	var with, without Accumulator
	for i, x := range sample(50, normal) {
		if i%7 == 3 {
			with.Add(math.NaN())
		}
		with.Add(x)
		without.Add(x)
	}
	s, w := with.Summary(0.95), without.Summary(0.95)
	if s.NaN != 7 || with.NaN() != 7 || s.N != 50 {
		t.Errorf("NaN = %d, %d, N = %d; want 7, 7, 50", s.NaN, with.NaN(), s.N)
	}
	if !slices.Equal(s.Warnings, []string{WarnNaN}) {
		t.Errorf("Warnings = %q", s.Warnings)
	}
	// Apart from the count and warning, NaN values leave no trace.
	s.NaN, s.Warnings = 0, nil
	if !identical(s, w) {
		t.Errorf("with NaN %+v\nwithout %+v", s, w)
	}
}

// identical reports whether a and b are bit-for-bit the same.
func identical(a, b Summary) bool {
	bits := func(s Summary) []uint64 {
		var u []uint64
		for _, f := range []float64{s.Mean, s.SD, s.Lo, s.Hi, s.P10, s.P50, s.P90, s.Confidence} {
			u = append(u, math.Float64bits(f))
		}
		return u
	}
	return slices.Equal(bits(a), bits(b)) && a.N == b.N && a.NaN == b.NaN &&
		slices.Equal(a.Warnings, b.Warnings)
}

func TestAccumulatorDeterministic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		xs   []float64
	}{
		{"normal 3", sample(3, normal)},
		{"normal 1000", sample(1000, normal)},
		{"lognormal 10000", sample(10000, lognormal)},
		{"with NaN", append(sample(20, expo), math.NaN(), 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var a, b, c Accumulator
			for _, x := range tc.xs {
				a.Add(x)
				b.Add(x)
				// Through a CSV column written at full precision and
				// read back, as salesim recomputes summaries.
				y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', -1, 64), 64)
				if err != nil {
					t.Fatal(err)
				}
				c.Add(y)
			}
			for _, conf := range []float64{0.9, 0.95, 0.99} {
				sa, sb, sc := a.Summary(conf), b.Summary(conf), c.Summary(conf)
				if !identical(sa, sb) || !identical(sa, sc) {
					t.Errorf("confidence %g:\n%+v\n%+v\n%+v", conf, sa, sb, sc)
				}
			}
			// A copy carries on identically.
			d := a
			a.Add(0.5)
			d.Add(0.5)
			if !identical(a.Summary(0.95), d.Summary(0.95)) {
				t.Error("copy diverged")
			}
		})
	}
}

func TestAccumulatorPanics(t *testing.T) {
	t.Parallel()
	var a Accumulator
	for _, c := range []float64{0, 1, -0.5, 95, math.NaN()} {
		checkPanic(t, "stats: confidence out of range (0, 1)", func() { a.Summary(c) })
	}
}

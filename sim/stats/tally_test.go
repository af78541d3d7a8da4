package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/stat"
)

// sample returns n draws from gen with the test seed.
func sample(n int, gen func(r *rand.Rand) float64) []float64 {
	r := rand.New(rand.NewPCG(1, 1))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = gen(r)
	}
	return xs
}

var (
	normal    = func(r *rand.Rand) float64 { return 100 + 15*r.NormFloat64() }
	expo      = func(r *rand.Rand) float64 { return r.ExpFloat64() }
	lognormal = func(r *rand.Rand) float64 { return math.Exp(r.NormFloat64()) }
)

// sameFloat reports whether a and b are equal within tol, absolutely or
// relatively, or both NaN.
func sameFloat(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return scalar.EqualWithinAbsOrRel(a, b, tol, tol)
}

func TestTallyDirect(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		xs   []float64
		tol  float64
	}{
		// Welford's method and gonum's corrected two-pass algorithm round
		// differently: ~n·ε apart on well-scaled data, so 1e-12 relative.
		{"empty", nil, 1e-12},
		{"one", []float64{3}, 1e-12},
		{"two", []float64{3, -1}, 1e-12},
		{"constant", []float64{2.5, 2.5, 2.5, 2.5}, 1e-12},
		{"normal 1000", sample(1000, normal), 1e-12},
		{"lognormal 1000", sample(1000, lognormal), 1e-12},
		// Values 1e9 + U(0, 1): each update of the running mean rounds to
		// ulp(1e9)/2 ≈ 6e-8 against deviations of ~0.3, so Welford's
		// variance is good to ~1e-6 relative where two-pass is exact to
		// ~1e-14. The textbook Σx² − n·x̄² would lose every digit
		// (ε·Σx² ≈ 2e5 against n·Var ≈ 84).
		{"offset 1e9", sample(1000, func(r *rand.Rand) float64 { return 1e9 + r.Float64() }), 1e-6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var tl Tally
			for _, x := range tc.xs {
				tl.Add(x)
			}
			n := len(tc.xs)
			wantMean, wantVar := math.NaN(), math.NaN()
			wantMin, wantMax := math.NaN(), math.NaN()
			if n > 0 {
				wantMean, wantVar = stat.MeanVariance(tc.xs, nil)
				wantMin, wantMax = floats.Min(tc.xs), floats.Max(tc.xs)
			}
			if n < 2 {
				wantVar = math.NaN()
			}
			tol := tc.tol
			if tl.N() != n {
				t.Errorf("N = %d, want %d", tl.N(), n)
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"Mean", tl.Mean(), wantMean},
				{"Var", tl.Var(), wantVar},
				{"SD", tl.SD(), math.Sqrt(wantVar)},
				{"Min", tl.Min(), wantMin},
				{"Max", tl.Max(), wantMax},
				{"Sum", tl.Sum(), floats.Sum(tc.xs)},
			} {
				if !sameFloat(c.got, c.want, tol) {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
			tl.Reset()
			if tl.N() != 0 || !math.IsNaN(tl.Mean()) || tl.Sum() != 0 {
				t.Errorf("after Reset: N = %d, Mean = %v, Sum = %v", tl.N(), tl.Mean(), tl.Sum())
			}
		})
	}
}

package dist

import (
	"math"
	"math/rand/v2"
)

// normalTries bounds the resampling of a truncated normal. The mean of a
// normal Dist is >= 0, so each try is accepted with probability >= 1/2 and
// all of them fail with probability <= 2⁻⁶⁴; the sample is then clamped to 0.
const normalTries = 64

// Sample draws one value from d using r. It does not allocate. Sample
// panics if d is the zero Dist.
//
// Each call consumes a family-dependent number of values from r (gamma and
// the truncated normal use rejection), so two Dists of different families
// drawn from one stream do not stay in step; use one stream per input (see
// [Stream]).
func (d *Dist) Sample(r *rand.Rand) float64 {
	p, q := &d.p, &d.q
	switch d.fam {
	case famConst:
		return p[0]
	case famExp:
		return p[0] * r.ExpFloat64()
	case famUniform:
		return p[0] + q[0]*r.Float64()
	case famTriangular:
		// Inverse CDF, written as min + width·√(u·f) so that width² cannot
		// overflow.
		u := r.Float64()
		if u < q[1] {
			return p[0] + q[0]*math.Sqrt(u*q[1])
		}
		return p[2] - q[0]*math.Sqrt((1-u)*(1-q[1]))
	case famNormal:
		for range normalTries {
			if x := p[0] + p[1]*r.NormFloat64(); x >= 0 {
				return x
			}
		}
		return 0
	case famLognormal:
		return p[0] * math.Exp(p[1]*r.NormFloat64())
	case famGamma, famErlang:
		x := q[2] * marsagliaTsang(r, q[0], q[1])
		if p[0] < 1 {
			x *= math.Pow(1-r.Float64(), 1/p[0])
		}
		return x
	case famWeibull:
		return p[1] * math.Pow(r.ExpFloat64(), q[0])
	case famPareto:
		return p[0] * math.Exp(q[0]*r.ExpFloat64())
	case famEmpirical:
		return d.emp.sample(r)
	}
	panic("dist: Sample of an unset Dist")
}

// marsagliaTsang draws from Gamma(a, 1) for a >= 1 given d = a − 1/3 and
// c = 1/√(9d): G. Marsaglia and W. W. Tsang, "A simple method for generating
// gamma variables", ACM TOMS 26(3), 2000. The acceptance rate is above 95%
// for every a >= 1.
func marsagliaTsang(r *rand.Rand, d, c float64) float64 {
	for {
		var x, v float64
		for {
			x = r.NormFloat64()
			v = 1 + c*x
			if v > 0 {
				break
			}
		}
		v = v * v * v
		u := r.Float64()
		x2 := x * x
		if u < 1-0.0331*x2*x2 { // squeeze
			return d * v
		}
		if math.Log(u) < 0.5*x2+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

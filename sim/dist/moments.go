package dist

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// Mean returns the expected value of d (of the truncated distribution for
// normal). It panics if d is the zero Dist.
func (d Dist) Mean() float64 {
	p := &d.p
	switch d.fam {
	case famConst, famExp:
		return p[0]
	case famUniform:
		return p[0] + (p[1]-p[0])/2
	case famTriangular:
		return p[0]/3 + p[1]/3 + p[2]/3
	case famNormal:
		// E[X | X >= 0] = μ + σ·φ(α)/(1 − Φ(α)) with α = −μ/σ.
		a := -p[0] / p[1]
		return p[0] + p[1]*normPDF(a)/normSurvival(a)
	case famLognormal:
		return p[0] * math.Exp(p[1]*p[1]/2)
	case famGamma, famErlang:
		return p[1]
	case famWeibull:
		return p[1] * math.Gamma(1+1/p[0])
	case famPareto:
		return p[1] * p[0] / (p[1] - 1)
	case famEmpirical:
		return d.emp.mean()
	}
	panic("dist: Mean of an unset Dist")
}

// Quantile returns the p-quantile of d: the x with P(X <= x) = p for the
// continuous families, computed in closed form except for gamma and Erlang
// (inverse regularised incomplete gamma function, gonum mathext); for const
// and empirical, the smallest value whose cumulative probability is >= p.
// Quantile(0) and Quantile(1) are the ends of the support, which may be
// +Inf. It panics if p is outside [0, 1] or d is the zero Dist.
func (d Dist) Quantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic("dist: quantile probability outside [0, 1]")
	}
	a := &d.p
	switch d.fam {
	case famConst:
		return a[0]
	case famExp:
		return -a[0] * math.Log1p(-p)
	case famUniform:
		return a[0] + d.q[0]*p
	case famTriangular:
		if p < d.q[1] {
			return a[0] + d.q[0]*math.Sqrt(p*d.q[1])
		}
		return a[2] - d.q[0]*math.Sqrt((1-p)*(1-d.q[1]))
	case famNormal:
		lo := normCDF(-a[0] / a[1])
		x := a[0] + a[1]*normQuantile(lo+p*(1-lo))
		return math.Max(x, 0)
	case famLognormal:
		return a[0] * math.Exp(a[1]*normQuantile(p))
	case famGamma, famErlang:
		return d.q[2] * mathext.GammaIncRegInv(a[0], p)
	case famWeibull:
		return a[1] * math.Pow(-math.Log1p(-p), d.q[0])
	case famPareto:
		return a[0] * math.Exp(-d.q[0]*math.Log1p(-p))
	case famEmpirical:
		return d.emp.quantile(p)
	}
	panic("dist: Quantile of an unset Dist")
}

// normPDF is the standard normal density.
func normPDF(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

// normCDF is the standard normal distribution function Φ.
func normCDF(x float64) float64 { return math.Erfc(-x/math.Sqrt2) / 2 }

// normSurvival is 1 − Φ(x), accurate in the upper tail.
func normSurvival(x float64) float64 { return math.Erfc(x/math.Sqrt2) / 2 }

// normQuantile is Φ⁻¹ (gonum's implementation of Wichura's AS241, accurate
// to about 1e-16).
func normQuantile(p float64) float64 { return mathext.NormalQuantile(p) }

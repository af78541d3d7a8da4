package dist

import "github.com/salesim/salesim/sim/quantity"

// String returns the canonical spec of d, which Parse reads back as d:
// "4h", "exp(mean=4h)", "uniform(min=1h, max=3h)",
// "triangular(min=1h, mode=2h, max=5h)", "normal(mean=2h, sd=30m)",
// "lognormal(median=70d, sigma=0.6)", "gamma(shape=2, mean=4h)",
// "erlang(k=3, mean=6h)", "weibull(shape=1.5, scale=10d)",
// "pareto(min=10000, alpha=2.5)", "empirical(1h, 2h, 4h)" or
// "empirical(1h:1, 2h:3)". Other parameterisations are converted: exp(rate)
// to exp(mean), every lognormal to (median, sigma), gamma(scale) to
// gamma(mean), weibull(mean) to weibull(scale). Durations are written in
// the unit that gives the shortest exact text ("90m", "70d", "1y"), plain
// numbers without k/M suffixes. The zero Dist gives "".
func (d Dist) String() string {
	v := func(x float64) string { return formatValue(x, d.unit) }
	n := quantity.Number
	p := &d.p
	switch d.fam {
	case famNone:
		return ""
	case famConst:
		return v(p[0])
	case famExp:
		return "exp(mean=" + v(p[0]) + ")"
	case famUniform:
		return "uniform(min=" + v(p[0]) + ", max=" + v(p[1]) + ")"
	case famTriangular:
		return "triangular(min=" + v(p[0]) + ", mode=" + v(p[1]) + ", max=" + v(p[2]) + ")"
	case famNormal:
		return "normal(mean=" + v(p[0]) + ", sd=" + v(p[1]) + ")"
	case famLognormal:
		return "lognormal(median=" + v(p[0]) + ", sigma=" + n(p[1]) + ")"
	case famGamma:
		return "gamma(shape=" + n(p[0]) + ", mean=" + v(p[1]) + ")"
	case famErlang:
		return "erlang(k=" + n(p[0]) + ", mean=" + v(p[1]) + ")"
	case famWeibull:
		return "weibull(shape=" + n(p[0]) + ", scale=" + v(p[1]) + ")"
	case famPareto:
		return "pareto(min=" + v(p[0]) + ", alpha=" + n(p[1]) + ")"
	case famEmpirical:
		return d.emp.format(d.unit)
	}
	return "dist.Dist(?)"
}

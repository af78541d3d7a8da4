package dist

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

const lognormalHelp = "median with p90 (or another pNN), sigma or top20; mean with sd, cv, sigma or top20; or mu with sigma"

// lognormalShapes lists, for each location parameter, the parameters that
// may accompany it ("pNN" stands for p1 … p99 except p50).
var lognormalShapes = map[string][]string{
	"median": {"pNN", "sigma", "top20"},
	"mean":   {"sd", "cv", "sigma", "top20"},
	"mu":     {"sigma"},
}

// isPercentileKey reports whether key is "pNN" with NN in 1 … 99, other
// than 50 (which is the median).
func isPercentileKey(key string) bool {
	_, ok := percentileOf(key)
	return ok
}

// percentileOf returns NN/100 for the key "pNN".
func percentileOf(key string) (float64, bool) {
	s, ok := strings.CutPrefix(key, "p")
	if !ok || len(s) == 0 || len(s) > 2 || s[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 99 || n == 50 {
		return 0, false
	}
	return float64(n) / 100, true
}

// topShareSigma returns the σ of the lognormal in which the largest 20 % of
// draws hold the share s of the total. The share of the top fraction q of a
// lognormal is 1 − Φ(Φ⁻¹(1−q) − σ), so σ = Φ⁻¹(0.8) − Φ⁻¹(1−s).
func topShareSigma(s float64) float64 {
	return normQuantile(0.8) - normQuantile(1-s)
}

// buildLognormal reads one location parameter (median, mean or mu) and one
// shape parameter, and converts them to the canonical (median, sigma).
func buildLognormal(a *args) (Dist, error) {
	var locs, shapes []string
	for k := range a.vals {
		switch k {
		case "median", "mean", "mu":
			locs = append(locs, k)
		default:
			shapes = append(shapes, k)
		}
	}
	// Map order is random; sort so that messages are stable.
	slices.Sort(locs)
	slices.Sort(shapes)
	switch len(locs) {
	case 0:
		return Dist{}, a.errf("lognormal needs median, mean or mu; it takes %s", lognormalHelp)
	case 1:
	default:
		return Dist{}, a.errf("lognormal takes one of median, mean or mu, not both %s and %s", locs[0], locs[1])
	}
	loc := locs[0]
	allowed := lognormalShapes[loc]
	switch len(shapes) {
	case 0:
		return Dist{}, a.errf("lognormal %s needs a second parameter: %s", a.arg(loc), orList(allowedHelp(allowed)))
	case 1:
	default:
		return Dist{}, a.errf("lognormal %s takes one of %s, not both %s and %s", loc, orList(allowedHelp(allowed)), shapes[0], shapes[1])
	}
	shape := shapes[0]
	ok := false
	for _, k := range allowed {
		ok = ok || k == shape || (k == "pNN" && isPercentileKey(shape))
	}
	if !ok {
		return Dist{}, a.errf("lognormal %s takes %s, not %s", loc, orList(allowedHelp(allowed)), shape)
	}

	var median, sigma float64
	// The location: median or mean in the unit of the distribution, or mu.
	var x float64
	var err error
	if loc == "mu" {
		x, err = a.plain("mu")
		if err == nil && !(math.Exp(x) > 0 && !math.IsInf(math.Exp(x), 1)) {
			err = a.errf("lognormal %s is out of range: exp(mu) must be a positive float64", a.arg("mu"))
		}
	} else {
		x, err = a.positive(loc)
	}
	if err != nil {
		return Dist{}, err
	}

	switch shape {
	case "sigma":
		sigma, err = a.plain("sigma")
		if err == nil && !(sigma > 0 && !math.IsInf(sigma, 1)) {
			err = a.errf("lognormal %s must be a finite number > 0", a.arg("sigma"))
		}
	case "cv", "sd":
		var cv float64
		if shape == "cv" {
			cv, err = a.plain("cv")
		} else {
			var sd float64
			sd, err = a.positive("sd")
			cv = sd / x
		}
		if err == nil && !(cv > 0 && !math.IsInf(cv, 1)) {
			err = a.errf("lognormal %s must be > 0 and give a finite coefficient of variation", a.arg(shape))
		}
		sigma = math.Sqrt(math.Log1p(cv * cv))
	case "top20":
		var s float64
		s, err = a.plain("top20")
		if err == nil && !(s > 0.2 && s < 1) {
			err = a.errf("lognormal %s must be in (0.2, 1): the share of the total held by the largest 20%% of draws", a.arg("top20"))
		}
		if err == nil {
			sigma = topShareSigma(s)
		}
	default: // pNN
		q, _ := percentileOf(shape)
		var xq float64
		xq, err = a.positive(shape)
		if err == nil {
			if q > 0.5 && !(xq > x) {
				err = a.errf("lognormal %s must be > %s", a.arg(shape), a.arg(loc))
			} else if q < 0.5 && !(xq < x) {
				err = a.errf("lognormal %s must be < %s", a.arg(shape), a.arg(loc))
			}
		}
		sigma = math.Log(xq/x) / normQuantile(q)
	}
	if err != nil {
		return Dist{}, err
	}
	if !(sigma > 0 && !math.IsInf(sigma, 1)) {
		return Dist{}, a.errf("lognormal parameters give sigma = %s; it must be finite and > 0", quantity.Number(sigma))
	}

	switch loc {
	case "median":
		median = x
	case "mean":
		median = x * math.Exp(-sigma*sigma/2)
	case "mu":
		median = math.Exp(x)
	}
	if !(median > 0) {
		return Dist{}, a.errf("lognormal parameters give a median of %s; it must be > 0", quantity.Number(median))
	}
	return mkLognormal(median, sigma, a.unit()), nil
}

// allowedHelp spells "pNN" out for messages.
func allowedHelp(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if k == "pNN" {
			k = "p90 (or another pNN)"
		}
		out[i] = k
	}
	return out
}

package dist

import (
	"math"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

// familySpec describes how a family is written and built.
type familySpec struct {
	name       string
	fam        family
	keys       []string // named parameters
	positional []string // keys filled by positional values, in order; nil if named only
	example    string
	build      func(a *args) (Dist, error)
}

// allows reports whether key is a parameter of the family.
func (fs *familySpec) allows(key string) bool {
	for _, k := range fs.keys {
		if k == key {
			return true
		}
	}
	return fs.fam == famLognormal && isPercentileKey(key)
}

// keyHelp lists the parameters for an unknown-parameter message.
func (fs *familySpec) keyHelp() string {
	if fs.fam == famLognormal {
		return lognormalHelp
	}
	return orList(fs.keys)
}

// minShape bounds the shape of gamma and Weibull distributions from below.
// Below it nearly all the mass sits within a hair of 0 (a gamma of shape
// 0.01 puts 10% of its draws below 1e-100 of its scale), which no
// quantity of ours does, and the samplers lose accuracy.
const minShape = 0.01

// maxErlangK bounds the phases of an Erlang distribution; beyond it the
// distribution is a constant for all practical purposes.
const maxErlangK = 1e6

var families = []*familySpec{
	{name: "const", fam: famConst, keys: []string{"value"}, positional: []string{"value"}, example: "const(4h)", build: buildConst},
	{name: "exp", fam: famExp, keys: []string{"mean", "rate"}, positional: []string{"mean"}, example: "exp(mean=4h)", build: buildExp},
	{name: "uniform", fam: famUniform, keys: []string{"min", "max"}, positional: []string{"min", "max"}, example: "uniform(min=1h, max=3h)", build: buildUniform},
	{name: "triangular", fam: famTriangular, keys: []string{"min", "mode", "max"}, positional: []string{"min", "mode", "max"}, example: "triangular(min=1h, mode=2h, max=5h)", build: buildTriangular},
	{name: "normal", fam: famNormal, keys: []string{"mean", "sd"}, positional: []string{"mean", "sd"}, example: "normal(mean=2h, sd=30m)", build: buildNormal},
	{name: "lognormal", fam: famLognormal, keys: []string{"median", "mean", "mu", "sigma", "sd", "cv", "top20", "p90"}, example: "lognormal(median=70d, p90=180d)", build: buildLognormal},
	{name: "gamma", fam: famGamma, keys: []string{"shape", "mean", "scale"}, example: "gamma(shape=2, mean=4h)", build: buildGamma},
	{name: "erlang", fam: famErlang, keys: []string{"k", "mean", "scale"}, example: "erlang(k=3, mean=6h)", build: buildErlang},
	{name: "weibull", fam: famWeibull, keys: []string{"shape", "scale", "mean"}, example: "weibull(shape=1.5, scale=10d)", build: buildWeibull},
	{name: "pareto", fam: famPareto, keys: []string{"min", "alpha"}, example: "pareto(min=10k, alpha=2.5)", build: buildPareto},
	{name: "empirical", fam: famEmpirical, example: "empirical(1h, 2h, 4h) or empirical(1h:1, 2h:3)", build: buildEmpirical},
}

// aliases are other accepted names of families.
var aliases = map[string]string{"constant": "const", "exponential": "exp"}

var knownFamilies = func() string {
	return strings.Join(familyNames()[:len(families)], ", ")
}()

// familyNames returns the family names followed by the aliases.
func familyNames() []string {
	names := make([]string, 0, len(families)+len(aliases))
	for _, fs := range families {
		names = append(names, fs.name)
	}
	return append(names, "constant", "exponential")
}

// lookupFamily returns the family named name (or an alias of it), or nil.
func lookupFamily(name string) *familySpec {
	if n, ok := aliases[name]; ok {
		name = n
	}
	for _, fs := range families {
		if fs.name == name {
			return fs
		}
	}
	return nil
}

func buildConst(a *args) (Dist, error) {
	if err := a.require("value"); err != nil {
		return Dist{}, err
	}
	x, err := a.nonNegative("value")
	if err != nil {
		return Dist{}, err
	}
	return mkConst(x, a.unit()), nil
}

func buildExp(a *args) (Dist, error) {
	key, err := a.oneOf("mean", "rate")
	if err != nil {
		return Dist{}, err
	}
	if key == "mean" {
		m, err := a.positive("mean")
		if err != nil {
			return Dist{}, err
		}
		return mkExp(m, a.unit()), nil
	}
	m, err := a.rateMean("rate")
	if err != nil {
		return Dist{}, err
	}
	return mkExp(m, a.unit()), nil
}

func buildUniform(a *args) (Dist, error) {
	if err := a.require("min", "max"); err != nil {
		return Dist{}, err
	}
	lo, err := a.nonNegative("min")
	if err != nil {
		return Dist{}, err
	}
	hi, err := a.value("max")
	if err != nil {
		return Dist{}, err
	}
	if !(hi > lo) {
		return Dist{}, a.errf("uniform %s must be > %s", a.arg("max"), a.arg("min"))
	}
	return mkUniform(lo, hi, a.unit()), nil
}

func buildTriangular(a *args) (Dist, error) {
	if err := a.require("min", "mode", "max"); err != nil {
		return Dist{}, err
	}
	lo, err := a.nonNegative("min")
	if err != nil {
		return Dist{}, err
	}
	mode, err := a.value("mode")
	if err != nil {
		return Dist{}, err
	}
	hi, err := a.value("max")
	if err != nil {
		return Dist{}, err
	}
	if !(hi > lo) {
		return Dist{}, a.errf("triangular %s must be > %s", a.arg("max"), a.arg("min"))
	}
	if !(mode >= lo && mode <= hi) {
		return Dist{}, a.errf("triangular %s must be in [min, max] = [%s, %s]", a.arg("mode"), a.vals["min"], a.vals["max"])
	}
	return mkTriangular(lo, mode, hi, a.unit()), nil
}

func buildNormal(a *args) (Dist, error) {
	if err := a.require("mean", "sd"); err != nil {
		return Dist{}, err
	}
	mean, err := a.value("mean")
	if err != nil {
		return Dist{}, err
	}
	if !(mean >= 0) {
		return Dist{}, a.errf("normal %s must be >= 0 (the normal is truncated at 0)", a.arg("mean"))
	}
	sd, err := a.positive("sd")
	if err != nil {
		return Dist{}, err
	}
	return mkNormal(mean, sd, a.unit()), nil
}

// shape parses the shape parameter of gamma and Weibull.
func (a *args) shape(key string) (float64, error) {
	k, err := a.plain(key)
	if err == nil && !(k >= minShape && !math.IsInf(k, 1)) {
		err = a.errf("%s %s must be a finite number >= %s", a.fs.name, a.arg(key), quantity.Number(minShape))
	}
	return k, err
}

// gammaMean parses the mean (or scale) of gamma and Erlang distributions.
func (a *args) gammaMean(shape float64) (float64, error) {
	key, err := a.oneOf("mean", "scale")
	if err != nil {
		return 0, err
	}
	v, err := a.positive(key)
	if key == "scale" {
		v *= shape
	}
	return v, err
}

func buildGamma(a *args) (Dist, error) {
	if err := a.require("shape"); err != nil {
		return Dist{}, err
	}
	k, err := a.shape("shape")
	if err != nil {
		return Dist{}, err
	}
	mean, err := a.gammaMean(k)
	if err != nil {
		return Dist{}, err
	}
	return mkGamma(famGamma, k, mean, a.unit()), nil
}

func buildErlang(a *args) (Dist, error) {
	if err := a.require("k"); err != nil {
		return Dist{}, err
	}
	k, err := a.plain("k")
	if err != nil {
		return Dist{}, err
	}
	if !(k >= 1 && k <= maxErlangK && k == math.Trunc(k)) {
		return Dist{}, a.errf("erlang %s must be a whole number in [1, %s]", a.arg("k"), quantity.Number(maxErlangK))
	}
	mean, err := a.gammaMean(k)
	if err != nil {
		return Dist{}, err
	}
	return mkGamma(famErlang, k, mean, a.unit()), nil
}

func buildWeibull(a *args) (Dist, error) {
	if err := a.require("shape"); err != nil {
		return Dist{}, err
	}
	k, err := a.shape("shape")
	if err != nil {
		return Dist{}, err
	}
	key, err := a.oneOf("scale", "mean")
	if err != nil {
		return Dist{}, err
	}
	v, err := a.positive(key)
	if err != nil {
		return Dist{}, err
	}
	if key == "mean" {
		v /= math.Gamma(1 + 1/k)
		if !(v > 0) {
			return Dist{}, a.errf("weibull %s is too small for %s", a.arg("mean"), a.arg("shape"))
		}
	}
	return mkWeibull(k, v, a.unit()), nil
}

func buildPareto(a *args) (Dist, error) {
	if err := a.require("min", "alpha"); err != nil {
		return Dist{}, err
	}
	lo, err := a.positive("min")
	if err != nil {
		return Dist{}, err
	}
	alpha, err := a.plain("alpha")
	if err != nil {
		return Dist{}, err
	}
	if !(alpha > 1 && !math.IsInf(alpha, 1)) {
		return Dist{}, a.errf("pareto %s must be a finite number > 1 (the mean is infinite otherwise)", a.arg("alpha"))
	}
	return mkPareto(lo, alpha, a.unit()), nil
}

func buildEmpirical(a *args) (Dist, error) {
	vals := make([]float64, len(a.list))
	var w []float64
	for i, item := range a.list {
		vs, ws, weighted := strings.Cut(item, ":")
		if i == 0 && weighted {
			w = make([]float64, len(a.list))
		}
		if weighted != (w != nil) {
			return Dist{}, a.errf("empirical: give a weight to every value or to none, as in %s", a.fs.example)
		}
		v, k, err := quantity.ParseValue(vs)
		if err != nil {
			return Dist{}, a.errf("empirical value %q: %v", vs, err)
		}
		if err := a.note(strings.TrimSpace(vs), k); err != nil {
			return Dist{}, err
		}
		if !(v >= 0) {
			return Dist{}, a.errf("empirical value %s must be >= 0", strings.TrimSpace(vs))
		}
		vals[i] = v
		if weighted {
			x, k, err := quantity.ParseValue(ws)
			switch {
			case err != nil:
				return Dist{}, a.errf("empirical weight in %q: %v", item, err)
			case k == quantity.KindTime:
				return Dist{}, a.errf("empirical weight in %q must be a plain number, without a unit", item)
			case !(x > 0):
				return Dist{}, a.errf("empirical weight in %q must be > 0", item)
			}
			w[i] = x
		}
	}
	t := newTable(vals, w)
	if total := t.cum[len(t.cum)-1]; math.IsInf(total, 1) {
		return Dist{}, a.errf("empirical weights sum to more than the largest float64")
	}
	return Dist{fam: famEmpirical, unit: a.unit(), emp: t}, nil
}

package dist

import (
	"fmt"
	"math"
)

// Unit is what the values of a distribution measure.
type Unit int

const (
	// None marks plain numbers: counts, sizes, money.
	None Unit = iota
	// Time marks durations, in hours.
	Time
)

// String returns "none" or "time".
func (u Unit) String() string {
	switch u {
	case None:
		return "none"
	case Time:
		return "time"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// family identifies a distribution family.
type family uint8

const (
	famNone family = iota // the zero Dist: not set
	famConst
	famExp
	famUniform
	famTriangular
	famNormal
	famLognormal
	famGamma
	famErlang
	famWeibull
	famPareto
	famEmpirical
)

// Dist is a probability distribution of non-negative values, parsed from a
// spec such as "exp(mean=4h)" or built by [Const] and [Exp]. A Dist is an
// immutable value: copy it freely and share it between goroutines; the
// random source is passed to [Dist.Sample].
//
// The zero Dist means "not set": [Dist.IsZero] reports true, String returns
// "", and Sample, Mean and Quantile panic.
//
// Dists built by Parse from the same text, and so Dists that round-trip
// through String, are equal with ==, except empirical distributions, whose
// values are held by pointer; compare those by String.
type Dist struct {
	fam  family
	unit Unit
	p    [3]float64 // canonical parameters, as printed by String
	q    [3]float64 // derived from p by the constructors, for Sample
	emp  *table     // values of an empirical distribution
}

// The constructors below set the canonical parameters of each family and
// derive the rest from them, so that a Dist depends only on its canonical
// parameters and Parse(d.String()) rebuilds d exactly. They do not
// validate: Parse and the exported constructors do.

func mkConst(x float64, u Unit) Dist { return Dist{fam: famConst, unit: u, p: [3]float64{x}} }

func mkExp(mean float64, u Unit) Dist { return Dist{fam: famExp, unit: u, p: [3]float64{mean}} }

func mkUniform(lo, hi float64, u Unit) Dist {
	return Dist{fam: famUniform, unit: u, p: [3]float64{lo, hi}, q: [3]float64{hi - lo}}
}

func mkTriangular(lo, mode, hi float64, u Unit) Dist {
	w := hi - lo
	return Dist{fam: famTriangular, unit: u, p: [3]float64{lo, mode, hi}, q: [3]float64{w, (mode - lo) / w}}
}

func mkNormal(mean, sd float64, u Unit) Dist {
	return Dist{fam: famNormal, unit: u, p: [3]float64{mean, sd}}
}

func mkLognormal(median, sigma float64, u Unit) Dist {
	return Dist{fam: famLognormal, unit: u, p: [3]float64{median, sigma}}
}

// mkGamma builds a gamma (or, with famErlang, an Erlang) distribution and
// precomputes the constants of the Marsaglia–Tsang sampler.
func mkGamma(f family, shape, mean float64, u Unit) Dist {
	a := shape
	if a < 1 {
		a++ // sampled as Gamma(shape+1)·U^(1/shape)
	}
	d := a - 1.0/3
	return Dist{fam: f, unit: u, p: [3]float64{shape, mean}, q: [3]float64{d, 1 / math.Sqrt(9*d), mean / shape}}
}

func mkWeibull(shape, scale float64, u Unit) Dist {
	return Dist{fam: famWeibull, unit: u, p: [3]float64{shape, scale}, q: [3]float64{1 / shape}}
}

func mkPareto(lo, alpha float64, u Unit) Dist {
	return Dist{fam: famPareto, unit: u, p: [3]float64{lo, alpha}, q: [3]float64{1 / alpha}}
}

// Const returns the distribution that always gives x. It panics if x is
// negative, NaN or infinite, or u is not None or Time.
func Const(x float64, u Unit) Dist {
	checkUnit(u)
	if !(x >= 0) || math.IsInf(x, 1) {
		panic("dist: Const value must be finite and >= 0")
	}
	return mkConst(x+0, u)
}

// Exp returns the exponential distribution with the given mean. It panics if
// mean is not finite and > 0, or u is not None or Time.
func Exp(mean float64, u Unit) Dist {
	checkUnit(u)
	if !(mean > 0) || math.IsInf(mean, 1) {
		panic("dist: Exp mean must be finite and > 0")
	}
	return mkExp(mean, u)
}

func checkUnit(u Unit) {
	if u != None && u != Time {
		panic("dist: unit must be None or Time")
	}
}

// MustParse is like [Parse] but panics if the spec cannot be parsed. It is
// meant for tests, examples and package-level defaults.
func MustParse(s string) Dist {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Dist, which means "not set".
func (d Dist) IsZero() bool { return d.fam == famNone }

// Unit returns what the values of d measure: [Time] (hours) if the spec
// gave its values with time units, else [None].
func (d Dist) Unit() Unit { return d.unit }

// Scale returns the distribution of k·X for X drawn from d: every value,
// mean and quantile is multiplied by k (a speed-up of 1.25 is Scale(1/1.25)
// of a duration). Shape parameters are unchanged. Scale(0) is Const(0).
// The zero Dist scales to itself. Scale panics if k is negative, NaN or
// infinite.
func (d Dist) Scale(k float64) Dist {
	if !(k >= 0) || math.IsInf(k, 1) {
		panic("dist: scale factor must be finite and >= 0")
	}
	switch {
	case d.fam == famNone || k == 1:
		return d
	case k == 0:
		return mkConst(0, d.unit)
	}
	p := d.p
	switch d.fam {
	case famConst:
		return mkConst(k*p[0], d.unit)
	case famExp:
		return mkExp(k*p[0], d.unit)
	case famUniform:
		return mkUniform(k*p[0], k*p[1], d.unit)
	case famTriangular:
		return mkTriangular(k*p[0], k*p[1], k*p[2], d.unit)
	case famNormal:
		return mkNormal(k*p[0], k*p[1], d.unit)
	case famLognormal:
		return mkLognormal(k*p[0], p[1], d.unit)
	case famGamma, famErlang:
		return mkGamma(d.fam, p[0], k*p[1], d.unit)
	case famWeibull:
		return mkWeibull(p[0], k*p[1], d.unit)
	case famPareto:
		return mkPareto(k*p[0], p[1], d.unit)
	case famEmpirical:
		return Dist{fam: famEmpirical, unit: d.unit, emp: d.emp.scale(k)}
	}
	panic("dist: unknown family")
}

// MarshalText returns d.String(). The zero Dist marshals to empty text,
// which Parse rejects: omit unset distributions rather than write them.
func (d Dist) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText parses b with [Parse]. On error d is unchanged. With
// github.com/BurntSushi/toml, errors come back with the line number.
func (d *Dist) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

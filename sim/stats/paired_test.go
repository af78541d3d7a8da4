package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestPaired(t *testing.T) {
	t.Parallel()
	// Two scenarios sharing their random numbers: y is x plus a small
	// effect of 0.5 and a little noise of its own.
	r := rand.New(rand.NewPCG(1, 1))
	var p Paired
	var d, x, y Accumulator
	for range 40 {
		base := 100 + 15*r.NormFloat64()
		xi, yi := base+0.5+r.NormFloat64(), base
		p.Add(xi, yi)
		d.Add(xi - yi)
		x.Add(xi)
		y.Add(yi)
	}
	p.Add(math.NaN(), 1)
	d.Add(math.NaN())
	s := p.Summary(0.95)
	if !identical(s, d.Summary(0.95)) || p.N() != 40 || s.NaN != 1 {
		t.Errorf("Paired %+v\nAccumulator %+v", s, d.Summary(0.95))
	}
	// The point of pairing: the interval of the difference is far
	// narrower than the two independent intervals (SD ≈ 1 against 15).
	if sx, sy := x.Summary(0.95), y.Summary(0.95); 5*s.HalfWidth() > sx.HalfWidth()+sy.HalfWidth() {
		t.Errorf("paired half-width %g, independent %g + %g", s.HalfWidth(), sx.HalfWidth(), sy.HalfWidth())
	}
}

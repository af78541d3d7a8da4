package stats

import "math"

// welford is Welford's running mean and sum of squared deviations.
type welford struct {
	n    int
	mean float64
	m2   float64 // sum of squared deviations from the mean
}

func (w *welford) add(x float64) {
	w.n++
	d := x - w.mean
	w.mean += d / float64(w.n)
	// The conversion rounds the product, so it is never fused with the sum.
	w.m2 += float64(d * (x - w.mean))
}

// variance returns the sample variance (divisor n−1), NaN if n < 2.
func (w *welford) variance() float64 {
	if w.n < 2 {
		return math.NaN()
	}
	return w.m2 / float64(w.n-1)
}

// Tally accumulates observations: count, sum, mean, sample variance,
// minimum and maximum. The zero value is an empty Tally. Add is O(1) and
// does not allocate.
//
// A NaN observation makes Mean, Var and Sum NaN.
type Tally struct {
	w        welford
	sum      float64
	min, max float64
}

// Add records the observation x.
func (t *Tally) Add(x float64) {
	t.w.add(x)
	t.sum += x
	if t.w.n == 1 {
		t.min, t.max = x, x
		return
	}
	if x < t.min {
		t.min = x
	}
	if x > t.max {
		t.max = x
	}
}

// N returns the number of observations.
func (t *Tally) N() int { return t.w.n }

// Mean returns the mean of the observations, NaN if there are none.
func (t *Tally) Mean() float64 {
	if t.w.n == 0 {
		return math.NaN()
	}
	return t.w.mean
}

// Var returns the sample variance of the observations (divisor n−1), NaN
// if there are fewer than two.
func (t *Tally) Var() float64 { return t.w.variance() }

// SD returns the sample standard deviation, the square root of [Tally.Var].
func (t *Tally) SD() float64 { return math.Sqrt(t.w.variance()) }

// Min returns the smallest observation, NaN if there are none.
func (t *Tally) Min() float64 {
	if t.w.n == 0 {
		return math.NaN()
	}
	return t.min
}

// Max returns the largest observation, NaN if there are none.
func (t *Tally) Max() float64 {
	if t.w.n == 0 {
		return math.NaN()
	}
	return t.max
}

// Sum returns the sum of the observations, 0 if there are none.
func (t *Tally) Sum() float64 { return t.sum }

// Reset empties the Tally.
func (t *Tally) Reset() { *t = Tally{} }

package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Proportion summarises 0/1 outcomes, one per replication (did the quarter
// meet its target?). The zero value is empty and ready to use; Add is O(1)
// and does not allocate.
type Proportion struct {
	n, k int // outcomes, successes
}

// Add adds one outcome: a success if ok.
func (p *Proportion) Add(ok bool) {
	p.n++
	if ok {
		p.k++
	}
}

// N returns the number of outcomes added.
func (p *Proportion) N() int { return p.n }

// Summary returns the summary of the outcomes as values 0 and 1: Mean is
// the proportion of successes k/n, SD the sample standard deviation of the
// 0/1 values, √(k(n−k)/(n(n−1))), and P10, P50 and P90 their exact type 7
// percentiles (see [Quantiles]), which are 0 or 1 except where the
// percentile falls between the last 0 and the first 1 (1 success in 2
// outcomes has P50 = 0.5).
//
// Lo and Hi are the Wilson score interval at level confidence, which keeps
// its coverage for proportions near 0 or 1 where the t interval collapses:
// with z the (1+confidence)/2 normal quantile and p̂ = k/n,
//
//	(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
//
// The interval is not degenerate when all outcomes agree: 0 successes in 20
// give [0, 0.161] at 95 %. As for every Summary, Lo and Hi are NaN if
// N < 2. Summary panics if confidence is not in (0, 1).
func (p *Proportion) Summary(confidence float64) Summary {
	checkConfidence(confidence)
	nan := math.NaN()
	s := Summary{
		Mean: nan, SD: nan, Lo: nan, Hi: nan, P10: nan, P50: nan, P90: nan,
		N: p.n, Confidence: confidence,
	}
	if p.n > 0 {
		n, k := float64(p.n), float64(p.k)
		s.Mean = k / n
		at := func(j int) float64 {
			if j < p.n-p.k {
				return 0
			}
			return 1
		}
		s.P10 = type7(p.n, 0.1, at)
		s.P50 = type7(p.n, 0.5, at)
		s.P90 = type7(p.n, 0.9, at)
	}
	if p.n >= 2 {
		n, k := float64(p.n), float64(p.k)
		s.SD = math.Sqrt(k * (n - k) / (n * (n - 1)))
		s.Lo, s.Hi = wilson(p.k, p.n, confidence)
	}
	s.warn(false)
	return s
}

// wilson returns the Wilson score interval for k successes in n trials at
// level c.
func wilson(k, n int, c float64) (lo, hi float64) {
	z := distuv.UnitNormal.Quantile(0.5 + c/2)
	nn, z2 := float64(n), float64(z*z)
	ph := float64(k) / nn
	den := 1 + z2/nn
	center := (ph + z2/(2*nn)) / den
	half := float64(z / den * math.Sqrt(float64(ph*(1-ph))/nn+z2/(4*nn*nn)))
	lo, hi = max(center-half, 0), min(center+half, 1)
	// The exact bounds; rounding would leave them a few ulps away.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return lo, hi
}

package stats

import (
	"math"
	"slices"
)

// Warnings attached to a [Summary]. They are short, stable strings, safe to
// compare and to write to reports; a Summary lists them in this order.
const (
	// WarnFewReplications is given for fewer than 10 values: the
	// interval then rests on an assumption of normality that the data
	// cannot check.
	WarnFewReplications = "n < 10"
	// WarnWideInterval is given when the half-width of the interval
	// exceeds the absolute value of a non-zero mean: even the sign of the
	// mean is uncertain. For a t interval that is exactly when the
	// interval contains 0.
	WarnWideInterval = "interval wider than the mean"
	// WarnNaN is given when NaN values were added; they are left out of
	// everything but the count [Summary.NaN].
	WarnNaN = "NaN values excluded"
	// WarnEstimatedPercentiles is given when P10, P50 and P90 are P²
	// estimates rather than the sample's percentiles: an [Accumulator]
	// of more than 64 values. [Summarize] and [Proportion] are exact.
	WarnEstimatedPercentiles = "percentiles estimated (P²)"
)

// fewReplications is the N below which [WarnFewReplications] is given.
const fewReplications = 10

// Summary describes a metric over replications: the mean with its
// confidence interval, the spread, and warnings about how far to trust
// them.
//
// With N = 0 the mean, SD, interval and percentiles are NaN; with N = 1,
// SD, Lo and Hi are.
type Summary struct {
	Mean float64 // mean of the values
	SD   float64 // sample standard deviation (divisor N−1)
	// Lo and Hi bound the confidence interval of the mean at level
	// Confidence: Student's t for [Accumulator] and [Paired], Wilson's
	// score interval for [Proportion]. A t interval is Lo = Hi = Mean when
	// SD is 0.
	Lo, Hi float64
	// P10, P50 and P90 are the 10th, 50th and 90th percentiles of the
	// values: exact (type 7, see [Quantiles]) from [Summarize], from a
	// [Proportion] and from an [Accumulator] of at most 64 values; P²
	// estimates from a larger Accumulator, which then lists
	// [WarnEstimatedPercentiles].
	P10, P50, P90 float64
	N             int      // number of values summarised (NaN values excluded)
	NaN           int      // number of NaN values left out
	Confidence    float64  // confidence level of [Lo, Hi], e.g. 0.95
	Warnings      []string // the Warn constants that apply, in order; nil if none
}

// HalfWidth returns half the width of the confidence interval,
// (Hi − Lo)/2; NaN if N < 2. The Wilson interval of a [Proportion] is not
// centred on the mean; its HalfWidth is still half its width.
func (s Summary) HalfWidth() float64 { return (s.Hi - s.Lo) / 2 }

// RelHalfWidth returns the half-width relative to the mean,
// HalfWidth / |Mean|: +Inf if the mean is 0 and the half-width is not, 0 if
// both are 0, NaN if N < 2.
func (s Summary) RelHalfWidth() float64 {
	h, m := s.HalfWidth(), math.Abs(s.Mean)
	if m == 0 && h == 0 {
		return 0
	}
	return h / m
}

// Within reports whether the interval is precise to rel: N ≥ 2 and
// RelHalfWidth ≤ rel. It is the test of a sequential stopping rule: add
// replications until Within(0.05) holds for the metrics of interest (and N
// is large enough for the interval to be trusted).
func (s Summary) Within(rel float64) bool {
	return s.N >= 2 && s.RelHalfWidth() <= rel
}

// warn sets s.Warnings from the other fields and whether the
// percentiles are estimates.
func (s *Summary) warn(estimated bool) {
	var w []string
	if s.N < fewReplications {
		w = append(w, WarnFewReplications)
	}
	if s.Mean != 0 && s.HalfWidth() > math.Abs(s.Mean) {
		w = append(w, WarnWideInterval)
	}
	if s.NaN > 0 {
		w = append(w, WarnNaN)
	}
	if estimated {
		w = append(w, WarnEstimatedPercentiles)
	}
	s.Warnings = w
}

// tSummary returns the summary of n values with running mean and sum of
// squared deviations w, nan NaN values left out and percentiles pct, with
// the Student-t interval at level c; estimated tells that the percentiles
// are P² estimates.
func tSummary(w welford, nan int, c float64, pct [3]float64, estimated bool) Summary {
	checkConfidence(c)
	s := Summary{
		Mean: math.NaN(), SD: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
		P10: pct[0], P50: pct[1], P90: pct[2],
		N: w.n, NaN: nan, Confidence: c,
	}
	if w.n > 0 {
		s.Mean = w.mean
	}
	if w.n >= 2 {
		s.SD = math.Sqrt(w.variance())
		s.Lo, s.Hi = s.Mean, s.Mean
		if s.SD != 0 {
			h := TQuantile(0.5+c/2, w.n-1) * s.SD / math.Sqrt(float64(w.n))
			s.Lo, s.Hi = s.Mean-h, s.Mean+h
		}
	}
	s.warn(estimated)
	return s
}

// Summarize returns the summary of the values xs, one per replication in
// replication order, with the Student-t confidence interval of the mean
// at level confidence and the exact 10th, 50th and 90th percentiles (type
// 7, see [Quantiles]). NaN values are counted and otherwise ignored, as
// by an [Accumulator]; the mean, SD and interval are bit-identical to
// those of an Accumulator fed xs in order, and so are the percentiles
// while there are at most 64 values.
//
// It panics if confidence is not in (0, 1). It is O(n log n) and
// allocates one copy of xs.
func Summarize(xs []float64, confidence float64) Summary {
	var w welford
	nan := 0
	s := make([]float64, 0, len(xs))
	for _, x := range xs {
		if math.IsNaN(x) {
			nan++
			continue
		}
		w.add(x)
		s = append(s, x)
	}
	pct := [3]float64{math.NaN(), math.NaN(), math.NaN()}
	if len(s) > 0 {
		slices.Sort(s)
		for i, p := range accPercentiles {
			pct[i] = type7(len(s), p, func(j int) float64 { return s[j] })
		}
	}
	return tSummary(w, nan, confidence, pct, false)
}

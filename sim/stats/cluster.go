package stats

import (
	"math"
	"slices"
)

// SummarizeClustered summarises values that come in independent clusters
// of values that need not be: the people of a role in one replication,
// over replications. People of one replication share its demand, so
// their values are correlated; replications are independent.
//
// Mean, SD, P10, P50, P90 and N are those of every value pooled, as by
// [Summarize]: the distribution across people and replications. NaN
// values are left out and counted. Lo and Hi bound the pooled mean at
// level confidence with a cluster-robust standard error, that of a ratio
// estimator: with S_c the sum and n_c the number of the values of
// cluster c, C the clusters with a value and m = ΣS_c / Σn_c,
//
//	se² = C/(C−1) · Σ_c (S_c − m·n_c)² / (Σ_c n_c)²
//
// and the interval is m ± t(C−1)·se (Cameron and Miller 2015, "A
// Practitioner's Guide to Cluster-Robust Inference", CR1 with G/(G−1)).
// With one value per cluster it is the Student t interval of
// [Summarize]. With fewer than two clusters Lo and Hi are NaN, however
// many values there are; [WarnFewReplications] is given for fewer than
// 10 clusters.
//
// It panics if confidence is not in (0, 1). It is O(n log n) in the
// number of values and allocates one copy of them.
func SummarizeClustered(clusters [][]float64, confidence float64) Summary {
	checkConfidence(confidence)
	var all []float64
	nan := 0
	var w welford
	type part struct{ sum, n float64 }
	var parts []part
	var sum, n float64
	for _, c := range clusters {
		var p part
		for _, x := range c {
			if math.IsNaN(x) {
				nan++
				continue
			}
			w.add(x)
			all = append(all, x)
			p.sum += x
			p.n++
		}
		if p.n > 0 {
			parts = append(parts, p)
			sum += p.sum
			n += p.n
		}
	}
	s := Summary{Mean: math.NaN(), SD: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
		P10: math.NaN(), P50: math.NaN(), P90: math.NaN(), N: w.n, NaN: nan, Confidence: confidence}
	if w.n > 0 {
		s.Mean = w.mean
		slices.Sort(all)
		s.P10 = type7(len(all), accPercentiles[0], func(j int) float64 { return all[j] })
		s.P50 = type7(len(all), accPercentiles[1], func(j int) float64 { return all[j] })
		s.P90 = type7(len(all), accPercentiles[2], func(j int) float64 { return all[j] })
	}
	if w.n >= 2 {
		s.SD = math.Sqrt(w.variance())
	}
	if c := len(parts); c >= 2 {
		m := sum / n
		var ss float64
		for _, p := range parts {
			e := p.sum - float64(m*p.n)
			ss += float64(e * e)
		}
		se := math.Sqrt(float64(c) / float64(c-1) * ss / (n * n))
		s.Lo, s.Hi = s.Mean, s.Mean
		if se != 0 {
			h := TQuantile(0.5+confidence/2, c-1) * se
			s.Lo, s.Hi = s.Mean-h, s.Mean+h
		}
	}
	var warn []string
	if len(parts) < fewReplications {
		warn = append(warn, WarnFewReplications)
	}
	if s.Mean != 0 && s.HalfWidth() > math.Abs(s.Mean) {
		warn = append(warn, WarnWideInterval)
	}
	if nan > 0 {
		warn = append(warn, WarnNaN)
	}
	s.Warnings = warn
	return s
}

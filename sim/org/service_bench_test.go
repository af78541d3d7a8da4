package org

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkWaitQuantiles: the median and the 90th percentile of a year's
// waits of a busy queue (100,000 tasks, a third of them not waiting at
// all), as a replication's results ask for them.
func BenchmarkWaitQuantiles(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	src := make([]float64, 100_000)
	for i := range src {
		if r.IntN(3) > 0 {
			src[i] = r.ExpFloat64() * 0.7
		}
	}
	var l serviceLog
	l.init(1, 1, 0)
	for b.Loop() {
		l.reset()
		l.waits[0] = append(l.waits[0], src...)
		_ = l.quantile(0, 0, 0.5)
		_ = l.quantile(0, 0, 0.9)
	}
}

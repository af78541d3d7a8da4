package stats

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Sinks keep the compiler from discarding benchmarked work.
var (
	floatSink   float64
	summarySink Summary
)

// benchValues are drawn before timing so that the benchmarks measure the
// accumulators, not the generator.
var benchValues = func() []float64 {
	r := rand.New(rand.NewPCG(1, 1))
	xs := make([]float64, 1<<12)
	for i := range xs {
		xs[i] = 100 + 15*r.NormFloat64()
	}
	return xs
}()

func BenchmarkAccumulatorAdd(b *testing.B) {
	b.ReportAllocs()
	var a Accumulator
	i := 0
	for b.Loop() {
		a.Add(benchValues[i&(len(benchValues)-1)])
		i++
	}
	floatSink = float64(a.N())
}

func BenchmarkAccumulatorSummary(b *testing.B) {
	for _, n := range []int{5, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var a Accumulator
			for _, x := range benchValues[:n] {
				a.Add(x)
			}
			b.ReportAllocs()
			for b.Loop() {
				summarySink = a.Summary(0.95)
			}
		})
	}
}

func BenchmarkTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var t Tally
	i := 0
	for b.Loop() {
		t.Add(benchValues[i&(len(benchValues)-1)])
		i++
	}
	floatSink = t.Mean()
}

func BenchmarkTimeWeightedAdd(b *testing.B) {
	b.ReportAllocs()
	var w TimeWeighted
	now, delta := 0.0, 1.0
	for b.Loop() {
		now += 0.25
		w.Add(now, delta)
		delta = -delta
	}
	floatSink = w.Mean(now + 1)
}

package stats_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/stats"
)

// Revenue per replication, summarised as replications finish.
func ExampleAccumulator() {
	r := rand.New(rand.NewPCG(1, 1))
	var revenue stats.Accumulator
	for range 40 {
		revenue.Add(250 + 30*r.NormFloat64()) // k€ per quarter
	}
	s := revenue.Summary(0.95)
	fmt.Printf("mean %.1f k€, 95%% CI [%.1f, %.1f], n=%d\n", s.Mean, s.Lo, s.Hi, s.N)
	fmt.Printf("P10 %.1f  P50 %.1f  P90 %.1f\n", s.P10, s.P50, s.P90)
	fmt.Printf("±%.1f%% of the mean; within 5%%: %v; warnings: %q\n", 100*s.RelHalfWidth(), s.Within(0.05), s.Warnings)
	// Output:
	// mean 252.3 k€, 95% CI [241.9, 262.6], n=40
	// P10 214.4  P50 254.5  P90 286.5
	// ±4.1% of the mean; within 5%: true; warnings: []
}

// Did the quarter meet its target? 17 replications of 20 did.
func ExampleProportion() {
	var met stats.Proportion
	for i := range 20 {
		met.Add(i < 17)
	}
	s := met.Summary(0.95)
	fmt.Printf("%.2f met target, 95%% Wilson CI [%.3f, %.3f], n=%d\n", s.Mean, s.Lo, s.Hi, s.N)
	// Output:
	// 0.85 met target, 95% Wilson CI [0.640, 0.948], n=20
}

// The mean number of leads waiting for a seller, after a warm-up.
func ExampleTimeWeighted() {
	var waiting stats.TimeWeighted
	waiting.Set(0, 5)  // 5 leads at t = 0 h
	waiting.Add(1, -2) // 2 taken at 1 h
	waiting.Start(2)   // warm-up ends at 2 h: forget [0, 2)
	waiting.Add(3, 1)  // 1 arrives at 3 h
	fmt.Printf("level %g, mean over [2, 6] %.2f\n", waiting.Level(), waiting.Mean(6))
	// Output:
	// level 4, mean over [2, 6] 3.75
}

// Is the new routing faster? Both scenarios ran with the same random
// numbers, so compare them replication by replication.
func ExamplePaired() {
	var diff stats.Paired
	oldDays := []float64{31.2, 28.4, 35.0, 30.1, 29.8, 33.3, 27.5, 32.0, 30.6, 34.1}
	newDays := []float64{29.9, 27.6, 33.1, 29.0, 29.1, 31.4, 26.8, 30.7, 29.2, 32.9}
	for i := range oldDays {
		diff.Add(oldDays[i], newDays[i])
	}
	s := diff.Summary(0.95)
	fmt.Printf("old − new = %.2f days, 95%% CI [%.2f, %.2f]\n", s.Mean, s.Lo, s.Hi)
	// Output:
	// old − new = 1.23 days, 95% CI [0.92, 1.54]
}

package org

import (
	"context"
	"testing"
)

// BenchmarkYear runs one replication of the one-year design with 8
// managers and 4 callers (issue: ≤ 10 ms on a project machine).
func BenchmarkYear(b *testing.B) {
	p := mustCompile(b, benchDesign())
	s := NewSim(p)
	ctx := context.Background()
	var events uint64
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		r, err := s.Run(ctx, 1, i)
		if err != nil {
			b.Fatal(err)
		}
		events += r.Events
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkMMc runs the M/M/10 queue as an organisation (validation/mmc),
// the model's path for the SimPy comparison.
func BenchmarkMMc(b *testing.B) {
	p := mustCompile(b, mmcConfig(9, 1, 10, Year, 0))
	s := NewSim(p)
	ctx := context.Background()
	var events uint64
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		r, err := s.Run(ctx, 1, i)
		if err != nil {
			b.Fatal(err)
		}
		events += r.Events
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

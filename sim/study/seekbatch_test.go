package study

import (
	"io/fs"
	"reflect"
	"testing"

	"github.com/salesim/salesim/scenarios"
)

// plainSampler hides a sampler's SampleBatch, so that Seek samples one
// design at a time.
type plainSampler struct{ Sampler }

// TestSeekBatchSameAnswer: on growth-plan, sampling a line of designs at
// once through File.Evaluate (which shares the warm-up) gives the outputs
// Sample gives, bit for bit, and seek explores, decides and spends
// exactly as it does one design at a time. Full length, as shipped: the
// change at the end of the year's warm-up.
func TestSeekBatchSameAnswer(t *testing.T) {
	t.Parallel()
	b, err := fs.ReadFile(scenarios.Experiments, "experiments/seek-growth-plan-50.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(b, "builtin:experiments/seek-growth-plan-50.toml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("two years of growth-plan per replication")
	}
	p, s, _, err := f.SeekProblem(2)
	if err != nil {
		t.Fatal(err)
	}
	xs := [][]float64{{0, 2}, {0, 3}, {1, 3}}
	batch, err := s.SampleBatch(t.Context(), xs, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range xs {
		one, err := s.Sample(t.Context(), x, 1, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, batch[i]) {
			t.Errorf("%v: batch %v, one by one %v", x, batch[i], one)
		}
	}
	p.Factors[0].Max, p.Factors[1].Max = 1, 3
	p.Initial, p.Max = 3, 6
	p.Constraints[0].Bound, p.Constraints[0].Delta = 0.3, 0.1
	withBatch, err := Seek(t.Context(), p, s)
	if err != nil {
		t.Fatal(err)
	}
	without, err := Seek(t.Context(), p, plainSampler{s})
	if err != nil {
		t.Fatal(err)
	}
	if withBatch.Best != without.Best || withBatch.Replications != without.Replications || withBatch.Simulated != without.Simulated {
		t.Errorf("batch: best %d, %d replications, %d simulated; one by one: %d, %d, %d",
			withBatch.Best, withBatch.Replications, withBatch.Simulated, without.Best, without.Replications, without.Simulated)
	}
	for i, c := range withBatch.Candidates {
		d := without.Candidates[i]
		if !reflect.DeepEqual(c.X, d.X) || c.Class != d.Class || !reflect.DeepEqual(c.data, d.data) {
			t.Errorf("design %v: batch %s %d, one by one %v %s %d", c.X, c.Class, len(c.data), d.X, d.Class, len(d.data))
		}
	}
}

package org

import (
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// TestPickPolicy: three people share a pool of requests (one an hour,
// ten minutes each: each person is free most of the time). An ordered
// hunt (pick first) gives nearly all the work to post 1: a request finds
// post 1 busy only a sixth of the time, and posts 2 and 3 get little.
// Longest-idle routing shares it evenly: each post does about a third,
// and the role's total is the same in both (every request is served).
func TestPickPolicy(t *testing.T) {
	t.Parallel()
	done := func(pick Pick) [3]float64 {
		cfg := oneRole(3, allDay(), Activity{Name: "serve", Duration: dist.MustParse("10m"), Kind: "k"})
		cfg.Run.Horizon = 2000
		cfg.Roles[0].Personal = false
		cfg.Roles[0].Pick = pick
		cfg.Inbound = []Inbound{{Name: "in", Rate: 1, Stage: StageAt(0)}}
		s := manual(t, cfg)
		r := s.finishRun(t)
		var n [3]float64
		for i := range n {
			n[i] = postMeasure(t, s.p, r, metric.Throughput, "worker", i+1)
		}
		return n
	}
	first, even := done(PickFirst), done(PickLongestIdle)
	t.Logf("tasks by post: pick first %v, longest idle %v", first, even)
	total := func(n [3]float64) float64 { return n[0] + n[1] + n[2] }
	if total(first) != total(even) {
		t.Fatalf("%v tasks done with pick first, %v with longest idle: the same requests, all served", first, even)
	}
	if share := first[0] / total(first); share < 0.75 {
		t.Errorf("pick first: post 1 did %.0f%% of the work, want most (%v)", 100*share, first)
	}
	for i, n := range even {
		if share := n / total(even); share < 0.30 || share > 0.37 {
			t.Errorf("longest idle: post %d did %.1f%% of the work, want about a third (%v)", i+1, 100*share, even)
		}
	}
}

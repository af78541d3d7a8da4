package org

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNth: nth returns the k-th smallest value, as sorting does, for
// arrays with many ties (queues' waits are mostly zeros), and leaves
// nothing smaller after it and nothing larger before it.
func TestNth(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + r.IntN(60)
		w := make([]float64, n)
		for i := range w {
			if r.IntN(3) > 0 {
				w[i] = float64(r.IntN(5))
			} else {
				w[i] = r.Float64() * 10
			}
		}
		sorted := slices.Sorted(slices.Values(w))
		k := r.IntN(n)
		got := nth(w, k)
		if got != sorted[k] || w[k] != got {
			t.Fatalf("trial %d: nth(%d) = %g (w[k] %g), sorted says %g", trial, k, got, w[k], sorted[k])
		}
		for i, v := range w {
			if (i < k && v > got) || (i > k && v < got) {
				t.Fatalf("trial %d: w[%d] = %g on the wrong side of the %d-th, %g", trial, i, v, k, got)
			}
		}
	}
}

// TestQuantileReusesSelection: quantiles asked one after another of the
// same waits (the median, then the 90th percentile, and in any order) are
// those of the sorted waits, type 7, bit for bit, though each selection
// after the first searches only the part an earlier one left it in; a
// wait recorded after a selection is taken into account, and so is a
// reset (a new replication); the department's are its roles' together,
// or the one role's that started every task.
func TestQuantileReusesSelection(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	type7 := func(w []float64, p float64) float64 {
		s := slices.Sorted(slices.Values(w))
		h := p * float64(len(s)-1)
		lo := int(h)
		if lo+1 >= len(s) {
			return s[lo]
		}
		return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
	}
	var l serviceLog
	l.init(3, 1, 0) // roles 0 and 1, the department 2
	n := 0
	for trial := range 500 {
		// A new replication: the same log, reset, often with as many
		// waits as the last; in half of them one role starts every task.
		l.reset()
		if trial == 0 || r.IntN(2) == 0 {
			n = 1 + r.IntN(80)
		}
		roles := 1 + r.IntN(2)
		wait := func() {
			v := float64(r.IntN(4))
			if r.IntN(2) == 0 {
				v = r.Float64() * 10
			}
			l.waited(r.IntN(roles), 2, 0, v)
		}
		for range n {
			wait()
		}
		for range 9 {
			if r.IntN(4) == 0 {
				wait()
			}
			ri := r.IntN(3)
			p := []float64{0, 0.1, 0.5, 0.9, 1, r.Float64()}[r.IntN(6)]
			all := slices.Clone(l.waits[ri])
			if len(all) == 0 {
				continue
			}
			if got, want := l.quantile(ri, 0, p), type7(all, p); got != want {
				t.Fatalf("trial %d: quantile(%g) of %d waits of role %d = %g, want %g", trial, p, len(all), ri, got, want)
			}
		}
	}
}

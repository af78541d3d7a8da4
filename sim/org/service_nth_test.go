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

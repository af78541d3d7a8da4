package org

import (
	"math/rand/v2"
	"testing"
)

// TestFreeSet: next finds what a scan of every slot would, through random
// puts over sizes around the word and summary boundaries.
func TestFreeSet(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 63, 64, 65, 4095, 4096, 4097, 10000} {
		var f freeSet
		free := make([]bool, n)
		for i := range n {
			f.put(i, false)
		}
		for step := range 4 * n {
			i := rnd.IntN(n)
			free[i] = rnd.IntN(4) == 0
			f.put(i, free[i])
			from := rnd.IntN(n + 1)
			want := -1
			for j := from; j < n; j++ {
				if free[j] {
					want = j
					break
				}
			}
			if got := f.next(from); got != want {
				t.Fatalf("n %d, step %d: next(%d) = %d, want %d", n, step, from, got, want)
			}
		}
	}
}

package org

import "math/bits"

// freeSet is the set of a role's members who are not busy, by their slot
// in the role's member list: offer visits them in slot order, as a scan
// of every member would, but skips the busy ones 64 at a time, and a
// summary word skips 4096 at a time. With a hundred thousand agents, most
// of them busy, a scan of every member on every arrival took minutes per
// simulated week.
type freeSet struct {
	words []uint64 // bit i: slot i is free
	sum   []uint64 // bit j: words[j] is not 0
}

// clear empties the set, keeping its buffers.
func (f *freeSet) clear() {
	clear(f.words)
	clear(f.sum)
	f.words, f.sum = f.words[:0], f.sum[:0]
}

// put sets slot i free or not.
func (f *freeSet) put(i int, free bool) {
	w := i >> 6
	for len(f.words) <= w {
		f.words = append(f.words, 0)
	}
	for len(f.sum) <= w>>6 {
		f.sum = append(f.sum, 0)
	}
	if free {
		f.words[w] |= 1 << (i & 63)
	} else {
		f.words[w] &^= 1 << (i & 63)
	}
	if f.words[w] != 0 {
		f.sum[w>>6] |= 1 << (w & 63)
	} else {
		f.sum[w>>6] &^= 1 << (w & 63)
	}
}

// next returns the first free slot at or after i, or -1.
func (f *freeSet) next(i int) int {
	w := i >> 6
	if w >= len(f.words) {
		return -1
	}
	if m := f.words[w] >> (i & 63); m != 0 {
		return i + bits.TrailingZeros64(m)
	}
	// The next word that is not 0, through the summary.
	w++
	for s := w >> 6; s < len(f.sum); s++ {
		m := f.sum[s]
		if s == w>>6 {
			m &^= 1<<(w&63) - 1
		}
		if m != 0 {
			w = s<<6 + bits.TrailingZeros64(m)
			return w<<6 + bits.TrailingZeros64(f.words[w])
		}
	}
	return -1
}

// rebuild sets the set from the members' busy flags, after their slots
// changed (a member moved out of the role).
func (f *freeSet) rebuild(members []int32, people []person) {
	f.clear()
	for i, m := range members {
		f.put(i, !people[m].busy)
	}
}

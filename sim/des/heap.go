package des

import "math/bits"

// The heap holds the earliest events: all of them while there are few, and
// otherwise those before the ladder's first bucket. It is an implicit
// 4-ary min-heap (the children of i are 4i+1 .. 4i+4) of 24-byte entries;
// each event's slot keeps its index, so that Cancel and Reschedule find it.

// pushHeap adds x to the heap, in the place of the fired root if there is
// one, and moves the heap to the ladder if it has grown too large.
func (e *Env) pushHeap(x entry) {
	e.slots[x.slot].where = inHeap
	if e.hole {
		e.hole = false
		e.heap[0] = x
		e.down(0)
		return
	}
	e.heap = append(e.heap, x)
	e.up(len(e.heap) - 1)
	if len(e.heap) > spillMin<<e.spills {
		e.spill()
	}
}

// fill replaces the fired root by the last element.
func (e *Env) fill() {
	e.hole = false
	n := len(e.heap) - 1
	if n > 0 {
		e.heap[0] = e.heap[n]
		e.heap = e.heap[:n]
		e.down(0)
	} else {
		e.heap = e.heap[:0]
	}
}

// removeHeap deletes heap[i].
func (e *Env) removeHeap(i int) {
	h := e.heap
	n := len(h) - 1
	if i != n {
		h[i] = h[n]
		e.slots[h[i].slot].pos = int32(i)
	}
	e.heap = h[:n]
	if i < n && !e.down(i) {
		e.up(i)
	}
}

// heapify restores the heap property of the whole heap.
func (e *Env) heapify() {
	h := e.heap
	for i := range h {
		e.slots[h[i].slot].pos = int32(i)
	}
	for i := (len(h) - 2) / 4; i >= 0; i-- {
		e.down(i)
	}
}

// less orders entries by (tb, key) as one 128-bit comparison, without
// branches.
func less(a, b *entry) bool {
	_, c := bits.Sub64(a.key, b.key, 0)
	_, c = bits.Sub64(a.tb, b.tb, c)
	return c != 0
}

func (e *Env) up(i int) {
	h := e.heap
	x := h[i]
	for i > 0 {
		p := (i - 1) / 4
		if !less(&x, &h[p]) {
			break
		}
		h[i] = h[p]
		e.slots[h[i].slot].pos = int32(i)
		i = p
	}
	h[i] = x
	e.slots[x.slot].pos = int32(i)
}

// down sifts the element at i towards the leaves and reports whether it
// moved.
func (e *Env) down(i0 int) bool {
	h := e.heap
	n := len(h)
	i := i0
	x := h[i]
	for {
		c := 4*i + 1
		var m int
		if c+3 < n {
			// Four children: a tournament of three comparisons.
			f := h[c : c+4 : c+4]
			m = 0
			if less(&f[1], &f[0]) {
				m = 1
			}
			m2 := 2
			if less(&f[3], &f[2]) {
				m2 = 3
			}
			if less(&f[m2], &f[m]) {
				m = m2
			}
			m += c
		} else if c < n {
			m = c
			for j := c + 1; j < n; j++ {
				if less(&h[j], &h[m]) {
					m = j
				}
			}
		} else {
			break
		}
		if !less(&h[m], &x) {
			break
		}
		h[i] = h[m]
		e.slots[h[i].slot].pos = int32(i)
		i = m
	}
	h[i] = x
	e.slots[x.slot].pos = int32(i)
	return i > i0
}

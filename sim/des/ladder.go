package des

import "math"

// The ladder holds the events that are later than those in the heap, after
// the ladder queue of Tang, Goh and Thng (2005). It is a stack of rungs,
// each an array of buckets of equal width; a bucket is an unsorted list of
// events, linked through their slots, so that adding and removing an event
// is O(1) and allocates nothing.
//
// Rung 0 covers the events there were when it was built, one bucket per
// [load] of them; each later rung covers one bucket of the rung above it,
// the one most recently emptied. Events after rung 0 wait unsorted in the
// top (bucket 0). Events reach the heap a bucket at a time: when the heap
// is empty, the next non-empty bucket of the last rung moves into it, or,
// if it holds more than [thres] events, becomes a new rung. When the last
// rung is exhausted it is dropped; when there is none, the top becomes
// rung 0, or, if it holds few events, moves to the heap. So each event is
// moved a few times, and the heap stays small.
//
// While there are few events the ladder is empty and the heap holds them
// all; a heap of more than [spillMin] events moves to the top.
//
// Which container an event belongs in depends only on its time, through
// a monotone bucket index per rung, so events at equal times are always
// together, and the heap orders them by priority and sequence.

// Tuning, chosen by measurement (see README).
const (
	spillMin = 64 // a heap of more events moves to the ladder
	thres    = 48 // a bucket of more events becomes a rung, not part of the heap
	load     = 2  // events per bucket in a new rung
	maxRungs = 8  // beyond this, large buckets go to the heap anyway
)

// A rung is nb+1 buckets of width 1/inv hours from start.
type rung struct {
	start float64
	inv   float64
	lo    int32 // bucket 0 is ladder.head[lo]
	nb    int32
	cur   int32 // next bucket to move to the heap
}

// index returns the bucket of time t: -1 before the rung, nb+1 after it.
func (g *rung) index(t float64) int32 {
	d := (t - g.start) * g.inv
	if d < 0 {
		return -1
	}
	if d >= float64(g.nb+1) {
		return g.nb + 1
	}
	return int32(d)
}

type ladder struct {
	rungs  []rung
	head   []int32 // first event of each bucket, as slot index + 1; head[0] is the top
	count  []int32 // events in each bucket
	spills uint    // the heap moves to the ladder beyond spillMin<<spills events
}

// empty reports whether every event is in the heap.
func (l *ladder) empty() bool {
	return len(l.rungs) == 0 && (len(l.head) == 0 || l.head[0] == 0)
}

func (l *ladder) reset() {
	clear(l.head)
	clear(l.count)
	l.rungs = l.rungs[:0]
	l.spills = 0
}

// grow makes room for n buckets.
func (l *ladder) grow(n int) {
	for len(l.head) < n {
		l.head = append(l.head, 0)
		l.count = append(l.count, 0)
	}
}

// route returns where an event at time tb belongs: inHeap, the top (0) or
// a bucket. deep reports that it belongs in the heap because it is in the
// bucket the last rung emptied last, not because it is earlier than that
// (which happens only after RunUntil has left the clock between buckets).
func (l *ladder) route(tb uint64) (where int32, deep bool) {
	if len(l.rungs) == 0 {
		if len(l.head) > 0 && l.head[0] != 0 {
			return 0, false
		}
		return inHeap, true
	}
	t := math.Float64frombits(tb)
	for r := range l.rungs {
		g := &l.rungs[r]
		i := g.index(t)
		if i > g.nb {
			if r == 0 {
				return 0, false
			}
			i = g.nb
		}
		if i >= g.cur {
			return g.lo + i, false
		}
		if i < g.cur-1 {
			return inHeap, false
		}
	}
	return inHeap, true
}

func (e *Env) route(tb uint64) int32 {
	w, _ := e.ladder.route(tb)
	return w
}

// place adds x, whose slot holds its handler, to the calendar.
func (e *Env) place(x entry) {
	w, _ := e.ladder.route(x.tb)
	if w == inHeap {
		e.pushHeap(x)
		return
	}
	s := &e.slots[x.slot]
	s.tb, s.key = x.tb, x.key
	e.link(x.slot, w)
}

// link adds the event of slot id, with its time and key in the slot, to
// bucket k.
func (e *Env) link(id, k int32) {
	s := &e.slots[id]
	h := e.head[k]
	s.where, s.prev, s.next = k, 0, h
	if h != 0 {
		e.slots[h-1].prev = id + 1
	}
	e.head[k] = id + 1
	e.count[k]++
}

// unlink removes the event of slot id from the calendar and returns its
// entry.
func (e *Env) unlink(id int32, s *slot) entry {
	if s.where == inHeap {
		if e.hole {
			e.fill()
		}
		x := e.heap[s.pos]
		e.removeHeap(int(s.pos))
		return x
	}
	if s.prev != 0 {
		e.slots[s.prev-1].next = s.next
	} else {
		e.head[s.where] = s.next
	}
	if s.next != 0 {
		e.slots[s.next-1].prev = s.prev
	}
	e.count[s.where]--
	return entry{tb: s.tb, key: s.key, slot: id}
}

// spill moves the heap, grown too large, to the ladder: to the top if
// there are no rungs, else to a new rung if it can. If it cannot, it lets
// the heap grow to twice the size before trying again.
func (e *Env) spill() {
	if len(e.rungs) == 0 {
		e.grow(1)
		for _, x := range e.heap {
			s := &e.slots[x.slot]
			s.tb, s.key = x.tb, x.key
			e.link(x.slot, 0)
		}
		e.heap = e.heap[:0]
		return
	}
	if len(e.rungs) < maxRungs && e.heapDeep() && e.spawnHeap() {
		e.heap = e.heap[:0]
		return
	}
	e.spills++
}

// heapDeep reports whether every event in the heap lies in the bucket the
// last rung emptied last, so that a new rung may hold them.
func (e *Env) heapDeep() bool {
	for i := range e.heap {
		if _, deep := e.ladder.route(e.heap[i].tb); !deep {
			return false
		}
	}
	return true
}

// newRung adds a rung for n events from time lo to hi (bit patterns) and
// reports whether it did: not if lo == hi.
func (l *ladder) newRung(lo, hi uint64, n int) bool {
	start := math.Float64frombits(lo)
	span := math.Float64frombits(hi) - start
	nb := max(n/load, 1)
	inv := float64(nb) / span
	if !(span > 0) || inv > math.MaxFloat64 {
		return false
	}
	g := rung{start: start, inv: inv, lo: 1, nb: int32(nb)}
	if k := len(l.rungs); k > 0 {
		g.lo = l.rungs[k-1].lo + l.rungs[k-1].nb + 1
	}
	l.grow(int(g.lo) + nb + 1)
	l.rungs = append(l.rungs, g)
	return true
}

// spawnHeap moves the heap's events to a new rung and reports whether it
// did; the caller empties the heap.
func (e *Env) spawnHeap() bool {
	lo, hi := e.heap[0].tb, e.heap[0].tb
	for i := range e.heap {
		lo = min(lo, e.heap[i].tb)
		hi = max(hi, e.heap[i].tb)
	}
	if !e.newRung(lo, hi, len(e.heap)) {
		return false
	}
	g := &e.rungs[len(e.rungs)-1]
	for _, x := range e.heap {
		s := &e.slots[x.slot]
		s.tb, s.key = x.tb, x.key
		e.link(x.slot, g.lo+min(g.index(math.Float64frombits(x.tb)), g.nb))
	}
	return true
}

// spawnList moves the events of bucket k to a new rung and reports whether
// it did.
func (e *Env) spawnList(k int32) bool {
	lo, hi := ^uint64(0), uint64(0)
	for id := e.head[k]; id != 0; id = e.slots[id-1].next {
		lo = min(lo, e.slots[id-1].tb)
		hi = max(hi, e.slots[id-1].tb)
	}
	if !e.newRung(lo, hi, int(e.count[k])) {
		return false
	}
	g := &e.rungs[len(e.rungs)-1]
	id := e.head[k]
	e.head[k], e.count[k] = 0, 0
	for id != 0 {
		s := &e.slots[id-1]
		next := s.next
		e.link(id-1, g.lo+min(g.index(math.Float64frombits(s.tb)), g.nb))
		id = next
	}
	return true
}

// refill moves the next events from the ladder to the empty heap and
// reports whether there were any.
func (e *Env) refill() bool {
	e.spills = 0
	for {
		n := len(e.rungs)
		if n == 0 {
			if len(e.head) == 0 || e.head[0] == 0 {
				return false
			}
			// Few events, or all at one time: back to the heap alone.
			if e.count[0] > spillMin/2 && e.spawnList(0) {
				continue
			}
			e.toHeap(0)
			break
		}
		g := &e.rungs[n-1]
		for g.cur <= g.nb && e.head[g.lo+g.cur] == 0 {
			g.cur++
		}
		if g.cur > g.nb {
			e.rungs = e.rungs[:n-1]
			continue
		}
		k := g.lo + g.cur
		g.cur++
		if e.count[k] > thres && n < maxRungs && e.spawnList(k) {
			continue
		}
		e.toHeap(k)
		break
	}
	e.heapify()
	return true
}

// toHeap appends the events of bucket k to the heap, unordered.
func (e *Env) toHeap(k int32) {
	for id := e.head[k]; id != 0; {
		s := &e.slots[id-1]
		s.where = inHeap
		e.heap = append(e.heap, entry{tb: s.tb, key: s.key, slot: id - 1})
		id = s.next
	}
	e.head[k], e.count[k] = 0, 0
}

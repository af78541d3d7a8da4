package des

import "math"

// A Handler is called when its event fires, with the argument given when the
// event was scheduled.
type Handler func(arg int)

// Priority orders events that fall at the same time: lower fires first.
// It must lie in [MinPriority, MaxPriority].
type Priority int

// Priorities used across the project. Calendar changes (shift starts and
// ends) are Urgent so that work arriving at the same instant sees the new
// shift; the end of a run is Late so that everything at the horizon happens
// before it.
const (
	Urgent Priority = -1
	Normal Priority = 0
	Late   Priority = 1

	MinPriority Priority = -128
	MaxPriority Priority = 127
)

// An Event is a handle to a scheduled event. The zero Event refers to no
// event. A handle stays safe to use after its event has fired or been
// cancelled: [Env.Cancel] and [Env.Reschedule] then report false.
type Event struct {
	id  int32 // slot index + 1; 0 means no event
	gen uint32
}

// entry is one element of the heap. key packs the priority (high 8 bits,
// offset by 128) and the sequence number (low 56 bits), so that one integer
// comparison settles ties in time.
type entry struct {
	t    float64
	key  uint64
	slot int32
}

// slot holds the callback of a pending event and its position in the heap.
type slot struct {
	h   Handler
	arg int
	pos int32 // index in Env.heap; -1 when free
	gen uint32
}

const seqBits = 56

// Env is a simulation environment: a clock and an event calendar.
// An Env must be used by one goroutine at a time; run replications in
// parallel with one Env each.
type Env struct {
	now       float64
	seq       uint64
	heap      []entry
	slots     []slot
	free      []int32
	stopped   bool
	processed uint64
}

// New returns an empty environment with the clock at 0.
func New() *Env { return &Env{} }

// Now returns the current simulated time in hours.
func (e *Env) Now() float64 { return e.now }

// Len returns the number of pending events.
func (e *Env) Len() int { return len(e.heap) }

// Processed returns the number of events that have fired.
func (e *Env) Processed() uint64 { return e.processed }

// Reset empties the calendar and sets the clock to 0, keeping the memory
// already allocated, so that one Env can run many replications without
// growing again. Handles from before the reset refer to no event.
func (e *Env) Reset() {
	for i := range e.slots {
		if e.slots[i].pos >= 0 {
			e.slots[i].h = nil
			e.slots[i].pos = -1
			e.slots[i].gen++
			e.free = append(e.free, int32(i))
		}
	}
	e.heap = e.heap[:0]
	e.now, e.seq, e.stopped, e.processed = 0, 0, false, 0
}

// At schedules h(arg) at absolute time t with priority p and returns its
// handle. It panics if t is before Now, NaN or infinite, if p is out of
// range, or if h is nil.
func (e *Env) At(t float64, p Priority, h Handler, arg int) Event {
	if !(t >= e.now) || math.IsInf(t, 1) {
		if math.IsNaN(t) {
			panic("des: NaN event time")
		}
		if math.IsInf(t, 1) {
			panic("des: infinite event time")
		}
		panic("des: event scheduled in the past")
	}
	if h == nil {
		panic("des: nil handler")
	}
	key := e.key(p)
	var id int32
	if n := len(e.free); n > 0 {
		id = e.free[n-1]
		e.free = e.free[:n-1]
	} else {
		id = int32(len(e.slots))
		e.slots = append(e.slots, slot{})
	}
	s := &e.slots[id]
	s.h, s.arg = h, arg
	i := len(e.heap)
	e.heap = append(e.heap, entry{t: t, key: key, slot: id})
	s.pos = int32(i)
	e.up(i)
	return Event{id: id + 1, gen: s.gen}
}

// After schedules h(arg) at Now+d with priority p. It panics if d is
// negative or NaN, and as [Env.At] does.
func (e *Env) After(d float64, p Priority, h Handler, arg int) Event {
	if d < 0 {
		panic("des: negative delay")
	}
	if d != d {
		panic("des: NaN delay")
	}
	return e.At(e.now+d, p, h, arg)
}

func (e *Env) key(p Priority) uint64 {
	if p < MinPriority || p > MaxPriority {
		panic("des: priority out of range")
	}
	e.seq++
	return uint64(int64(p)-int64(MinPriority))<<seqBits | e.seq
}

// lookup returns the slot of a pending event, or nil.
func (e *Env) lookup(ev Event) *slot {
	if ev.id <= 0 || int(ev.id) > len(e.slots) {
		return nil
	}
	s := &e.slots[ev.id-1]
	if s.gen != ev.gen || s.pos < 0 {
		return nil
	}
	return s
}

// Pending reports whether ev is scheduled and has not fired or been
// cancelled.
func (e *Env) Pending(ev Event) bool { return e.lookup(ev) != nil }

// Time returns the time at which a pending event will fire, and false if
// ev is not pending.
func (e *Env) Time(ev Event) (float64, bool) {
	s := e.lookup(ev)
	if s == nil {
		return 0, false
	}
	return e.heap[s.pos].t, true
}

// Cancel removes a pending event from the calendar and reports whether it
// was pending. The complexity is O(log n).
func (e *Env) Cancel(ev Event) bool {
	s := e.lookup(ev)
	if s == nil {
		return false
	}
	e.remove(int(s.pos))
	return true
}

// Reschedule moves a pending event to time t, keeping its handler,
// argument and priority, and reports whether it was pending. The event
// takes a new sequence number, as if it had been scheduled now. It panics
// for a time At would refuse. The complexity is O(log n).
func (e *Env) Reschedule(ev Event, t float64) bool {
	s := e.lookup(ev)
	if s == nil {
		return false
	}
	if !(t >= e.now) || math.IsInf(t, 1) {
		panic("des: event rescheduled in the past or to a non-finite time")
	}
	i := int(s.pos)
	en := &e.heap[i]
	p := Priority(int64(en.key>>seqBits) + int64(MinPriority))
	old := en.t
	en.t = t
	en.key = e.key(p)
	if t < old {
		e.up(i)
	} else {
		e.down(i)
	}
	return true
}

// Step fires the next event, advancing the clock to its time, and reports
// whether there was one.
func (e *Env) Step() bool {
	if len(e.heap) == 0 {
		return false
	}
	top := e.heap[0]
	s := &e.slots[top.slot]
	h, arg := s.h, s.arg
	e.remove(0)
	e.now = top.t
	e.processed++
	h(arg)
	return true
}

// Run fires events until the calendar is empty or a handler calls
// [Env.Stop].
func (e *Env) Run() {
	e.stopped = false
	for !e.stopped && e.Step() {
	}
}

// RunUntil fires every event due at or before t, unless a handler calls
// [Env.Stop] first, and then sets the clock to t if it is later than the
// last event. Events after t stay pending, so RunUntil may be called again
// with a later time to continue.
func (e *Env) RunUntil(t float64) {
	if t != t {
		panic("des: NaN stop time")
	}
	e.stopped = false
	for !e.stopped && len(e.heap) > 0 && e.heap[0].t <= t {
		e.Step()
	}
	if !e.stopped && t > e.now {
		e.now = t
	}
}

// Stop makes the running [Env.Run] or [Env.RunUntil] return after the
// current event.
func (e *Env) Stop() { e.stopped = true }

// remove deletes the heap element at i and frees its slot.
func (e *Env) remove(i int) {
	h := e.heap
	id := h[i].slot
	s := &e.slots[id]
	s.h = nil // don't keep the callback's closure alive
	s.pos = -1
	s.gen++
	e.free = append(e.free, id)
	n := len(h) - 1
	if i != n {
		h[i] = h[n]
		e.slots[h[i].slot].pos = int32(i)
	}
	e.heap = h[:n]
	if i < n {
		if !e.down(i) {
			e.up(i)
		}
	}
}

func less(a, b *entry) bool {
	return a.t < b.t || (a.t == b.t && a.key < b.key)
}

// The heap is 4-ary: children of i are 4i+1 .. 4i+4.

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
		if c >= n {
			break
		}
		m := c
		end := c + 4
		if end > n {
			end = n
		}
		for j := c + 1; j < end; j++ {
			if less(&h[j], &h[m]) {
				m = j
			}
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

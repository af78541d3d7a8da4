package des

// Copy makes e an exact copy of src: the clock, the calendar with
// every pending event at its place in the order of firing, the sequence
// and event counts, and the handles (an Event of src refers to the same
// event in e). Each pending event's handler h is replaced by rebind(h),
// which must return a handler of e's owner: handlers are bound to the
// state they change, so a copy of a simulation rebinds them to the copy.
// If rebind returns nil for a handler, Copy stops and returns false,
// leaving e empty (as after [Env.Reset]). e keeps its own buffers where
// they are large enough. src is not changed. (A function, not a method:
// Env keeps to the methods of a kernel.)
func Copy(e, src *Env, rebind func(Handler) Handler) bool {
	e.now, e.seq, e.n, e.hole, e.stopped, e.processed = src.now, src.seq, src.n, src.hole, src.stopped, src.processed
	e.heap = append(e.heap[:0], src.heap...)
	e.free = append(e.free[:0], src.free...)
	e.slots = append(e.slots[:0], src.slots...)
	for i := range e.slots {
		s := &e.slots[i]
		if s.h == nil {
			continue
		}
		if s.h = rebind(s.h); s.h == nil {
			e.Reset()
			return false
		}
	}
	l, sl := &e.ladder, &src.ladder
	l.rungs = append(l.rungs[:0], sl.rungs...)
	l.head = append(l.head[:0], sl.head...)
	l.count = append(l.count[:0], sl.count...)
	l.spills = sl.spills
	return true
}

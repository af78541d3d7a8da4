package des

// A Resource is a number of identical servers and a first-in first-out
// queue of requests waiting for one (SimPy's Resource).
//
// Grants are calls, not events: [Resource.Request] calls its handler at
// once when a server is free, and [Resource.Release] calls the handler of
// the longest-waiting request. Both are O(1) amortised and do not allocate
// once the queue has reached its largest size.
type Resource struct {
	capacity int
	inUse    int
	q        Queue[request]
}

type request struct {
	h   Handler
	arg int
}

// NewResource returns a resource with the given number of servers. It
// panics if capacity < 1.
func NewResource(capacity int) *Resource {
	if capacity < 1 {
		panic("des: resource capacity < 1")
	}
	return &Resource{capacity: capacity}
}

// Capacity returns the number of servers.
func (r *Resource) Capacity() int { return r.capacity }

// InUse returns the number of busy servers.
func (r *Resource) InUse() int { return r.inUse }

// Waiting returns the number of queued requests.
func (r *Resource) Waiting() int { return r.q.Len() }

// Request asks for a server: h(arg) is called as soon as one is free,
// immediately if one is free now.
func (r *Resource) Request(h Handler, arg int) {
	if h == nil {
		panic("des: nil handler")
	}
	if r.inUse < r.capacity {
		r.inUse++
		h(arg)
		return
	}
	r.q.Push(request{h, arg})
}

// Release frees a server and hands it to the longest-waiting request, if
// any. It panics if no server is in use.
func (r *Resource) Release() {
	if r.inUse == 0 {
		panic("des: release of an idle resource")
	}
	if r.q.Len() == 0 {
		r.inUse--
		return
	}
	w := r.q.Pop()
	w.h(w.arg)
}

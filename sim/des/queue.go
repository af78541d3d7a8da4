package des

// Queue is a first-in first-out queue backed by a ring buffer. The zero
// value is an empty queue. Push is O(1) amortised and allocates only when
// the queue outgrows its buffer; Pop is O(1).
type Queue[T any] struct {
	buf  []T
	head int
	n    int
}

// Len returns the number of queued elements.
func (q *Queue[T]) Len() int { return q.n }

// Push appends x at the back.
func (q *Queue[T]) Push(x T) {
	if q.n == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = x
	q.n++
}

// PushFront inserts x at the front, so that it is popped next.
func (q *Queue[T]) PushFront(x T) {
	if q.n == len(q.buf) {
		q.grow()
	}
	q.head = (q.head - 1) & (len(q.buf) - 1)
	q.buf[q.head] = x
	q.n++
}

// Pop removes and returns the front element. It panics if q is empty.
func (q *Queue[T]) Pop() T {
	if q.n == 0 {
		panic("des: pop from an empty queue")
	}
	var zero T
	x := q.buf[q.head]
	q.buf[q.head] = zero // don't keep references alive
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
	return x
}

// Peek returns the front element without removing it. It panics if q is
// empty.
func (q *Queue[T]) Peek() T {
	if q.n == 0 {
		panic("des: peek at an empty queue")
	}
	return q.buf[q.head]
}

// At returns the i-th element from the front. It panics if i is out of
// range.
func (q *Queue[T]) At(i int) T {
	if i < 0 || i >= q.n {
		panic("des: queue index out of range")
	}
	return q.buf[(q.head+i)&(len(q.buf)-1)]
}

// RemoveAt removes the i-th element from the front, keeping the order of
// the others. It is O(n).
func (q *Queue[T]) RemoveAt(i int) T {
	x := q.At(i)
	mask := len(q.buf) - 1
	for j := i; j < q.n-1; j++ {
		q.buf[(q.head+j)&mask] = q.buf[(q.head+j+1)&mask]
	}
	var zero T
	q.buf[(q.head+q.n-1)&mask] = zero
	q.n--
	return x
}

// Clear empties the queue, keeping its buffer.
func (q *Queue[T]) Clear() {
	var zero T
	for i := 0; i < q.n; i++ {
		q.buf[(q.head+i)&(len(q.buf)-1)] = zero
	}
	q.head, q.n = 0, 0
}

func (q *Queue[T]) grow() {
	n := 2 * len(q.buf)
	if n == 0 {
		n = 16
	}
	buf := make([]T, n)
	for i := 0; i < q.n; i++ {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

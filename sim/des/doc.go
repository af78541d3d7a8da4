// Package des provides a discrete-event simulation kernel: a clock and an
// event calendar of callbacks.
//
// # Time
//
// Simulated time is a float64 number of hours since the start of the run
// (time 0 is Monday 00:00 of the first simulated week). Hours are the
// natural unit of the sales models built on this package: calls last
// minutes, meetings hours, sales cycles weeks; a float64 holds a century of
// hours with sub-microsecond resolution, so no tick conversion is needed.
// The scenario loader converts every duration ("15m", "4h", "2w") to hours
// once, when a file is read.
//
// # Ordering
//
// Events fire in order of (time, priority, sequence): earlier time first;
// at equal times the lower [Priority] first ([Urgent] before [Normal] before
// [Late]); at equal time and priority, the event scheduled first fires
// first. The sequence number is taken when an event is scheduled or
// rescheduled, so the order of simultaneous events is fixed by the program
// alone and the same program with the same random numbers produces the same
// trace, event for event.
//
// # Events and callbacks
//
// An event is a [Handler] and an int argument. The handler is called when
// the event fires; it may schedule, cancel and reschedule other events and
// call [Env.Stop]. There is no goroutine per process: a process is a value
// whose methods schedule its next step. Handlers are stored as func values
// and arguments as ints, so scheduling does not allocate once the calendar
// has grown to its steady-state size.
//
// # Complexity
//
// [Env.Now], [Env.Len], [Env.Pending] and [Env.Time] are O(1). With few
// pending events (up to 64) the calendar is an implicit 4-ary min-heap of
// 24-byte entries, and [Env.At], [Env.After], [Env.Cancel],
// [Env.Reschedule] and [Env.Step] are O(log n). Beyond that the later
// events move to a ladder queue (Tang, Goh and Thng, 2005): rungs of
// buckets whose widths are set from the events they receive, each bucket
// an unsorted list linked through the slot table; the heap keeps only the
// next few events and is refilled one bucket at a time. Then At, After,
// Cancel and Reschedule are O(1) and Step O(1) amortised, whatever the
// spread of event times, as long as they are not concentrated at a few
// instants: events that cannot be told apart by bucketing (many at one
// instant, or beyond eight rungs of refinement) go to the heap, so the
// worst case is O(log n) amortised. Each event's handle leads to its slot,
// and the slot to its place in the heap or its bucket, so Cancel and
// Reschedule find their event directly. Memory is O(n), and nothing is
// allocated once the calendar has reached its largest size. README's
// Performance section gives the measurements behind the choice.
//
// # Errors
//
// Programmer errors panic with a "des:" prefix: scheduling in the past, at
// a NaN or infinite time, or with a priority out of range, and a nil
// handler. Nothing else in the package panics.
package des

package org

import (
	"context"
	"fmt"
	"math"
	"runtime/metrics"

	"github.com/salesim/salesim/sim/quantity"
)

// sliceEvents is how many events Run fires between two looks at its
// context and at the memory: about a millisecond of work, so that a
// cancelled run stops within one whatever the design (a week of a
// design with a hundred thousand people can take minutes).
const sliceEvents = 1 << 12

// heapMetric is the Go heap's bytes in objects, live or not yet collected.
const heapMetric = "/memory/classes/heap/objects:bytes"

// SetMemoryLimit makes Run stop with a [*MemoryError] when the Go heap of
// the process passes limit bytes (0: no limit). The heap is shared by
// every simulator of the process, so the limit bounds them together; the
// caller should also set runtime/debug.SetMemoryLimit so that the
// collector runs before garbage alone takes the heap past the limit.
func (s *Sim) SetMemoryLimit(limit uint64) {
	s.memLimit = limit
	if limit > 0 && s.memSample == nil {
		s.memSample = []metrics.Sample{{Name: heapMetric}}
	}
}

// A MemoryError stops a replication whose process outgrew its memory
// limit. It names the replication, the simulated time, and the queue that
// held the most waiting work, which in an overloaded design is the one
// that grew.
type MemoryError struct {
	Limit, Heap uint64
	Rep         int
	At          float64 // hours since the start, warm-up included
	Role        string  // the role whose queues held the most waiting tasks
	Waiting     int     // their number
	Accounts    int     // accounts in the store: leads and clients
	Events      int     // events pending
}

func (e *MemoryError) Error() string {
	return fmt.Sprintf("memory limit: the heap reached %s, past the limit of %s (-max-memory), in replication %d on %s: role %s's queues hold %s waiting tasks (%s accounts, %s pending events); arrivals probably outpace the work: the design is overloaded",
		bytesText(e.Heap), bytesText(e.Limit), e.Rep, "day "+quantity.Count(math.Floor(e.At/24)+1), e.Role, quantity.Count(float64(e.Waiting)), quantity.Count(float64(e.Accounts)), quantity.Count(float64(e.Events)))
}

// bytesText formats a byte count in MiB or GiB.
func bytesText(n uint64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

// check is what Run does between slices of events: it returns ctx's
// error once ctx is cancelled, and a *MemoryError past the memory limit.
func (s *Sim) check(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.memLimit == 0 {
		return nil
	}
	metrics.Read(s.memSample)
	if s.memSample[0].Value.Kind() != metrics.KindUint64 {
		return nil
	}
	heap := s.memSample[0].Value.Uint64()
	if heap <= s.memLimit {
		return nil
	}
	e := &MemoryError{Limit: s.memLimit, Heap: heap, Rep: s.rep, At: s.env.Now(), Events: s.env.Len()}
	e.Role = "(none)"
	for r := range s.work.roles {
		if w := s.work.roles[r].waiting; w > e.Waiting || r == 0 {
			e.Role, e.Waiting = s.cfg.Roles[r].Name, w
		}
	}
	e.Accounts = len(s.accts.list) - len(s.accts.free)
	return e
}

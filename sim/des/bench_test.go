package des_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/salesim/salesim/sim/des"
)

// The kernel benchmarks run the M/M/c queue at three sizes of calendar:
// ~10 pending events (λ = 9, μ = 1, c = 10, the SimPy yardstick), ~1,000
// (λ = 900, c = 1000) and ~10,000 (λ = 9000, c = 10000). One op is one
// event; events/s is reported so that runs can be compared as ratios.
var mmcSizes = []struct {
	lambda float64
	c      int
}{{9, 10}, {900, 1000}, {9000, 10000}}

func BenchmarkKernelMMc(b *testing.B) {
	for _, s := range mmcSizes {
		b.Run(fmt.Sprintf("pending=%d", s.c), func(b *testing.B) {
			m := newMMc(s.lambda, 1, s.c, 1)
			m.env.After(0, des.Normal, m.arrival, 0)
			// Reach steady state (and the calendar's full size) first.
			for m.env.Processed() < uint64(40*s.c+1000) {
				m.env.Step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				m.env.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkKernelHold is the classic hold model of event-list studies: n
// pending events; each one that fires schedules one more at an exponential
// increment, so the calendar size stays n.
func BenchmarkKernelHold(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		b.Run(fmt.Sprintf("pending=%d", n), func(b *testing.B) {
			env := des.New()
			rnd := rand.New(rand.NewPCG(1, 2))
			var hold des.Handler
			hold = func(int) { env.After(rnd.ExpFloat64(), des.Normal, hold, 0) }
			for range n {
				env.After(rnd.ExpFloat64(), des.Normal, hold, 0)
			}
			for range 10 * n {
				env.Step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				env.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkKernelCancel measures a reschedule-heavy load: n clients each
// hold a churn timer; every event reschedules another client's timer, as
// a contact resets the neglect clock in the sales model.
func BenchmarkKernelCancel(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		b.Run(fmt.Sprintf("pending=%d", n), func(b *testing.B) {
			env := des.New()
			rnd := rand.New(rand.NewPCG(1, 3))
			timers := make([]des.Event, n)
			var fire des.Handler
			fire = func(i int) {
				timers[i] = env.After(rnd.ExpFloat64(), des.Normal, fire, i)
				j := rnd.IntN(n)
				env.Reschedule(timers[j], env.Now()+rnd.ExpFloat64())
			}
			for i := range n {
				timers[i] = env.After(rnd.ExpFloat64(), des.Normal, fire, i)
			}
			for range 10 * n {
				env.Step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				env.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkKernelSkewed mixes time scales as the sales model does: half
// the pending events are calls, which last minutes (exponential, mean 5
// minutes), half are client churn timers, which run months (exponential,
// mean 30 days). A call that ends starts the next one and, as a contact
// resets a client's neglect clock, reschedules a random churn timer; a
// churn timer that fires starts a new one. Bucketed calendars are known to
// degrade on such mixtures.
func BenchmarkKernelSkewed(b *testing.B) {
	const call, churn = 5.0 / 60, 30 * 24.0 // mean increments, hours
	for _, n := range []int{10, 1000, 10000} {
		b.Run(fmt.Sprintf("pending=%d", n), func(b *testing.B) {
			env := des.New()
			rnd := rand.New(rand.NewPCG(1, 4))
			timers := make([]des.Event, n/2)
			var onCall, onChurn des.Handler
			onCall = func(int) {
				env.After(call*rnd.ExpFloat64(), des.Normal, onCall, 0)
				j := rnd.IntN(len(timers))
				env.Reschedule(timers[j], env.Now()+churn*rnd.ExpFloat64())
			}
			onChurn = func(i int) {
				timers[i] = env.After(churn*rnd.ExpFloat64(), des.Normal, onChurn, i)
			}
			for i := range timers {
				env.After(call*rnd.ExpFloat64(), des.Normal, onCall, 0)
				timers[i] = env.After(churn*rnd.ExpFloat64(), des.Normal, onChurn, i)
			}
			for range 10 * n {
				env.Step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				env.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkKernelShift is the hold model with a change of scale: after
// warm-up the increments become 1,000 times shorter (exponential, mean 1
// hour, then 3.6 seconds) while the number of pending events stays the
// same, as when a quiet night turns into a busy day. A calendar queue that
// sets its bucket width only when it resizes collapses here.
func BenchmarkKernelShift(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pending=%d", n), func(b *testing.B) {
			env := des.New()
			rnd := rand.New(rand.NewPCG(1, 5))
			mean := 1.0
			var hold des.Handler
			hold = func(int) { env.After(mean*rnd.ExpFloat64(), des.Normal, hold, 0) }
			for range n {
				env.After(rnd.ExpFloat64(), des.Normal, hold, 0)
			}
			for range 10 * n {
				env.Step()
			}
			mean = 1e-3
			for range 10 * n {
				env.Step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				env.Step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkBaselineLoop is the yardstick the kernel is measured against in
// the same run: the M/M/c queue as a hand-written loop over an inlined
// binary heap of (time, kind) with no callbacks, no handles and no
// cancellation — the practical speed limit of the hardware
// (../shared/bench/README.md). Kernel events/s divided by this gives the
// fraction of the limit the kernel reaches.
func BenchmarkBaselineLoop(b *testing.B) {
	for _, s := range mmcSizes {
		b.Run(fmt.Sprintf("pending=%d", s.c), func(b *testing.B) {
			type ev struct {
				t    float64
				kind int
			}
			h := make([]ev, 0, s.c+2)
			push := func(x ev) {
				h = append(h, x)
				i := len(h) - 1
				for i > 0 {
					p := (i - 1) / 2
					if h[p].t <= x.t {
						break
					}
					h[i] = h[p]
					i = p
				}
				h[i] = x
			}
			pop := func() ev {
				top := h[0]
				n := len(h) - 1
				x := h[n]
				h = h[:n]
				i := 0
				for {
					c := 2*i + 1
					if c >= n {
						break
					}
					if c+1 < n && h[c+1].t < h[c].t {
						c++
					}
					if x.t <= h[c].t {
						break
					}
					h[i] = h[c]
					i = c
				}
				if n > 0 {
					h[i] = x
				}
				return top
			}
			rnd := rand.New(rand.NewPCG(1, 0x9e3779b97f4a7c15))
			busy, waiting := 0, 0
			step := func() {
				e := pop()
				if e.kind == 0 {
					push(ev{e.t + rnd.ExpFloat64()/s.lambda, 0})
					if busy < s.c {
						busy++
						push(ev{e.t + rnd.ExpFloat64(), 1})
					} else {
						waiting++
					}
				} else if waiting > 0 {
					waiting--
					push(ev{e.t + rnd.ExpFloat64(), 1})
				} else {
					busy--
				}
			}
			push(ev{0, 0})
			for range 40*s.c + 1000 {
				step()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				step()
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

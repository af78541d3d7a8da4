package org

import (
	"math"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/des"
)

// demand generates the inbound requests: each stream is a non-homogeneous
// Poisson process (growth, opening hours, weekday and month profiles)
// drawn by thinning, in windows of a year so that the thinning bound
// follows growth instead of being the rate at the end of the run.
//
// A stream's dated rates (its changes and those of reorganisations) act
// by superposition on the process of its configured rate, so that a
// change never moves the arrivals before it, nor those it keeps after it
// (common random numbers between a plan and its status quo, or designs
// with different pushes):
//
//   - the base process has the configured rate (times growth and the
//     profiles) and its own random streams, whatever the changes;
//   - where the dated rate is below the configured one, a base arrival is
//     kept with probability dated/configured, decided by a draw keyed by
//     the arrival (a dropped arrival still uses its number and its size,
//     so the next ones keep theirs);
//   - where it is above, an extra process of rate dated − configured
//     (times growth and the profiles) adds arrivals from random streams
//     of its own, with keys of their own.
//
// Each process draws candidates and acceptances from one random stream
// and company sizes from another, so that compared designs see the same
// arrivals of the same companies.
type demand struct {
	s        *Sim
	arr, siz []*rand.Rand // [process]: base processes first, then extra
	level    []float64    // [process]: the rate before growth and profiles bounding the process's
	count    []uint64     // [process]: arrivals so far, the origin of their keys
	spentTo  float64      // marketing budgets are booked up to this time (dated.go)
	hArrival des.Handler
}

func (d *demand) bind(s *Sim) {
	d.s = s
	d.hArrival = func(k int) { d.onArrival(k) }
}

// setup draws the streams of a replication. Process k < n (the number of
// streams) is stream k's base process, process n+k its extra one.
func (d *demand) setup() {
	s := d.s
	d.arr, d.siz, d.level, d.count = d.arr[:0], d.siz[:0], d.level[:0], d.count[:0]
	d.spentTo = 0
	for _, in := range s.cfg.Inbound {
		d.arr = append(d.arr, s.stream("inbound:"+in.Name))
		d.siz = append(d.siz, s.stream("size:inbound:"+in.Name))
		d.level = append(d.level, in.Rate)
		d.count = append(d.count, 0)
	}
	for k, in := range s.cfg.Inbound {
		extra := 0.0
		if st := s.p.steps[k]; st != nil {
			extra = math.Max(0, st.peak()-in.Rate)
		}
		d.level = append(d.level, extra)
		d.count = append(d.count, 0)
		if extra > 0 {
			d.arr = append(d.arr, s.stream("inbound+:"+in.Name))
			d.siz = append(d.siz, s.stream("size:inbound+:"+in.Name))
		} else {
			d.arr = append(d.arr, nil)
			d.siz = append(d.siz, nil)
		}
	}
}

// start schedules every process's first arrival.
func (d *demand) start() {
	s := d.s
	n := len(s.cfg.Inbound)
	for k := range s.cfg.Inbound {
		d.schedule(k, 0)
		if d.level[n+k] > 0 {
			// The extra process starts at the first step above the
			// configured rate.
			st := s.p.steps[k]
			for i, at := range st.at {
				if st.rate[i] > s.cfg.Inbound[k].Rate {
					d.schedule(n+k, at)
					break
				}
			}
		}
	}
}

// shape returns stream k's multiplier of its rate at time t: growth,
// opening hours and the profiles.
func (d *demand) shape(k int, t float64) float64 {
	s := d.s
	in := &s.cfg.Inbound[k]
	r := 1.0
	if in.Growth != 0 {
		r = math.Pow(1+in.Growth, t/Year)
	}
	if o := s.p.open[k]; o != nil && o.at(math.Mod(t, HoursPerWeek)) < 0 {
		return 0
	}
	if w := s.p.weekday[k]; w != nil {
		r *= w[int(t/24)%7]
	}
	if m := s.p.month[k]; m != nil {
		r *= m[int(math.Mod(t, Year)/Month)%12]
	}
	return r
}

// shapeBound returns a bound of stream k's shape over the year-long
// window [w·Year, (w+1)·Year).
func (d *demand) shapeBound(k int, w float64) float64 {
	in := &d.s.cfg.Inbound[k]
	r := math.Max(math.Pow(1+in.Growth, w), math.Pow(1+in.Growth, w+1))
	for _, p := range [][]float64{profile(in.Weekday[:]), profile(in.Month[:])} {
		m := 0.0
		for _, v := range p {
			m = math.Max(m, v)
		}
		if p != nil {
			r *= m
		}
	}
	return r
}

// profile returns the multipliers, or nil if they are flat: none set (all
// 0) or all 1.
func profile(x []float64) []float64 {
	zero, one := true, true
	for _, v := range x {
		zero = zero && v == 0
		one = one && v == 1
	}
	if zero || one {
		return nil
	}
	return x
}

// rate returns process j's rate per hour at time t.
func (d *demand) rate(j int, t float64) float64 {
	s := d.s
	n := len(s.cfg.Inbound)
	if j < n {
		return d.level[j] * d.shape(j, t)
	}
	k := j - n
	return math.Max(0, d.baseRate(k, t)-s.cfg.Inbound[k].Rate) * d.shape(k, t)
}

// schedule schedules process j's next arrival after time t, if it comes
// before the end of the run.
func (d *demand) schedule(j int, t float64) {
	s := d.s
	n := len(s.cfg.Inbound)
	level := d.level[j]
	if !(level > 0) {
		return
	}
	k := j % n
	rnd := d.arr[j]
	if j < n && s.p.constRate[k] {
		// A constant rate needs no thinning.
		if t += exp(rnd, level); t < s.end {
			s.env.At(t, des.Normal, d.hArrival, j)
		}
		return
	}
	for t < s.end {
		w := math.Floor(t / Year)
		end := math.Min((w+1)*Year, s.end)
		max := level * d.shapeBound(k, w)
		for {
			t += exp(rnd, max)
			if t >= end {
				// Past the window: the process starts afresh at its end
				// (it is memoryless) under the next window's bound.
				t = end
				break
			}
			if rnd.Float64()*max < d.rate(j, t) {
				s.env.At(t, des.Normal, d.hArrival, j)
				return
			}
		}
	}
}

func (d *demand) onArrival(j int) {
	s := d.s
	n := len(s.cfg.Inbound)
	now := s.env.Now()
	d.schedule(j, now)
	k, origin := j, originInbound
	if j >= n {
		k, origin = j-n, originInboundExtra
	}
	in := &s.cfg.Inbound[k]
	size := s.cfg.Market.Size.Sample(d.siz[j])
	key := s.originKey(origin, uint64(k), d.count[j])
	d.count[j]++
	if j < n && s.p.steps[k] != nil {
		// The base process under a dated rate below the configured one.
		if keep := d.baseRate(k, now) / in.Rate; keep < 1 && unit(key, drawThin, 0) >= keep {
			return
		}
	}
	r := s.p.inRole[k]
	if s.staff.roles[r].staff == 0 {
		if alt := s.work.staffedDoer(int32(s.cfg.Stages[in.Stage.Index()].Activity.Index())); alt >= 0 {
			r = alt
		}
	}
	s.funnel.newLead(size, key, in.Stage.Index(), r, -1, k)
}

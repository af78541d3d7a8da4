package org

import (
	"math"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/des"
)

// demand generates the inbound requests: each stream is a non-homogeneous
// Poisson process (growth, opening hours, weekday and month profiles)
// drawn by thinning. Each stream draws candidates and acceptances from its
// own random stream and company sizes from another, so that compared
// designs see the same arrivals of the same companies.
type demand struct {
	s        *Sim
	arr, siz []*rand.Rand
	max      []float64 // per stream: the thinning bound of its rate
	count    []uint64  // per stream: arrivals so far, the origin of their keys
	spentTo  float64   // marketing budgets are booked up to this time (dated.go)
	hArrival des.Handler
}

func (d *demand) bind(s *Sim) {
	d.s = s
	d.hArrival = func(k int) { d.onArrival(k) }
}

// setup computes the thinning bounds and draws the streams of a
// replication.
func (d *demand) setup() {
	s := d.s
	d.arr, d.siz, d.max, d.count = d.arr[:0], d.siz[:0], d.max[:0], d.count[:0]
	d.spentTo = 0
	for i := range s.cfg.Inbound {
		d.max = append(d.max, d.maxRate(i))
	}
	for _, in := range s.cfg.Inbound {
		d.arr = append(d.arr, s.stream("inbound:"+in.Name))
		d.siz = append(d.siz, s.stream("size:inbound:"+in.Name))
		d.count = append(d.count, 0)
	}
}

// start schedules every stream's first arrival.
func (d *demand) start() {
	for i := range d.s.cfg.Inbound {
		d.scheduleArrival(i)
	}
}

// rate returns stream k's rate per hour at time t.
func (d *demand) rate(k int, t float64) float64 {
	s := d.s
	in := &s.cfg.Inbound[k]
	r := d.baseRate(k, t)
	if in.Growth != 0 {
		r *= math.Pow(1+in.Growth, t/Year)
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

// maxRate returns a bound of stream k's rate over the run.
func (d *demand) maxRate(k int) float64 {
	in := &d.s.cfg.Inbound[k]
	r := d.peakRate(k) * math.Max(1, math.Pow(1+in.Growth, d.s.end/Year))
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

func (d *demand) scheduleArrival(k int) {
	s := d.s
	max := d.max[k]
	if !(max > 0) {
		return
	}
	rnd := d.arr[k]
	t := s.env.Now()
	if s.p.constRate[k] {
		// A constant rate needs no thinning.
		if t += exp(rnd, max); t < s.end {
			s.env.At(t, des.Normal, d.hArrival, k)
		}
		return
	}
	for n := 1; ; n++ {
		t += exp(rnd, max)
		if t >= s.end || n%(1<<16) == 0 && s.cancelled() {
			return
		}
		if rnd.Float64()*max < d.rate(k, t) {
			break
		}
	}
	s.env.At(t, des.Normal, d.hArrival, k)
}

func (d *demand) onArrival(k int) {
	s := d.s
	d.scheduleArrival(k)
	in := &s.cfg.Inbound[k]
	size := s.cfg.Market.Size.Sample(d.siz[k])
	r := s.p.inRole[k]
	if s.staff.roles[r].staff == 0 {
		if alt := s.work.staffedDoer(int32(s.cfg.Stages[in.Stage.Index()].Activity.Index())); alt >= 0 {
			r = alt
		}
	}
	key := s.originKey(originInbound, uint64(k), d.count[k])
	d.count[k]++
	s.funnel.newLead(size, key, in.Stage.Index(), r, -1, k)
}

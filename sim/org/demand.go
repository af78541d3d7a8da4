package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Inbound requests: a non-homogeneous Poisson process by thinning. Each
// stream draws candidates and acceptances from its own random stream, so
// that compared designs see the same arrivals.

func (s *Sim) inboundRate(k int, t float64) float64 {
	in := &s.cfg.Inbound[k]
	r := in.Rate
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

func (s *Sim) inboundMax(k int) float64 {
	in := &s.cfg.Inbound[k]
	r := in.Rate * math.Max(1, math.Pow(1+in.Growth, s.end/Year))
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

func (s *Sim) scheduleArrival(k int) {
	max := s.inMax[k]
	if !(max > 0) {
		return
	}
	rnd := s.rArr[k]
	t := s.env.Now()
	if s.p.constRate[k] {
		// A constant rate needs no thinning.
		if t += s.exp(rnd, max); t < s.end {
			s.env.At(t, des.Normal, s.h, enc(evArrival, k))
		}
		return
	}
	for {
		t += s.exp(rnd, max)
		if t >= s.end {
			return
		}
		if rnd.Float64()*max < s.inboundRate(k, t) {
			break
		}
	}
	s.env.At(t, des.Normal, s.h, enc(evArrival, k))
}

func (s *Sim) onArrival(k int) {
	s.scheduleArrival(k)
	in := &s.cfg.Inbound[k]
	size := s.cfg.Market.Size.Sample(s.rSizeIn[k])
	r := s.p.inRole[k]
	if s.roles[r].staff == 0 {
		if alt := s.staffedDoer(int32(s.cfg.Stages[in.Stage].Activity)); alt >= 0 {
			r = alt
		}
	}
	s.newLead(size, in.Stage, r, -1, true)
}

// dbState is a raw contact database: contacts never called, in order,
// then contacts called before whose cooling-off has passed.
type dbState struct {
	fresh    int // contacts [fresh, N) were never called
	n        int
	again    des.Queue[recall]
	attempts []uint8
	waking   bool
}

type recall struct {
	contact int32
	at      float64
}

func (s *Sim) setupDatabases() {
	n := len(s.cfg.Databases)
	if cap(s.dbs) < n {
		s.dbs = make([]dbState, n)
	}
	s.dbs = s.dbs[:n]
	for i, db := range s.cfg.Databases {
		d := &s.dbs[i]
		again, att := d.again, d.attempts
		again.Clear()
		*d = dbState{n: db.Contacts, again: again}
		if db.MaxAttempts > 0 {
			if cap(att) < db.Contacts {
				att = make([]uint8, db.Contacts)
			}
			d.attempts = att[:db.Contacts]
			clear(d.attempts)
		}
	}
}

// take returns a contact callable at time t and the time it became
// callable, or -1 and the time the next one becomes callable (+Inf if none
// will).
func (d *dbState) take(t float64) (int32, float64) {
	if d.fresh < d.n {
		d.fresh++
		return int32(d.fresh - 1), math.Inf(-1)
	}
	if d.again.Len() == 0 {
		return -1, math.Inf(1)
	}
	if r := d.again.Peek(); r.at > t {
		return -1, r.at
	}
	r := d.again.Pop()
	return r.contact, r.at
}

// giveBack returns a contact taken for a call that did not happen (or was
// abandoned): it is callable again from the time it was before.
func (d *dbState) giveBack(c int32, at float64) {
	if math.IsInf(at, -1) && int(c) == d.fresh-1 {
		d.fresh--
		return
	}
	d.again.PushFront(recall{contact: c, at: at})
}

// dbSize returns the company size of contact c of database k: the
// market's size distribution at a quantile hashed from the database's
// stream and the contact number, so that every design of a comparison
// gives contact c the same size however many contacts it calls.
func (s *Sim) dbSize(k int, c int32) float64 {
	x := s.dbKey[k] ^ (uint64(c)+1)*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	u := (float64(x>>11) + 0.5) / (1 << 53) // in (0, 1)
	return s.cfg.Market.Size.Quantile(u)
}

// setupInitial creates the book of business at time 0.
func (s *Sim) setupInitial() {
	c := &s.cfg.Clients
	for _, in := range s.cfg.Initial {
		r := int32(in.Role)
		level := in.Level
		if level == 0 {
			level = c.StartLevel
		}
		for _, m := range s.roles[r].members {
			if !s.people[m].employed {
				continue
			}
			for range in.Clients {
				owner := m
				if s.cfg.Roles[r].Assign == AssignPool {
					owner = -1
				}
				id := s.newAccount(s.cfg.Market.Size.Sample(s.rInit), r, owner)
				a := &s.accts[id]
				a.initial = true
				a.level = level
				s.setClient(a)
				a.wonAt = math.Inf(-1)
				every := s.careEvery(a)
				if math.IsInf(every, 1) {
					every = s.p.needEvery(a.size)
				}
				if math.IsInf(every, 1) {
					every = Month
				}
				a.contact = -s.rInit.Float64() * every
				s.scheduleOrder(id)
				s.scheduleChurn(id)
				s.scheduleOverdue(id)
				s.scheduleCare(id, 0)
				s.scheduleClaim(id)
			}
			for range in.Leads {
				id := s.newAccount(s.cfg.Market.Size.Sample(s.rInit), r, m)
				s.enterStage(id, in.Stage, 0)
			}
		}
	}
}

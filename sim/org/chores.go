package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Chores (seed 004, stage 1: a full-cycle manager "writes documents, runs
// to the warehouse" and "solves the client's problems"): non-sales work
// that clients create, as tasks of given activities ([Clients.Chores]):
// a number per order (the first order included: a shipment to follow, a
// run to the warehouse), and a rate per client per month (a Poisson
// process on each client: questions, small problems). A chore is routed
// like any work for the client: to its owner if the owner's role does the
// chore's activity (the owner's personal queue when the role keeps
// personal queues), else to the owner's fixed partner or the first role
// that does it. A chore has no effect when done; one that waits past its
// activity's patience is abandoned. Its time is what it costs: the
// switching between selling and chores that full-cycle work is blamed
// for (switching.go) now has real streams to switch between.
//
// Whether and when a client creates chores is drawn by the client's key
// (random.go), so compared designs see the same chores of the same
// clients.

// Chore is work that clients create for the department.
type Chore struct {
	Activity ActivityRef // required
	// PerOrder is the number of tasks each order creates, the first order
	// included; a fraction is the chance of one more (0.3: one task for
	// 30 % of orders).
	PerOrder float64
	// PerMonth is the number of tasks per client per month, arriving as
	// a Poisson process while it is a client.
	PerMonth float64
}

func (ch *Chore) check(v *checker, f string) {
	v.activity(f+".Activity", ch.Activity, true)
	v.number(f+".PerOrder", ch.PerOrder, 0, false)
	v.number(f+".PerMonth", ch.PerMonth, 0, false)
	if ch.PerOrder == 0 && ch.PerMonth == 0 {
		v.warn(f, "per_order and per_month are 0: the chore never arises")
	}
}

// chores is the mechanism of chores.
type chores struct {
	s      *Sim
	hChore des.Handler
}

func (c *chores) bind(s *Sim) {
	c.s = s
	c.hChore = func(id int) { c.onChore(int32(id)) }
}

// errands is the part of an account (a client) that chores keep.
type errands struct {
	choreDraws uint32 // per-order draws so far: the count of their keyed draws
	chores     uint32 // monthly chores so far: the count of their keyed draws
	evChore    des.Event
}

// compileChores derives the total monthly chore rate per client (per
// hour) and its split by chore.
func (p *Plan) compileChores() {
	var sum float64
	for _, ch := range p.cfg.Clients.Chores {
		p.chores = true
		sum += ch.PerMonth
		p.choreCum = append(p.choreCum, sum)
	}
	p.choreRate = sum / Month
}

// ofOrder creates the chores of an order of client id.
func (c *chores) ofOrder(id int32) {
	s := c.s
	for _, ch := range s.cfg.Clients.Chores {
		if ch.PerOrder == 0 {
			continue
		}
		a := &s.accts.list[id]
		n := math.Floor(ch.PerOrder)
		if frac := ch.PerOrder - n; frac > 0 {
			if unit(a.key, drawChore, a.choreDraws) < frac {
				n++
			}
			a.choreDraws++
		}
		for range int(n) {
			s.work.push(s.work.newTask(tkChore, int32(ch.Activity.Index()), id), -1, -1)
		}
	}
}

// schedule schedules client id's next monthly chore, the n-th.
func (c *chores) schedule(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evChore = s.env.After(unitExp(a.key, drawChoreTime, a.chores)/s.p.choreRate, des.Normal, c.hChore, int(id))
}

// onChore: client id has a chore; which one is drawn by the client's key,
// in proportion to the chores' monthly rates.
func (c *chores) onChore(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evChore = des.Event{}
	if a.state != stClient {
		return
	}
	cum := s.p.choreCum
	x := unit(a.key, drawChoreKind, a.chores) * cum[len(cum)-1]
	k := 0
	for k < len(cum)-1 && x >= cum[k] {
		k++
	}
	a.chores++
	c.schedule(id)
	s.work.push(s.work.newTask(tkChore, int32(s.cfg.Clients.Chores[k].Activity.Index()), id), -1, -1)
}

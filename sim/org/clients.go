package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// clients keeps the life of a won lead ([Clients]): repeat orders (a
// Poisson process; handled by an activity, or booked at once), churn (a
// hazard) and claims, each run on the client's own clock (see lifeClock),
// proactive care contacts at the interval the owning
// role keeps or the client needs, and claims. A client not contacted
// within the interval its size needs is neglected: it orders less and
// churns more until the next contact. A care contact below plan may
// develop the client's volume. Margin is booked to the owning role, with
// commission and source commission (booking.go).
type clients struct {
	s                                       *Sim
	hOrder, hChurn, hOverdue, hCare, hClaim des.Handler
}

// client is the part of an account the client life keeps.
type client struct {
	careQueued bool
	neglected  bool
	deals      int32
	level      float64
	wonAt      float64
	contact    float64 // last care contact
	cares      uint32  // care contacts made: the count of its keyed draws
	lost       uint32  // orders and claims lost: the count of its keyed draws
	orders     lifeClock
	leaving    lifeClock
	claims     lifeClock
	evOrder    des.Event
	evChurn    des.Event
	evOverdue  des.Event
	evCare     des.Event
	evClaim    des.Event
}

func (c *clients) bind(s *Sim) {
	c.s = s
	c.hOrder = func(id int) { c.onOrder(int32(id)) }
	c.hChurn = func(id int) { c.churn(int32(id)) }
	c.hOverdue = func(id int) { c.onOverdue(int32(id)) }
	c.hCare = func(id int) { c.onCareDue(int32(id)) }
	c.hClaim = func(id int) { c.onClaim(int32(id)) }
}

// startLife starts a new client's clocks of orders, churn and claims and
// schedules its neglect and care.
func (c *clients) startLife(id int32) {
	s := c.s
	a := &s.accts.list[id]
	now := s.env.Now()
	a.orders.start(now, c.orderRate(a), a.key, drawOrder)
	a.leaving.start(now, c.churnRate(a), a.key, drawChurn)
	if cc := &s.cfg.Clients; cc.Claim != 0 && cc.ClaimsPerMonth > 0 {
		a.claims.start(now, cc.ClaimsPerMonth/Month, a.key, drawClaim)
	}
	c.scheduleOrder(id)
	c.scheduleChurn(id)
	c.scheduleOverdue(id)
	c.scheduleCare(id, 0)
	c.scheduleClaim(id)
	if s.p.choreRate > 0 {
		s.chores.schedule(id) // chores.go
	}
}

// lifeClock is a Poisson process of varying rate run in its own time: its
// events fall where the rate integrated since the start reaches
// thresholds drawn for the account (E1, E1+E2, ... with keyed unit
// exponentials), so that a client orders, claims and leaves at the same
// points of its own clock in two designs, whatever the neglect that
// speeds or slows the clock in each.
type lifeClock struct {
	used  float64 // the rate integrated up to since
	since float64
	rate  float64 // per hour since since
	next  float64 // the integrated rate at which the next event falls
	n     uint32  // events so far: the count of its keyed draws
}

func (k *lifeClock) start(now, rate float64, key uint64, purpose int) {
	*k = lifeClock{since: now, rate: rate, next: unitExp(key, purpose, 0)}
}

// setRate changes the rate from now on.
func (k *lifeClock) setRate(now, rate float64) {
	k.used += k.rate * (now - k.since)
	k.since, k.rate = now, rate
}

// fired moves the lifeClock past the event due now and draws the next.
func (k *lifeClock) fired(now float64, key uint64, purpose int) {
	k.used, k.since = k.next, now
	k.n++
	k.next += unitExp(key, purpose, k.n)
}

// due returns when the next event falls, +Inf if the rate is 0.
func (k *lifeClock) due() float64 {
	if !(k.rate > 0) {
		return math.Inf(1)
	}
	return k.since + math.Max(0, k.next-k.used)/k.rate
}

func (c *clients) orderRate(a *account) float64 {
	r := c.s.cfg.Clients.OrdersPerMonth / Month
	if a.neglected {
		r *= c.s.cfg.Clients.NeglectOrders
	}
	return r
}

func (c *clients) churnRate(a *account) float64 {
	cc := &c.s.cfg.Clients
	r := hazard(cc.Churn)
	if a.neglected {
		r *= cc.NeglectChurn
	}
	return r
}

// neglectChanged sets the rates of client id's orders and churn after its
// neglect changed.
func (c *clients) neglectChanged(id int32) {
	s := c.s
	a := &s.accts.list[id]
	now := s.env.Now()
	a.orders.setRate(now, c.orderRate(a))
	a.leaving.setRate(now, c.churnRate(a))
	c.scheduleOrder(id)
	c.scheduleChurn(id)
}

// reschedule sets ev to fire h at when, or to nothing if when is +Inf.
func (c *clients) reschedule(ev *des.Event, when float64, h des.Handler, id int32) {
	s := c.s
	s.env.Cancel(*ev)
	*ev = des.Event{}
	if !math.IsInf(when, 1) {
		*ev = s.env.At(math.Max(when, s.env.Now()), des.Normal, h, int(id))
	}
}

func (c *clients) scheduleOrder(id int32) {
	a := &c.s.accts.list[id]
	c.reschedule(&a.evOrder, a.orders.due(), c.hOrder, id)
}

func (c *clients) scheduleChurn(id int32) {
	a := &c.s.accts.list[id]
	c.reschedule(&a.evChurn, a.leaving.due(), c.hChurn, id)
}

func (c *clients) scheduleOverdue(id int32) {
	s := c.s
	a := &s.accts.list[id]
	s.env.Cancel(a.evOverdue)
	a.evOverdue = des.Event{}
	if need := s.p.needEvery(a.size); !math.IsInf(need, 1) {
		t := math.Max(s.env.Now(), a.contact+need)
		a.evOverdue = s.env.At(t, des.Normal, c.hOverdue, int(id))
	}
}

func (c *clients) scheduleClaim(id int32) {
	a := &c.s.accts.list[id]
	c.reschedule(&a.evClaim, a.claims.due(), c.hClaim, id)
}

// careEvery returns how often the owning role contacts client a.
func (c *clients) careEvery(a *account) float64 {
	if e := c.s.cfg.Roles[a.role].CareEvery; e > 0 {
		return e
	}
	return c.s.p.needEvery(a.size)
}

// scheduleCare sets the next care contact of client id: after delay if
// delay > 0 (a new owner's first call), else a care interval after the
// last contact.
func (c *clients) scheduleCare(id int32, delay float64) {
	s := c.s
	a := &s.accts.list[id]
	if s.cfg.Clients.Care == 0 {
		return
	}
	s.env.Cancel(a.evCare)
	a.evCare = des.Event{}
	t := s.env.Now() + delay
	if delay == 0 {
		every := c.careEvery(a)
		if math.IsInf(every, 1) {
			return
		}
		t = math.Max(t, a.contact+every)
	}
	a.evCare = s.env.At(t, des.Normal, c.hCare, int(id))
}

func (c *clients) onOrder(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evOrder = des.Event{}
	if a.state != stClient {
		return
	}
	a.orders.fired(s.env.Now(), a.key, drawOrder)
	c.scheduleOrder(id)
	cc := &s.cfg.Clients
	margin := a.size * a.level / cc.OrdersPerMonth
	if cc.Order == 0 {
		c.orderBooked(id, margin)
		return
	}
	t := s.work.newTask(tkOrder, int32(cc.Order.Index()), id)
	s.work.tasks[t].margin = margin
	s.work.push(t, -1, -1)
}

func (c *clients) orderDone(t *task) {
	a := &c.s.accts.list[t.acct]
	if a.gen != t.gen || a.state != stClient {
		return
	}
	c.orderBooked(t.acct, t.margin)
}

func (c *clients) orderBooked(id int32, margin float64) {
	s := c.s
	a := &s.accts.list[id]
	c.book(id, margin)
	if s.recording {
		s.rec.add(cOrders, int(a.role), s.month, 1)
	}
	c.sourcedOrder(a)
	a.deals++
	if s.p.chores {
		s.chores.ofOrder(id) // chores.go
	}
	s.hand.clientHandoffs(id)
}

// waitedTooLong: an order (or a claim) of client id waited past its
// patience; the client may leave over it.
func (c *clients) waitedTooLong(id int32, order bool) {
	s := c.s
	a := &s.accts.list[id]
	if order && s.recording {
		s.rec.add(cOrdersLost, int(a.role), s.month, 1)
	}
	a.lost++
	if unit(a.key, drawLostOrder, a.lost) < s.cfg.Clients.LostOrderChurn {
		c.churn(id)
	}
}

func (c *clients) churn(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evChurn = des.Event{}
	if a.state != stClient {
		return
	}
	if s.recording {
		s.rec.add(cChurned, int(a.role), s.month, 1)
		if a.size >= s.p.top20 {
			s.rec.add(cChurnedTop, int(a.role), s.month, 1)
		}
	}
	s.ledger.Churned++
	s.accts.freeAccount(id)
}

func (c *clients) onOverdue(id int32) {
	a := &c.s.accts.list[id]
	a.evOverdue = des.Event{}
	if a.state != stClient || a.neglected {
		return
	}
	a.neglected = true
	c.neglectChanged(id)
}

func (c *clients) onCareDue(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evCare = des.Event{}
	if a.state != stClient || a.careQueued {
		return
	}
	a.careQueued = true
	s.work.push(s.work.newTask(tkCare, int32(s.cfg.Clients.Care.Index()), id), -1, -1)
}

// careWaitedTooLong: a care contact waited past its patience; it is due
// again at once, since the client is still waiting for a call.
func (c *clients) careWaitedTooLong(id int32) {
	c.s.accts.list[id].careQueued = false
	c.scheduleCare(id, 0)
}

func (c *clients) careDone(t *task) {
	s := c.s
	a := &s.accts.list[t.acct]
	if a.gen != t.gen || a.state != stClient {
		return
	}
	cc := &s.cfg.Clients
	a.careQueued = false
	a.contact = s.env.Now()
	if a.neglected {
		a.neglected = false
		c.neglectChanged(t.acct)
	}
	c.scheduleOverdue(t.acct)
	a.cares++
	if a.level < cc.Plan && cc.DevelopStep > 0 && unit(a.key, drawDevelop, a.cares) < cc.DevelopProb {
		s.accts.setLevel(a, math.Min(cc.Plan, a.level+cc.DevelopStep))
		s.hand.clientHandoffs(t.acct)
	}
	c.scheduleCare(t.acct, 0)
}

func (c *clients) onClaim(id int32) {
	s := c.s
	a := &s.accts.list[id]
	a.evClaim = des.Event{}
	if a.state != stClient {
		return
	}
	a.claims.fired(s.env.Now(), a.key, drawClaim)
	c.scheduleClaim(id)
	s.work.push(s.work.newTask(tkClaim, int32(s.cfg.Clients.Claim.Index()), id), -1, -1)
}

package org

import "math"

// Booking: margin from an order goes to the role that owns the client,
// with the owner role's commission and, for a year or as long as the
// source role's pay says, the source commission of the role that found
// and passed the client. Before statistics start, margin instead feeds the
// target's baseline. Bonuses are per event (first order, handover, passed
// lead).

// book records margin from account id's order.
func (c *clients) book(id int32, margin float64) {
	s := c.s
	a := &s.accts.list[id]
	now := s.env.Now()
	if !s.recording {
		if t := s.cfg.Target; t != nil && now >= s.warmStart {
			s.rec.baseline += c.targetValue(margin) / (math.Max(s.t0-s.warmStart, Month) / Month)
		}
		return
	}
	r := int(a.role)
	s.rec.add(cMargin, r, s.month, margin)
	s.rec.posts.add(s, a.owner, pvMargin, margin)
	if a.size >= s.p.top20 {
		s.rec.add(cMarginTop, r, s.month, margin)
	}
	if a.seg != 0 {
		s.rec.seg.margin[a.seg-1] += margin
	}
	s.rec.monthly[s.month] += c.targetValue(margin)
	ro := &s.cfg.Roles[r]
	if cm := ro.Pay.Commission; cm > 0 {
		paid := margin * cm
		if ro.Quota != nil && a.owner >= 0 {
			paid += s.judge.accelerated(a.owner, ro.Quota, cm, margin)
		}
		s.rec.add(cCostCommission, r, s.month, paid)
		s.rec.posts.add(s, a.owner, pvCost, paid)
	}
	if ro.Quota != nil && a.owner >= 0 {
		s.judge.booked(a.owner, margin)
	}
	if a.srcRole >= 0 {
		pay := &s.cfg.Roles[a.srcRole].Pay
		if pay.SourceCommission > 0 && now-a.wonAt <= pay.SourceMonths*Month {
			s.rec.add(cCostCommission, int(a.srcRole), s.month, margin*pay.SourceCommission)
			s.rec.posts.add(s, a.src, pvCost, margin*pay.SourceCommission)
		}
	}
}

// targetValue converts margin to the target's metric.
func (c *clients) targetValue(margin float64) float64 {
	if c.s.p.targetRevenue {
		return margin / c.s.cfg.Market.MarginRate
	}
	return margin
}

// bonus records a bonus of v paid to role r.
// bonus records a bonus of v paid to person p (−1: nobody in particular)
// of role r.
func (c *clients) bonus(p, r int32, v float64) {
	if v > 0 && c.s.recording {
		c.s.rec.add(cCostBonus, int(r), c.s.month, v)
		c.s.rec.posts.add(c.s, p, pvCost, v)
	}
}

// setupInitial creates the book of business at time 0.
func (c *clients) setupInitial() {
	s := c.s
	cc := &s.cfg.Clients
	for e, in := range s.cfg.Initial {
		r := int32(in.Role.Index())
		level := in.Level
		if level == 0 {
			level = cc.StartLevel
		}
		for i, m := range s.staff.roles[r].members {
			if !s.staff.people[m].employed {
				continue
			}
			book := uint64(e)<<48 | uint64(r)<<32 | uint64(i)
			for j := range in.Clients {
				owner := m
				if s.cfg.Roles[r].Assign == AssignPool {
					owner = -1
				}
				id := s.accts.newAccount(s.cfg.Market.Size.Sample(s.rnd.init), s.originKey(originBook, book, uint64(j)), r, owner)
				a := &s.accts.list[id]
				a.initial = true
				s.funnel.place(id, originBook, 0)
				a.level = level
				s.accts.setClient(a)
				a.wonAt = math.Inf(-1)
				every := c.careEvery(a)
				if math.IsInf(every, 1) {
					every = s.p.needEvery(a.size)
				}
				if math.IsInf(every, 1) {
					every = Month
				}
				a.contact = -s.rnd.init.Float64() * every
				c.startLife(id)
			}
			for j := range in.Leads {
				id := s.accts.newAccount(s.cfg.Market.Size.Sample(s.rnd.init), s.originKey(originBook, book, 1<<32+uint64(j)), r, m)
				s.funnel.place(id, originBook, 0)
				s.funnel.enterStage(id, in.Stage.Index(), 0)
			}
		}
	}
}

package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Account states.
const (
	stFree    = iota // slot unused
	stLead           // in the funnel: waiting, delayed or being worked
	stNurture        // no need now: waiting for its need date
	stClient
)

// account is a company the department works: a lead, then a client.
type account struct {
	gen        uint32
	state      uint8
	inbound    bool
	responded  bool
	careQueued bool
	neglected  bool
	initial    bool
	stage      int32
	role       int32 // owning role
	owner      int32 // owning person, or -1
	src        int32 // person who found and passed it, or -1
	srcRole    int32
	deals      int32
	size       float64
	level      float64
	loss       float64 // information lost at the last handoff, for its next stage
	created    float64
	wonAt      float64
	contact    float64 // last care contact
	evNext     des.Event
	evOrder    des.Event
	evChurn    des.Event
	evOverdue  des.Event
	evCare     des.Event
	evClaim    des.Event
}

func (s *Sim) newAccount(size float64, role, owner int32) int32 {
	var id int32
	if n := len(s.freeAcct); n > 0 {
		id = s.freeAcct[n-1]
		s.freeAcct = s.freeAcct[:n-1]
	} else {
		id = int32(len(s.accts))
		s.accts = append(s.accts, account{})
	}
	a := &s.accts[id]
	gen := a.gen + 1
	*a = account{gen: gen, state: stLead, size: size, role: role, owner: owner, src: -1, srcRole: -1,
		created: s.env.Now(), stage: -1}
	s.own(a)
	s.ledger.Created++
	return id
}

// freeAccount ends an account's life, cancelling its pending events.
// Queued tasks for it die when they come up (their generation differs).
func (s *Sim) freeAccount(id int32) {
	a := &s.accts[id]
	s.disown(a)
	for _, ev := range [...]*des.Event{&a.evNext, &a.evOrder, &a.evChurn, &a.evOverdue, &a.evCare, &a.evClaim} {
		if *ev != (des.Event{}) {
			s.env.Cancel(*ev)
		}
	}
	a.state = stFree
	a.gen++
	s.freeAcct = append(s.freeAcct, id)
}

// assign picks the person of role r who takes over an account; finder is
// the person who found it (or -1).
func (s *Sim) assign(r int32, finder int32) int32 {
	ro := &s.cfg.Roles[r]
	rs := &s.roles[r]
	if ro.Assign == AssignPool {
		return -1
	}
	limit := ro.PortfolioLimit
	ok := func(m int32) bool {
		p := &s.people[m]
		return p.employed && (limit == 0 || p.owned < limit)
	}
	if ro.Assign == AssignFinder && finder >= 0 && s.people[finder].role == r && ok(finder) {
		return finder
	}
	if ro.Assign == AssignRoundRobin {
		n := len(rs.members)
		for i := range n {
			m := rs.members[(rs.rr+i)%n]
			if ok(m) {
				rs.rr = (rs.rr + i + 1) % n
				return m
			}
		}
	}
	best, bestN := int32(-1), math.MaxInt
	for pass := 0; pass < 2 && best < 0; pass++ {
		for _, m := range rs.members {
			p := &s.people[m]
			if p.employed && (pass == 1 || ok(m)) && p.owned < bestN {
				best, bestN = m, p.owned
			}
		}
	}
	return best
}

// own and disown keep a person's load in step with the accounts it owns:
// owned counts leads and clients, portfol the monthly margin of clients.
func (s *Sim) own(a *account) {
	if a.owner >= 0 {
		p := &s.people[a.owner]
		p.owned++
		if a.state == stClient {
			p.portfol += a.size * a.level
		}
	}
}

func (s *Sim) disown(a *account) {
	if a.owner >= 0 {
		p := &s.people[a.owner]
		p.owned--
		if a.state == stClient {
			p.portfol -= a.size * a.level
		}
	}
}

// setClient turns lead a into a client of its owner.
func (s *Sim) setClient(a *account) {
	a.state = stClient
	if a.owner >= 0 {
		s.people[a.owner].portfol += a.size * a.level
	}
}

func (s *Sim) setLevel(a *account, level float64) {
	if a.state == stClient && a.owner >= 0 {
		s.people[a.owner].portfol += a.size * (level - a.level)
	}
	a.level = level
}

// reassign hands account id to a person of role r.
func (s *Sim) reassign(id int32, r int32) {
	a := &s.accts[id]
	s.disown(a)
	a.role = r
	a.owner = s.assign(r, -1)
	s.own(a)
}

// newLead creates a lead in role r (owned by finder if the role keeps
// finders) and sends it to stage st.
func (s *Sim) newLead(size float64, st int, r int32, finder int32, inbound bool) int32 {
	id := s.newAccount(size, r, s.assign(r, finder))
	a := &s.accts[id]
	a.inbound = inbound
	if s.recording {
		s.rec.add(cLeadsIn, int(r), s.month, 1)
	}
	s.enterStage(id, st, 0)
	return id
}

// enterStage moves a lead to stage st after applying the stage's handoffs
// and delays; extra is a delay already incurred.
func (s *Sim) enterStage(id int32, st int, extra float64) {
	a := &s.accts[id]
	a.stage = int32(st)
	delay := extra + s.handoffs(id, AtStage, st)
	if d := &s.cfg.Stages[st].Delay; !d.IsZero() {
		delay += d.Sample(s.rDelay)
	}
	if delay > 0 {
		a.evNext = s.env.After(delay, des.Normal, s.h, enc(evStage, int(id)))
		return
	}
	s.onStageReady(id)
}

func (s *Sim) onStageReady(id int32) {
	a := &s.accts[id]
	a.evNext = des.Event{}
	st := a.stage
	if s.recording {
		s.rec.entered[st]++
	}
	t := s.newTask(tkStage, int32(s.cfg.Stages[st].Activity), id)
	s.tasks[t].stage = st
	s.push(t, -1, -1)
}

// convertAt returns the success probability of work of activity act by
// person p finishing at time t, for a stage of the given base rate, after
// the work waited wait hours, with loss lost at a handoff.
func (s *Sim) convertAt(p int32, act int32, base float64, wait float64, decay []DecayPoint, loss float64, t float64) float64 {
	pp := &s.people[p]
	ro := &s.cfg.Roles[pp.role]
	pr := base * ro.Skill[act] * (1 - loss) * decayMult(decay, wait)
	if ro.RampConvert {
		pr *= s.rampAt(p, t)
	}
	if ro.Fatigue.Convert > 0 && s.cfg.Activities[act].Fatigue {
		pr *= s.fatigueAt(p, ro.Fatigue.Convert, t)
	}
	return pr
}

func (s *Sim) stageDone(p int32, t *task) {
	a := &s.accts[t.acct]
	if a.gen != t.gen || a.state != stLead {
		return
	}
	st := &s.cfg.Stages[t.stage]
	pr := s.convertAt(p, t.act, st.Convert, t.started-t.avail, st.Decay, a.loss, s.env.Now())
	a.loss = 0
	if s.rOut.Float64() < pr {
		if st.Next < 0 {
			s.win(t.acct, p)
		} else {
			s.enterStage(t.acct, st.Next, 0)
		}
		return
	}
	s.fail(t.acct, st, s.people[p].role)
}

// fail ends a stage without success: the lead is nurtured or lost.
func (s *Sim) fail(id int32, st *Stage, r int32) {
	if st.NurtureShare > 0 && s.rOut.Float64() < st.NurtureShare {
		s.nurture(id, st.NeedIn.Sample(s.rDelay), st.Recall, r)
		return
	}
	if s.recording {
		s.rec.add(cLeadsLost, int(r), s.month, 1)
	}
	s.ledger.Lost++
	s.freeAccount(id)
}

// nurture stores lead id until its need date, in need hours, when it is
// worked again at stage recall.
func (s *Sim) nurture(id int32, need float64, recall int, r int32) {
	a := &s.accts[id]
	a.state = stNurture
	if s.recording {
		s.rec.add(cLeadsNurtured, int(r), s.month, 1)
	}
	a.evNext = s.env.After(need, des.Normal, s.h, enc(evRecall, int(id)))
	a.stage = int32(recall)
}

func (s *Sim) onRecall(id int32) {
	a := &s.accts[id]
	a.evNext = des.Event{}
	a.state = stLead
	a.created = s.env.Now()
	a.responded = true
	s.enterStage(id, int(a.stage), 0)
}

// win makes lead id a client: its first order, paperwork for the closer,
// and the client's own life.
func (s *Sim) win(id int32, p int32) {
	a := &s.accts[id]
	c := &s.cfg.Clients
	pr := s.people[p].role
	if a.role != pr { // the person who wins the deal owns the client
		s.disown(a)
		a.role = pr
		a.owner = s.assign(pr, p)
		s.own(a)
	}
	a.level = c.StartLevel
	s.setClient(a)
	a.wonAt = s.env.Now()
	a.deals = 1
	a.contact = s.env.Now()
	if s.recording {
		s.rec.add(cFirstOrders, int(pr), s.month, 1)
	}
	s.bonus(pr, s.cfg.Roles[pr].Pay.PerFirstOrder)
	s.book(id, a.size*c.FirstOrder)
	for _, w := range c.SaleWork {
		t := s.newTask(tkSale, int32(w), id)
		if s.cfg.Roles[pr].Speed[w] > 0 {
			s.push(t, pr, p)
		} else {
			s.push(t, -1, -1)
		}
	}
	s.scheduleOrder(id)
	s.scheduleChurn(id)
	s.scheduleOverdue(id)
	s.scheduleCare(id, 0)
	s.scheduleClaim(id)
	s.handoffs(id, AtWon, 0)
	s.clientHandoffs(id)
}

// clientHandoffs applies the handoffs that depend on a client's deals and
// volume.
func (s *Sim) clientHandoffs(id int32) {
	a := &s.accts[id]
	if a.state != stClient {
		return
	}
	s.handoffs(id, AfterDeals, 0)
	if a.level >= s.cfg.Clients.Plan {
		s.handoffs(id, AtPlan, 0)
	}
	s.handoffs(id, AtVolume, 0)
}

// handoffs applies the first handoff of the given trigger that matches
// account id, and returns its delay.
func (s *Sim) handoffs(id int32, trig Trigger, stage int) float64 {
	a := &s.accts[id]
	for _, hi := range s.p.handFrom[a.role] {
		h := &s.cfg.Handoffs[hi]
		if h.Trigger != trig || (h.MinSize > 0 && a.size < h.MinSize) || (h.MaxSize > 0 && a.size >= h.MaxSize) {
			continue
		}
		switch trig {
		case AtStage:
			if h.Stage != stage {
				continue
			}
		case AfterDeals:
			if int(a.deals) < h.Deals {
				continue
			}
		case AtVolume:
			if a.size*a.level < h.Volume {
				continue
			}
		}
		return s.handoff(id, h)
	}
	return 0
}

// handoff moves account id to the handoff's role and returns its delay.
func (s *Sim) handoff(id int32, h *Handoff) float64 {
	a := &s.accts[id]
	from, old := a.role, a.owner
	s.disown(a)
	a.role = int32(h.To)
	a.owner = s.assign(a.role, -1)
	var delay float64
	if !h.Delay.IsZero() {
		delay = h.Delay.Sample(s.rDelay)
	}
	pay := &s.cfg.Roles[from].Pay
	if a.state == stClient {
		a.level *= 1 - h.InfoLoss
	}
	s.own(a)
	if a.state == stClient {
		if s.recording {
			s.rec.add(cHandovers, int(from), s.month, 1)
		}
		s.bonus(from, pay.PerHandover)
		s.scheduleCare(id, delay)
	} else {
		a.loss = h.InfoLoss
		if s.recording {
			s.rec.add(cPassed, int(from), s.month, 1)
		}
		s.bonus(from, pay.PerPassed)
	}
	// The first person to pass the account on found it: source commission
	// on its margin goes to them (a caller's passed request, a hunter's
	// handed-over client).
	if a.src < 0 {
		a.src, a.srcRole = old, from
	}
	return delay
}

// book records margin from account id's order.
func (s *Sim) book(id int32, margin float64) {
	a := &s.accts[id]
	now := s.env.Now()
	if !s.recording {
		if t := s.cfg.Target; t != nil && now >= s.warmStart {
			s.rec.baseline += s.targetValue(margin) / (math.Max(s.t0-s.warmStart, Month) / Month)
		}
		return
	}
	r := int(a.role)
	s.rec.add(cMargin, r, s.month, margin)
	if a.size >= s.p.top20 {
		s.rec.add(cMarginTop, r, s.month, margin)
	}
	s.rec.monthly[s.month] += s.targetValue(margin)
	if c := s.cfg.Roles[r].Pay.Commission; c > 0 {
		s.rec.add(cCostCommission, r, s.month, margin*c)
	}
	if a.srcRole >= 0 {
		pay := &s.cfg.Roles[a.srcRole].Pay
		if pay.SourceCommission > 0 && now-a.wonAt <= pay.SourceMonths*Month {
			s.rec.add(cCostCommission, int(a.srcRole), s.month, margin*pay.SourceCommission)
		}
	}
}

func (s *Sim) targetValue(margin float64) float64 {
	if s.cfg.Target != nil && s.cfg.Target.Metric == "revenue" {
		return margin / s.cfg.Market.MarginRate
	}
	return margin
}

func (s *Sim) bonus(r int32, v float64) {
	if v > 0 && s.recording {
		s.rec.add(cCostBonus, int(r), s.month, v)
	}
}

// Client life: orders, churn, neglect, care, claims.

func (s *Sim) orderRate(a *account) float64 {
	r := s.cfg.Clients.OrdersPerMonth / Month
	if a.neglected {
		r *= s.cfg.Clients.NeglectOrders
	}
	return r
}

func (s *Sim) churnRate(a *account) float64 {
	c := &s.cfg.Clients
	r := -math.Log1p(-math.Min(c.Churn, 0.999999)) / Year
	if a.neglected {
		r *= c.NeglectChurn
	}
	return r
}

func (s *Sim) scheduleOrder(id int32) {
	a := &s.accts[id]
	s.env.Cancel(a.evOrder)
	a.evOrder = des.Event{}
	if r := s.orderRate(a); r > 0 {
		a.evOrder = s.env.After(s.exp(s.rCli, r), des.Normal, s.h, enc(evOrder, int(id)))
	}
}

func (s *Sim) scheduleChurn(id int32) {
	a := &s.accts[id]
	s.env.Cancel(a.evChurn)
	a.evChurn = des.Event{}
	if r := s.churnRate(a); r > 0 {
		a.evChurn = s.env.After(s.exp(s.rCli, r), des.Normal, s.h, enc(evChurn, int(id)))
	}
}

func (s *Sim) scheduleOverdue(id int32) {
	a := &s.accts[id]
	s.env.Cancel(a.evOverdue)
	a.evOverdue = des.Event{}
	if need := s.p.needEvery(a.size); !math.IsInf(need, 1) {
		t := math.Max(s.env.Now(), a.contact+need)
		a.evOverdue = s.env.At(t, des.Normal, s.h, enc(evOverdue, int(id)))
	}
}

func (s *Sim) scheduleClaim(id int32) {
	c := &s.cfg.Clients
	if c.Claim < 0 || c.ClaimsPerMonth <= 0 {
		return
	}
	a := &s.accts[id]
	a.evClaim = s.env.After(s.exp(s.rCli, c.ClaimsPerMonth/Month), des.Normal, s.h, enc(evClaim, int(id)))
}

// careEvery returns how often the owning role contacts client a.
func (s *Sim) careEvery(a *account) float64 {
	if e := s.cfg.Roles[a.role].CareEvery; e > 0 {
		return e
	}
	return s.p.needEvery(a.size)
}

// scheduleCare sets the next care contact of client id: after delay if
// delay > 0 (a new owner's first call), else a care interval after the
// last contact.
func (s *Sim) scheduleCare(id int32, delay float64) {
	a := &s.accts[id]
	if s.cfg.Clients.Care < 0 {
		return
	}
	s.env.Cancel(a.evCare)
	a.evCare = des.Event{}
	t := s.env.Now() + delay
	if delay == 0 {
		every := s.careEvery(a)
		if math.IsInf(every, 1) {
			return
		}
		t = math.Max(t, a.contact+every)
	}
	a.evCare = s.env.At(t, des.Normal, s.h, enc(evCare, int(id)))
}

func (s *Sim) onOrder(id int32) {
	a := &s.accts[id]
	a.evOrder = des.Event{}
	if a.state != stClient {
		return
	}
	s.scheduleOrder(id)
	c := &s.cfg.Clients
	margin := a.size * a.level / c.OrdersPerMonth
	if c.Order < 0 {
		s.orderBooked(id, margin)
		return
	}
	t := s.newTask(tkOrder, int32(c.Order), id)
	s.tasks[t].margin = margin
	s.push(t, -1, -1)
}

func (s *Sim) orderDone(p int32, t *task) {
	a := &s.accts[t.acct]
	if a.gen != t.gen || a.state != stClient {
		return
	}
	s.orderBooked(t.acct, t.margin)
}

func (s *Sim) orderBooked(id int32, margin float64) {
	a := &s.accts[id]
	s.book(id, margin)
	if s.recording {
		s.rec.add(cOrders, int(a.role), s.month, 1)
	}
	a.deals++
	s.clientHandoffs(id)
}

func (s *Sim) churn(id int32) {
	a := &s.accts[id]
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
	s.freeAccount(id)
}

func (s *Sim) onOverdue(id int32) {
	a := &s.accts[id]
	a.evOverdue = des.Event{}
	if a.state != stClient || a.neglected {
		return
	}
	a.neglected = true
	s.scheduleOrder(id)
	s.scheduleChurn(id)
}

func (s *Sim) onCareDue(id int32) {
	a := &s.accts[id]
	a.evCare = des.Event{}
	if a.state != stClient || a.careQueued {
		return
	}
	a.careQueued = true
	s.push(s.newTask(tkCare, int32(s.cfg.Clients.Care), id), -1, -1)
}

func (s *Sim) careDone(p int32, t *task) {
	a := &s.accts[t.acct]
	if a.gen != t.gen || a.state != stClient {
		return
	}
	c := &s.cfg.Clients
	a.careQueued = false
	a.contact = s.env.Now()
	if a.neglected {
		a.neglected = false
		s.scheduleOrder(t.acct)
		s.scheduleChurn(t.acct)
	}
	s.scheduleOverdue(t.acct)
	if a.level < c.Plan && c.DevelopStep > 0 && s.rOut.Float64() < c.DevelopProb {
		s.setLevel(a, math.Min(c.Plan, a.level+c.DevelopStep))
		s.clientHandoffs(t.acct)
	}
	s.scheduleCare(t.acct, 0)
}

func (s *Sim) onClaim(id int32) {
	a := &s.accts[id]
	a.evClaim = des.Event{}
	if a.state != stClient {
		return
	}
	s.scheduleClaim(id)
	s.push(s.newTask(tkClaim, int32(s.cfg.Clients.Claim), id), -1, -1)
}

package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// accounts is the store of the companies the department works, leads and
// clients alike, and who owns each: a role, and a person of it unless the
// role keeps a shared pool. An account's slot is recycled when it ends;
// its generation number tells tasks and events of an earlier life apart.
// A person's load (accounts owned, the monthly margin of clients owned) is
// kept in step with ownership, for assignment, portfolio limits and the
// fat-cat rule.
type accounts struct {
	s    *Sim
	list []account
	free []int32
}

// Account states.
const (
	stFree    = iota // slot unused
	stLead           // in the funnel: waiting, delayed or being worked
	stNurture        // no need now: waiting for its need date
	stClient
)

// account is a company the department works: a lead, then a client. Each
// part belongs to the mechanism that keeps it.
type account struct {
	gen     uint32
	state   uint8
	initial bool
	seg     uint8 // its segment, a SegmentRef (segments.go)
	role    int32 // owning role
	owner   int32 // owning person, or -1
	size    float64
	key     uint64 // the entity key of its keyed draws (random.go)
	dms     uint8  // decision makers counted (norms.go); 0: not drawn yet
	dmCount uint8  // tasks counted today for a norm per decision maker
	dmDay   int32  // the day of dmCount
	lead           // funnel.go
	source         // handoffs.go
	client         // clients.go
	errands        // chores.go
}

// holding is the part of a person that ownership keeps.
type holding struct {
	owned   int     // accounts owned
	portfol float64 // monthly margin of clients owned, at their level
}

func (ac *accounts) bind(s *Sim) { ac.s = s }

func (ac *accounts) reset() {
	ac.list = ac.list[:0]
	ac.free = ac.free[:0]
}

// newAccount creates a lead of the given size and entity key, owned by
// role and person owner (−1: the role's pool).
func (ac *accounts) newAccount(size float64, key uint64, role, owner int32) int32 {
	var id int32
	if n := len(ac.free); n > 0 {
		id = ac.free[n-1]
		ac.free = ac.free[:n-1]
	} else {
		id = int32(len(ac.list))
		ac.list = append(ac.list, account{})
	}
	a := &ac.list[id]
	gen := a.gen + 1
	*a = account{gen: gen, state: stLead, size: size, key: key, role: role, owner: owner,
		source: source{src: -1, srcRole: -1, via: -1, handedAt: -1}, lead: lead{created: ac.s.env.Now(), stage: -1}}
	ac.own(a)
	ac.s.ledger.Created++
	return id
}

// freeAccount ends an account's life, cancelling its pending events.
// Queued tasks for it die when they come up (their generation differs).
func (ac *accounts) freeAccount(id int32) {
	a := &ac.list[id]
	ac.disown(a)
	for _, ev := range [...]*des.Event{&a.evNext, &a.evOrder, &a.evChurn, &a.evOverdue, &a.evCare, &a.evClaim, &a.evChore} {
		if *ev != (des.Event{}) {
			ac.s.env.Cancel(*ev)
		}
	}
	a.state = stFree
	a.gen++
	ac.free = append(ac.free, id)
}

// assign picks the person of role r who takes over an account; finder is
// the person who found it (or -1).
func (ac *accounts) assign(r int32, finder int32) int32 {
	st := &ac.s.staff
	ro := &ac.s.cfg.Roles[r]
	rs := &st.roles[r]
	if ro.Assign == AssignPool {
		return -1
	}
	limit := ro.PortfolioLimit
	ok := func(m int32) bool {
		p := &st.people[m]
		return p.employed && (limit == 0 || p.owned < limit)
	}
	if ro.Assign == AssignFinder && finder >= 0 && st.people[finder].role == r && ok(finder) {
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
			p := &st.people[m]
			if p.employed && (pass == 1 || ok(m)) && p.owned < bestN {
				best, bestN = m, p.owned
			}
		}
	}
	return best
}

// own and disown keep a person's load in step with the accounts it owns:
// owned counts leads and clients, portfol the monthly margin of clients.
func (ac *accounts) own(a *account) {
	if a.owner >= 0 {
		p := &ac.s.staff.people[a.owner]
		p.owned++
		if a.state == stClient {
			p.portfol += a.size * a.level
		}
	}
}

func (ac *accounts) disown(a *account) {
	if a.owner >= 0 {
		p := &ac.s.staff.people[a.owner]
		p.owned--
		if a.state == stClient {
			p.portfol -= a.size * a.level
		}
	}
}

// setClient turns lead a into a client of its owner.
func (ac *accounts) setClient(a *account) {
	a.state = stClient
	if a.owner >= 0 {
		ac.s.staff.people[a.owner].portfol += a.size * a.level
	}
}

func (ac *accounts) setLevel(a *account, level float64) {
	if a.state == stClient && a.owner >= 0 {
		ac.s.staff.people[a.owner].portfol += a.size * (level - a.level)
	}
	a.level = level
}

// reassign hands account id to a person of role r.
func (ac *accounts) reassign(id int32, r int32) {
	a := &ac.list[id]
	ac.disown(a)
	a.role = r
	a.owner = ac.assign(r, -1)
	ac.own(a)
}

// countDecisionMaker reports whether a task for account id counts towards
// a norm per decision maker: at most one a day per decision maker of the
// company (at most five), which it counts.
func (ac *accounts) countDecisionMaker(id int32) bool {
	a := &ac.list[id]
	if a.dms == 0 {
		n := 1.0
		if d := &ac.s.cfg.Market.DecisionMakers; !d.IsZero() {
			n = math.Round(keyedSample(d, a.key, drawDecisionMakers, 0))
		}
		a.dms = uint8(min(max(n, 1), maxDecisionMakers))
	}
	day := int32(ac.s.env.Now() / 24)
	if a.dmDay != day {
		a.dmDay, a.dmCount = day, 0
	}
	if a.dmCount >= a.dms {
		return false
	}
	a.dmCount++
	return true
}

// dropOwner hands the accounts of person p, who is leaving, to colleagues;
// each client leaves instead with probability loss.
func (ac *accounts) dropOwner(p int32, loss float64) {
	s := ac.s
	for i := range ac.list {
		a := &ac.list[i]
		if a.owner != p || (a.state != stClient && a.state != stLead && a.state != stNurture) {
			continue
		}
		if a.state == stClient && unit(a.key, drawLeaveLoss, 0) < loss {
			s.clients.churn(int32(i))
			continue
		}
		if h := s.team.heir(p); h >= 0 {
			ac.disown(a)
			a.owner = h
			ac.own(a)
			continue
		}
		ac.reassign(int32(i), a.role)
	}
	pp := &s.staff.people[p]
	pp.owned, pp.portfol = 0, 0
}

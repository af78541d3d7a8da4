package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Behaviour rules change what people choose to do with their discretionary
// time. A rule is one file: a type implementing [rule] and one or more of
// the hooks below, a constructor that returns it for a role whose Config
// asks for it (nil otherwise), listed in ruleMakers, and the Config fields
// and scenario keys it reads. The rules of a role apply in the order of
// ruleMakers; the first that says no decides.
//
// Hooks:
//   - prospector: asked before a person starts pulled (outbound) work;
//   - queueWatcher: told when stage work is queued for a lead the role
//     passed on to another role;
//   - followUpper: asked whether a person follows up a new inbound lead
//     given to them at all (the lead black hole).

// rule is a behaviour rule of one role.
type rule interface {
	// name is the rule's name in messages and documentation.
	name() string
}

// prospector is a rule that decides whether a person prospects now.
type prospector interface {
	// prospect is asked before person p starts a run of pulled calls at
	// now. It returns whether p prospects, and the latest end of the run
	// (+Inf: no limit of its own). A rule that says no usually sets p
	// idling by choice for a while (rules.idle), else p just stays free.
	prospect(p int32, now float64) (ok bool, until float64)
}

// queueWatcher is a rule that watches the stage work of the leads its role
// passed on.
type queueWatcher interface {
	// queued is called when stage task id is queued for such a lead.
	queued(id int32)
}

// followUpper is a rule that decides whether a person follows up a new
// inbound lead given to them; a lead not followed up is ignored.
type followUpper interface {
	followsUp(p int32, acct int32) bool
}

// ruleMakers build the behaviour rules of role r of s's plan, in the order
// they apply; each returns nil if the role does not use the rule.
var ruleMakers = []func(s *Sim, r int) rule{
	newFatCat,
	newEscalation,
	newCoasting,
}

// rules holds the rules of every role and the state rules share: a person
// idling by choice until an event.
type rules struct {
	s      *Sim
	byRole [][]rule
	prosp  [][]prospector
	watch  [][]queueWatcher
	follow [][]followUpper
	// watching is set when some role watches the leads it passes on.
	watching bool
	hIdleUp  des.Handler
}

// choice is the part of a person that rules keep.
type choice struct {
	idling bool // idling by choice until idleEv
	idleEv des.Event
}

func (rs *rules) bind(s *Sim) {
	rs.s = s
	rs.hIdleUp = func(p int) { rs.onIdleEnd(int32(p)) }
	rs.byRole = make([][]rule, len(s.cfg.Roles))
	rs.prosp = make([][]prospector, len(s.cfg.Roles))
	rs.watch = make([][]queueWatcher, len(s.cfg.Roles))
	rs.follow = make([][]followUpper, len(s.cfg.Roles))
	for r := range s.cfg.Roles {
		for _, mk := range ruleMakers {
			ru := mk(s, r)
			if ru == nil {
				continue
			}
			rs.byRole[r] = append(rs.byRole[r], ru)
			if pr, ok := ru.(prospector); ok {
				rs.prosp[r] = append(rs.prosp[r], pr)
			}
			if fu, ok := ru.(followUpper); ok {
				rs.follow[r] = append(rs.follow[r], fu)
			}
			if qw, ok := ru.(queueWatcher); ok {
				rs.watch[r] = append(rs.watch[r], qw)
				rs.watching = true
			}
		}
	}
}

// prospect asks the rules of person p's role whether p prospects now, and
// until when at the latest.
func (rs *rules) prospect(p int32, now float64) (until float64, ok bool) {
	until = math.Inf(1)
	for _, pr := range rs.prosp[rs.s.staff.people[p].role] {
		yes, u := pr.prospect(p, now)
		if !yes {
			return 0, false
		}
		if u < until {
			until = u
		}
	}
	return until, true
}

// queued tells the rules of the role that passed on the lead of stage
// task id, if another role holds it now.
func (rs *rules) queued(id int32) {
	s := rs.s
	a := &s.accts.list[s.work.tasks[id].acct]
	if a.srcRole < 0 || a.srcRole == a.role {
		return
	}
	for _, qw := range rs.watch[a.srcRole] {
		qw.queued(id)
	}
}

// followsUp asks the rules of person p's role whether p follows up the
// new inbound lead acct at all.
func (rs *rules) followsUp(p int32, acct int32) bool {
	for _, fu := range rs.follow[rs.s.staff.people[p].role] {
		if !fu.followsUp(p, acct) {
			return false
		}
	}
	return true
}

// idle sets person p idling by choice for the given hours: p takes no work
// until then.
func (rs *rules) idle(p int32, hours float64) {
	s := rs.s
	s.staff.acct(p)
	pp := &s.staff.people[p]
	pp.idling = true
	pp.idleEv = s.env.After(hours, des.Normal, rs.hIdleUp, int(p))
}

func (rs *rules) onIdleEnd(p int32) {
	pp := &rs.s.staff.people[p]
	pp.idling = false
	pp.idleEv = des.Event{}
	rs.s.work.next(p)
}

// drop ends whatever rules hold for person p, who leaves or changes role.
func (rs *rules) drop(p int32) {
	pp := &rs.s.staff.people[p]
	pp.idling = false
	rs.s.env.Cancel(pp.idleEv)
}

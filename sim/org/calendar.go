package org

import (
	"slices"

	"github.com/salesim/salesim/sim/des"
)

// calendars keeps the working week of every shift group: which span of
// its [Week] the group is in (a working span, a batch block, an internal
// block, or the gap between spans), and the events of its changes. When a
// group's span changes, its members stop, start or switch work; a gap of
// at most [breakMax] hours is a break, a longer one ends the shift (see
// fatigue.go).
type calendars struct {
	s      *Sim
	groups []group
	hCal   des.Handler
	// blockFirst is set while a person in a preferred block looks for the
	// block's own work: the block allows only its activities then
	// (blocks.go).
	blockFirst bool
}

// group is the calendar of one shift of one role: members with
// person.group == the group's index follow it.
type group struct {
	role      int32
	week      *Week
	labels    []int // label id per span: equal ids mean no change
	in        bool  // inside span pos, else before it
	pos       int
	weekStart float64
}

// breakMax is the longest time off that counts as a break rather than the
// end of a shift.
const breakMax = 2.0

func (c *calendars) bind(s *Sim) {
	c.s = s
	c.hCal = func(g int) { c.onCal(g) }
}

func (c *calendars) reset() { c.groups = c.groups[:0] }

// add creates the calendar group of shift i of role r and returns its
// index.
func (c *calendars) add(r int, i int) int32 {
	c.groups = append(c.groups, group{role: int32(r), week: &c.s.cfg.Roles[r].Shifts[i], labels: c.s.p.labels[r][i]})
	return int32(len(c.groups) - 1)
}

// start puts every group in its state at time 0.
func (c *calendars) start() {
	for g := range c.groups {
		c.startGroup(g)
	}
}

// startGroup puts calendar group g in its state at time 0 and schedules its
// first change.
func (c *calendars) startGroup(g int) {
	s := c.s
	gr := &c.groups[g]
	sp := gr.week.Spans
	gr.weekStart = 0
	gr.pos = 0
	for gr.pos < len(sp) && sp[gr.pos].End <= 0 {
		gr.pos++
	}
	gr.in = sp[gr.pos].Start <= 0
	for _, m := range s.staff.roles[gr.role].members {
		if s.staff.people[m].group == int32(g) {
			s.staff.people[m].atTimeZero()
			s.work.next(m)
		}
	}
	c.scheduleCal(g)
}

// scheduleCal schedules group g's next calendar change. The start of work
// comes before anything else at the same instant (work arriving then finds
// people at their desks); the end of a span comes after everything else
// (work finishing exactly then is finished, not cut).
func (c *calendars) scheduleCal(g int) {
	gr := &c.groups[g]
	prio := des.Urgent
	if gr.in {
		prio = des.Late
	}
	c.s.env.At(gr.nextChange(), prio, c.hCal, g)
}

// nextChange returns the time of the group's next change of span.
func (g *group) nextChange() float64 {
	sp := g.week.Spans[g.pos]
	if g.in {
		return g.weekStart + sp.End
	}
	return g.weekStart + sp.Start
}

// onCal moves calendar group g to its next span (or gap).
func (c *calendars) onCal(g int) {
	s := c.s
	gr := &c.groups[g]
	sp := gr.week.Spans
	members := s.staff.roles[gr.role].members
	for _, m := range members {
		if s.staff.people[m].group == int32(g) {
			s.staff.acct(m)
		}
	}
	wasIn, wasLabel := gr.in, -1
	if gr.in {
		wasLabel = gr.labels[gr.pos]
		end := sp[gr.pos].End
		nxt, ws := gr.pos+1, gr.weekStart
		if nxt == len(sp) {
			nxt, ws = 0, ws+HoursPerWeek
			end -= HoursPerWeek
		}
		gr.pos, gr.weekStart = nxt, ws
		gr.in = sp[nxt].Start == end
	} else {
		gr.in = true
	}
	c.scheduleCal(g)
	if gr.in && wasIn && gr.labels[gr.pos] == wasLabel {
		return // the same kind of span continues
	}
	now := s.env.Now()
	kind := Span{}.Kind
	if gr.in {
		kind = sp[gr.pos].Kind
	}
	for _, m := range members {
		pp := &s.staff.people[m]
		if pp.group != int32(g) || !pp.employed {
			continue
		}
		switch {
		case !gr.in: // off: the stretch ends
			s.work.preempt(m)
			pp.offShift(now)
		case !wasIn: // back on after a gap: a break or a new shift
			if !pp.backOnShift(now, &s.cfg.Roles[pp.role].Fatigue) {
				pp.lastKind = -1 // a new shift: no switch from yesterday's work
			}
			s.work.next(m)
		case kind == Internal:
			s.work.preempt(m)
		case pp.run:
			s.calls.cutAfterCurrent(m)
		default:
			s.work.next(m)
		}
	}
}

// onDuty reports whether p is at work: employed, present, in a working
// span that is not an internal block.
func (c *calendars) onDuty(p int32) bool {
	pp := &c.s.staff.people[p]
	if !pp.employed || pp.absent > 0 || pp.hold {
		return false
	}
	g := &c.groups[pp.group]
	return g.in && g.week.Spans[g.pos].Kind != Internal
}

// allowed reports whether the span p is in allows activity a. Interrupting
// activities are allowed in every working span; a preferred block allows
// every activity, and only its own while its own work is looked for
// (blockFirst).
func (c *calendars) allowed(p int32, a int32) bool {
	g := &c.groups[c.s.staff.people[p].group]
	sp := &g.week.Spans[g.pos]
	if sp.Kind != Block && (sp.Kind != Preferred || !c.blockFirst) || c.s.cfg.Activities[a].Interrupts {
		return true
	}
	return slices.Contains(sp.Only, ActivityAt(int(a)))
}

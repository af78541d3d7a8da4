package org

import (
	"math"
	"slices"
)

// Batch blocks (seed 002: "the same kind of work in one block of time";
// research/domain.md A8, A9). A block of a role's [Week] is a [Span] of
// kind Block or Preferred that lists activities:
//
//   - A strict block (Block) allows only its activities: other work waits
//     for the block's end, and a person with none of the block's work
//     idles through it.
//   - A preferred block (Preferred) takes its activities first — their
//     queued work by priority and waiting time, then the block's pulled
//     calls — and other work only when none of its own waits. Time planned
//     for meetings that are not booked, or for documents nobody asked for,
//     goes to the other work that waits, pulled calls last, instead of
//     being idle.
//
// Interrupting activities are allowed in every block. Work in hand is
// never cut when a block starts; a run of calls ends after the call in
// progress, as at any change of span.
//
// Working in a block can carry gains ([Span.Speed], [Span.Convert]): work
// of the block's activities started in the block takes 1/(1+Speed) of its
// time, and stage work and calls convert 1+Convert times as often. Work
// resumed after an interruption takes the gains of the span it is resumed
// in. The evidence gives the direction, not a size for sales work:
// within-day specialisation beats variety (A8, Staats & Gino 2012) and
// batching imposed from outside helps, while batching by the worker's own
// choice does not (A9, Ibanez et al. 2018). The gains are therefore 0
// unless a design gives them. Batching also saves switching time
// (switching.go) wherever a block keeps one kind of work together.

// checkBlock checks span sp of a role's week at field f: a preferred block
// lists its activities, and only a block may carry gains.
func (sp *Span) checkBlock(v *checker, f string) {
	if sp.Kind == Preferred && len(sp.Only) == 0 {
		v.bad(f+".Only", "a preferred block lists no activities: give the work it is for")
	}
	if sp.Kind != Block && sp.Kind != Preferred {
		if sp.Speed != 0 || sp.Convert != 0 {
			v.bad(f, "speed and convert are the gains of a block of activities, not of %s time", sp.Kind)
		}
		return
	}
	v.share(f+".Speed", sp.Speed, -1, math.Inf(1), true, true)
	v.share(f+".Convert", sp.Convert, -1, math.Inf(1), true, true)
}

// checkBlocks checks the blocks of week w at field f, each kind of span
// once.
func (w *Week) checkBlocks(v *checker, f string) {
	for s, sp := range w.Spans {
		if !slices.ContainsFunc(w.Spans[:s], sp.sameLabel) {
			sp.checkBlock(v, index(f+".Spans", s))
		}
	}
}

// compileBlocks notes whether any role has preferred blocks or blocks
// with gains, so that designs without them pay nothing for them.
func (p *Plan) compileBlocks() {
	for _, ro := range p.cfg.Roles {
		for _, w := range ro.Shifts {
			for _, sp := range w.Spans {
				p.preferred = p.preferred || sp.Kind == Preferred
				p.speedGain = p.speedGain || sp.Speed != 0
				p.boosts = p.boosts || sp.Convert != 0
			}
		}
	}
}

// span returns the span person p's group is in, or nil between spans.
func (c *calendars) span(p int32) *Span {
	g := &c.groups[c.s.staff.people[p].group]
	if !g.in {
		return nil
	}
	return &g.week.Spans[g.pos]
}

// inBlock returns the batch block person p is in if it lists activity a,
// else nil.
func (c *calendars) inBlock(p int32, a int32) *Span {
	sp := c.span(p)
	if sp == nil || sp.Kind != Block && sp.Kind != Preferred || !slices.Contains(sp.Only, ActivityAt(int(a))) {
		return nil
	}
	return sp
}

// speedGain returns the speed multiplier of work of activity a that
// person p starts now.
func (c *calendars) speedGain(p int32, a int32) float64 {
	if sp := c.inBlock(p, a); sp != nil {
		return 1 + sp.Speed
	}
	return 1
}

// convertGain returns the conversion multiplier of work of activity a that
// person p starts now.
func (c *calendars) convertGain(p int32, a int32) float64 {
	if sp := c.inBlock(p, a); sp != nil {
		return 1 + sp.Convert
	}
	return 1
}

// nextInBlock gives person p, free in a preferred block, the block's own
// work: a queued task of its activities, else a run of its pulled calls.
// It reports whether p is settled (working, or idling by a behaviour
// rule's choice); if not, p looks for any work as usual.
func (c *calendars) nextInBlock(p int32) bool {
	s := c.s
	sp := s.cal.span(p)
	if sp == nil || sp.Kind != Preferred {
		return false
	}
	s.cal.blockFirst = true
	id := s.work.pick(p)
	pulls := false
	if id < 0 {
		for _, d := range s.cfg.Roles[s.staff.people[p].role].Pull {
			pulls = pulls || slices.Contains(sp.Only, ActivityAt(s.p.dbAct[d.Index()]))
		}
	}
	if pulls {
		s.calls.pull(p)
	}
	s.cal.blockFirst = false
	if id >= 0 {
		s.work.start(p, id)
		return true
	}
	pp := &s.staff.people[p]
	return pp.busy || pp.idling
}

// keepsRun reports whether person p, calling in a preferred block, keeps
// on with the block's calls rather than take work of activity a: other
// work does not cut the block's own.
func (c *calendars) keepsRun(p int32, a int32) bool {
	s := c.s
	if !s.p.preferred {
		return false
	}
	sp := s.cal.span(p)
	if sp == nil || sp.Kind != Preferred || s.cfg.Activities[a].Interrupts || slices.Contains(sp.Only, ActivityAt(int(a))) {
		return false
	}
	return slices.Contains(sp.Only, ActivityAt(int(s.work.curAct(p))))
}

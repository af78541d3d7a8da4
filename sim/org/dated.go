package org

import (
	"math"
	"slices"
	"sort"
)

// Dated demand (seed 000: the marketing push the new head plans starts
// with the plan). An inbound stream's rate and marketing budget may
// change at given times ([Inbound.Changes]) or with a reorganisation
// ([Reorg.Inbound]), as part of the new design: a design's status quo,
// without its reorganisations, is without their changes too. A stream
// that starts later has rate 0 until a change starts it; one that stops
// changes to rate 0. At the same time, a reorganisation's change comes
// after a dated one. The rate in force multiplies the stream's growth
// (from the start of the run), opening hours and profiles as the base
// rate does. The budget is a cost per month, accrued by the hour while it
// is in force and booked to the stream's receiving role as
// cost_marketing, part of cost and profit; spending during the warm-up
// is not reported, as no cost is.

// RateChange changes an inbound stream's rate and budget from time At on
// (hours from the start of the run, warm-up included).
type RateChange struct {
	At float64
	// Rate is the stream's base rate from then, per open hour (0 stops
	// the stream); Budget its marketing cost per month from then.
	Rate   float64
	Budget float64
}

// StreamChange changes the rate and budget of stream Stream with a
// reorganisation.
type StreamChange struct {
	Stream InboundRef // required
	Rate   float64
	Budget float64
}

// checkChanges checks the budget and the dated changes of stream in at
// field f.
func (in *Inbound) checkChanges(v *checker, f string) {
	c := v.cfg
	v.money(f+".Budget", in.Budget, 0, false)
	end := c.Run.Warmup + c.Run.Horizon
	for j := range in.Changes {
		ch := &in.Changes[j]
		k := index(f+".Changes", j)
		if v.hours(k+".At", ch.At, 0, true) && ch.At > end {
			v.bad(k+".At", "%s is after the end of the run (warm-up %s + horizon %s)", fmtHours(ch.At), fmtHours(c.Run.Warmup), fmtHours(c.Run.Horizon))
		}
		if j > 0 && ch.At < in.Changes[j-1].At {
			v.bad(k+".At", "%s is before change %d at %s: list the changes in time order", fmtHours(ch.At), j-1, fmtHours(in.Changes[j-1].At))
		}
		v.number(k+".Rate", ch.Rate, 0, false)
		v.money(k+".Budget", ch.Budget, 0, false)
	}
}

// checkStreams checks the stream changes of a reorganisation at field f.
func (ro *Reorg) checkStreams(v *checker, f string) {
	for j, ch := range ro.Inbound {
		k := index(f+".Inbound", j)
		ok := v.ref(k+".Stream", ch.Stream.Index(), len(v.cfg.Inbound), "inbound stream", true)
		for i := range j {
			if ok && ro.Inbound[i].Stream == ch.Stream {
				v.bad(k+".Stream", "stream %s changed twice by one reorganisation", v.cfg.Inbound[ch.Stream.Index()].Name)
			}
		}
		v.number(k+".Rate", ch.Rate, 0, false)
		v.money(k+".Budget", ch.Budget, 0, false)
	}
}

// stepsOf returns the rates and budgets of stream k of a valid Config in
// time order, the base first at time 0, or nil if it has no changes and
// no budget.
func (c *Config) stepsOf(k int) *steps {
	in := &c.Inbound[k]
	st := &steps{at: []float64{0}, rate: []float64{in.Rate}, budget: []float64{in.Budget}}
	add := func(at, rate, budget float64) {
		// After every step at or before at: dated changes are in order,
		// and a reorganisation's change comes after a dated one.
		i := sort.Search(len(st.at), func(i int) bool { return st.at[i] > at })
		st.at = slices.Insert(st.at, i, at)
		st.rate = slices.Insert(st.rate, i, rate)
		st.budget = slices.Insert(st.budget, i, budget)
	}
	for _, ch := range in.Changes {
		add(ch.At, ch.Rate, ch.Budget)
	}
	for _, ro := range c.Reorgs {
		for _, ch := range ro.Inbound {
			if ch.Stream.Index() == k {
				add(ro.At, ch.Rate, ch.Budget)
			}
		}
	}
	if len(st.at) == 1 && in.Budget == 0 {
		return nil
	}
	return st
}

// rateDuring returns the most stream k's base rate is in [from, to) of
// a valid Config (at from if the span is empty).
func (c *Config) rateDuring(k int, from, to float64) float64 {
	st := c.stepsOf(k)
	if st == nil {
		return c.Inbound[k].Rate
	}
	r := st.rate[st.index(from)]
	for i, at := range st.at {
		if at > from && at < to {
			r = math.Max(r, st.rate[i])
		}
	}
	return r
}

// steps are an inbound stream's rates and budgets in time order, the
// base first at time 0.
type steps struct {
	at, rate, budget []float64
}

// compileSteps derives every stream's steps: nil for a stream without
// changes or budget.
func (p *Plan) compileSteps() {
	cfg := &p.cfg
	p.steps = make([]*steps, len(cfg.Inbound))
	for k := range cfg.Inbound {
		st := cfg.stepsOf(k)
		p.steps[k] = st
		if st == nil {
			continue
		}
		for _, b := range st.budget {
			p.marketing = p.marketing || b > 0
		}
	}
}

// spends reports whether a plan's streams have a marketing budget.
func spends(p *Plan) bool { return p.marketing }

// index returns the index of the step in force at time t ≥ 0: the last
// one that starts at or before t.
func (st *steps) index(t float64) int {
	return sort.Search(len(st.at), func(i int) bool { return st.at[i] > t }) - 1
}

// peak returns the highest rate of the steps.
func (st *steps) peak() float64 {
	m := 0.0
	for _, r := range st.rate {
		m = math.Max(m, r)
	}
	return m
}

// budgetBetween returns the marketing spend of the steps over [a, b).
func (st *steps) budgetBetween(a, b float64) float64 {
	var sum float64
	for i := st.index(a); i < len(st.at) && st.at[i] < b; i++ {
		lo, hi := math.Max(a, st.at[i]), b
		if i+1 < len(st.at) {
			hi = math.Min(hi, st.at[i+1])
		}
		if hi > lo {
			sum += st.budget[i] * (hi - lo) / Month
		}
	}
	return sum
}

// baseRate returns stream k's base rate in force at time t.
func (d *demand) baseRate(k int, t float64) float64 {
	if st := d.s.p.steps[k]; st != nil {
		return st.rate[max(st.index(t), 0)]
	}
	return d.s.cfg.Inbound[k].Rate
}

// flushBudget books the marketing spend of every stream since the last
// flush, to the month in progress (before the month ends).
func (d *demand) flushBudget() {
	s := d.s
	now := s.env.Now()
	if s.p.marketing && s.recording && now > d.spentTo {
		for k, st := range s.p.steps {
			if st != nil {
				if x := st.budgetBetween(d.spentTo, now); x > 0 {
					s.rec.add(cCostMarketing, int(s.p.inRole[k]), s.month, x)
				}
			}
		}
	}
	d.spentTo = now
}

package org

import (
	"math"
	"sort"
)

// Dated demand (seed 000: the marketing push the new head plans starts
// with the plan). An inbound stream's rate and marketing budget may
// change at given times or with a reorganisation ([Inbound.Changes]): a
// stream that starts later has rate 0 until its first change, one that
// stops changes to rate 0. The rate in force multiplies the stream's
// growth (from the start of the run), opening hours and profiles as the
// base rate does. The budget is a cost per month, accrued by the hour
// while it is in force and booked to the stream's receiving role as
// cost_marketing, part of cost and profit; spending during the warm-up
// is not reported, as no cost is.

// ReorgRef refers to one of a Config's Reorgs; zero is none.
type ReorgRef int32

// ReorgAt refers to the reorganisation at index i.
func ReorgAt(i int) ReorgRef { return ReorgRef(i + 1) }

// Index returns the index referred to, or -1 for none.
func (r ReorgRef) Index() int { return int(r) - 1 }

// RateChange changes an inbound stream's rate and budget from a time on:
// At, or the time of reorganisation Reorg (exactly one is given).
type RateChange struct {
	At    float64  // hours from the start of the run, warm-up included
	Reorg ReorgRef // with this reorganisation
	// Rate is the stream's base rate from then, per open hour (0 stops
	// the stream); Budget its marketing cost per month from then.
	Rate   float64
	Budget float64
}

// when returns the time of change ch of a valid Config.
func (c *Config) when(ch *RateChange) float64 {
	if ch.Reorg != 0 {
		return c.Reorgs[ch.Reorg.Index()].At
	}
	return ch.At
}

// checkChanges checks the budget and the changes of stream in at field f.
func (in *Inbound) checkChanges(v *checker, f string) {
	c := v.cfg
	v.money(f+".Budget", in.Budget, 0, false)
	end := c.Run.Warmup + c.Run.Horizon
	last, lastOK := 0.0, true
	for j := range in.Changes {
		ch := &in.Changes[j]
		k := index(f+".Changes", j)
		ok := false
		switch {
		case ch.At != 0 && ch.Reorg != 0:
			v.bad(k+".Reorg", "give the time or the reorganisation, not both")
		case ch.At == 0 && ch.Reorg == 0:
			v.bad(k+".At", "missing: give the time of the change, or the reorganisation it comes with")
		case ch.Reorg != 0:
			if n := len(c.Reorgs); ch.Reorg < 0 || int(ch.Reorg) > n {
				v.bad(k+".Reorg", "reorganisation %d out of range: the design has %d", int(ch.Reorg), n)
			} else {
				ok = true
			}
		case v.hours(k+".At", ch.At, 0, true):
			if ch.At > end {
				v.bad(k+".At", "%s is after the end of the run (warm-up %s + horizon %s)", fmtHours(ch.At), fmtHours(c.Run.Warmup), fmtHours(c.Run.Horizon))
			} else {
				ok = true
			}
		}
		v.number(k+".Rate", ch.Rate, 0, false)
		v.money(k+".Budget", ch.Budget, 0, false)
		if ok && lastOK && j > 0 && c.when(ch) < last {
			v.bad(k, "at %s, before change %d at %s: list the changes in time order", fmtHours(c.when(ch)), j-1, fmtHours(last))
		}
		if lastOK = ok; ok {
			last = c.when(ch)
		}
	}
}

// rateDuring returns the most stream in's base rate is in [from, to) of
// a valid Config.
func (c *Config) rateDuring(in *Inbound, from, to float64) float64 {
	r := in.Rate
	for i := range in.Changes {
		ch := &in.Changes[i]
		switch t := c.when(ch); {
		case t <= from:
			r = ch.Rate
		case t < to:
			r = math.Max(r, ch.Rate)
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
		in := &cfg.Inbound[k]
		if len(in.Changes) == 0 && in.Budget == 0 {
			continue
		}
		st := &steps{at: []float64{0}, rate: []float64{in.Rate}, budget: []float64{in.Budget}}
		for i := range in.Changes {
			ch := &in.Changes[i]
			st.at = append(st.at, cfg.when(ch))
			st.rate = append(st.rate, ch.Rate)
			st.budget = append(st.budget, ch.Budget)
		}
		p.steps[k] = st
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

// peakRate returns the highest base rate stream k has in the run.
func (d *demand) peakRate(k int) float64 {
	if st := d.s.p.steps[k]; st != nil {
		return st.peak()
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

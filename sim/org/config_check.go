package org

import (
	"math"
	"slices"
)

// checkFlow checks the rules that involve the whole design, once every
// part is valid on its own: work that nobody can do, databases called by a
// role that cannot work their stage, and (as warnings) activities, stages
// and databases nothing uses, and a design with no demand.
func (c *Config) checkFlow(v *checker) {
	c.checkHandoffCycles(v)
	doers := make([]bool, len(c.Activities))
	for r := range c.Roles {
		for a := range c.Activities {
			doers[a] = doers[a] || c.performs(r, a)
		}
	}
	used := make([]bool, len(c.Activities))
	need := func(field string, a ActivityRef) {
		if a == 0 {
			return
		}
		used[a.Index()] = true
		if !doers[a.Index()] {
			v.bad(field, "no role does activity %q: give it to some role", c.Activities[a.Index()].Name)
		}
	}
	reach, _ := c.reachable()
	for i, s := range c.Stages {
		if reach[i] {
			need(index("Stages", i)+".Activity", s.Activity)
		} else if s.Activity != 0 {
			used[s.Activity.Index()] = true // a stage never reached needs nobody
		}
	}
	need("Clients.Order", c.Clients.Order)
	need("Clients.Care", c.Clients.Care)
	need("Clients.Claim", c.Clients.Claim)
	for i, a := range c.Clients.SaleWork {
		need(index("Clients.SaleWork", i), a)
	}
	for i, ch := range c.Clients.Chores {
		need(index("Clients.Chores", i)+".Activity", ch.Activity)
	}
	for i, a := range c.Activities {
		switch {
		case used[i]:
		case doers[i]:
			v.warn(index("Activities", i), "no stage or client work uses activity %s: nobody will ever do it", a.Name)
		default:
			v.warn(index("Activities", i), "activity %s is unused: no role does it and no stage or client work uses it", a.Name)
		}
	}
	pulled := make([]bool, len(c.Databases))
	for r, ro := range c.Roles {
		for j, d := range ro.Pull {
			pulled[d.Index()] = true
			db := &c.Databases[d.Index()]
			st := &c.Stages[db.Stage.Index()]
			if a := st.Activity.Index(); !c.performs(r, a) {
				v.bad(index(index("Roles", r)+".Pull", j), "role %s pulls database %s but does not do activity %s of its stage %s",
					ro.Name, db.Name, c.Activities[a].Name, st.Name)
			}
		}
	}
	for i, db := range c.Databases {
		if !pulled[i] && doers[c.Stages[db.Stage.Index()].Activity.Index()] {
			// Some role could call it and none does: a pull left out?
			v.warn(index("Databases", i), "no role pulls database %s: add it to some role's pull", db.Name)
		}
	}
	c.checkReach(v)
	c.checkStaffing(v)
	c.checkSegmentStaffing(v)
}

// reachable returns which stages some lead can reach (from an inbound
// stream, a database a role calls, an initial lead, or an earlier stage),
// and whether clients exist at the start.
func (c *Config) reachable() (reach []bool, clients bool) {
	return c.reach(false)
}

// reach is reachable, counting every database as called if all is set.
func (c *Config) reach(all bool) (reach []bool, clients bool) {
	reach = make([]bool, len(c.Stages))
	var queue []int
	visit := func(s int) {
		if s >= 0 && s < len(reach) && !reach[s] {
			reach[s] = true
			queue = append(queue, s)
		}
	}
	for _, in := range c.Inbound {
		visit(in.Stage.Index())
	}
	for _, ro := range c.Roles {
		for _, d := range ro.Pull {
			visit(c.Databases[d.Index()].Stage.Index())
		}
	}
	if all {
		for _, db := range c.Databases {
			visit(db.Stage.Index())
		}
	}
	for _, in := range c.Initial {
		if in.Leads > 0 {
			visit(in.Stage.Index())
		}
		clients = clients || in.Clients > 0
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		st := &c.Stages[s]
		if st.Convert > 0 && st.Next != 0 {
			visit(st.Next.Index())
		}
		if st.Convert > 0 {
			c.segmentSteps(s, visit)
		}
		if st.NurtureShare > 0 && st.Convert < 1 {
			visit(st.recall(s))
		}
	}
	return reach, clients
}

// checkReach warns of a design with no demand and of stages no lead can
// reach, and refuses one whose leads advance but can never be won.
func (c *Config) checkReach(v *checker) {
	reach, clients := c.reachable()
	entries := slices.Contains(reach, true)
	if !entries && !clients && len(c.Roles) > 0 {
		v.warn("", "no demand: no inbound stream, called database or initial book")
	}
	if entries {
		// A stage reached only from a database nobody calls is not worth
		// a warning: the database is there for a design that calls it.
		potential, _ := c.reach(true)
		for i, r := range potential {
			if !r {
				v.warn(index("Stages", i), "stage %s is never reached: no inbound stream, database, initial lead or earlier stage leads to it", c.Stages[i].Name)
			}
		}
	}
	// Leads that advance but can never be won: a funnel with a dead end
	// (a pure service design, where no stage converts, is not one).
	advance, win := -1, false
	for i, r := range reach {
		if !r || c.Stages[i].Convert == 0 {
			continue
		}
		if advance < 0 {
			advance = i
		}
		win = win || c.Stages[i].Next == 0
		c.segmentSteps(i, func(n int) { win = win || n < 0 })
	}
	if advance >= 0 && !win {
		v.bad("Stages", "no lead can be won: leads advance from stage %s, but no stage they reach converts to won (a stage without next after the last)", c.Stages[advance].Name)
	}
}

// checkStaffing refuses a design in which, at the start or after a
// reorganisation, the stage an inbound stream enters at is worked by no
// role with people while the stream has requests (its rate, dated.go):
// its requests would wait unanswered. Headcounts are followed through the
// reorganisations' leavers, moves and new headcounts.
func (c *Config) checkStaffing(v *checker) {
	hc := make([]int, len(c.Roles))
	for r, ro := range c.Roles {
		hc[r] = ro.Headcount
	}
	end := c.Run.Warmup + c.Run.Horizon
	check := func(field, when string, from, to float64) {
		for k, in := range c.Inbound {
			a := c.Stages[in.Stage.Index()].Activity.Index()
			staffed := false
			for r := range c.Roles {
				staffed = staffed || hc[r] > 0 && c.performs(r, a)
			}
			if !staffed && c.rateDuring(k, from, to) > 0 {
				v.bad(field, "%s nobody with people does activity %s of stage %s, which inbound stream %s enters at: its requests would wait unanswered",
					when, c.Activities[a].Name, c.Stages[in.Stage.Index()].Name, in.Name)
			}
		}
	}
	until := func(i int) float64 { // the next reorganisation, or the end
		if i < len(c.Reorgs) {
			return c.Reorgs[i].At
		}
		return end
	}
	check("Inbound", "at the start", 0, until(0))
	for i, ro := range c.Reorgs {
		for r := range hc {
			if ro.LeaveRoles == nil || slices.Contains(ro.LeaveRoles, RoleAt(r)) {
				hc[r] -= int(math.Round(ro.Leave * float64(hc[r])))
			}
		}
		for _, m := range ro.Moves {
			n := hc[m.From.Index()]
			if m.N >= 0 {
				n = min(n, m.N)
			}
			hc[m.From.Index()] -= n
			hc[m.To.Index()] += n
		}
		for r, h := range ro.Headcount {
			if h >= 0 {
				hc[r] = h
			}
		}
		check(index("Reorgs", i)+".Headcount", "after this reorganisation", ro.At, math.Max(ro.At, until(i+1)))
	}
}

// checkHandoffCycles warns of two handoffs that pass the same clients
// back and forth: X to Y and Y to X, both on triggers a client meets
// again and again (after deals, at a volume), for companies of sizes and
// segments both admit. Each deal or volume check then moves the client
// once more, a handover each way at every order.
func (c *Config) checkHandoffCycles(v *checker) {
	again := func(t Trigger) bool { return t == AfterDeals || t == AtVolume || t == AtPlan }
	gives := func(h *Handoff, from RoleRef) bool { return h.From == from || h.From == 0 && h.To != from }
	overlap := func(a, b *Handoff) bool {
		lo := math.Max(a.MinSize, b.MinSize)
		hi := math.Inf(1)
		for _, m := range []float64{a.MaxSize, b.MaxSize} {
			if m > 0 {
				hi = math.Min(hi, m)
			}
		}
		return lo < hi && (a.Segment == 0 || b.Segment == 0 || a.Segment == b.Segment)
	}
	for i := range c.Handoffs {
		a := &c.Handoffs[i]
		for j := i + 1; j < len(c.Handoffs); j++ {
			b := &c.Handoffs[j]
			if !again(a.Trigger) || !again(b.Trigger) || !overlap(a, b) {
				continue
			}
			if gives(b, a.To) && gives(a, b.To) && a.To != b.To {
				v.warn(index("Handoffs", j), "with handoffs[%d] it passes clients back and forth between roles %s and %s: each is handed over again at every deal (or volume check) that meets its trigger; restrict one (min_size, max_size, segment) or trigger it once (at_won)",
					i, c.Roles[a.To.Index()].Name, c.Roles[b.To.Index()].Name)
			}
		}
	}
}

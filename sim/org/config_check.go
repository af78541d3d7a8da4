package org

// checkFlow checks the rules that involve the whole design, once every
// part is valid on its own: work that nobody can do, databases called by a
// role that cannot work their stage, and (as warnings) activities, stages
// and databases nothing uses, and a design with no demand.
func (c *Config) checkFlow(v *checker) {
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
	for i, s := range c.Stages {
		need(index("Stages", i)+".Activity", s.Activity)
	}
	need("Clients.Order", c.Clients.Order)
	need("Clients.Care", c.Clients.Care)
	need("Clients.Claim", c.Clients.Claim)
	for i, a := range c.Clients.SaleWork {
		need(index("Clients.SaleWork", i), a)
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
		if !pulled[i] {
			v.warn(index("Databases", i), "no role pulls database %s: add it to some role's pull", db.Name)
		}
	}
	c.checkReach(v)
}

// checkReach warns of a design with no demand and of stages no lead can
// reach.
func (c *Config) checkReach(v *checker) {
	reach := make([]bool, len(c.Stages))
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
	for _, db := range c.Databases {
		visit(db.Stage.Index())
	}
	clients := false
	for _, in := range c.Initial {
		if in.Leads > 0 {
			visit(in.Stage.Index())
		}
		clients = clients || in.Clients > 0
	}
	if len(queue) == 0 && !clients && len(c.Roles) > 0 {
		v.warn("", "no demand: no inbound stream, database or initial book")
	}
	entries := len(queue) > 0
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		st := &c.Stages[s]
		if st.Convert > 0 && st.Next != 0 {
			visit(st.Next.Index())
		}
		if st.NurtureShare > 0 && st.Convert < 1 {
			visit(st.recall(s))
		}
	}
	if entries {
		for i, r := range reach {
			if !r {
				v.warn(index("Stages", i), "stage %s is never reached: no inbound stream, database, initial lead or earlier stage leads to it", c.Stages[i].Name)
			}
		}
	}
}

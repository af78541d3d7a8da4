package org

import "math"

// Teams. A [Team] groups people of several roles who work the same
// accounts together — a pod of a caller, a seller and an account manager —
// against the pool, where each handoff goes to whoever of the receiving
// role its assignment picks. Membership is by post: the posts of each role
// of a team are numbered in the role's order (vacancies included, new
// posts appended by reorganisations and refills taking the post they
// fill), and post j of role r is in team j / Size of r. Four callers, eight
// sellers and four account managers in teams of 1 + 2 + 1 make four pods.
//
// Within a team:
//   - a handoff between two of its roles goes to the sender's team mate
//     of the receiving role, the one with the fewest accounts (under the
//     portfolio limit if any can take it), unless the handoff or the team
//     routes it to the pool (Handoff.Route, Team.Pool);
//   - work on a member's account that the member's role does not do goes
//     to the team mate of the role that does it with the fewest personal
//     tasks waiting;
//   - the accounts of a leaver go to a team mate of the same role.
//
// When the team has nobody of the receiving role (a vacancy, a team left
// short by the headcounts), the role's own assignment decides, as in the
// pool. A fixed partner (Role.PairWith) takes precedence over the team.

// Team is a group of people of several roles who work together.
type Team struct {
	Name string
	// Members are the team's roles and how many people of each one team
	// has.
	Members []TeamMember
	// Pool sends handoffs between the team's roles, the work one role
	// does for another and leavers' accounts to the receiving role as a
	// whole (its own assignment) unless a handoff says otherwise; false
	// keeps them within the team.
	Pool bool
}

// TeamMember is a role of a team and its people in one team.
type TeamMember struct {
	Role RoleRef // required
	Size int     // people of the role per team, at least 1
}

// TeamRoute says where a handoff between the roles of a team goes.
type TeamRoute int8

const (
	RouteDefault TeamRoute = iota // as the sender's team says (Team.Pool)
	RouteTeam                     // to the sender's team mate
	RoutePool                     // to the receiving role as a whole: its own assignment
)

func (tm *Team) check(v *checker, i int) {
	f := index("Teams", i)
	c := v.cfg
	if tm.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	for j := range i {
		if tm.Name != "" && c.Teams[j].Name == tm.Name {
			v.bad(f+".Name", "duplicate team name %q (also team %d)", tm.Name, j)
		}
	}
	if len(tm.Members) < 2 {
		v.bad(f+".Members", "%d roles: a team groups people of several roles, give at least two", len(tm.Members))
	}
	teams, first := -1, ""
	for j, m := range tm.Members {
		k := index(f+".Members", j)
		okSize := v.count(k+".Size", m.Size, 1)
		if !v.role(k+".Role", m.Role, true) {
			continue
		}
		ro := &c.Roles[m.Role.Index()]
		for jj := range j {
			if tm.Members[jj].Role == m.Role {
				v.bad(k+".Role", "role %s listed twice", ro.Name)
			}
		}
		for t := range i {
			for _, o := range c.Teams[t].Members {
				if o.Role == m.Role {
					v.bad(k+".Role", "role %s is in team %s too: a role belongs to one team at most", ro.Name, c.Teams[t].Name)
				}
			}
		}
		if ro.Assign == AssignPool {
			v.bad(k+".Role", "role %s keeps a shared pool (assign = pool): nobody owns its accounts, so they cannot stay in a team; give the role another assignment", ro.Name)
		}
		if !ro.Personal {
			v.warn(k+".Role", "role %s keeps a shared queue (personal = false): team mates own its accounts, but anyone of the role does their work", ro.Name)
		}
		if !okSize || ro.Headcount < 0 {
			continue
		}
		n := (ro.Headcount + m.Size - 1) / m.Size
		switch {
		case ro.Headcount%m.Size != 0:
			v.warn(k+".Size", "role %s's %d people make %d teams of %d, the last with %d: a team short of people of a role hands its work to that role as a whole when it has none",
				ro.Name, ro.Headcount, n, m.Size, ro.Headcount%m.Size)
		case teams >= 0 && n != teams:
			v.warn(k+".Size", "role %s's %d people make %d teams of %d, role %s's make %d: some teams have nobody of a role, and hand its work to that role as a whole",
				ro.Name, ro.Headcount, n, m.Size, first, teams)
		}
		if teams < 0 {
			teams, first = n, ro.Name
		}
	}
}

// checkRoute checks that a handoff routed within a team joins two roles of
// one team.
func (h *Handoff) checkRoute(v *checker, f string) {
	c := v.cfg
	switch {
	case h.Route < RouteDefault || h.Route > RoutePool:
		v.bad(f, "unknown route %d", h.Route)
	case h.Route != RouteTeam || h.To.Index() < 0 || h.To.Index() >= len(c.Roles):
	case c.teamOf(h.To.Index()) < 0:
		v.bad(f, "route within the team, but role %s is in no team", c.Roles[h.To.Index()].Name)
	case h.From != 0 && h.From.Index() < len(c.Roles) && c.teamOf(h.From.Index()) != c.teamOf(h.To.Index()):
		v.bad(f, "route within the team, but roles %s and %s are not in one team", c.Roles[h.From.Index()].Name, c.Roles[h.To.Index()].Name)
	}
}

// teamOf returns the team role r belongs to, or -1.
func (c *Config) teamOf(r int) int {
	for t, tm := range c.Teams {
		for _, m := range tm.Members {
			if m.Role.Index() == r {
				return t
			}
		}
	}
	return -1
}

// teamPlan is what a plan derives from the teams; every table is nil
// without teams.
type teamPlan struct {
	teamOf   []int32  // [role] its team, -1 none
	teamSize []int32  // [role] its people per team, 0 none
	keep     []bool   // [role] its handoffs, work and leavers' accounts stay within the team by default
	handTeam []bool   // [handoff] routed within the team when both roles are in one
	teamWork [][]bool // [owner role][act] the work goes to a team mate
}

func (p *Plan) compileTeams() {
	c := &p.cfg
	if len(c.Teams) == 0 {
		return
	}
	tp := &p.teams
	tp.teamOf = make([]int32, p.nRole)
	tp.teamSize = make([]int32, p.nRole)
	tp.keep = make([]bool, p.nRole)
	for r := range p.nRole {
		tp.teamOf[r] = int32(c.teamOf(r))
		if t := tp.teamOf[r]; t >= 0 {
			tp.keep[r] = !c.Teams[t].Pool
			for _, m := range c.Teams[t].Members {
				if m.Role.Index() == r {
					tp.teamSize[r] = int32(m.Size)
				}
			}
		}
	}
	tp.handTeam = make([]bool, len(c.Handoffs))
	for i, h := range c.Handoffs {
		to := h.To.Index()
		tp.handTeam[i] = h.Route == RouteTeam || h.Route == RouteDefault && tp.keep[to]
	}
	tp.teamWork = make([][]bool, p.nRole)
	for o := range p.nRole {
		tp.teamWork[o] = make([]bool, p.nAct)
		for a := range p.nAct {
			d := p.route[o][a]
			tp.teamWork[o][a] = d >= 0 && int(d) != o && !p.pairRoute[o][a] && tp.keep[o] && tp.teamOf[d] == tp.teamOf[o]
		}
	}
}

// teams routes handoffs, work and leavers' accounts within teams.
type teams struct {
	s *Sim
}

func (tm *teams) bind(s *Sim) { tm.s = s }

// mates returns the posts of role r in the team of person p, or nil if p
// and r are in no team together.
func (tm *teams) mates(p, r int32) []int32 {
	s := tm.s
	tp := &s.p.teams
	pp := &s.staff.people[p]
	if tp.teamOf == nil || tp.teamOf[pp.role] < 0 || tp.teamOf[pp.role] != tp.teamOf[r] {
		return nil
	}
	n := pp.slot / int(tp.teamSize[pp.role])
	size := int(tp.teamSize[r])
	m := s.staff.roles[r].members
	lo, hi := n*size, min((n+1)*size, len(m))
	if lo >= hi {
		return nil
	}
	return m[lo:hi]
}

// leastLoaded returns the employed person of posts with the fewest
// accounts, under role r's portfolio limit if any is, or -1.
func (tm *teams) leastLoaded(posts []int32, r int32) int32 {
	st := &tm.s.staff
	limit := tm.s.cfg.Roles[r].PortfolioLimit
	best, bestN := int32(-1), math.MaxInt
	for pass := 0; pass < 2 && best < 0; pass++ {
		for _, m := range posts {
			q := &st.people[m]
			if q.employed && (pass == 1 || limit == 0 || q.owned < limit) && q.owned < bestN {
				best, bestN = m, q.owned
			}
		}
	}
	return best
}

// handoffOwner returns the person of role r who takes over an account
// passed by person from (−1: nobody) through handoff hi: a team mate if
// the handoff stays within the team, else whom the role's assignment
// picks.
func (tm *teams) handoffOwner(hi int, from, r int32) int32 {
	s := tm.s
	if s.p.teams.handTeam != nil && s.p.teams.handTeam[hi] && from >= 0 {
		if m := tm.leastLoaded(tm.mates(from, r), r); m >= 0 {
			return m
		}
	}
	return s.accts.assign(r, -1)
}

// worker returns the team mate of role r who does work for an account
// owned by person owner, or -1 if the work does not stay in the team.
func (tm *teams) worker(owner int32, act int32, r int32) int32 {
	s := tm.s
	tp := &s.p.teams
	if tp.teamWork == nil || !tp.teamWork[s.staff.people[owner].role][act] {
		return -1
	}
	best, bestN := int32(-1), math.MaxInt
	for _, m := range tm.mates(owner, r) {
		q := &s.staff.people[m]
		if q.employed && q.waiting < bestN {
			best, bestN = m, q.waiting
		}
	}
	return best
}

// heir returns the team mate who takes over an account of person p, who
// is leaving, or -1 (the role's assignment decides).
func (tm *teams) heir(p int32) int32 {
	tp := &tm.s.p.teams
	r := tm.s.staff.people[p].role
	if tp.keep == nil || !tp.keep[r] {
		return -1
	}
	return tm.leastLoaded(tm.mates(p, r), r)
}

package org

import (
	"math"

	"github.com/salesim/salesim/sim/dist"
)

// Inbound is a stream of requests arriving on their own (web forms, calls)
// as a non-homogeneous Poisson process.
type Inbound struct {
	Name string
	// Rate is the base number of requests per open hour.
	Rate float64
	// Growth is the relative growth of the rate per year (0.2 = +20 %/yr),
	// compounded continuously.
	Growth float64
	// Open is when requests arrive; nil means around the clock.
	Open *Week
	// Weekday multiplies the rate by day (Monday first); Month by month of
	// the year (January first, the run starting on 1 January). Zero values
	// mean 1.
	Weekday [7]float64
	Month   [12]float64
	// Stage is the funnel stage a request enters at (required); Role the
	// role that receives it (none: the first role that performs the
	// stage's activity).
	Stage StageRef
	Role  RoleRef
	// Budget is the stream's marketing cost per month from the start;
	// Changes change its rate and budget at given times (dated.go).
	Budget  float64
	Changes []RateChange
}

func (in *Inbound) check(v *checker, i int) {
	f := index("Inbound", i)
	if in.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	v.number(f+".Rate", in.Rate, 0, false)
	v.share(f+".Growth", in.Growth, -1, math.Inf(1), true, true)
	for d, m := range in.Weekday {
		v.number(index(f+".Weekday", d), m, 0, false)
	}
	for d, m := range in.Month {
		v.number(index(f+".Month", d), m, 0, false)
	}
	if in.Open != nil && len(in.Open.Spans) == 0 {
		v.bad(f+".Open", "calendar has no open hours")
	}
	in.checkChanges(v, f)
	okS := v.stage(f+".Stage", in.Stage, true)
	if v.role(f+".Role", in.Role, false) && in.Role != 0 && okS {
		c := v.cfg
		st := &c.Stages[in.Stage.Index()]
		if a := st.Activity.Index(); a >= 0 && a < len(c.Activities) && !c.performs(in.Role.Index(), a) && !c.partnerDoes(in.Role.Index(), a) {
			v.bad(f+".Role", "role %s does not do activity %s of stage %s, and no role paired with it does",
				c.Roles[in.Role.Index()].Name, c.Activities[a].Name, st.Name)
		}
	}
}

// Database is a finite list of raw contacts worked by outbound calling.
// Calling is pulled work: a person whose role performs the database's
// stage activity calls the next available contact when nothing more urgent
// waits.
type Database struct {
	Name     string
	Contacts int
	// Cooloff is the time before a contact that did not convert may be
	// called again; MaxAttempts the number of calls after which it is
	// exhausted (0: never).
	Cooloff     float64
	MaxAttempts int
	// Stage is the funnel stage a call works (usually the first); required.
	Stage StageRef
}

func (db *Database) check(v *checker, i int) {
	f := index("Databases", i)
	if db.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	v.count(f+".Contacts", db.Contacts, 0)
	v.hours(f+".Cooloff", db.Cooloff, 0, false)
	v.count(f+".MaxAttempts", db.MaxAttempts, 0)
	v.stage(f+".Stage", db.Stage, true)
}

// Trigger is what starts a handoff.
type Trigger int

const (
	NoTrigger  Trigger = iota // none: the zero Handoff is incomplete
	AtStage                   // a lead reaches stage Stage
	AtWon                     // a lead becomes a client (first order)
	AfterDeals                // a client has placed Deals orders
	AtPlan                    // a client's volume reaches the plan
	AtVolume                  // a client's monthly margin reaches Volume
)

// Handoff moves an account from one role to another.
type Handoff struct {
	// From is the role giving the account (none: any role other than
	// To); To the role receiving it (required).
	From, To RoleRef
	Trigger  Trigger
	Stage    StageRef // AtStage: the stage
	Deals    int      // AfterDeals: the number of orders
	Volume   float64  // AtVolume: the monthly margin
	// MinSize and MaxSize restrict the handoff to companies of at least
	// MinSize and below MaxSize (0: no bound), so that large leads go to a
	// key-account division.
	MinSize, MaxSize float64
	Delay            dist.Dist
	// InfoLoss is what the receiver does not learn: a lead's next stage
	// converts (1 − InfoLoss) as often; a client's volume falls by it.
	InfoLoss float64
	// Segment restricts the handoff to the leads and clients of one
	// segment (none: any), beside MinSize and MaxSize (segments.go).
	Segment SegmentRef
	// Route says whether the receiving person is the sender's team mate
	// or is chosen by the receiving role's assignment (teams.go); the
	// default is what the sender's team says.
	Route TeamRoute
}

func (h *Handoff) check(v *checker, i int) {
	f := index("Handoffs", i)
	c := v.cfg
	okTo := v.role(f+".To", h.To, true)
	if v.role(f+".From", h.From, false) && h.From != 0 && h.From == h.To {
		v.bad(f+".To", "a handoff from role %s to itself", c.Roles[h.To.Index()].Name)
	}
	switch h.Trigger {
	case AtStage:
		if v.stage(f+".Stage", h.Stage, true) && okTo {
			st := &c.Stages[h.Stage.Index()]
			if a := st.Activity.Index(); a >= 0 && a < len(c.Activities) && !c.performs(h.To.Index(), a) {
				v.bad(f+".To", "role %s receives leads at stage %s but does not do its activity %s", c.Roles[h.To.Index()].Name, st.Name, c.Activities[a].Name)
			}
		}
	case AtWon, AtPlan:
	case AfterDeals:
		v.count(f+".Deals", h.Deals, 1)
	case AtVolume:
		v.money(f+".Volume", h.Volume, 0, true)
	case NoTrigger:
		v.bad(f+".Trigger", "no trigger")
	default:
		v.bad(f+".Trigger", "unknown trigger %d", h.Trigger)
	}
	v.money(f+".MinSize", h.MinSize, 0, false)
	if v.money(f+".MaxSize", h.MaxSize, 0, false) && h.MaxSize > 0 && h.MinSize >= h.MaxSize {
		v.bad(f+".MaxSize", "max_size %s is not above min_size %s: no company is at least min_size and below max_size", fmtNum(h.MaxSize), fmtNum(h.MinSize))
	}
	v.dist(f+".Delay", h.Delay, false)
	v.prob(f+".InfoLoss", h.InfoLoss)
	v.segment(f+".Segment", h.Segment, false)
	h.checkRoute(v, f+".Route")
}

// Initial is an existing book of business at time 0.
type Initial struct {
	Role RoleRef // required
	// Clients per person of the role, their volume as a share of size (0:
	// Clients.StartLevel), and leads per person waiting at Stage.
	Clients int
	Level   float64
	Leads   int
	Stage   StageRef // required when Leads > 0
}

func (in *Initial) check(v *checker, i int) {
	f := index("Initial", i)
	c := v.cfg
	v.count(f+".Clients", in.Clients, 0)
	v.count(f+".Leads", in.Leads, 0)
	v.stage(f+".Stage", in.Stage, in.Leads > 0)
	v.share(f+".Level", in.Level, 0, math.Inf(1), false, true)
	if v.role(f+".Role", in.Role, true) && c.Roles[in.Role.Index()].Headcount == 0 && (in.Clients > 0 || in.Leads > 0) {
		v.bad(f+".Role", "role %s has headcount 0 at time 0: nobody owns this book", c.Roles[in.Role.Index()].Name)
	}
}

// Reorg changes the design at a time. Its parts apply in order: Leave,
// Moves, Transfer, Headcount, Rebalance.
type Reorg struct {
	At float64
	// Headcount is the new headcount per role (-1: unchanged; nil: all
	// unchanged). People are hired (ramping up) or let go (the most recent
	// hires first) to match.
	Headcount []int
	// Moves take people, with their clients and tenure, to another role
	// before headcounts are matched.
	Moves []Move
	// Leave is the share of people who leave at the reorganisation
	// (veterans who do not accept the new rules); LeaveRoles limits it to
	// some roles (nil: all). Their clients leave with probability
	// LeaveLoss each and are otherwise handed to colleagues.
	Leave      float64
	LeaveRoles []RoleRef
	LeaveLoss  float64
	// Transfer hands every account owned by role From to role To.
	Transfer []Move
	// Rebalance lists roles whose accounts are shared out afresh among
	// their people, each to the least loaded in turn.
	Rebalance []RoleRef
	// Inbound changes the rate and budget of inbound streams (dated.go).
	Inbound []StreamChange
}

// Move is a number of people (or, in Reorg.Transfer, all accounts) going
// from one role to another. N < 0 means all.
type Move struct {
	From, To RoleRef
	N        int
}

func (ro *Reorg) check(v *checker, i int) {
	f := index("Reorgs", i)
	c := v.cfg
	end := c.Run.Warmup + c.Run.Horizon
	if v.hours(f+".At", ro.At, 0, true) && ro.At > end {
		v.bad(f+".At", "%s is after the end of the run (warm-up %s + horizon %s)", fmtHours(ro.At), fmtHours(c.Run.Warmup), fmtHours(c.Run.Horizon))
	}
	if i > 0 && ro.At < c.Reorgs[i-1].At {
		v.bad(f+".At", "%s is before reorganisation %d at %s: list reorganisations in time order", fmtHours(ro.At), i-1, fmtHours(c.Reorgs[i-1].At))
	}
	if len(ro.Headcount) != 0 && len(ro.Headcount) != len(c.Roles) {
		v.bad(f+".Headcount", "want one value per role (%d), have %d", len(c.Roles), len(ro.Headcount))
	}
	for r, h := range ro.Headcount {
		v.count(index(f+".Headcount", r), h, -1)
	}
	for j, m := range ro.Moves {
		k := index(f+".Moves", j)
		okF, okT := v.role(k+".From", m.From, true), v.role(k+".To", m.To, true)
		if okF && okT && m.From == m.To {
			v.bad(k+".To", "a move from role %s to itself", c.Roles[m.To.Index()].Name)
		}
		if m.N == 0 {
			v.bad(k+".N", "n = 0 moves nobody: give a number of people, or -1 for all")
		}
		v.count(k+".N", m.N, -1)
	}
	for j, m := range ro.Transfer {
		k := index(f+".Transfer", j)
		okF, okT := v.role(k+".From", m.From, true), v.role(k+".To", m.To, true)
		if okF && okT && m.From == m.To {
			v.bad(k+".To", "a transfer from role %s to itself", c.Roles[m.To.Index()].Name)
		}
	}
	for j, r := range ro.LeaveRoles {
		v.role(index(f+".LeaveRoles", j), r, true)
	}
	for j, r := range ro.Rebalance {
		v.role(index(f+".Rebalance", j), r, true)
	}
	v.prob(f+".Leave", ro.Leave)
	v.prob(f+".LeaveLoss", ro.LeaveLoss)
	ro.checkStreams(v, f)
}

// performs reports whether role r performs activity a.
func (c *Config) performs(r, a int) bool {
	return len(c.Roles[r].Speed) > a && c.Roles[r].Speed[a] > 0
}

// partnerDoes reports whether a role paired with role r performs activity
// a: work r owns that r does not do goes to the partner.
func (c *Config) partnerDoes(r, a int) bool {
	for i, ro := range c.Roles {
		if (ro.PairWith.Index() == r || c.Roles[r].PairWith.Index() == i) && i != r && c.performs(i, a) {
			return true
		}
	}
	return false
}

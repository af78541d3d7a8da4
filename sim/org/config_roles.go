package org

import "github.com/salesim/salesim/sim/dist"

// Assign says how a role picks the person who takes over an account.
type Assign int

const (
	AssignFinder      Assign = iota // the person who found it (pulled work); else least loaded
	AssignLeastLoaded               // the person with the fewest accounts
	AssignRoundRobin                // in turn
	AssignPool                      // nobody: the role's accounts are a shared pool
)

// RampMode says what a new hire's ramp multiplies.
type RampMode int

const (
	// RampConversion: the ramp multiplies conversion, so a new hire's
	// output is the ramp's share of a ramped colleague's whether or not
	// the person is busy (the published ramps are shares of output).
	RampConversion RampMode = iota
	RampSpeed               // speed only: output falls only while the person is fully busy
	RampBoth                // speed and conversion: output falls as the square of the ramp when busy
)

func (m RampMode) String() string {
	switch m {
	case RampConversion:
		return "conversion"
	case RampSpeed:
		return "speed"
	case RampBoth:
		return "speed and conversion"
	}
	return "unknown"
}

// Role is a job in the department.
type Role struct {
	Name      string
	Headcount int
	// New is the number of the initial headcount that are new hires
	// (ramping up); the others are fully ramped.
	New int
	// Shifts are the calendars of the role's shift groups: person i works
	// Shifts[i mod len(Shifts)]. At least one.
	Shifts []Week
	// Speed and Skill are per activity (indexed like Config.Activities):
	// Speed 0 means the role does not perform the activity; otherwise the
	// duration is divided by it. Skill multiplies conversion.
	Speed []float64
	Skill []float64
	// Pull lists the outbound work the role does when nothing waits, in
	// order: the databases it calls.
	Pull []DatabaseRef
	Pay  Pay

	// Setup is the time lost when a person changes from one kind of
	// activity to another; SetupPair overrides it for given pairs.
	Setup     float64
	SetupPair []SetupPair
	Fatigue   Fatigue

	Absence []Absence
	// Ramp gives a new hire's productivity by month of tenure (the last
	// value holds after); RampMode says what it multiplies.
	Ramp     []float64
	RampMode RampMode
	// Attrition is the share of people leaving in a year (a constant hazard
	// −ln(1 − Attrition) per year); Refill the delay before the vacancy is
	// filled by a new hire; LeaveLoss the probability that each client of
	// a leaver leaves too (D8).
	Attrition float64
	Refill    dist.Dist
	LeaveLoss float64

	Assign Assign
	// Personal: tasks for an account go to the account's person (true) or
	// to the role's shared queue (false). Cover: colleagues may take the
	// personal tasks of an absent person.
	Personal bool
	Cover    bool
	// Pick is which of several idle people takes a task that any of them
	// could: the first by post (PickFirst) or the one idle longest.
	Pick Pick
	// PairWith is a role whose person i is this role's person i's fixed
	// partner (manager + assistant): work on one partner's accounts that
	// only the other partner's role does goes to that partner alone, both
	// ways. None: no partner.
	PairWith RoleRef
	// PortfolioLimit caps the accounts a person owns (0: none); at the cap
	// the person stops prospecting and is skipped when accounts arrive.
	PortfolioLimit int
	// CareEvery is how often the role contacts each client it owns; 0
	// means as each client needs (Market.Need).
	CareEvery float64
	// Pause stops the role's pulled work while another role is overloaded
	// (backpressure.go).
	Pause *Pause
	// FatCat lowers prospecting as portfolio income nears a target
	// (fatcat.go).
	FatCat *FatCat
	// Escalate escalates the leads the role passed on that wait too long
	// in the receiving role's queue (escalation.go).
	Escalate *Escalate
	// Norms are counts of work each person should reach per week or
	// month; Quota a monthly margin target with an accelerator (norms.go).
	Norms []Norm
	Quota *Quota
}

// Pay is what a person of a role costs.
type Pay struct {
	Salary float64 // per month employed
	Hourly float64 // per scheduled hour present (not absent)
	// Commission is the share of margin of the clients the person owns;
	// SourceCommission the share of margin of accounts the person passed
	// on — the first handoff of a lead or client — for SourceMonths after
	// the account's first order.
	Commission       float64
	SourceCommission float64
	SourceMonths     float64
	// Bonuses per event.
	PerHandover   float64 // a client handed over to another role
	PerPassed     float64 // a lead passed to another role
	PerFirstOrder float64 // a deal the person won
	// PerTask are piece rates per completed task of an activity (pay.go);
	// PieceSpeedup multiplies the speed of work paid by the piece (0 or
	// 1: none); PerSourcedOrder is a bonus per repeat order of a client
	// the person passed on, within SourceMonths.
	PerTask         []TaskPay
	PieceSpeedup    float64
	PerSourcedOrder float64
}

// SetupPair is a switching cost between two activity kinds, in either
// direction.
type SetupPair struct {
	A, B  string
	Hours float64
}

// Fatigue makes phone work slower and less successful as a shift goes on
// (research/domain.md B1, B2): multipliers fall linearly with hours on
// shift, to Floor at the least, and a break removes BreakRecovery of the
// accumulated fatigue.
type Fatigue struct {
	Speed         float64 // relative fall of speed per hour on shift
	Convert       float64 // relative fall of conversion per hour on shift
	Floor         float64
	BreakRecovery float64
}

// Absence is a kind of leave: spells start at Rate per year and last Length
// (calendar hours).
type Absence struct {
	Name   string
	Rate   float64
	Length dist.Dist
}

func (ro *Role) check(v *checker, i int) {
	f := index("Roles", i)
	nA := len(v.cfg.Activities)
	if ro.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	v.count(f+".Headcount", ro.Headcount, 0)
	if v.count(f+".New", ro.New, 0) && ro.New > ro.Headcount && ro.Headcount >= 0 {
		v.bad(f+".New", "%d new hires but headcount is %d: new counts people of the headcount", ro.New, ro.Headcount)
	}
	if len(ro.Shifts) == 0 {
		v.bad(f+".Shifts", "no calendar")
	}
	for j, w := range ro.Shifts {
		k := index(f+".Shifts", j)
		if len(w.Spans) == 0 {
			v.bad(k, "no working time left in the week")
		}
		for s, sp := range w.Spans {
			for n, a := range sp.Only {
				if v.activity(index(index(k+".Spans", s)+".Only", n), a, true) && len(ro.Speed) == nA && ro.Speed[a.Index()] == 0 {
					v.bad(index(index(k+".Spans", s)+".Only", n), "the role does not do activity %q", v.cfg.Activities[a.Index()].Name)
				}
			}
		}
		w.checkBlocks(v, k)
	}
	if len(ro.Speed) != nA || len(ro.Skill) != nA {
		v.bad(f+".Speed", "speed and skill need one value per activity (%d); have %d and %d", nA, len(ro.Speed), len(ro.Skill))
	} else {
		performs := false
		for a := range nA {
			v.number(index(f+".Speed", a), ro.Speed[a], 0, false)
			v.number(index(f+".Skill", a), ro.Skill[a], 0, false)
			performs = performs || ro.Speed[a] > 0
		}
		if !performs && v.cfg.staffed(i) && !v.cfg.joins(i) {
			v.bad(f+".Speed", "the role has people but does no activity: list its activities")
		}
	}
	for j, d := range ro.Pull {
		v.database(index(f+".Pull", j), d, true)
	}
	ro.Pay.check(v, f+".Pay")
	v.hours(f+".Setup", ro.Setup, 0, false)
	for j, sp := range ro.SetupPair {
		k := index(f+".SetupPair", j)
		for _, x := range [][2]string{{".A", sp.A}, {".B", sp.B}} {
			if !v.cfg.hasKind(x[1]) {
				v.bad(k+x[0], "unknown activity kind %q", x[1])
			}
		}
		v.hours(k+".Hours", sp.Hours, 0, false)
	}
	ro.Fatigue.check(v, f+".Fatigue")
	for j, ab := range ro.Absence {
		k := index(f+".Absence", j)
		v.number(k+".Rate", ab.Rate, 0, false)
		v.dist(k+".Length", ab.Length, ab.Rate > 0)
	}
	if ro.RampMode < RampConversion || ro.RampMode > RampBoth {
		v.bad(f+".RampMode", "unknown ramp mode %d", ro.RampMode)
	}
	for j, x := range ro.Ramp {
		v.share(index(f+".Ramp", j), x, 0, 1, true, false)
	}
	v.share(f+".Attrition", ro.Attrition, 0, 1, false, true)
	v.dist(f+".Refill", ro.Refill, ro.Attrition > 0)
	v.prob(f+".LeaveLoss", ro.LeaveLoss)
	if ro.Assign < AssignFinder || ro.Assign > AssignPool {
		v.bad(f+".Assign", "unknown assignment %d", ro.Assign)
	}
	if v.role(f+".PairWith", ro.PairWith, false) && ro.PairWith != 0 {
		p := ro.PairWith.Index()
		if p == i {
			v.bad(f+".PairWith", "a role cannot pair with itself")
		} else if h := v.cfg.Roles[p].Headcount; h != ro.Headcount {
			v.warn(f+".PairWith", "headcount %d but %d in role %s: some people have no partner", ro.Headcount, h, v.cfg.Roles[p].Name)
		}
	}
	v.count(f+".PortfolioLimit", ro.PortfolioLimit, 0)
	v.hours(f+".CareEvery", ro.CareEvery, 0, false)
	if ro.Pause != nil {
		ro.Pause.check(v, f+".Pause", i, len(ro.Pull) > 0)
	}
	if ro.FatCat != nil {
		ro.FatCat.check(v, f+".FatCat", ro.Pay.Commission)
	}
	if ro.Escalate != nil {
		ro.Escalate.check(v, f+".Escalate")
	}
	names := map[string]bool{}
	for j := range ro.Norms {
		n := &ro.Norms[j]
		k := index(f+".Norms", j)
		n.check(v, k)
		if n.Activity.Index() >= 0 && n.Activity.Index() < len(v.cfg.Activities) {
			if name := n.name(v.cfg); names[name] {
				v.bad(k+".Name", "a second norm named %s: give each norm of a role its own name", name)
			} else {
				names[name] = true
			}
		}
	}
	if ro.Quota != nil {
		ro.Quota.check(v, f+".Quota")
	}
}

func (p *Pay) check(v *checker, f string) {
	v.money(f+".Salary", p.Salary, 0, false)
	v.money(f+".Hourly", p.Hourly, 0, false)
	v.prob(f+".Commission", p.Commission)
	v.prob(f+".SourceCommission", p.SourceCommission)
	v.number(f+".SourceMonths", p.SourceMonths, 0, false)
	v.money(f+".PerHandover", p.PerHandover, 0, false)
	v.money(f+".PerPassed", p.PerPassed, 0, false)
	v.money(f+".PerFirstOrder", p.PerFirstOrder, 0, false)
	for i := range p.PerTask {
		p.PerTask[i].check(v, index(f+".PerTask", i))
	}
	v.number(f+".PieceSpeedup", p.PieceSpeedup, 0, false)
	v.money(f+".PerSourcedOrder", p.PerSourcedOrder, 0, false)
}

func (fa *Fatigue) check(v *checker, f string) {
	v.prob(f+".Speed", fa.Speed)
	v.prob(f+".Convert", fa.Convert)
	if fa.Speed > 0 || fa.Convert > 0 {
		v.share(f+".Floor", fa.Floor, 0, 1, true, false)
	} else {
		v.share(f+".Floor", fa.Floor, 0, 1, false, false)
	}
	v.prob(f+".BreakRecovery", fa.BreakRecovery)
}

// staffed reports whether role r has people at some time: at the start or
// after a reorganisation.
func (c *Config) staffed(r int) bool {
	if c.Roles[r].Headcount > 0 {
		return true
	}
	for _, ro := range c.Reorgs {
		if r < len(ro.Headcount) && ro.Headcount[r] > 0 {
			return true
		}
		for _, m := range ro.Moves {
			if m.To.Index() == r {
				return true
			}
		}
	}
	return false
}

// hasKind reports whether some activity is of kind k (an activity without
// a kind is its own kind).
func (c *Config) hasKind(k string) bool {
	for _, a := range c.Activities {
		if a.Kind == k || a.Kind == "" && a.Name == k {
			return true
		}
	}
	return false
}

// Pick is the policy by which one of several idle people of a role takes
// work that any of them could take.
type Pick uint8

const (
	// PickFirst: the first by post (people are numbered in the order the
	// role's posts were filled): an ordered hunt, as a hunt group rings
	// its first free line. Work piles on the first posts when the role is
	// not fully busy.
	PickFirst Pick = iota
	// PickLongestIdle: the person idle longest (since their last work or
	// their hire), the first by post on a tie: work is shared out evenly,
	// as an automatic call distributor's longest-idle-agent routing does.
	PickLongestIdle
)

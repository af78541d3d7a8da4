package org

import (
	"math"

	"github.com/salesim/salesim/sim/dist"
)

// Activity is a kind of work: a call, a meeting, a document.
type Activity struct {
	Name string
	// Duration is the time the work takes a fully ramped, rested person
	// of speed 1.
	Duration dist.Dist
	// Kind groups activities for switching cost: changing from one kind to
	// another costs the person's role its setup time.
	Kind string
	// Priority orders waiting work: lower is taken first.
	Priority int
	// Interrupts lets the activity preempt lower-priority work in progress
	// (a ringing inbound call); the preempted work resumes afterwards.
	Interrupts bool
	// Fatigue marks work whose speed and conversion decline with time on
	// shift (phone work).
	Fatigue bool
	// Patience is how long a task of this activity may wait before it is
	// lost (zero: forever). A lost stage task makes the lead go cold; a
	// lost order is lost margin and counts as neglect. A zero patience
	// (const(0h)) makes a loss system: work that finds nobody free is lost.
	Patience dist.Dist
	// ServiceTime is the wait within which the work should start (80 %
	// of calls answered within 20 s is the call-centre convention): the
	// metric service_level.<activity> is the share of its tasks started
	// within it. Zero: the activity has no service level.
	ServiceTime float64
	// SizeElasticity makes the work take longer for a bigger company: the
	// duration is multiplied by (size/SizeReference)^SizeElasticity, for
	// the size of the account the work is for, when the work starts
	// (segments.go). 0: the same time for every company; 1: time in
	// proportion to size. SizeReference is the size at which the work
	// takes Duration (0: the market's mean company size).
	SizeElasticity float64
	SizeReference  float64
	// Join is a second role that joins the work (joint.go), or nil.
	Join *Join
}

func (a *Activity) check(v *checker, i int) {
	f := index("Activities", i)
	if a.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	v.dist(f+".Duration", a.Duration, true)
	if !a.Duration.IsZero() && a.Duration.Mean() == 0 {
		v.bad(f+".Duration", "%s has mean 0: work must take time", a.Duration)
	}
	v.dist(f+".Patience", a.Patience, false)
	v.hours(f+".ServiceTime", a.ServiceTime, 0, false)
	a.checkSize(v, f, i)
	if a.Join != nil {
		a.Join.check(v, f+".Join", i)
	}
}

// Stage is one step of the funnel.
type Stage struct {
	Name     string
	Activity ActivityRef // required
	// Convert is the probability that the stage succeeds for a lead worked
	// at once by a person of skill 1, fully ramped and rested.
	Convert float64
	// Next is the stage a success leads to; none means the lead is won: it
	// places its first order and becomes a client.
	Next StageRef
	// Delay is the time between the previous stage's success and this
	// stage's work becoming available (a meeting is booked for next week).
	Delay dist.Dist
	// Decay gives the conversion multiplier by the time the lead waited
	// for this stage's work (speed to lead, research/domain.md C4/C5),
	// linear between points and constant beyond them; empty: no decay.
	Decay []DecayPoint
	// NurtureShare is the share of failures that are nurtured rather than
	// lost; NeedIn the time until a nurtured lead's need date, when it is
	// re-contacted at stage Recall (none: this stage).
	NurtureShare float64
	NeedIn       dist.Dist
	Recall       StageRef
}

// DecayPoint is a conversion multiplier after a wait.
type DecayPoint struct {
	Wait float64 // hours
	Mult float64
}

func (s *Stage) check(v *checker, i int) {
	f := index("Stages", i)
	if s.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	v.activity(f+".Activity", s.Activity, true)
	v.prob(f+".Convert", s.Convert)
	if v.stage(f+".Next", s.Next, false) && s.Next.Index() == i && s.Convert == 1 {
		v.bad(f+".Next", "the stage leads to itself with convert 100%%: a lead would loop forever")
	}
	v.dist(f+".Delay", s.Delay, false)
	if v.prob(f+".NurtureShare", s.NurtureShare) && s.NurtureShare > 0 && s.NeedIn.IsZero() {
		v.bad(f+".NeedIn", "nurture is %s but need_in is missing: say when nurtured leads need to be called again", fmtPct(s.NurtureShare))
	}
	v.dist(f+".NeedIn", s.NeedIn, false)
	v.stage(f+".Recall", s.Recall, false)
	if s.NurtureShare == 0 && s.Recall != 0 {
		v.warn(f+".Recall", "nurture is 0: no lead is recalled")
	}
	for j, d := range s.Decay {
		k := index(f+".Decay", j)
		if v.hours(k+".Wait", d.Wait, 0, false) && j > 0 && !(d.Wait > s.Decay[j-1].Wait) {
			v.bad(k+".Wait", "waits must increase: %s after %s", fmtHours(d.Wait), fmtHours(s.Decay[j-1].Wait))
		}
		v.number(k+".Mult", d.Mult, 0, false)
	}
}

// recall returns the stage a nurtured lead of stage i is recalled at.
func (s *Stage) recall(i int) int {
	if s.Recall == 0 {
		return i
	}
	return s.Recall.Index()
}

// Clients describes the life of a won lead.
type Clients struct {
	// FirstOrder is the margin of the first order as a share of the
	// client's size; StartLevel the client's monthly volume afterwards as
	// a share of its size; Plan the share that counts as developed to its
	// planned volume.
	FirstOrder float64
	StartLevel float64
	Plan       float64
	// OrdersPerMonth is the rate of repeat orders of a client served as it
	// needs; each carries size·level/OrdersPerMonth of margin.
	OrdersPerMonth float64
	// Order is the activity that handles an order (none: the margin is
	// booked at once). Margin is booked when the order is handled.
	Order ActivityRef
	// SaleWork lists activities each won deal creates for the person who
	// closed it (contract, invoice, shipment follow-up).
	SaleWork []ActivityRef
	// Care is the activity of a proactive contact (none: no care). A
	// contact resets the client's neglect clock and, below plan, raises its
	// level by DevelopStep with probability DevelopProb.
	Care        ActivityRef
	DevelopStep float64
	DevelopProb float64
	// Claims per month per client, handled by activity Claim (none: claims
	// are ignored).
	ClaimsPerMonth float64
	Claim          ActivityRef
	// Churn is the share of clients served as they need that leave in a
	// year (a constant hazard −ln(1 − Churn) per year); NeglectChurn
	// multiplies the hazard while the client is neglected (overdue for
	// contact) and NeglectOrders multiplies its order rate then.
	Churn         float64
	NeglectChurn  float64
	NeglectOrders float64
	// LostOrderChurn is the probability that a client whose order waited
	// past its patience leaves.
	LostOrderChurn float64
	// Chores are non-sales work clients create per order and per month
	// (chores.go).
	Chores []Chore
}

func (c *Clients) check(v *checker) {
	inf := math.Inf(1)
	v.share("Clients.FirstOrder", c.FirstOrder, 0, inf, false, true)
	v.share("Clients.StartLevel", c.StartLevel, 0, inf, false, true)
	v.share("Clients.Plan", c.Plan, 0, inf, true, true)
	v.number("Clients.OrdersPerMonth", c.OrdersPerMonth, 0, false)
	v.activity("Clients.Order", c.Order, false)
	v.activity("Clients.Care", c.Care, false)
	v.activity("Clients.Claim", c.Claim, false)
	for i, a := range c.SaleWork {
		v.activity(index("Clients.SaleWork", i), a, true)
	}
	v.share("Clients.DevelopStep", c.DevelopStep, 0, inf, false, true)
	v.prob("Clients.DevelopProb", c.DevelopProb)
	v.number("Clients.ClaimsPerMonth", c.ClaimsPerMonth, 0, false)
	if c.ClaimsPerMonth > 0 && c.Claim == 0 {
		v.warn("Clients.ClaimsPerMonth", "claims arrive but no activity handles them: they are ignored")
	}
	v.share("Clients.Churn", c.Churn, 0, 1, false, true)
	v.number("Clients.NeglectChurn", c.NeglectChurn, 0, false)
	v.number("Clients.NeglectOrders", c.NeglectOrders, 0, false)
	v.prob("Clients.LostOrderChurn", c.LostOrderChurn)
	for i := range c.Chores {
		c.Chores[i].check(v, index("Clients.Chores", i))
	}
}

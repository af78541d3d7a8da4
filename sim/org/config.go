package org

import (
	"math"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// Config describes a sales organisation and its market: everything one
// replication needs. Times are hours, money is in the scenario's currency,
// rates are per hour unless a field says otherwise. References between
// parts are typed ([RoleRef], [ActivityRef], [StageRef], [DatabaseRef]);
// their zero value means none, so a part left out of a Config built by
// hand never silently points at the first role or stage.
//
// A Config is built by package scenario from a TOML file, or by hand, and
// checked by [Config.Validate] (which [Compile] calls); it is never
// modified by a run, so one Config may be shared by any number of
// concurrent replications. The types of the Config are spread over
// config*.go, each with the rules that check it.
type Config struct {
	Name        string
	Description string

	Run    Run
	Market Market

	Inbound    []Inbound  // streams of inbound requests
	Databases  []Database // raw contact bases for outbound (cold) calling
	Activities []Activity
	Stages     []Stage // the funnel: what happens to a lead, in order
	Clients    Clients
	Roles      []Role
	Handoffs   []Handoff
	Initial    []Initial // the state at time 0: existing clients and pipeline
	Reorgs     []Reorg   // changes of design at given times
	Target     *Target   // a growth target, or nil
	Segments   []Segment // kinds of lead with stage sequences of their own (segments.go)
	Teams      []Team    // people of several roles working as one team (teams.go)
}

// RoleRef refers to one of a Config's Roles; the zero RoleRef is none.
type RoleRef int32

// ActivityRef refers to one of a Config's Activities; zero is none.
type ActivityRef int32

// StageRef refers to one of a Config's Stages; zero is none.
type StageRef int32

// DatabaseRef refers to one of a Config's Databases; zero is none.
type DatabaseRef int32

// InboundRef refers to one of a Config's Inbound streams; zero is none.
type InboundRef int32

// SegmentRef refers to one of a Config's Segments; zero is none.
type SegmentRef int32

// RoleAt, ActivityAt, StageAt, DatabaseAt, InboundAt and SegmentAt refer
// to the part at index i.
func RoleAt(i int) RoleRef         { return RoleRef(i + 1) }
func ActivityAt(i int) ActivityRef { return ActivityRef(i + 1) }
func StageAt(i int) StageRef       { return StageRef(i + 1) }
func DatabaseAt(i int) DatabaseRef { return DatabaseRef(i + 1) }
func InboundAt(i int) InboundRef   { return InboundRef(i + 1) }
func SegmentAt(i int) SegmentRef   { return SegmentRef(i + 1) }

// Index returns the index referred to, or -1 for none.
func (r RoleRef) Index() int     { return int(r) - 1 }
func (r ActivityRef) Index() int { return int(r) - 1 }
func (r StageRef) Index() int    { return int(r) - 1 }
func (r DatabaseRef) Index() int { return int(r) - 1 }
func (r InboundRef) Index() int  { return int(r) - 1 }
func (r SegmentRef) Index() int  { return int(r) - 1 }

// Run holds the experiment settings a scenario may carry; command-line
// flags override them.
type Run struct {
	Horizon      float64 // hours simulated after the warm-up; statistics cover this span
	Warmup       float64 // hours simulated before statistics start
	Replications int
	Seed         uint64
}

func (r *Run) check(v *checker) {
	v.hours("Run.Horizon", r.Horizon, 0, true)
	v.hours("Run.Warmup", r.Warmup, 0, false)
	v.count("Run.Replications", r.Replications, 1)
}

// Market describes the companies leads come from.
type Market struct {
	// Size is a company's potential margin per month, drawn once per
	// company (heavy-tailed: research/domain.md D1).
	Size dist.Dist
	// MarginRate is margin as a share of revenue (revenue = margin/rate).
	MarginRate float64
	// Need gives how often a client must be contacted, by size: the first
	// tier whose MinSize is at most the client's size applies (tiers are
	// sorted by MinSize descending when compiled). A client contacted less
	// often than it needs is neglected: it orders less and churns more.
	Need []NeedTier
	// DecisionMakers is the number of people in a company whose calls a
	// norm counts (seed 002: a call counts once a day per decision maker,
	// at most five decision makers a company), drawn once per company
	// and rounded; the zero Dist means one.
	DecisionMakers dist.Dist
}

// NeedTier is a contact need for clients of at least MinSize.
type NeedTier struct {
	MinSize float64
	Every   float64 // hours between contacts the client needs
}

func (m *Market) check(v *checker, needSize bool) {
	switch {
	case m.Size.IsZero() && needSize:
		v.bad("Market.Size", "missing: leads are won or clients exist, so companies need a size, such as \"lognormal(mean=60k, top20=0.67)\"")
	case !m.Size.IsZero():
		v.dist("Market.Size", m.Size, false)
	}
	v.share("Market.MarginRate", m.MarginRate, 0, 1, true, false)
	v.dist("Market.DecisionMakers", m.DecisionMakers, false)
	for i, t := range m.Need {
		f := index("Market.Need", i)
		v.money(f+".MinSize", t.MinSize, 0, false)
		v.hours(f+".Every", t.Every, 0, true)
		for j := range i {
			if m.Need[j].MinSize == t.MinSize {
				v.bad(f+".MinSize", "min_size %s also in tier %d: each tier needs its own min_size", fmtNum(t.MinSize), j)
			}
		}
	}
}

// Target is a growth goal: Metric (metric.Margin or metric.Revenue) over a
// rolling window of Window months must reach (1+Growth) times the baseline
// monthly value by month By after the warm-up.
type Target struct {
	Metric string
	Growth float64
	By     int // months after the warm-up
	Window int // months
	// Baseline is the monthly value to grow from; 0 means measured: the
	// mean monthly value over the last twelve months of the warm-up (or
	// all of it if shorter).
	Baseline float64
}

func (t *Target) check(v *checker, r *Run) {
	if t.Metric != metric.Margin && t.Metric != metric.Revenue {
		v.bad("Target.Metric", "%q: want %s or %s", t.Metric, metric.Margin, metric.Revenue)
	}
	v.share("Target.Growth", t.Growth, -1, math.Inf(1), true, true)
	months := int(math.Ceil(r.Horizon/Month - 1e-9))
	switch {
	case t.By < 1:
		v.bad("Target.By", "month %d: want a month of the horizon, from 1", t.By)
	case t.By > months && r.Horizon > 0:
		v.bad("Target.By", "month %d is after the horizon %s: the run would end before the target date", t.By, fmtHours(r.Horizon))
	}
	if t.Window < 1 {
		v.bad("Target.Window", "%d months: want at least 1", t.Window)
	}
	v.money("Target.Baseline", t.Baseline, 0, false)
	if t.Baseline == 0 && r.Warmup < Month {
		v.bad("Target.Baseline", "measured during the warm-up, but the warm-up (%s) is shorter than a month: give a warm-up or an amount", fmtHours(r.Warmup))
	}
}

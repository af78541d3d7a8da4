package org

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// Month and Year are the reporting periods, in hours.
const (
	Month = 730.0  // 365/12 days
	Year  = 8760.0 // 365 days
)

// A ConfigError names the field of a Config that is wrong.
type ConfigError struct {
	Field string // e.g. "Roles[2].Speed[3]"
	Msg   string
}

func (e *ConfigError) Error() string { return "org: " + e.Field + ": " + e.Msg }

// Plan is a compiled, checked Config: what a replication needs, with
// derived tables. It is immutable and safe for concurrent use.
type Plan struct {
	cfg Config

	nAct, nRole, nStage int
	months              int // reporting months after the warm-up

	actKind  []int       // activity → kind index
	kinds    []string    // kind names
	setup    [][]float64 // [role] kind×kind setup hours, flattened
	roleActs [][]int32   // [role] activities performed, by priority
	// route[ownerRole][act] = role that does act for an account owned by
	// ownerRole; pairRoute marks routes through a fixed partner.
	route     [][]int32
	pairRoute [][]bool
	firstRole []int32   // [act] first role performing it, -1 none
	doers     [][]int32 // [act] roles performing it, in order
	need      []NeedTier
	watchers  [][]int32   // [role] roles whose Pause watches it
	handFrom  [][]int32   // [role] handoffs applicable to accounts owned by role (From == role or -1)
	inRole    []int32     // [inbound] receiving role
	top20     float64     // the 80th percentile of company size
	labels    [][][]int   // [role][shift][span] label id: equal ids mean no change
	weekday   [][]float64 // [inbound] weekday profile, nil if flat
	month     [][]float64 // [inbound] month profile, nil if flat
	constRate []bool      // [inbound] no growth, opening hours or profile
	open      []*Week     // [inbound] opening hours, nil if always open

	targetRevenue bool // the target's metric is revenue, not margin

	catalog *Catalog
}

// Config returns the plan's configuration. The caller must not modify it.
func (p *Plan) Config() *Config { return &p.cfg }

// Catalog returns the list of measures a replication produces.
func (p *Plan) Catalog() *Catalog { return p.catalog }

// Months returns the number of reporting months after the warm-up.
func (p *Plan) Months() int { return p.months }

// Compile checks cfg and prepares it for simulation. It reports every
// problem found, joined, as *ConfigError values.
func Compile(cfg Config) (*Plan, error) {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, &ConfigError{Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	nA, nR, nS := len(cfg.Activities), len(cfg.Roles), len(cfg.Stages)
	inRange := func(field string, i, n int, what string, allowNone bool) bool {
		if allowNone && i == -1 {
			return true
		}
		if i < 0 || i >= n {
			bad(field, "%s index %d out of range [0, %d)", what, i, n)
			return false
		}
		return true
	}
	prob := func(field string, x float64) {
		if !(x >= 0 && x <= 1) {
			bad(field, "%g is not a probability in [0, 1]", x)
		}
	}
	nonneg := func(field string, x float64) {
		if !(x >= 0) || math.IsInf(x, 0) {
			bad(field, "%g must be a finite number ≥ 0", x)
		}
	}
	distOK := func(field string, d dist.Dist, required bool) {
		if d.IsZero() {
			if required {
				bad(field, "missing distribution")
			}
			return
		}
		if m := d.Mean(); !(m >= 0) || math.IsInf(m, 0) {
			bad(field, "distribution %s has mean %g; want a finite mean ≥ 0", d, m)
		}
	}

	r := cfg.Run
	if !(r.Horizon > 0) || math.IsInf(r.Horizon, 0) {
		bad("Run.Horizon", "%g h: want a positive horizon", r.Horizon)
	}
	nonneg("Run.Warmup", r.Warmup)
	if r.Replications < 0 {
		bad("Run.Replications", "%d < 0", r.Replications)
	}
	if nR == 0 {
		bad("Roles", "no roles")
	}
	if nA == 0 {
		bad("Activities", "no activities")
	}
	needSize := len(cfg.Initial) > 0
	for _, st := range cfg.Stages {
		needSize = needSize || (st.Next == -1 && st.Convert > 0)
	}
	distOK("Market.Size", cfg.Market.Size, needSize)
	if !(cfg.Market.MarginRate > 0 && cfg.Market.MarginRate <= 1) {
		bad("Market.MarginRate", "%g: want a share in (0, 1]", cfg.Market.MarginRate)
	}
	for i, t := range cfg.Market.Need {
		f := fmt.Sprintf("Market.Need[%d]", i)
		nonneg(f+".MinSize", t.MinSize)
		if !(t.Every > 0) {
			bad(f+".Every", "%g h: want a positive interval", t.Every)
		}
	}
	for i, in := range cfg.Inbound {
		f := fmt.Sprintf("Inbound[%d]", i)
		nonneg(f+".Rate", in.Rate)
		if !(in.Growth > -1) || math.IsInf(in.Growth, 0) {
			bad(f+".Growth", "%g: want a growth above −100 %%", in.Growth)
		}
		for d, m := range in.Weekday {
			nonneg(fmt.Sprintf("%s.Weekday[%d]", f, d), m)
		}
		for d, m := range in.Month {
			nonneg(fmt.Sprintf("%s.Month[%d]", f, d), m)
		}
		inRange(f+".Stage", in.Stage, nS, "stage", false)
		inRange(f+".Role", in.Role, nR, "role", true)
		if in.Open != nil && len(in.Open.Spans) == 0 {
			bad(f+".Open", "calendar has no open hours")
		}
	}
	for i, db := range cfg.Databases {
		f := fmt.Sprintf("Databases[%d]", i)
		if db.Contacts < 0 {
			bad(f+".Contacts", "%d < 0", db.Contacts)
		}
		nonneg(f+".Cooloff", db.Cooloff)
		if db.MaxAttempts < 0 {
			bad(f+".MaxAttempts", "%d < 0", db.MaxAttempts)
		}
		inRange(f+".Stage", db.Stage, nS, "stage", false)
	}
	for i, a := range cfg.Activities {
		f := fmt.Sprintf("Activities[%d]", i)
		distOK(f+".Duration", a.Duration, true)
		distOK(f+".Patience", a.Patience, false)
		if a.Name == "" {
			bad(f+".Name", "empty name")
		}
	}
	for i, s := range cfg.Stages {
		f := fmt.Sprintf("Stages[%d]", i)
		inRange(f+".Activity", s.Activity, nA, "activity", false)
		prob(f+".Convert", s.Convert)
		if s.Next != -1 {
			inRange(f+".Next", s.Next, nS, "stage", false)
		}
		distOK(f+".Delay", s.Delay, false)
		prob(f+".NurtureShare", s.NurtureShare)
		if s.NurtureShare > 0 {
			distOK(f+".NeedIn", s.NeedIn, true)
			inRange(f+".Recall", s.Recall, nS, "stage", false)
		}
		for j, d := range s.Decay {
			nonneg(fmt.Sprintf("%s.Decay[%d].Wait", f, j), d.Wait)
			nonneg(fmt.Sprintf("%s.Decay[%d].Mult", f, j), d.Mult)
			if j > 0 && d.Wait <= s.Decay[j-1].Wait {
				bad(fmt.Sprintf("%s.Decay[%d].Wait", f, j), "waits must increase")
			}
		}
	}
	c := cfg.Clients
	prob("Clients.StartLevel", c.StartLevel)
	nonneg("Clients.FirstOrder", c.FirstOrder)
	if !(c.Plan > 0) {
		bad("Clients.Plan", "%g: want a positive planned level", c.Plan)
	}
	nonneg("Clients.OrdersPerMonth", c.OrdersPerMonth)
	inRange("Clients.Order", c.Order, nA, "activity", true)
	inRange("Clients.Care", c.Care, nA, "activity", true)
	inRange("Clients.Claim", c.Claim, nA, "activity", true)
	for i, a := range c.SaleWork {
		inRange(fmt.Sprintf("Clients.SaleWork[%d]", i), a, nA, "activity", false)
	}
	nonneg("Clients.DevelopStep", c.DevelopStep)
	prob("Clients.DevelopProb", c.DevelopProb)
	nonneg("Clients.ClaimsPerMonth", c.ClaimsPerMonth)
	nonneg("Clients.Churn", c.Churn)
	nonneg("Clients.NeglectChurn", c.NeglectChurn)
	nonneg("Clients.NeglectOrders", c.NeglectOrders)
	prob("Clients.LostOrderChurn", c.LostOrderChurn)

	for i, ro := range cfg.Roles {
		f := fmt.Sprintf("Roles[%d]", i)
		if ro.Name == "" {
			bad(f+".Name", "empty name")
		}
		if ro.Headcount < 0 || ro.New < 0 || ro.New > ro.Headcount {
			bad(f+".Headcount", "headcount %d with %d new: want 0 ≤ new ≤ headcount", ro.Headcount, ro.New)
		}
		if len(ro.Shifts) == 0 {
			bad(f+".Shifts", "no calendar")
		}
		for j, w := range ro.Shifts {
			if len(w.Spans) == 0 {
				bad(fmt.Sprintf("%s.Shifts[%d]", f, j), "calendar has no working time")
			}
			for k, sp := range w.Spans {
				for _, a := range sp.Only {
					inRange(fmt.Sprintf("%s.Shifts[%d].Spans[%d].Only", f, j, k), a, nA, "activity", false)
				}
			}
		}
		if len(ro.Speed) != nA || len(ro.Skill) != nA {
			bad(f+".Speed", "Speed and Skill need one value per activity (%d); have %d and %d", nA, len(ro.Speed), len(ro.Skill))
		} else {
			any := false
			for a := range nA {
				nonneg(fmt.Sprintf("%s.Speed[%d]", f, a), ro.Speed[a])
				nonneg(fmt.Sprintf("%s.Skill[%d]", f, a), ro.Skill[a])
				any = any || ro.Speed[a] > 0
			}
			if !any && ro.Headcount > 0 {
				bad(f+".Speed", "the role performs no activity")
			}
		}
		for j, d := range ro.Pull {
			if inRange(fmt.Sprintf("%s.Pull[%d]", f, j), d, len(cfg.Databases), "database", false) &&
				len(ro.Speed) == nA {
				st := cfg.Databases[d].Stage
				if st >= 0 && st < nS && cfg.Stages[st].Activity >= 0 && cfg.Stages[st].Activity < nA &&
					ro.Speed[cfg.Stages[st].Activity] == 0 {
					bad(fmt.Sprintf("%s.Pull[%d]", f, j), "the role calls database %q but does not perform its stage's activity", cfg.Databases[d].Name)
				}
			}
		}
		nonneg(f+".Setup", ro.Setup)
		for j, sp := range ro.SetupPair {
			nonneg(fmt.Sprintf("%s.SetupPair[%d].Hours", f, j), sp.Hours)
		}
		fa := ro.Fatigue
		nonneg(f+".Fatigue.Speed", fa.Speed)
		nonneg(f+".Fatigue.Convert", fa.Convert)
		if (fa.Speed > 0 || fa.Convert > 0) && !(fa.Floor > 0 && fa.Floor <= 1) {
			bad(f+".Fatigue.Floor", "%g: want a floor in (0, 1]", fa.Floor)
		}
		prob(f+".Fatigue.BreakRecovery", fa.BreakRecovery)
		for j, ab := range ro.Absence {
			nonneg(fmt.Sprintf("%s.Absence[%d].Rate", f, j), ab.Rate)
			distOK(fmt.Sprintf("%s.Absence[%d].Length", f, j), ab.Length, ab.Rate > 0)
		}
		for j, x := range ro.Ramp {
			if !(x > 0 && x <= 1) {
				bad(fmt.Sprintf("%s.Ramp[%d]", f, j), "%g: want a share in (0, 1]", x)
			}
		}
		nonneg(f+".Attrition", ro.Attrition)
		distOK(f+".Refill", ro.Refill, ro.Attrition > 0)
		prob(f+".LeaveLoss", ro.LeaveLoss)
		if ro.Assign < AssignFinder || ro.Assign > AssignPool {
			bad(f+".Assign", "unknown assignment %d", ro.Assign)
		}
		if ro.PairWith != -1 {
			if inRange(f+".PairWith", ro.PairWith, nR, "role", false) && ro.PairWith == i {
				bad(f+".PairWith", "a role cannot be its own partner")
			}
		}
		if ro.PortfolioLimit < 0 {
			bad(f+".PortfolioLimit", "%d < 0", ro.PortfolioLimit)
		}
		nonneg(f+".CareEvery", ro.CareEvery)
		if p := ro.Pause; p != nil {
			inRange(f+".Pause.Watch", p.Watch, nR, "role", false)
			if p.Below < 0 || p.Below >= p.Above {
				bad(f+".Pause", "want 0 ≤ below (%d) < above (%d)", p.Below, p.Above)
			}
		}
		if fc := ro.FatCat; fc != nil {
			if !(fc.Target > 0) {
				bad(f+".FatCat.Target", "%g: want a positive income target", fc.Target)
			}
			prob(f+".FatCat.Floor", fc.Floor)
			if !(fc.Shape > 0) {
				bad(f+".FatCat.Shape", "%g: want a positive shape", fc.Shape)
			}
			if !(fc.Slack > 0) {
				bad(f+".FatCat.Slack", "%g h: want a positive slack time", fc.Slack)
			}
		}
		p := ro.Pay
		for _, x := range []struct {
			n string
			v float64
		}{{"Salary", p.Salary}, {"Hourly", p.Hourly}, {"SourceMonths", p.SourceMonths},
			{"PerHandover", p.PerHandover}, {"PerPassed", p.PerPassed}, {"PerFirstOrder", p.PerFirstOrder}} {
			nonneg(f+".Pay."+x.n, x.v)
		}
		prob(f+".Pay.Commission", p.Commission)
		prob(f+".Pay.SourceCommission", p.SourceCommission)
	}
	for i, h := range cfg.Handoffs {
		f := fmt.Sprintf("Handoffs[%d]", i)
		inRange(f+".From", h.From, nR, "role", true)
		inRange(f+".To", h.To, nR, "role", false)
		if h.From == h.To && h.From != -1 {
			bad(f, "hands off from a role to itself")
		}
		switch h.Trigger {
		case AtStage:
			inRange(f+".Stage", h.Stage, nS, "stage", false)
		case AtWon, AtPlan:
		case AfterDeals:
			if h.Deals < 1 {
				bad(f+".Deals", "%d: want at least 1 deal", h.Deals)
			}
		case AtVolume:
			if !(h.Volume > 0) {
				bad(f+".Volume", "%g: want a positive volume", h.Volume)
			}
		default:
			bad(f+".Trigger", "unknown trigger %d", h.Trigger)
		}
		nonneg(f+".MinSize", h.MinSize)
		nonneg(f+".MaxSize", h.MaxSize)
		distOK(f+".Delay", h.Delay, false)
		prob(f+".InfoLoss", h.InfoLoss)
	}
	for i, in := range cfg.Initial {
		f := fmt.Sprintf("Initial[%d]", i)
		inRange(f+".Role", in.Role, nR, "role", false)
		if in.Clients < 0 || in.Leads < 0 {
			bad(f, "negative clients or leads")
		}
		if in.Leads > 0 {
			inRange(f+".Stage", in.Stage, nS, "stage", false)
		}
		if !(in.Level >= 0) {
			bad(f+".Level", "%g: want a level ≥ 0", in.Level)
		}
	}
	for i, ro := range cfg.Reorgs {
		f := fmt.Sprintf("Reorgs[%d]", i)
		nonneg(f+".At", ro.At)
		if len(ro.Headcount) != 0 && len(ro.Headcount) != nR {
			bad(f+".Headcount", "want one value per role (%d), have %d", nR, len(ro.Headcount))
		}
		for _, m := range append(slices.Clone(ro.Moves), ro.Transfer...) {
			inRange(f+".Moves", m.From, nR, "role", false)
			inRange(f+".Moves", m.To, nR, "role", false)
		}
		for _, x := range ro.LeaveRoles {
			inRange(f+".LeaveRoles", x, nR, "role", false)
		}
		for _, x := range ro.Rebalance {
			inRange(f+".Rebalance", x, nR, "role", false)
		}
		prob(f+".Leave", ro.Leave)
		prob(f+".LeaveLoss", ro.LeaveLoss)
	}
	if t := cfg.Target; t != nil {
		if t.Metric != metric.Margin && t.Metric != metric.Revenue {
			bad("Target.Metric", "%q: want margin or revenue", t.Metric)
		}
		if !(t.Growth > -1) {
			bad("Target.Growth", "%g: want a growth above −100 %%", t.Growth)
		}
		if t.Window < 1 {
			bad("Target.Window", "%d months: want at least 1", t.Window)
		}
		if months := int(math.Ceil(r.Horizon/Month - 1e-9)); t.By < 1 || t.By > months {
			bad("Target.By", "month %d is outside the horizon's %d months", t.By, months)
		}
		if t.Baseline == 0 && r.Warmup < Month {
			bad("Target.Baseline", "no baseline given and the warm-up (%g h) is shorter than a month to measure one", r.Warmup)
		}
		nonneg("Target.Baseline", t.Baseline)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	if cfg.Market.Size.IsZero() {
		// Nobody can become a client: sizes are drawn but never used.
		cfg.Market.Size = dist.Const(0, dist.None)
	}
	p := &Plan{cfg: cfg, nAct: nA, nRole: nR, nStage: nS}
	p.months = int(math.Ceil(r.Horizon/Month - 1e-9))
	p.compileKinds()
	p.compileRoutes()
	if err := p.checkReachable(); err != nil {
		return nil, err
	}
	p.need = slices.Clone(cfg.Market.Need)
	sort.SliceStable(p.need, func(i, j int) bool { return p.need[i].MinSize > p.need[j].MinSize })
	for i := range cfg.Inbound {
		in := &p.cfg.Inbound[i]
		p.weekday = append(p.weekday, profile(in.Weekday[:]))
		p.month = append(p.month, profile(in.Month[:]))
		open := in.Open
		if open != nil && len(open.Spans) == 1 && open.Spans[0].Start == 0 && open.Spans[0].End == HoursPerWeek {
			open = nil // around the clock
		}
		p.open = append(p.open, open)
		p.constRate = append(p.constRate, in.Growth == 0 && open == nil && p.weekday[i] == nil && p.month[i] == nil)
	}
	p.inRole = make([]int32, len(cfg.Inbound))
	for i, in := range cfg.Inbound {
		p.inRole[i] = int32(in.Role)
		if in.Role < 0 {
			p.inRole[i] = p.firstRole[cfg.Stages[in.Stage].Activity]
		}
	}
	p.watchers = make([][]int32, nR)
	for i, ro := range cfg.Roles {
		if ro.Pause != nil {
			p.watchers[ro.Pause.Watch] = append(p.watchers[ro.Pause.Watch], int32(i))
		}
	}
	p.handFrom = make([][]int32, nR)
	for i, h := range cfg.Handoffs {
		for ro := range nR {
			if (h.From == ro || h.From == -1) && h.To != ro {
				p.handFrom[ro] = append(p.handFrom[ro], int32(i))
			}
		}
	}
	p.labels = make([][][]int, nR)
	for r, ro := range cfg.Roles {
		for _, w := range ro.Shifts {
			l := make([]int, len(w.Spans))
			for j, sp := range w.Spans {
				l[j] = j
				for k := 0; k < j; k++ {
					o := w.Spans[k]
					if o.Kind == sp.Kind && o.Name == sp.Name && slices.Equal(o.Only, sp.Only) {
						l[j] = l[k]
						break
					}
				}
			}
			p.labels[r] = append(p.labels[r], l)
		}
	}
	p.top20 = math.Inf(1)
	if !cfg.Market.Size.IsZero() {
		p.top20 = cfg.Market.Size.Quantile(0.8)
	}
	p.targetRevenue = cfg.Target != nil && cfg.Target.Metric == metric.Revenue
	p.catalog = newCatalog(p)
	return p, nil
}

func (p *Plan) compileRoutes() {
	cfg := &p.cfg
	p.firstRole = make([]int32, p.nAct)
	p.doers = make([][]int32, p.nAct)
	for a := range p.nAct {
		p.firstRole[a] = -1
		for r := range p.nRole {
			if cfg.Roles[r].Speed[a] > 0 {
				if p.firstRole[a] < 0 {
					p.firstRole[a] = int32(r)
				}
				p.doers[a] = append(p.doers[a], int32(r))
			}
		}
	}
	p.route = make([][]int32, p.nRole)
	p.pairRoute = make([][]bool, p.nRole)
	for o := range p.nRole {
		p.route[o] = make([]int32, p.nAct)
		p.pairRoute[o] = make([]bool, p.nAct)
		for a := range p.nAct {
			switch {
			case cfg.Roles[o].Speed[a] > 0:
				p.route[o][a] = int32(o)
			default:
				p.route[o][a] = p.firstRole[a]
				for r := range p.nRole {
					paired := cfg.Roles[r].PairWith == o || cfg.Roles[o].PairWith == r
					if paired && r != o && cfg.Roles[r].Speed[a] > 0 {
						p.route[o][a] = int32(r)
						p.pairRoute[o][a] = true
						break
					}
				}
			}
		}
	}
}

// checkReachable reports work that no role can do.
func (p *Plan) checkReachable() error {
	var errs []error
	cfg := &p.cfg
	need := func(field string, a int) {
		if a >= 0 && p.firstRole[a] < 0 {
			errs = append(errs, &ConfigError{Field: field,
				Msg: fmt.Sprintf("activity %q is performed by no role", cfg.Activities[a].Name)})
		}
	}
	for i, s := range cfg.Stages {
		need(fmt.Sprintf("Stages[%d].Activity", i), s.Activity)
	}
	need("Clients.Order", cfg.Clients.Order)
	need("Clients.Care", cfg.Clients.Care)
	need("Clients.Claim", cfg.Clients.Claim)
	for i, a := range cfg.Clients.SaleWork {
		need(fmt.Sprintf("Clients.SaleWork[%d]", i), a)
	}
	return errors.Join(errs...)
}

// needEvery returns the contact interval a client of the given size needs,
// or +Inf when no tier applies.
func (p *Plan) needEvery(size float64) float64 {
	for _, t := range p.need {
		if size >= t.MinSize {
			return t.Every
		}
	}
	return math.Inf(1)
}

// decayMult returns the speed-to-lead multiplier after waiting w hours.
func decayMult(d []DecayPoint, w float64) float64 {
	n := len(d)
	if n == 0 {
		return 1
	}
	if w <= d[0].Wait {
		return d[0].Mult
	}
	if w >= d[n-1].Wait {
		return d[n-1].Mult
	}
	i := sort.Search(n, func(i int) bool { return d[i].Wait > w })
	a, b := d[i-1], d[i]
	return a.Mult + (b.Mult-a.Mult)*(w-a.Wait)/(b.Wait-a.Wait)
}

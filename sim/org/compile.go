package org

import (
	"errors"
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

	dbAct         []int       // [database] the activity of its stage
	nAbs          int         // the most kinds of absence a role has
	handNames     []string    // [handoff] its name in metric names
	posts         []int       // [role] posts reported per person (posts.go)
	nNorm         int         // the most norms a role has
	judging       bool        // some role has norms or a quota (norms.go)
	pieceRate     [][]float64 // [role][activity] pay per task (pay.go)
	pieceSpeed    [][]float64 // [role][activity] its speed-up, 1 for none
	targetRevenue bool        // the target's metric is revenue, not margin
	// preferred: some role has preferred blocks; speedGain: some block
	// speeds its work up; boosts: some block or joining person raises
	// conversion (blocks.go, joint.go).
	preferred, speedGain, boosts bool
	joiner                       []bool // [role] the role joins some activity's work
	// steps are each inbound stream's dated rates and budgets, nil for
	// a stream without; marketing is set if some stream has a budget
	// (dated.go).
	steps     []*steps
	marketing bool
	// chores: clients create chores; choreRate is their monthly chores
	// per client per hour, choreCum the cumulative monthly rates by chore
	// (chores.go).
	chores    bool
	choreRate float64
	choreCum  []float64

	// segments.go and teams.go
	segNext [][]int32 // [segment][stage] the next stage of a success, −1 won
	sizeRef []float64 // [activity] the size its duration is for, 0: not scaled
	teams   teamPlan

	warnings []*ConfigError

	catalog *Catalog
}

// Config returns the plan's configuration. The caller must not modify it.
func (p *Plan) Config() *Config { return &p.cfg }

// Catalog returns the list of measures a replication produces.
func (p *Plan) Catalog() *Catalog { return p.catalog }

// Warnings returns what is legal in the plan's Config but probably not
// meant (see [Config.Warnings]).
func (p *Plan) Warnings() []*ConfigError { return p.warnings }

// Months returns the number of reporting months after the warm-up.
func (p *Plan) Months() int { return p.months }

// Compile checks cfg ([Config.Validate]) and prepares it for simulation.
// It reports every problem found, joined, as *ConfigError values; the
// warnings of a valid Config are kept in the plan ([Plan.Warnings]).
func Compile(cfg Config) (*Plan, error) {
	v := cfg.validate()
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	nA, nR, nS := len(cfg.Activities), len(cfg.Roles), len(cfg.Stages)
	r := cfg.Run
	if cfg.Market.Size.IsZero() {
		// Nobody can become a client: sizes are drawn but never used.
		cfg.Market.Size = dist.Const(0, dist.None)
	}
	p := &Plan{cfg: cfg, nAct: nA, nRole: nR, nStage: nS, warnings: v.warns}
	p.months = int(math.Ceil(r.Horizon/Month - 1e-9))
	p.compileKinds()
	p.compileRoutes()
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
		p.inRole[i] = int32(in.Role.Index())
		if in.Role == 0 {
			p.inRole[i] = p.firstRole[cfg.Stages[in.Stage.Index()].Activity.Index()]
		}
	}
	p.watchers = make([][]int32, nR)
	for i, ro := range cfg.Roles {
		if ro.Pause != nil {
			w := ro.Pause.Watch.Index()
			p.watchers[w] = append(p.watchers[w], int32(i))
		}
	}
	p.handFrom = make([][]int32, nR)
	for i, h := range cfg.Handoffs {
		for ro := range nR {
			if (h.From.Index() == ro || h.From == 0) && h.To.Index() != ro {
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
					if w.Spans[k].sameLabel(sp) {
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
	for _, ro := range cfg.Roles {
		p.nAbs = max(p.nAbs, len(ro.Absence))
	}
	p.handNames = handoffNames(&p.cfg)
	p.posts = maxPosts(&p.cfg)
	p.pieceRate, p.pieceSpeed = pieceRates(&p.cfg)
	for _, ro := range cfg.Roles {
		p.nNorm = max(p.nNorm, len(ro.Norms))
		p.judging = p.judging || len(ro.Norms) > 0 || ro.Quota != nil
	}
	for _, db := range cfg.Databases {
		p.dbAct = append(p.dbAct, cfg.Stages[db.Stage.Index()].Activity.Index())
	}
	p.targetRevenue = cfg.Target != nil && cfg.Target.Metric == metric.Revenue
	p.segNext = segmentNext(&p.cfg)
	p.sizeRef = sizeRefs(&p.cfg)
	p.compileTeams()
	p.compileBlocks()
	p.compileJoins()
	p.compileSteps()
	p.compileChores()
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
					paired := cfg.Roles[r].PairWith.Index() == o || cfg.Roles[o].PairWith.Index() == r
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

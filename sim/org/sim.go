package org

import (
	"context"
	"math"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/des"
	"github.com/salesim/salesim/sim/dist"
)

// Event kinds: an event's argument is index<<kindBits | kind.
const (
	evArrival  = iota // inbound stream
	evDone            // person finishes the work in hand
	evCal             // calendar group changes span
	evStage           // account: stage work becomes available
	evPatience        // task waited too long
	evOrder           // client places an order
	evChurn           // client leaves
	evOverdue         // client becomes neglected
	evCare            // client is due for a care contact
	evRecall          // nurtured lead's need date
	evClaim           // client files a claim
	evAbsStart        // person: absence starts (index = person*maxAbs + kind)
	evAbsEnd          // person: absence ends
	evLeave           // person leaves (attrition)
	evRefill          // vacancy filled
	evReorg           // reorganisation
	evMonth           // period boundary
	evSlack           // person's slack ends
	evWake            // database: a contact becomes callable again
	evUnpause         // role: back-pressure lifted
	nEvents
)

const (
	kindBits = 5
	maxAbs   = 8 // absence kinds per role
)

func enc(kind, idx int) int { return idx<<kindBits | kind }

// Result is what one replication produces.
type Result struct {
	// Values are the measures in the order of the plan's [Catalog].
	Values []float64
	// Events is the number of kernel events processed.
	Events uint64
	// Ledger counts every account by its state at the end (see
	// [Ledger]); tests use it to check that no lead is lost track of.
	Ledger Ledger
}

// Ledger is the bookkeeping of a replication, kept so that tests can
// check the model's invariants: every lead created is in exactly one
// state at the end; money and time add up.
type Ledger struct {
	Created                 int // leads created, initial ones included
	Open, Nurtured, Clients int // alive at the end
	Lost, Cold, Churned     int // gone
	// NegativeQueue is set if a queue or in-system count went below zero.
	NegativeQueue bool
	// OwnedMismatch is set if people's account counts disagree with the
	// accounts' owners.
	OwnedMismatch bool
	// Money holds the department margin and cost summed over roles;
	// MoneyDept the department's own counters.
	Money, MoneyDept [2]float64
	// SplitHours is the department's time split summed (productive,
	// switching, fatigue, idle, absence, internal); ScheduledHours the
	// calendar hours of everyone employed, from their employment history.
	SplitHours, ScheduledHours float64
}

// stint is a stretch of a person's employment in one calendar group.
type stint struct {
	group    int32
	from, to float64
}

// Sim runs replications of a plan. A Sim is not safe for concurrent use:
// give each worker goroutine its own, and reuse it across replications to
// keep memory steady.
type Sim struct {
	_   [64]byte // keeps parallel Sims off each other's cache lines
	p   *Plan
	cfg *Config
	env *des.Env
	rec *recorder
	h   des.Handler

	seed uint64
	rep  int

	// random streams
	rArr, rSizeIn         []*rand.Rand
	dbKey                 []uint64  // per database: the key of its contacts' sizes
	inMax                 []float64 // per inbound stream: the thinning bound of its rate
	rInit, rWork, rOut    *rand.Rand
	rCli, rPeople, rDelay *rand.Rand

	accts    []account
	freeAcct []int32
	tasks    []task
	freeTask []int32
	people   []person
	pq       []des.Queue[int32] // [person*nAct + act] personal queues
	absEv    []des.Event        // [person*maxAbs + kind]
	roles    []roleState
	groups   []group
	dbs      []dbState
	runs     [][]call // per person: the run of calls in progress

	recording bool
	month     int
	t0, end   float64
	warmStart float64 // start of the baseline window

	ledger Ledger
	stints [][]stint // per person: employment history, for the ledger
	_      [64]byte
}

// NewSim returns a simulator for the plan.
func NewSim(p *Plan) *Sim {
	s := &Sim{p: p, cfg: &p.cfg, env: des.New(), rec: newRecorder(p)}
	s.h = s.dispatch
	return s
}

// Simulate runs replication rep of the plan with the given master seed and
// returns its measures. It is shorthand for NewSim(p).Run.
func (p *Plan) Simulate(ctx context.Context, seed uint64, rep int) (Result, error) {
	return NewSim(p).Run(ctx, seed, rep)
}

// Stream names: a replication's random streams are keyed by them.
const (
	streamInit   = "initial"
	streamWork   = "work"
	streamOut    = "outcome"
	streamCli    = "clients"
	streamPeople = "people"
	streamDelay  = "delay"
)

// Run simulates replication rep with the given master seed. It checks ctx
// every simulated week and returns ctx's error if it is cancelled.
func (s *Sim) Run(ctx context.Context, seed uint64, rep int) (Result, error) {
	s.seed, s.rep = seed, rep
	s.reset()
	s.setup()
	week := float64(HoursPerWeek)
	for t := week; ; t += week {
		if t > s.end {
			t = s.end
		}
		s.env.RunUntil(t)
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		if t >= s.end || s.env.Len() == 0 {
			break
		}
	}
	s.finish()
	vals := make([]float64, s.p.catalog.Len())
	for i, f := range s.p.catalog.fill {
		vals[i] = f.get(s.rec, f.role, f.period)
	}
	return Result{Values: vals, Events: s.env.Processed(), Ledger: s.ledger}, nil
}

func (s *Sim) stream(name string) *rand.Rand {
	return dist.Stream(s.seed, s.rep, dist.StreamID(name))
}

func (s *Sim) reset() {
	s.env.Reset()
	s.rec.reset()
	s.accts = s.accts[:0]
	s.freeAcct = s.freeAcct[:0]
	s.tasks = s.tasks[:0]
	s.freeTask = s.freeTask[:0]
	s.people = s.people[:0]
	s.pq = s.pq[:0]
	s.absEv = s.absEv[:0]
	s.groups = s.groups[:0]
	for i := range s.runs {
		s.runs[i] = s.runs[i][:0]
	}
	s.ledger = Ledger{}
	for i := range s.stints {
		s.stints[i] = s.stints[i][:0]
	}
	s.recording = false
	s.month = 0
}

func (s *Sim) setup() {
	cfg := s.cfg
	s.t0 = cfg.Run.Warmup
	s.end = cfg.Run.Warmup + cfg.Run.Horizon
	s.warmStart = math.Max(0, s.t0-12*Month)

	s.rArr = s.rArr[:0]
	s.rSizeIn = s.rSizeIn[:0]
	s.inMax = s.inMax[:0]
	for i := range cfg.Inbound {
		s.inMax = append(s.inMax, s.inboundMax(i))
	}
	for _, in := range cfg.Inbound {
		s.rArr = append(s.rArr, s.stream("inbound:"+in.Name))
		s.rSizeIn = append(s.rSizeIn, s.stream("size:inbound:"+in.Name))
	}
	s.dbKey = s.dbKey[:0]
	for _, db := range cfg.Databases {
		s.dbKey = append(s.dbKey, s.stream("size:db:"+db.Name).Uint64())
	}
	s.rInit = s.stream(streamInit)
	s.rWork = s.stream(streamWork)
	s.rOut = s.stream(streamOut)
	s.rCli = s.stream(streamCli)
	s.rPeople = s.stream(streamPeople)
	s.rDelay = s.stream(streamDelay)

	s.setupRoles()
	s.setupDatabases()
	s.setupInitial()
	for i := range cfg.Inbound {
		s.scheduleArrival(i)
	}
	for i, ro := range cfg.Reorgs {
		if ro.At < s.end {
			s.env.At(ro.At, des.Urgent, s.h, enc(evReorg, i))
		}
	}
	for k := 0; k <= s.p.months; k++ {
		t := s.t0 + float64(k)*Month
		if k == s.p.months {
			t = s.end
		}
		s.env.At(t, des.Urgent, s.h, enc(evMonth, k))
	}
	// Calendars last: people start work once everything else is in place.
	for g := range s.groups {
		s.startGroup(g)
	}
}

func (s *Sim) dispatch(arg int) {
	idx := arg >> kindBits
	i32 := int32(idx)
	switch arg & (1<<kindBits - 1) {
	case evArrival:
		s.onArrival(idx)
	case evDone:
		s.onDone(i32)
	case evCal:
		s.onCal(idx)
	case evStage:
		s.onStageReady(i32)
	case evPatience:
		s.onPatience(i32)
	case evOrder:
		s.onOrder(i32)
	case evChurn:
		s.churn(i32)
	case evOverdue:
		s.onOverdue(i32)
	case evCare:
		s.onCareDue(i32)
	case evRecall:
		s.onRecall(i32)
	case evClaim:
		s.onClaim(i32)
	case evAbsStart:
		s.onAbsStart(i32/maxAbs, idx%maxAbs)
	case evAbsEnd:
		s.onAbsEnd(i32 / maxAbs)
	case evLeave:
		s.onAttrition(i32)
	case evRefill:
		s.hire(i32)
	case evReorg:
		s.reorg(idx)
	case evMonth:
		s.onMonth(idx)
	case evSlack:
		s.onSlackEnd(i32)
	case evWake:
		s.onWake(idx)
	case evUnpause:
		s.wakeRole(idx)
	default:
		panic("org: unknown event kind")
	}
}

// onMonth closes a period: k = 0 is the end of the warm-up, k = months the
// end of the run.
func (s *Sim) onMonth(k int) {
	s.flush()
	if k == 0 {
		s.recording = true
		s.month = 0
		if t := s.cfg.Target; t != nil && t.Baseline > 0 {
			s.rec.baseline = t.Baseline
		}
		return
	}
	s.snapshot(k - 1)
	if k == s.p.months {
		s.env.Stop()
		return
	}
	s.month = k
}

// flush brings every time-based accumulator up to now.
func (s *Sim) flush() {
	now := s.env.Now()
	for i := range s.people {
		s.acct(int32(i))
		s.flushPerson(int32(i))
		if s.people[i].run {
			s.settleRun(int32(i), now, true)
		}
	}
	for r := range s.roles {
		s.flushRole(r)
	}
}

// snapshot records the level counters at the end of month m.
func (s *Sim) snapshot(m int) {
	n := len(s.roles) + 1
	counts := make([]int, 2*n)
	for i := range s.accts {
		a := &s.accts[i]
		if a.state == stClient {
			counts[a.role]++
			counts[n-1]++
			if a.size >= s.p.top20 {
				counts[n+int(a.role)]++
				counts[2*n-1]++
			}
		}
	}
	for r := range s.roles {
		s.rec.set(cActive, r, m, float64(counts[r]))
		s.rec.set(cActiveTop, r, m, float64(counts[n+r]))
	}
	s.rec.set(cActive, -1, m, float64(counts[n-1]))
	s.rec.set(cActiveTop, -1, m, float64(counts[2*n-1]))
}

func (s *Sim) finish() {
	if s.env.Now() < s.end {
		// The calendar ran dry before the end (no demand, no people):
		// close the remaining periods at the end time.
		s.env.RunUntil(s.end)
	}
	s.rec.total()
	l := &s.ledger
	for i := range s.accts {
		switch s.accts[i].state {
		case stLead:
			l.Open++
		case stNurture:
			l.Nurtured++
		case stClient:
			l.Clients++
		}
	}
	for r := range s.roles {
		if s.roles[r].waiting < 0 || s.roles[r].inSys < 0 {
			l.NegativeQueue = true
		}
	}
	for r := range s.roles {
		l.Money[0] += s.rec.get(cMargin, r, -1)
		for _, c := range []int{cCostSalary, cCostHourly, cCostCommission, cCostBonus} {
			l.Money[1] += s.rec.get(c, r, -1)
		}
	}
	l.MoneyDept[0] = s.rec.get(cMargin, -1, -1)
	for _, c := range []int{cCostSalary, cCostHourly, cCostCommission, cCostBonus} {
		l.MoneyDept[1] += s.rec.get(c, -1, -1)
	}
	for _, c := range []int{cTWork, cTFatigue, cTSetup, cTIdle, cTAbsence, cTInternal} {
		l.SplitHours += s.rec.get(c, -1, -1)
	}
	owned := make([]int, len(s.people))
	for i := range s.accts {
		if a := &s.accts[i]; a.state != stFree && a.owner >= 0 {
			owned[a.owner]++
		}
	}
	for i := range s.people {
		if owned[i] != s.people[i].owned {
			l.OwnedMismatch = true
		}
		for _, st := range s.stints[i] {
			to := st.to
			if s.people[i].employed && to < st.from {
				to = s.end
			}
			l.ScheduledHours += weekHoursBetween(*s.groups[st.group].week, math.Max(st.from, s.t0), math.Min(to, s.end))
		}
	}
}

// logStint opens (employed) or closes a stretch of person p's employment.
func (s *Sim) logStint(p int32, open bool) {
	for int(p) >= len(s.stints) {
		s.stints = append(s.stints, nil)
	}
	now := s.env.Now()
	if open {
		s.stints[p] = append(s.stints[p], stint{group: s.people[p].group, from: now, to: -1})
		return
	}
	if n := len(s.stints[p]); n > 0 && s.stints[p][n-1].to < 0 {
		s.stints[p][n-1].to = now
	}
}

// weekHoursBetween integrates a weekly calendar over [a, b).
func weekHoursBetween(w Week, a, b float64) float64 {
	var h float64
	if b <= a {
		return 0
	}
	for ws := math.Floor(a/HoursPerWeek) * HoursPerWeek; ws < b; ws += HoursPerWeek {
		for _, sp := range w.Spans {
			lo, hi := math.Max(a, ws+sp.Start), math.Min(b, ws+sp.End)
			if hi > lo {
				h += hi - lo
			}
		}
	}
	return h
}

// monthOf returns the reporting month of the current time.
func (s *Sim) exp(r *rand.Rand, rate float64) float64 {
	return r.ExpFloat64() / rate
}

package org

import (
	"context"
	"math"
	"runtime/metrics"

	"github.com/salesim/salesim/sim/des"
)

// Result is what one replication produces.
type Result struct {
	// Values are the measures in the order of the plan's [Catalog]; People
	// the measures per post, in the order of [Catalog.People] (NaN for a
	// post nobody held in the horizon, and for attainment never judged).
	Values []float64
	People []float64
	// Events is the number of kernel events processed.
	Events uint64
	// Ledger counts every account by its state at the end (see
	// [Ledger]); tests use it to check that no lead is lost track of.
	Ledger Ledger
}

// Sim runs replications of a plan. A Sim is not safe for concurrent use:
// give each worker goroutine its own, and reuse it across replications to
// keep memory steady.
//
// The simulation state is split by mechanism: each field below is one
// mechanism that owns its state and binds the handlers of its own events
// when the Sim is built (see doc.go for the map of files).
type Sim struct {
	_   [64]byte // keeps parallel Sims off each other's cache lines
	p   *Plan
	cfg *Config
	env *des.Env
	rec *recorder
	rnd streams

	cal     calendars    // calendar.go: shift groups and their spans
	staff   staff        // staff.go, absence.go: people, hiring, absence, attrition
	work    work         // work.go, take.go: tasks, queues, routing, taking work
	calls   prospecting  // calls.go, databases.go: runs of outbound calls
	demand  demand       // demand.go: inbound request streams
	accts   accounts     // accounts.go: the account store and ownership
	funnel  funnel       // funnel.go: stages, nurture, winning
	hand    handoffs     // handoffs.go: accounts moving between roles
	clients clients      // clients.go: orders, churn, neglect, care, claims
	reorg   reorgs       // reorg.go: changes of design at given times
	bp      backpressure // backpressure.go: pausing pulled work
	rules   rules        // rules.go, fatcat.go: behaviour rules
	judge   judge        // norms.go: norms and quotas per person
	team    teams        // teams.go: handoffs and work within teams
	joint   joint        // joint.go: a second role joining work
	chores  chores       // chores.go: non-sales work clients create

	seed uint64
	rep  int
	salt uint64 // the replication's part of every entity key (random.go)

	recording bool
	month     int
	t0, end   float64
	warmStart float64 // start of the baseline window
	hMonth    des.Handler

	ledger Ledger

	ctx       context.Context // of the running replication (guard.go)
	memLimit  uint64
	memSample []metrics.Sample
	_         [64]byte
}

// NewSim returns a simulator for the plan.
func NewSim(p *Plan) *Sim {
	s := &Sim{p: p, cfg: &p.cfg, env: des.New(), rec: newRecorder(p)}
	s.hMonth = func(k int) { s.onMonth(k) }
	s.cal.bind(s)
	s.staff.bind(s)
	s.work.bind(s)
	s.calls.bind(s)
	s.demand.bind(s)
	s.accts.bind(s)
	s.funnel.bind(s)
	s.hand.bind(s)
	s.clients.bind(s)
	s.reorg.bind(s)
	s.bp.bind(s)
	s.rules.bind(s)
	s.judge.bind(s)
	s.team.bind(s)
	s.joint.bind(s)
	s.chores.bind(s)
	return s
}

// Simulate runs replication rep of the plan with the given master seed and
// returns its measures. It is shorthand for NewSim(p).Run.
func (p *Plan) Simulate(ctx context.Context, seed uint64, rep int) (Result, error) {
	return NewSim(p).Run(ctx, seed, rep)
}

// Run simulates replication rep with the given master seed. It checks ctx
// (and the memory limit, see [Sim.SetMemoryLimit]) every few thousand
// events and returns ctx's error if it is cancelled.
func (s *Sim) Run(ctx context.Context, seed uint64, rep int) (Result, error) {
	s.ctx = ctx
	defer func() { s.ctx = nil }()
	s.start(seed, rep)
	if err := s.check(ctx); err != nil {
		return Result{}, err
	}
	return s.runToEnd(ctx)
}

// runToEnd fires the events from now to the end of the run, a simulated
// week at a time (weeks counted from time 0), and collects the results.
func (s *Sim) runToEnd(ctx context.Context) (Result, error) {
	week := float64(HoursPerWeek)
	for t := (math.Floor(s.env.Now()/week) + 1) * week; ; t += week {
		if t > s.end {
			t = s.end
		}
		if err := s.runUntil(ctx, t); err != nil {
			return Result{}, err
		}
		if t >= s.end || s.env.Len() == 0 {
			break
		}
	}
	return s.collect(), nil
}

// runUntil fires the events up to t in slices of sliceEvents, checking
// ctx and the memory limit after each (guard.go).
func (s *Sim) runUntil(ctx context.Context, t float64) error {
	for !des.RunUntilAtMost(s.env, t, sliceEvents) {
		if err := s.check(ctx); err != nil {
			return err
		}
	}
	return s.check(ctx)
}

// cancelled reports whether the replication's context is cancelled, for a
// loop within one event that may run long (demand.go's thinning).
func (s *Sim) cancelled() bool {
	return s.ctx != nil && s.ctx.Err() != nil
}

// start resets the state and sets up replication rep: people, calendars,
// demand and the scheduled reorganisations and period ends.
func (s *Sim) start(seed uint64, rep int) {
	s.seed, s.rep = seed, rep
	s.reset()
	s.setup()
}

// collect closes the replication and returns its measures.
func (s *Sim) collect() Result {
	s.finish()
	vals := make([]float64, s.p.catalog.Len())
	for i, f := range s.p.catalog.fill {
		vals[i] = f.get(s.rec, f.role, f.period)
	}
	people := make([]float64, len(s.p.catalog.people))
	for i, f := range s.p.catalog.people {
		people[i] = math.NaN()
		if s.rec.posts.held(f.post) {
			people[i] = f.get(s.rec, f.post)
		}
	}
	return Result{Values: vals, People: people, Events: s.env.Processed(), Ledger: s.ledger}
}

func (s *Sim) reset() {
	s.env.Reset()
	s.rec.reset()
	s.accts.reset()
	s.work.reset()
	s.staff.reset()
	s.cal.reset()
	s.calls.reset()
	s.bp.reset()
	s.ledger = Ledger{}
	s.recording = false
	s.month = 0
}

func (s *Sim) setup() {
	cfg := s.cfg
	s.t0 = cfg.Run.Warmup
	s.end = cfg.Run.Warmup + cfg.Run.Horizon
	s.warmStart = math.Max(0, s.t0-12*Month)

	s.demand.setup()
	s.calls.setupKeys()
	s.rnd.setup(s)

	s.judge.setup()
	s.staff.setup()
	s.calls.setup()
	s.clients.setupInitial()
	s.demand.start()
	// Period ends before reorganisations: one at the very end of the
	// warm-up belongs to the first period (its leavers and lost clients
	// are counted), as one a moment later does.
	for k := 0; k <= s.p.months; k++ {
		t := s.t0 + float64(k)*Month
		if k == s.p.months {
			t = s.end
		}
		s.env.At(t, des.Urgent, s.hMonth, k)
	}
	s.reorg.schedule()
	// Calendars last: people start work once everything else is in place.
	s.cal.start()
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
	s.judge.endMonth()
	if k == s.p.months {
		s.env.Stop()
		return
	}
	s.month = k
}

// flush brings every time-based accumulator up to now.
func (s *Sim) flush() {
	now := s.env.Now()
	for i := range s.staff.people {
		s.staff.acct(int32(i))
		s.staff.flushPerson(int32(i))
		if s.staff.people[i].run {
			s.calls.settleRun(int32(i), now, true)
		}
	}
	for r := range s.work.roles {
		s.work.flushRole(r)
	}
	s.demand.flushBudget()
}

// snapshot records the level counters at the end of month m.
func (s *Sim) snapshot(m int) {
	n := len(s.work.roles) + 1
	counts := make([]int, 2*n)
	for i := range s.accts.list {
		a := &s.accts.list[i]
		if a.state == stClient {
			counts[a.role]++
			counts[n-1]++
			if a.size >= s.p.top20 {
				counts[n+int(a.role)]++
				counts[2*n-1]++
			}
		}
	}
	for r := range s.work.roles {
		s.rec.set(cActive, r, m, float64(counts[r]))
		s.rec.set(cActiveTop, r, m, float64(counts[n+r]))
	}
	s.rec.set(cActive, -1, m, float64(counts[n-1]))
	s.rec.set(cActiveTop, -1, m, float64(counts[2*n-1]))
}

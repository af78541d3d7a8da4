package org

import (
	"context"
	"math"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// oneRole returns a config of one role of n people working the given week,
// doing every activity in acts, with no demand: tests push work by hand.
func oneRole(n int, week Week, acts ...Activity) Config {
	return Config{
		Name:       "test",
		Run:        Run{Horizon: 24, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(1000, dist.None), MarginRate: 1},
		Activities: acts,
		Stages:     []Stage{{Name: "s", Activity: ActivityAt(0), Convert: 0}},
		Clients:    Clients{Plan: 1},
		Roles: []Role{{Name: "worker", Headcount: n, Shifts: []Week{week},
			Speed: ones(len(acts)), Skill: ones(len(acts)), Assign: AssignLeastLoaded}},
	}
}

func day(from, to float64) Week {
	var w Week
	if err := w.Work(1, from, to); err != nil { // Monday
		panic(err)
	}
	return w
}

// manual sets up a replication without running it, so a test can push
// work before the calendar starts.
func manual(t *testing.T, cfg Config) *Sim {
	t.Helper()
	s := NewSim(mustCompile(t, cfg))
	s.start(1, 0)
	return s
}

// pushTurns queues n tasks of the given activities in turn, for the role's
// pool, available at distinct times before the shift.
func (s *Sim) pushTurns(n int, acts ...int32) {
	for i := range n {
		id := s.work.newTask(tkSale, acts[i%len(acts)], -1)
		s.work.push(id, 0, -1)
		s.work.tasks[id].avail = float64(i) * 1e-3
	}
}

func (s *Sim) finishRun(t *testing.T) Result {
	t.Helper()
	s.env.RunUntil(s.end)
	return s.collect()
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestSwitchingCostDeterministicDay: one person, one 8-hour day, work that
// alternates between two kinds of constant 30-minute tasks. With no setup
// the day holds 16 tasks; with 15 minutes per switch, productive time falls
// by exactly the number of switches × 15 minutes.
func TestSwitchingCostDeterministicDay(t *testing.T) {
	t.Parallel()
	acts := []Activity{
		{Name: "call", Duration: dist.MustParse("30m"), Kind: "phone"},
		{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"},
	}
	run := func(setup float64) (prod, sw, idle, done float64) {
		cfg := oneRole(1, day(9, 17), acts...)
		cfg.Roles[0].Setup = setup
		s := manual(t, cfg)
		s.pushTurns(40, 0, 1)
		r := s.finishRun(t)
		p := s.p
		return value(t, p, r, "time_productive_h", "all", "total"), value(t, p, r, "time_switching_h", "all", "total"),
			value(t, p, r, "time_idle_h", "all", "total"), value(t, p, r, "throughput", "all", "total")
	}
	prod0, sw0, idle0, done0 := run(0)
	if !near(prod0, 8) || sw0 != 0 || idle0 != 0 || done0 != 16 {
		t.Fatalf("no setup: productive %g, switching %g, idle %g, done %g; want 8, 0, 0, 16", prod0, sw0, idle0, done0)
	}
	prod, sw, idle, done := run(0.25)
	// 11 tasks with 10 switches between them fill the day exactly: the last
	// ends at 17:00 (work finishing as a shift ends is finished).
	const switches = 10
	if !near(sw, switches*0.25) || !near(prod0-prod, switches*0.25) || idle != 0 || done != 11 {
		t.Fatalf("15 min setup: productive %g (Δ %g), switching %g, idle %g, done %g; want Δ = switching = %g, 11 done",
			prod, prod0-prod, sw, idle, done, switches*0.25)
	}
}

// TestSwitchingPairCost: a pair-specific setup overrides the role's.
func TestSwitchingPairCost(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, day(9, 17),
		Activity{Name: "call", Duration: dist.MustParse("30m"), Kind: "phone"},
		Activity{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"})
	cfg.Roles[0].Setup = 0.25
	cfg.Roles[0].SetupPair = []SetupPair{{A: "paper", B: "phone", Hours: 0.5}}
	s := manual(t, cfg)
	s.pushTurns(4, 0, 1)
	r := s.finishRun(t)
	if sw := value(t, s.p, r, "time_switching_h", "all", "total"); !near(sw, 3*0.5) {
		t.Fatalf("switching %g h, want 3 switches × 30 min", sw)
	}
}

// TestFatigueSlowsWork: with speed falling 10 %/h on shift (floor 0.5), a
// task started after h hours takes 1/(1−0.1h) times as long; the extra time
// is reported as fatigue, and time splits still add up to the day.
func TestFatigueSlowsWork(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, day(9, 17), Activity{Name: "call", Duration: dist.MustParse("30m"), Kind: "phone", Fatigue: true})
	cfg.Roles[0].Fatigue = Fatigue{Speed: 0.1, Floor: 0.5}
	s := manual(t, cfg)
	s.pushTurns(40, 0)
	r := s.finishRun(t)
	// Simulate the same day by hand.
	tm, done := 0.0, 0
	var prod, fat float64
	for {
		slow := 1 / math.Max(0.5, 1-0.1*tm)
		end := tm + 0.5*slow
		if end > 8 {
			w := 8 - tm
			prod += w / slow
			fat += w - w/slow
			break
		}
		prod += 0.5
		fat += 0.5*slow - 0.5
		tm = end
		done++
	}
	gotProd := value(t, s.p, r, "time_productive_h", "all", "total")
	gotFat := value(t, s.p, r, "time_fatigue_h", "all", "total")
	gotDone := value(t, s.p, r, "throughput", "all", "total")
	if !near(gotProd, prod) || !near(gotFat, fat) || gotDone != float64(done) {
		t.Fatalf("productive %g fatigue %g done %g; want %g %g %d", gotProd, gotFat, gotDone, prod, fat, done)
	}
	if !near(gotProd+gotFat, 8) {
		t.Fatalf("busy time %g, want the whole 8-hour day", gotProd+gotFat)
	}
}

// TestBreakRecoversFatigue: a one-hour break with full recovery resets
// fatigue; with no recovery, fatigue carries on after the break.
func TestBreakRecoversFatigue(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		recovery float64
		want     float64 // speed multiplier of the first task after the break
	}{{1, 1}, {0, 1 - 0.1*4}} {
		var w Week
		w.Work(1, 9, 13)
		w.Work(1, 14, 18)
		cfg := oneRole(1, w, Activity{Name: "call", Duration: dist.MustParse("1h"), Kind: "phone", Fatigue: true})
		cfg.Roles[0].Fatigue = Fatigue{Speed: 0.1, Floor: 0.1, BreakRecovery: tc.recovery}
		s := manual(t, cfg)
		s.pushTurns(20, 0)
		s.env.RunUntil(14 + 1e-9)
		p := &s.staff.people[0]
		if !p.busy || !near(1/p.slow, tc.want) {
			t.Fatalf("recovery %g: multiplier after the break %g, want %g", tc.recovery, 1/p.slow, tc.want)
		}
	}
}

// TestShiftsResetFatigue: two 4-hour shifts of one person each start
// fresh; one 8-hour shift does not.
func TestNewShiftResetsFatigue(t *testing.T) {
	t.Parallel()
	var w Week
	w.Work(1, 9, 13)
	w.Work(2, 9, 13) // Tuesday: a new shift, far more than a break later
	cfg := oneRole(1, w, Activity{Name: "call", Duration: dist.MustParse("1h"), Kind: "phone", Fatigue: true})
	cfg.Roles[0].Fatigue = Fatigue{Speed: 0.1, Floor: 0.1}
	cfg.Run.Horizon = 48
	s := manual(t, cfg)
	s.pushTurns(20, 0)
	s.env.RunUntil(24 + 9 + 1e-9)
	if p := &s.staff.people[0]; !p.busy || !near(p.slow, 1) {
		t.Fatalf("first task of Tuesday runs at multiplier %g, want 1 (rested)", 1/p.slow)
	}
}

// TestBlocksRestrictWork: in a telemarketing block only calls are taken;
// documents wait until the block ends.
func TestBlocksRestrictWork(t *testing.T) {
	t.Parallel()
	var w Week
	w.Work(1, 9, 17)
	w.Add(1, 9, 11, Block, "telemarketing", []ActivityRef{ActivityAt(0)})
	cfg := oneRole(1, w,
		Activity{Name: "call", Duration: dist.MustParse("10m"), Kind: "phone"},
		Activity{Name: "docs", Duration: dist.MustParse("10m"), Kind: "paper"})
	s := manual(t, cfg)
	// Documents first in line, then calls.
	for i := range 6 {
		id := s.work.newTask(tkSale, 1, -1)
		s.work.push(id, 0, -1)
		s.work.tasks[id].avail = float64(i) * 1e-3
	}
	for i := range 6 {
		id := s.work.newTask(tkSale, 0, -1)
		s.work.push(id, 0, -1)
		s.work.tasks[id].avail = 1 + float64(i)*1e-3
	}
	s.env.RunUntil(11 - 1e-9)
	if got := s.rec.done[0*s.p.nAct+1]; got != 0 {
		t.Fatalf("%g documents done in the call block", got)
	}
	if got := s.rec.done[0*s.p.nAct+0]; got != 6 {
		t.Fatalf("%g calls done in the block, want 6", got)
	}
	s.env.RunUntil(12)
	if got := s.rec.done[1]; got != 6 {
		t.Fatalf("%g documents done after the block, want 6", got)
	}
}

// TestInternalBlocksAreNotWork: an internal meeting takes its time out of
// the working day and is reported as internal time.
func TestInternalBlocks(t *testing.T) {
	t.Parallel()
	var w Week
	w.Work(1, 9, 17)
	w.Add(1, 9, 9+20.0/60, Internal, "morning meeting", nil)
	cfg := oneRole(1, w, Activity{Name: "call", Duration: dist.MustParse("10m"), Kind: "phone"})
	s := manual(t, cfg)
	s.pushTurns(100, 0)
	r := s.finishRun(t)
	if got := value(t, s.p, r, "time_internal_h", "all", "total"); !near(got, 20.0/60) {
		t.Fatalf("internal %g h, want 20 min", got)
	}
	if got := value(t, s.p, r, "throughput", "all", "total"); got != 46 {
		t.Fatalf("%g calls in 7 h 40 min, want 46", got)
	}
}

// TestInterruptAndResume: an inbound call preempts a one-hour document,
// which resumes after the call with the work it had left.
func TestInterruptAndResume(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, day(9, 17),
		Activity{Name: "docs", Duration: dist.MustParse("1h"), Kind: "paper", Priority: 50},
		Activity{Name: "inbound", Duration: dist.MustParse("10m"), Kind: "phone", Priority: 0, Interrupts: true})
	cfg.Roles[0].Setup = 0.05
	s := manual(t, cfg)
	s.pushTurns(1, 0)
	s.env.RunUntil(9.5)
	s.work.push(s.work.newTask(tkSale, 1, -1), 0, -1) // rings at 9:30
	r := s.finishRun(t)
	// 9:00-10:00 docs started; 9:30 interrupted with 30 min left; switch
	// (3 min) + call (10 min) to 9:43; switch back (3 min) + 30 min: done at
	// 10:16. Busy 1 h 16 min: 1 h 10 min work, 6 min switching.
	if got := value(t, s.p, r, "time_switching_h", "all", "total"); !near(got, 0.1) {
		t.Fatalf("switching %g, want 0.1", got)
	}
	if got := value(t, s.p, r, "time_productive_h", "all", "total"); !near(got, 1+10.0/60) {
		t.Fatalf("productive %g, want 70 min", got)
	}
	if got := value(t, s.p, r, "throughput", "all", "total"); got != 2 {
		t.Fatalf("throughput %g, want 2", got)
	}
}

// TestTimeSplitsAddUpToCalendar: whatever happens, every person's
// scheduled hours are split exactly into the six categories.
func TestTimeSplitsAddUpToCalendar(t *testing.T) {
	t.Parallel()
	p := mustCompile(t, benchDesign())
	for rep := range 5 {
		r := simulate(t, p, 3, rep)
		// No attrition in the design: scheduled hours are the calendar's.
		want := 0.0
		for _, ro := range p.cfg.Roles {
			want += float64(ro.Headcount) * weekHoursBetween(ro.Shifts[0], p.cfg.Run.Warmup, p.cfg.Run.Warmup+p.cfg.Run.Horizon)
		}
		if math.Abs(r.Ledger.SplitHours-want) > 1e-6*want || math.Abs(r.Ledger.ScheduledHours-want) > 1e-6*want {
			t.Fatalf("rep %d: splits add to %g h, the employment log to %g h, calendar has %g h", rep, r.Ledger.SplitHours, r.Ledger.ScheduledHours, want)
		}
	}
}

func TestRunHonoursContext(t *testing.T) {
	t.Parallel()
	p := mustCompile(t, benchDesign())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Simulate(ctx, 1, 0); err == nil {
		t.Fatal("a cancelled context did not stop the run")
	}
}

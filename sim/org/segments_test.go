package org

import (
	"errors"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// segmentDesign: SDRs qualify (1 h), large companies then have a
// discovery (2 h, by the SDR) that small ones skip, and the close (1 h) is
// done by an account executive, of the enterprise desk for the
// enterprise segment. Every stage converts.
func segmentDesign() Config {
	acts := []Activity{
		{Name: "qualify", Duration: dist.MustParse("1h"), Kind: "phone"},
		{Name: "discover", Duration: dist.MustParse("2h"), Kind: "phone"},
		{Name: "close", Duration: dist.MustParse("1h"), Kind: "sell"},
	}
	return Config{
		Name:       "segments",
		Run:        Run{Horizon: 24, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(100, dist.None), MarginRate: 1},
		Clients:    Clients{Plan: 1, FirstOrder: 1},
		Activities: acts,
		Inbound:    []Inbound{{Name: "web", Rate: 0, Stage: StageAt(0)}},
		Stages: []Stage{
			{Name: "qualify", Activity: ActivityAt(0), Convert: 1, Next: StageAt(2)},
			{Name: "discovery", Activity: ActivityAt(1), Convert: 1, Next: StageAt(2)},
			{Name: "close", Activity: ActivityAt(2), Convert: 1},
		},
		Segments: []Segment{
			{Name: "enterprise", MinSize: 500, Next: []SegmentStep{{Stage: StageAt(0), Next: StageAt(1)}}},
			{Name: "smb"},
		},
		Roles: []Role{
			{Name: "sdr", Headcount: 3, Shifts: []Week{AroundTheClock()}, Speed: []float64{1, 1, 0}, Skill: ones(3), Assign: AssignLeastLoaded, Personal: true},
			{Name: "ae", Headcount: 2, Shifts: []Week{AroundTheClock()}, Speed: []float64{0, 0, 1}, Skill: ones(3), Assign: AssignLeastLoaded, Personal: true},
			{Name: "ent", Headcount: 1, Shifts: []Week{AroundTheClock()}, Speed: []float64{0, 0, 1}, Skill: ones(3), Assign: AssignLeastLoaded, Personal: true},
		},
		Handoffs: []Handoff{
			{From: RoleAt(0), To: RoleAt(2), Trigger: AtStage, Stage: StageAt(2), Segment: SegmentAt(0)},
			{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(2)},
		},
	}
}

// TestSegments: two small leads and one large arrive at once. The small
// ones are qualified (1 h) and closed by an AE (1 h): won at 2 h. The
// large one is qualified, has the enterprise segment's extra discovery
// (2 h), and is handed to the enterprise desk by the handoff restricted to
// its segment: won at 4 h.
func TestSegments(t *testing.T) {
	t.Parallel()
	s := manual(t, segmentDesign())
	s.env.RunUntil(0) // statistics start
	for _, size := range []float64{100, 1000, 100} {
		s.funnel.newLead(size, s.testKey(), 0, 0, -1, 0)
	}
	r := s.finishRun(t)
	p := s.p
	for _, c := range []struct {
		name, role string
		want       float64
	}{
		{metric.Of(metric.SegmentLeadsPrefix, "enterprise"), metric.Department, 1},
		{metric.Of(metric.SegmentLeadsPrefix, "smb"), metric.Department, 2},
		{metric.Of(metric.SegmentWonPrefix, "enterprise"), metric.Department, 1},
		{metric.Of(metric.SegmentWonPrefix, "smb"), metric.Department, 2},
		{metric.Of(metric.SegmentCyclePrefix, "enterprise"), metric.Department, 4},
		{metric.Of(metric.SegmentCyclePrefix, "smb"), metric.Department, 2},
		{metric.Of(metric.SegmentMarginPrefix, "enterprise"), metric.Department, 1000},
		{metric.Of(metric.SegmentMarginPrefix, "smb"), metric.Department, 200},
		{metric.Entered("discovery"), metric.Department, 1},
		{metric.Entered("close"), metric.Department, 3},
		{metric.FirstOrders, "ent", 1},
		{metric.FirstOrders, "ae", 2},
		{metric.Of(metric.PassedViaPrefix, "sdr_to_ent"), metric.Department, 1},
		{metric.Of(metric.PassedViaPrefix, "sdr_to_ae"), metric.Department, 2},
	} {
		if got := value(t, p, r, c.name, c.role, metric.Total); !near(got, c.want) {
			t.Errorf("%s %s = %g, want %g", c.name, c.role, got, c.want)
		}
	}
}

// TestSegmentsBySource: a segment of one inbound stream, and one of a
// database, whose calls lead straight to the close instead of the
// stage's next.
func TestSegmentsBySource(t *testing.T) {
	t.Parallel()
	cfg := segmentDesign()
	cfg.Inbound = append(cfg.Inbound, Inbound{Name: "partners", Rate: 0, Stage: StageAt(0)})
	cfg.Segments = []Segment{{Name: "partner", Sources: []Source{{Inbound: InboundAt(1)}}, Next: []SegmentStep{{Stage: StageAt(0), Next: StageAt(1)}}}}
	s := manual(t, cfg)
	s.env.RunUntil(0)
	s.funnel.newLead(100, s.testKey(), 0, 0, -1, 0)
	s.funnel.newLead(100, s.testKey(), 0, 0, -1, 1)
	r := s.finishRun(t)
	if got := value(t, s.p, r, metric.Entered("discovery"), metric.Department, metric.Total); got != 1 {
		t.Errorf("%g leads had a discovery, want 1 (the partner's)", got)
	}
	if got := value(t, s.p, r, metric.Of(metric.SegmentCyclePrefix, "partner"), metric.Department, metric.Total); !near(got, 4) {
		t.Errorf("partner cycle %g h, want 4", got)
	}
	// Book accounts match only segments without sources and from the
	// start.
	if sg := s.p.segmentOf(100, originBook, 0, 0); sg != 0 {
		t.Errorf("a book account is in segment %d, want none", sg)
	}
	if sg := s.p.segmentOf(100, originDatabase, 1, 0); sg != 0 {
		t.Errorf("database 1 is in segment %d, want none (inbound stream 1 is)", sg)
	}
}

// TestSegmentFrom: a segment that applies from 10 h takes the leads that
// arrive from then on; the earlier ones follow the stages as they are.
func TestSegmentFrom(t *testing.T) {
	t.Parallel()
	cfg := segmentDesign()
	cfg.Segments[0].From = 10
	cfg.Segments = cfg.Segments[:1]
	s := manual(t, cfg)
	s.env.RunUntil(0)
	s.funnel.newLead(1000, s.testKey(), 0, 0, -1, 0)
	s.env.RunUntil(10)
	s.funnel.newLead(1000, s.testKey(), 0, 0, -1, 0)
	r := s.finishRun(t)
	if got := value(t, s.p, r, metric.Entered("discovery"), metric.Department, metric.Total); got != 1 {
		t.Errorf("%g leads had a discovery, want 1 (the later one)", got)
	}
	if got := value(t, s.p, r, metric.Of(metric.SegmentWonPrefix, "enterprise"), metric.Department, metric.Total); got != 1 {
		t.Errorf("%g enterprise leads won, want 1", got)
	}
	// Applied from the start with nobody to do the discovery, it warns.
	cfg = segmentDesign()
	cfg.Roles[0].Speed[1] = 0
	cfg.Roles[2].Speed[1] = 1
	cfg.Roles[2].Headcount = 0
	if !hasWarning(cfg.Warnings(), "Segments[0].Next[0].Next", "nobody with people at the start") {
		t.Errorf("no warning for a segment stage nobody does: %v", cfg.Warnings())
	}
	cfg.Segments[0].From = 5
	if hasWarning(cfg.Warnings(), "Segments[0].Next[0].Next", "nobody with people at the start") {
		t.Error("a warning for a segment that applies later")
	}
}

// TestSizeScalesDuration: a 1-hour task for a company four times the
// reference size takes 2 h with elasticity 0.5; for one of 0.4 times it,
// 0.4 h with elasticity 1. Work for an account starts scaled; the same
// activity without elasticity is not.
func TestSizeScalesDuration(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		size, elasticity, want float64
	}{{1000, 0.5, 2}, {100, 1, 0.4}, {1000, 0, 1}} {
		cfg := oneRole(1, AroundTheClock(), Activity{Name: "service", Duration: dist.MustParse("1h"), Kind: "service",
			SizeElasticity: c.elasticity, SizeReference: 250})
		s := manual(t, cfg)
		id := s.accts.newAccount(c.size, s.testKey(), 0, -1)
		s.funnel.enterStage(id, 0, 0)
		r := s.finishRun(t)
		if got := value(t, s.p, r, metric.TimeProductive, metric.Department, metric.Total); !near(got, c.want) {
			t.Errorf("size %g, elasticity %g: %g h of work, want %g", c.size, c.elasticity, got, c.want)
		}
	}
}

// TestSizeReferenceDefault: without a reference, the work takes its
// duration for a company of the market's mean size.
func TestSizeReferenceDefault(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, AroundTheClock(), Activity{Name: "service", Duration: dist.MustParse("1h"), Kind: "service", SizeElasticity: 1})
	cfg.Market.Size = dist.MustParse("exp(mean=500)")
	p := mustCompile(t, cfg)
	if got := p.sizeFactor(0, 1500); !near(got, 3) {
		t.Errorf("factor %g for three times the mean size, want 3", got)
	}
}

func TestSegmentRules(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		edit  func(*Config)
		field string
		msg   string
	}{
		{"duplicate", func(c *Config) { c.Segments[1].Name = "enterprise" }, "Segments[1].Name", "duplicate"},
		{"empty range", func(c *Config) { c.Segments[0].MaxSize = 500 }, "Segments[0].MaxSize", "no company fits"},
		{"stage twice", func(c *Config) {
			c.Segments[0].Next = append(c.Segments[0].Next, SegmentStep{Stage: StageAt(0), Next: StageAt(2)})
		}, "Segments[0].Next[1].Stage", "listed twice"},
		{"loop", func(c *Config) {
			c.Segments[0].Next = []SegmentStep{{Stage: StageAt(1), Next: StageAt(1)}}
		}, "Segments[0].Next[0].Next", "loop forever"},
		{"bad source", func(c *Config) { c.Segments[0].Sources = []Source{{Inbound: InboundAt(3)}} }, "Segments[0].Sources[0].Inbound", "out of range"},
		{"two sources in one", func(c *Config) {
			c.Segments[0].Sources = []Source{{Inbound: InboundAt(0), Database: DatabaseAt(0)}}
		}, "Segments[0].Sources[0]", "give one"},
		{"handoff segment", func(c *Config) { c.Handoffs[0].Segment = SegmentAt(5) }, "Handoffs[0].Segment", "out of range"},
		{"elasticity", func(c *Config) { c.Activities[2].SizeElasticity = 1.5 }, "Activities[2].SizeElasticity", "out of range"},
	} {
		cfg := segmentDesign()
		c.edit(&cfg)
		if !hasError(cfg.Validate(), c.field, c.msg) {
			t.Errorf("%s: want an error at %s saying %q; got %v", c.name, c.field, c.msg, cfg.Validate())
		}
	}
	// A segment shadowed by an earlier one is never used.
	cfg := segmentDesign()
	cfg.Segments = append(cfg.Segments, Segment{Name: "big", MinSize: 800})
	if !hasWarning(cfg.Warnings(), "Segments[2]", "never used") {
		t.Errorf("no warning for a segment after a catch-all: %v", cfg.Warnings())
	}
	// Leads that can be won only through a segment's step are won.
	cfg = segmentDesign()
	cfg.Stages[2].Convert = 0
	cfg.Stages[1].Next = 0
	cfg.Segments[0].Next = append(cfg.Segments[0].Next, SegmentStep{Stage: StageAt(1)})
	if err := cfg.Validate(); err != nil {
		t.Errorf("a design won through a segment's step: %v", err)
	}
	cfg.Segments, cfg.Handoffs[0].Segment = nil, 0
	if !hasError(cfg.Validate(), "Stages", "no lead can be won") {
		t.Errorf("without the segment, no lead can be won: %v", cfg.Validate())
	}
}

// hasError reports whether err holds a ConfigError at field whose message
// contains msg.
func hasError(err error, field, msg string) bool {
	for _, e := range flattenErr(err) {
		var ce *ConfigError
		if errors.As(e, &ce) && ce.Field == field && strings.Contains(ce.Msg, msg) {
			return true
		}
	}
	return false
}

func hasWarning(ws []*ConfigError, field, msg string) bool {
	for _, w := range ws {
		if w.Field == field && strings.Contains(w.Msg, msg) {
			return true
		}
	}
	return false
}

func flattenErr(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

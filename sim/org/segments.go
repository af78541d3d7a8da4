package org

import (
	"math"
	"slices"

	"github.com/salesim/salesim/sim/metric"
)

// Segments. A [Segment] is a kind of lead that follows a stage sequence of
// its own: companies of a size range, leads from given sources (inbound
// streams, databases), or both — enterprise deals on a longer cycle with
// extra stages, inbound leads that skip a qualification step. A lead
// belongs to the first segment of Config.Segments that it matches, decided
// once when it is created from its company's size and where it came from,
// and it keeps the segment as a client. A segment changes where success at
// a stage leads (Segment.Next; the stage's own Next elsewhere); handoffs
// may be restricted to a segment (Handoff.Segment), so that its leads and
// clients go to roles of their own. Leads in no segment follow the stages
// as they are.
//
// The segment is data, not code: the extra stages are ordinary [Stage]s
// that only the segment's leads reach, and the sources a segment names
// enter at their own stages as usual (the segment decides what follows).
//
// Work may also take longer for a bigger company (Activity.SizeElasticity):
// the duration drawn when the work starts is scaled by the account's size.

// Segment is a kind of lead with a stage sequence of its own.
type Segment struct {
	Name string
	// MinSize and MaxSize bound its companies' size: at least MinSize and
	// below MaxSize (0: no bound), as for a [Handoff].
	MinSize, MaxSize float64
	// Sources restricts it to leads from these inbound streams and
	// databases; empty: from anywhere, the book at time 0 included.
	Sources []Source
	// Next overrides where success at a stage leads the segment's leads.
	Next []SegmentStep
	// From is the time from which new leads join the segment (0: from the
	// start): a process a reorganisation introduces. Leads that arrived
	// before, and the book at time 0, are not in it.
	From float64
}

// Source is an inbound stream or a database: exactly one is set.
type Source struct {
	Inbound  InboundRef
	Database DatabaseRef
}

// SegmentStep says that success at Stage leads to Next (none: the lead is
// won).
type SegmentStep struct {
	Stage StageRef // required
	Next  StageRef
}

// maxSegments is the most segments a Config may have: an account keeps
// its segment in a byte.
const maxSegments = 255

func (sg *Segment) check(v *checker, i int) {
	f := index("Segments", i)
	c := v.cfg
	if i == maxSegments {
		v.bad("Segments", "%d segments: at most %d", len(c.Segments), maxSegments)
	}
	if sg.Name == "" {
		v.bad(f+".Name", "empty name")
	}
	for j := range i {
		if sg.Name != "" && c.Segments[j].Name == sg.Name {
			v.bad(f+".Name", "duplicate segment name %q (also segment %d)", sg.Name, j)
		}
	}
	v.money(f+".MinSize", sg.MinSize, 0, false)
	if end := c.Run.Warmup + c.Run.Horizon; v.hours(f+".From", sg.From, 0, false) && sg.From >= end && end > 0 {
		v.warn(f+".From", "%s is not before the end of the run (%s): no lead joins the segment", fmtHours(sg.From), fmtHours(end))
	}
	if v.money(f+".MaxSize", sg.MaxSize, 0, false) && sg.MaxSize > 0 && sg.MinSize >= sg.MaxSize {
		v.bad(f+".MaxSize", "max_size %s is not above min_size %s: no company fits", fmtNum(sg.MaxSize), fmtNum(sg.MinSize))
	}
	for j, src := range sg.Sources {
		k := index(f+".Sources", j)
		switch {
		case src.Inbound != 0 && src.Database != 0:
			v.bad(k, "both an inbound stream and a database: give one")
		case src.Inbound != 0:
			v.inbound(k+".Inbound", src.Inbound, true)
		default:
			v.database(k+".Database", src.Database, true)
		}
		if slices.Contains(sg.Sources[:j], src) {
			v.bad(k, "source listed twice")
		}
	}
	for j, st := range sg.Next {
		k := index(f+".Next", j)
		okS := v.stage(k+".Stage", st.Stage, true)
		okN := v.stage(k+".Next", st.Next, false)
		if okS && slices.ContainsFunc(sg.Next[:j], func(o SegmentStep) bool { return o.Stage == st.Stage }) {
			v.bad(k+".Stage", "stage %s listed twice: give one next stage", c.Stages[st.Stage.Index()].Name)
		}
		if okS && okN && st.Next == st.Stage && c.Stages[st.Stage.Index()].Convert == 1 {
			v.bad(k+".Next", "stage %s leads to itself with convert 100%%: a lead would loop forever", c.Stages[st.Stage.Index()].Name)
		}
	}
	for j := range i {
		if e := &c.Segments[j]; e.covers(sg) {
			v.warn(f, "segment %s is never used: every lead it would take matches segment %s, listed before it", sg.Name, e.Name)
			break
		}
	}
}

// checkSegmentStaffing warns of a segment that applies from the start and
// leads to a stage whose activity nobody with people does at the start:
// its leads would wait there, and go cold, until a reorganisation staffs
// the stage.
func (c *Config) checkSegmentStaffing(v *checker) {
	for i, sg := range c.Segments {
		for j, st := range sg.Next {
			if sg.From > 0 || st.Next == 0 {
				continue
			}
			a := c.Stages[st.Next.Index()].Activity.Index()
			staffed := false
			for r, ro := range c.Roles {
				staffed = staffed || ro.Headcount > 0 && c.performs(r, a)
			}
			if !staffed {
				v.warn(index(index("Segments", i)+".Next", j)+".Next", "nobody with people at the start does activity %s of stage %s: the segment's leads wait there until a reorganisation staffs it (give the segment a from time)",
					c.Activities[a].Name, c.Stages[st.Next.Index()].Name)
			}
		}
	}
}

// covers reports whether every company segment o matches also matches sg.
func (sg *Segment) covers(o *Segment) bool {
	if sg.From > o.From || sg.MinSize > o.MinSize || sg.MaxSize > 0 && (o.MaxSize == 0 || o.MaxSize > sg.MaxSize) {
		return false
	}
	if len(sg.Sources) == 0 {
		return true
	}
	if len(o.Sources) == 0 {
		return false
	}
	for _, src := range o.Sources {
		if !slices.Contains(sg.Sources, src) {
			return false
		}
	}
	return true
}

// from reports whether a lead of the given origin (random.go) and number
// (the inbound stream or database) comes from one of the segment's
// sources; with none, from anywhere.
func (sg *Segment) from(origin, k int) bool {
	if len(sg.Sources) == 0 {
		return true
	}
	for _, src := range sg.Sources {
		if origin == originInbound && src.Inbound.Index() == k || origin == originDatabase && src.Database.Index() == k {
			return true
		}
	}
	return false
}

// checkSize checks the scaling of an activity's duration with size.
func (a *Activity) checkSize(v *checker, f string, i int) {
	c := v.cfg
	v.within(f+".SizeElasticity", a.SizeElasticity, 0, 1, false, false, fmtNum)
	v.money(f+".SizeReference", a.SizeReference, 0, false)
	if a.SizeElasticity == 0 {
		return
	}
	if m := c.Market.Size.Mean(); a.SizeReference == 0 && (c.Market.Size.IsZero() || !(m > 0)) {
		v.bad(f+".SizeReference", "the duration scales with company size, but there is no size to scale from: give a reference size, or a market size with a mean above 0")
	}
	for _, db := range c.Databases {
		if s := db.Stage.Index(); s >= 0 && s < len(c.Stages) && c.Stages[s].Activity.Index() == i {
			v.warn(f+".SizeElasticity", "database %s is called with this activity: a call to a contact does not scale with size (the contact is not an account until the call succeeds)", db.Name)
		}
	}
}

// segment and inbound check references to a segment and an inbound stream.
func (v *checker) segment(field string, s SegmentRef, required bool) bool {
	return v.ref(field, s.Index(), len(v.cfg.Segments), "segment", required)
}

func (v *checker) inbound(field string, in InboundRef, required bool) bool {
	return v.ref(field, in.Index(), len(v.cfg.Inbound), "inbound stream", required)
}

// segmentNext returns, for each segment, the stage success at each stage
// leads to (−1: won).
func segmentNext(c *Config) [][]int32 {
	var out [][]int32
	for _, sg := range c.Segments {
		nx := make([]int32, len(c.Stages))
		for s, st := range c.Stages {
			nx[s] = int32(st.Next.Index())
		}
		for _, step := range sg.Next {
			nx[step.Stage.Index()] = int32(step.Next.Index())
		}
		out = append(out, nx)
	}
	return out
}

// segmentSteps calls f with the stages success at stage s may lead to in
// some segment other than by the stage's own Next (−1: won).
func (c *Config) segmentSteps(s int, f func(next int)) {
	for _, sg := range c.Segments {
		for _, step := range sg.Next {
			if step.Stage.Index() == s {
				f(step.Next.Index())
			}
		}
	}
}

// sizeRefs returns each activity's reference size for the scaling of its
// duration (0: not scaled).
func sizeRefs(c *Config) []float64 {
	refs := make([]float64, len(c.Activities))
	for a, act := range c.Activities {
		if act.SizeElasticity != 0 {
			refs[a] = act.SizeReference
			if refs[a] == 0 {
				refs[a] = c.Market.Size.Mean()
			}
		}
	}
	return refs
}

// sizeFactor returns the multiplier of activity act's duration for a
// company of the given size.
func (p *Plan) sizeFactor(act int32, size float64) float64 {
	return math.Pow(size/p.sizeRef[act], p.cfg.Activities[act].SizeElasticity)
}

// segmentOf returns the segment (a SegmentRef) of a company of the given
// size from the given origin and number (an inbound stream or a database;
// originBook for the book at time 0) arriving at time now: the first
// segment it matches, or 0.
func (p *Plan) segmentOf(size float64, origin, k int, now float64) uint8 {
	for i := range p.cfg.Segments {
		sg := &p.cfg.Segments[i]
		if now < sg.From || sg.MinSize > 0 && size < sg.MinSize || sg.MaxSize > 0 && size >= sg.MaxSize || !sg.from(origin, k) {
			continue
		}
		return uint8(i + 1)
	}
	return 0
}

// place puts new lead id, from the given origin and number, in its
// segment and counts it there.
func (f *funnel) place(id int32, origin, k int) {
	s := f.s
	if len(s.cfg.Segments) == 0 {
		return
	}
	a := &s.accts.list[id]
	a.seg = s.p.segmentOf(a.size, origin, k, s.env.Now())
	if a.seg != 0 && s.recording && origin != originBook {
		s.rec.seg.leads[a.seg-1]++
	}
}

// nextStage returns the stage success at stage st leads lead a to, or −1:
// the lead is won.
func (f *funnel) nextStage(a *account, st int) int {
	if a.seg != 0 {
		return int(f.s.p.segNext[a.seg-1][st])
	}
	return f.s.cfg.Stages[st].Next.Index()
}

// segmentWon counts lead a, won now, in its segment: the deal and the
// time since the lead arrived (or was recalled from nurture).
func (f *funnel) segmentWon(a *account) {
	s := f.s
	if a.seg != 0 && s.recording {
		l := &s.rec.seg
		l.won[a.seg-1]++
		l.cycle[a.seg-1] += s.env.Now() - a.created
	}
}

// segmentLog holds the counters of each segment over the horizon.
type segmentLog struct {
	leads, won, cycle, margin []float64 // [segment]
}

func (l *segmentLog) init(n int) {
	l.leads, l.won, l.cycle, l.margin = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
}

func (l *segmentLog) reset() {
	clear(l.leads)
	clear(l.won)
	clear(l.cycle)
	clear(l.margin)
}

// perSegment makes the members of a family with one metric per segment.
func perSegment(prefix string, f func(l *segmentLog, sg int) float64) func(p *Plan) ([]string, []formula) {
	return func(p *Plan) ([]string, []formula) {
		var names []string
		var fs []formula
		for sg, seg := range p.cfg.Segments {
			names = append(names, metric.Of(prefix, seg.Name))
			fs = append(fs, func(r *recorder, role, per int) float64 { return f(&r.seg, sg) })
		}
		return names, fs
	}
}

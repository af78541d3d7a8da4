package org

import "math"

// The recorder holds the raw counters of one replication: per counter, per
// role (the department last) and per month (the total last). Mechanisms
// add to the role's month as things happen; [recorder.total] fills the
// department and the totals once, at the end. The metrics a run reports
// are computed from these counters by the table in metrics.go.

// raw counters kept per role (and department) and per period.
const (
	cMargin = iota
	cCostSalary
	cCostHourly
	cCostCommission
	cCostBonus
	cTasks
	cHandovers
	cPassed
	cFirstOrders
	cOrders
	cOrdersLost
	cChurned
	cActive
	cChurnedTop
	cActiveTop
	cMarginTop
	cLeadsIn
	cLeadsCold
	cLeadsLost
	cLeadsNurtured
	cTWork // productive, fatigue split below
	cTFatigue
	cTSetup
	cTIdle
	cTAbsence
	cTInternal
	cWaitSum
	cWaitN
	cInSysArea
	cHeadArea
	cRespSum
	cRespN
	cEscalated
	cLeadsIgnored
	cJoined     // joint.go: tasks joined, by the joining role
	cJoinMissed // joint.go: tasks started alone for want of a joiner, by the doer's role
	cCostMarketing
	nCounters
)

// recorder holds the raw counters of one replication.
type recorder struct {
	nRole, nPer int // roles + 1 (department last), months + 1 (total last)
	nAct        int
	months      int
	horizon     float64
	ctr         []float64 // [counter][role][period]
	done        []float64 // [role][activity], totals
	entered     []float64 // [stage]
	monthly     []float64 // target metric per month after the warm-up
	baseline    float64   // target metric per month before
	target      *Target
	rate        float64 // margin rate, for a revenue target
	svc         serviceLog
	posts       postLog
	seg         segmentLog
}

func newRecorder(p *Plan) *recorder {
	r := &recorder{
		nRole:   p.nRole + 1,
		nPer:    p.months + 1,
		nAct:    p.nAct,
		months:  p.months,
		horizon: p.cfg.Run.Horizon,
		target:  p.cfg.Target,
		rate:    p.cfg.Market.MarginRate,
	}
	r.ctr = make([]float64, nCounters*r.nRole*r.nPer)
	r.done = make([]float64, r.nRole*p.nAct)
	r.entered = make([]float64, p.nStage)
	r.monthly = make([]float64, p.months)
	r.svc.init(r.nRole, p.nAct, len(p.cfg.Handoffs))
	r.posts.init(p)
	r.seg.init(len(p.cfg.Segments))
	return r
}

func (r *recorder) reset() {
	clear(r.ctr)
	clear(r.done)
	clear(r.entered)
	clear(r.monthly)
	r.svc.reset()
	r.posts.reset()
	r.seg.reset()
	r.baseline = 0
}

// countDone counts x completed tasks of activity act by role r (and the
// department).
func (r *recorder) countDone(role, act int, x float64) {
	r.done[role*r.nAct+act] += x
	r.done[(r.nRole-1)*r.nAct+act] += x
}

func (r *recorder) roleIdx(role int) int {
	if role < 0 {
		return r.nRole - 1
	}
	return role
}

// add adds v to counter c of role (and of the department) in month m (and
// in the total).
//
// Only the role's month is written; [recorder.total] fills the department
// and the totals once, at the end of the replication.
func (r *recorder) add(c, role, m int, v float64) {
	r.ctr[(c*r.nRole+role)*r.nPer+m] += v
}

// total sums every additive counter over roles into the department and
// over months into the totals. Level counters (set) keep their own.
func (r *recorder) total() {
	for c := range nCounters {
		if c == cActive || c == cActiveTop {
			continue
		}
		base := c * r.nRole * r.nPer
		dept := base + (r.nRole-1)*r.nPer
		for m := 0; m < r.nPer-1; m++ {
			var d float64
			for role := 0; role < r.nRole-1; role++ {
				d += r.ctr[base+role*r.nPer+m]
			}
			r.ctr[dept+m] = d
		}
		for role := 0; role < r.nRole; role++ {
			o := base + role*r.nPer
			var t float64
			for m := 0; m < r.nPer-1; m++ {
				t += r.ctr[o+m]
			}
			r.ctr[o+r.nPer-1] = t
		}
	}
}

// set sets a level counter (active clients) for a month; the total takes
// the last month's value.
func (r *recorder) set(c, role, m int, v float64) {
	o := (c*r.nRole+r.roleIdx(role))*r.nPer + m
	r.ctr[o] = v
	if m == r.nPer-2 {
		r.ctr[o+1] = v
	}
}

func (r *recorder) get(c, role, per int) float64 {
	if per < 0 {
		per = r.nPer - 1
	}
	return r.ctr[(c*r.nRole+r.roleIdx(role))*r.nPer+per]
}

// length returns the hours in a period.
func (r *recorder) length(per int) float64 {
	if per < 0 {
		return r.horizon
	}
	if per == r.months-1 {
		return r.horizon - float64(per)*Month
	}
	return Month
}

// growth returns the target metric per month in a period over the
// baseline, minus 1.
func (r *recorder) growth(per int) float64 {
	if r.baseline <= 0 {
		return math.NaN()
	}
	var v float64
	if per < 0 {
		for _, x := range r.monthly {
			v += x
		}
		v /= r.horizon / Month
	} else {
		v = r.monthly[per] / (r.length(per) / Month)
	}
	return v/r.baseline - 1
}

// reachedMonth returns the first month (1-based) at whose end the rolling
// mean over the target window reaches the goal, or 0.
func (r *recorder) reachedMonth() int {
	t := r.target
	goal := (1 + t.Growth) * r.baseline
	for m := t.Window; m <= r.months; m++ {
		var s float64
		for i := m - t.Window; i < m; i++ {
			s += r.monthly[i] / (r.length(i) / Month)
		}
		if s/float64(t.Window) >= goal {
			return m
		}
	}
	return 0
}

func (r *recorder) reached(per int) float64 {
	m := r.reachedMonth()
	by := r.target.By
	if per >= 0 {
		by = per + 1
	}
	if m > 0 && m <= by {
		return 1
	}
	return 0
}

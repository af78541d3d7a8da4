package org

import (
	"fmt"
	"math"

	"github.com/salesim/salesim/sim/metric"
)

// Metric describes one measure.
type Metric struct {
	Name    string
	Unit    string
	Doc     string
	Dept    bool // reported for the department (role "all")
	PerRole bool // reported per role
	Monthly bool // reported per month as well as in total
	// Pattern is true for families named after an activity or stage
	// (done.<activity>, entered.<stage>).
	Pattern bool
}

// Catalog lists the measures of a plan in the order of a record.
type Catalog struct {
	Keys    []metric.Key
	Roles   []string // role names, without "all"
	Periods []string // "total", then the months
	index   map[metric.Key]int
	metrics map[string]Metric
	fill    []filler
}

// Len returns the number of measures in a record.
func (c *Catalog) Len() int { return len(c.Keys) }

// Index returns the position of k in a record.
func (c *Catalog) Index(k metric.Key) (int, bool) {
	i, ok := c.index[k]
	return i, ok
}

// Metric returns the description of a metric by name.
func (c *Catalog) Metric(name string) (Metric, bool) {
	m, ok := c.metrics[name]
	return m, ok
}

// MetricNames returns the metric names in record order.
func (c *Catalog) MetricNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, k := range c.Keys {
		if !seen[k.Metric] {
			seen[k.Metric] = true
			names = append(names, k.Metric)
		}
	}
	return names
}

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
	nCounters
)

// Metrics documents every metric salesim reports. The names are stable:
// result files, charts and scripts rely on them.
var Metrics = []Metric{
	{Name: "revenue", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "revenue booked (margin divided by market.margin_rate), attributed to the role owning the client"},
	{Name: "margin", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "margin booked from first and repeat orders, attributed to the role owning the client"},
	{Name: "cost", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "people cost: salary + hourly pay + commission + bonuses"},
	{Name: "cost_salary", Unit: "money", Dept: true, PerRole: true, Monthly: true, Doc: "salaries for time employed"},
	{Name: "cost_hourly", Unit: "money", Dept: true, PerRole: true, Monthly: true, Doc: "hourly pay for scheduled hours present"},
	{Name: "cost_commission", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "commission on margin of owned clients and on margin of clients found and passed on"},
	{Name: "cost_bonus", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "bonuses per handover, passed lead and first order"},
	{Name: "profit", Unit: "money", Dept: true, PerRole: true, Monthly: true, Doc: "margin − cost"},
	{Name: "throughput", Unit: "tasks", Dept: true, PerRole: true, Monthly: true,
		Doc: "tasks completed (every activity, pulled calls included)"},
	{Name: "handovers", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "clients handed over by the role to another role"},
	{Name: "passed", Unit: "leads", Dept: true, PerRole: true, Monthly: true,
		Doc: "leads passed by the role to another role"},
	{Name: "first_orders", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "deals won: leads that placed their first order, by the role that closed them"},
	{Name: "new_clients", Unit: "clients", Dept: true, Monthly: true, Doc: "leads that became clients"},
	{Name: "orders", Unit: "orders", Dept: true, PerRole: true, Monthly: true,
		Doc: "repeat orders handled, by the role owning the client"},
	{Name: "orders_lost", Unit: "orders", Dept: true, PerRole: true, Monthly: true,
		Doc: "repeat orders that waited past their patience and were lost"},
	{Name: "churned_clients", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "clients lost, by the role owning them when they left"},
	{Name: "active_clients", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "clients at the end of the period, by owning role"},
	{Name: "churned_top20", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "clients lost whose size is in the top 20 % of the market (at least the 80th percentile of market.size)"},
	{Name: "active_top20", Unit: "clients", Dept: true, PerRole: true, Monthly: true,
		Doc: "clients in the top 20 % of the market by size at the end of the period"},
	{Name: "margin_top20", Unit: "money", Dept: true, PerRole: true, Monthly: true,
		Doc: "margin booked from clients in the top 20 % of the market by size"},
	{Name: "leads_in", Unit: "leads", Dept: true, PerRole: true, Monthly: true,
		Doc: "new leads: inbound requests and contacts that converted on a call, by receiving role"},
	{Name: "leads_cold", Unit: "leads", Dept: true, PerRole: true, Monthly: true,
		Doc: "leads that waited past their patience and went cold, by the role they waited for"},
	{Name: "leads_lost", Unit: "leads", Dept: true, PerRole: true, Monthly: true,
		Doc: "leads lost at a stage, by the role working the stage"},
	{Name: "leads_nurtured", Unit: "leads", Dept: true, PerRole: true, Monthly: true,
		Doc: "leads with no need now, stored for a call at their need date"},
	{Name: "time_productive_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "hours of work at rested speed"},
	{Name: "time_switching_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "hours of setup lost changing kind of activity"},
	{Name: "time_fatigue_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "extra hours work took because of shift fatigue"},
	{Name: "time_idle_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "scheduled hours with no work to do (or paused, or slacking)"},
	{Name: "time_absence_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "scheduled hours absent (sickness, holiday)"},
	{Name: "time_internal_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "scheduled hours in internal blocks (meetings, training, planning)"},
	{Name: "utilisation", Unit: "share", Dept: true, PerRole: true, Monthly: true,
		Doc: "productive hours / scheduled hours"},
	{Name: "queue_wait_h", Unit: "hours", Dept: true, PerRole: true, Monthly: true,
		Doc: "mean hours a queued task waited before its work started (pulled calls excluded)"},
	{Name: "in_system", Unit: "tasks", Dept: true, PerRole: true, Monthly: true,
		Doc: "time-average number of queued tasks waiting or in service (pulled calls excluded)"},
	{Name: "headcount", Unit: "people", Dept: true, PerRole: true, Monthly: true,
		Doc: "time-average number of people employed"},
	{Name: "lead_response_h", Unit: "hours", Dept: true, Monthly: true,
		Doc: "mean hours from an inbound request's arrival to the start of its first work"},
	{Name: "growth", Unit: "share", Dept: true, Monthly: true,
		Doc: "the target metric in the period per month / baseline month − 1 (with a target)"},
	{Name: "baseline", Unit: "money", Dept: true,
		Doc: "the target metric per month that growth is measured from: the target's baseline, or measured over the last 12 months of the warm-up (with a target)"},
	{Name: "p_target", Unit: "share", Dept: true, Monthly: true,
		Doc: "1 if the target was reached by the end of the month (total: by the target month), else 0; its mean is the probability"},
	{Name: "done.<activity>", Unit: "tasks", Dept: true, PerRole: true, Pattern: true,
		Doc: "tasks of the activity completed"},
	{Name: "entered.<stage>", Unit: "leads", Dept: true, Pattern: true,
		Doc: "leads whose work at the stage became available (the funnel)"},
}

type filler struct {
	metric string
	role   int // -1: department
	period int // -1: total
	get    func(r *recorder, role, period int) float64
}

func newCatalog(p *Plan) *Catalog {
	cfg := &p.cfg
	c := &Catalog{index: map[metric.Key]int{}, metrics: map[string]Metric{}}
	for _, ro := range cfg.Roles {
		c.Roles = append(c.Roles, ro.Name)
	}
	c.Periods = append(c.Periods, metric.Total)
	width := len(fmt.Sprint(p.months))
	if width < 2 {
		width = 2
	}
	for m := 1; m <= p.months; m++ {
		c.Periods = append(c.Periods, fmt.Sprintf("m%0*d", width, m))
	}
	add := func(m Metric, name string, get func(r *recorder, role, period int) float64) {
		c.metrics[name] = Metric{Name: name, Unit: m.Unit, Doc: m.Doc, Dept: m.Dept, PerRole: m.PerRole, Monthly: m.Monthly}
		roles := []int{}
		if m.Dept {
			roles = append(roles, -1)
		}
		if m.PerRole {
			for r := range cfg.Roles {
				roles = append(roles, r)
			}
		}
		periods := []int{-1}
		if m.Monthly {
			for i := range p.months {
				periods = append(periods, i)
			}
		}
		for _, r := range roles {
			for _, per := range periods {
				k := metric.Key{Metric: name, Role: metric.Department, Period: metric.Total}
				if r >= 0 {
					k.Role = cfg.Roles[r].Name
				}
				if per >= 0 {
					k.Period = c.Periods[per+1]
				}
				c.index[k] = len(c.Keys)
				c.Keys = append(c.Keys, k)
				c.fill = append(c.fill, filler{metric: name, role: r, period: per, get: get})
			}
		}
	}
	ctr := func(i int) func(r *recorder, role, per int) float64 {
		return func(r *recorder, role, per int) float64 { return r.get(i, role, per) }
	}
	sum := func(is ...int) func(r *recorder, role, per int) float64 {
		return func(r *recorder, role, per int) float64 {
			var s float64
			for _, i := range is {
				s += r.get(i, role, per)
			}
			return s
		}
	}
	ratio := func(num, den int) func(r *recorder, role, per int) float64 {
		return func(r *recorder, role, per int) float64 {
			d := r.get(den, role, per)
			if d == 0 {
				return 0
			}
			return r.get(num, role, per) / d
		}
	}
	perHour := func(i int) func(r *recorder, role, per int) float64 {
		return func(r *recorder, role, per int) float64 { return r.get(i, role, per) / r.length(per) }
	}
	cost := sum(cCostSalary, cCostHourly, cCostCommission, cCostBonus)
	for _, m := range Metrics {
		var get func(r *recorder, role, per int) float64
		switch m.Name {
		case "revenue":
			rate := cfg.Market.MarginRate
			get = func(r *recorder, role, per int) float64 { return r.get(cMargin, role, per) / rate }
		case "margin":
			get = ctr(cMargin)
		case "cost":
			get = cost
		case "cost_salary":
			get = ctr(cCostSalary)
		case "cost_hourly":
			get = ctr(cCostHourly)
		case "cost_commission":
			get = ctr(cCostCommission)
		case "cost_bonus":
			get = ctr(cCostBonus)
		case "profit":
			get = func(r *recorder, role, per int) float64 { return r.get(cMargin, role, per) - cost(r, role, per) }
		case "throughput":
			get = ctr(cTasks)
		case "handovers":
			get = ctr(cHandovers)
		case "passed":
			get = ctr(cPassed)
		case "first_orders", "new_clients":
			get = ctr(cFirstOrders)
		case "orders":
			get = ctr(cOrders)
		case "orders_lost":
			get = ctr(cOrdersLost)
		case "churned_clients":
			get = ctr(cChurned)
		case "active_clients":
			get = ctr(cActive)
		case "churned_top20":
			get = ctr(cChurnedTop)
		case "active_top20":
			get = ctr(cActiveTop)
		case "margin_top20":
			get = ctr(cMarginTop)
		case "leads_in":
			get = ctr(cLeadsIn)
		case "leads_cold":
			get = ctr(cLeadsCold)
		case "leads_lost":
			get = ctr(cLeadsLost)
		case "leads_nurtured":
			get = ctr(cLeadsNurtured)
		case "time_productive_h":
			get = ctr(cTWork)
		case "time_switching_h":
			get = ctr(cTSetup)
		case "time_fatigue_h":
			get = ctr(cTFatigue)
		case "time_idle_h":
			get = ctr(cTIdle)
		case "time_absence_h":
			get = ctr(cTAbsence)
		case "time_internal_h":
			get = ctr(cTInternal)
		case "utilisation":
			sched := sum(cTWork, cTFatigue, cTSetup, cTIdle, cTAbsence, cTInternal)
			get = func(r *recorder, role, per int) float64 {
				d := sched(r, role, per)
				if d == 0 {
					return 0
				}
				return r.get(cTWork, role, per) / d
			}
		case "queue_wait_h":
			get = ratio(cWaitSum, cWaitN)
		case "in_system":
			get = perHour(cInSysArea)
		case "headcount":
			get = perHour(cHeadArea)
		case "lead_response_h":
			get = ratio(cRespSum, cRespN)
		case "growth":
			if cfg.Target == nil {
				continue
			}
			get = func(r *recorder, role, per int) float64 { return r.growth(per) }
		case "baseline":
			if cfg.Target == nil {
				continue
			}
			get = func(r *recorder, role, per int) float64 { return r.baseline }
		case "p_target":
			if cfg.Target == nil {
				continue
			}
			get = func(r *recorder, role, per int) float64 { return r.reached(per) }
		case "done.<activity>":
			for a, act := range cfg.Activities {
				a := a
				add(m, "done."+act.Name, func(r *recorder, role, per int) float64 { return r.done[r.roleIdx(role)*p.nAct+a] })
			}
			continue
		case "entered.<stage>":
			for s, st := range cfg.Stages {
				s := s
				add(m, "entered."+st.Name, func(r *recorder, role, per int) float64 { return r.entered[s] })
			}
			continue
		default:
			panic("org: metric without a definition: " + m.Name)
		}
		add(m, m.Name, get)
	}
	return c
}

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
	return r
}

func (r *recorder) reset() {
	clear(r.ctr)
	clear(r.done)
	clear(r.entered)
	clear(r.monthly)
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

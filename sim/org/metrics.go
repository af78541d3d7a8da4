package org

import (
	"slices"

	"github.com/salesim/salesim/sim/metric"
)

// Metric describes one measure.
type Metric struct {
	Name    string
	Unit    metric.Unit
	Doc     string
	Dept    bool // reported for the department (role "all")
	PerRole bool // reported per role
	Monthly bool // reported per month as well as in total
	// PerPerson: reported per post of a role as well, over the whole
	// horizon (people.csv; posts.go).
	PerPerson bool
	// Pattern is true for families named after an activity or stage
	// (done.<activity>, entered.<stage>).
	Pattern bool
}

// formula computes a measure from a replication's recorder, for a role (−1:
// the department) and a period (−1: the whole horizon).
type formula func(r *recorder, role, period int) float64

// definition is one row of the metric table: what a metric is and how it
// is computed.
type definition struct {
	Metric
	get formula
	// target: reported only when the design has a target.
	target bool
	// when, if set, says whether a plan reports the metric: a metric of
	// a mechanism is reported only by designs that use it.
	when func(p *Plan) bool
	// members, for a Pattern metric, names its members and their formulas
	// for a plan (one per activity, one per stage).
	members func(p *Plan) ([]string, []formula)
	// only, if set, says which roles report a member (nil: every role).
	only func(p *Plan, member int) []bool
	// person, if set, names the metric's members reported for each post
	// of a role and gives their formulas (posts.go).
	person personMembers
}

// Scopes of the table.
const (
	deptOnly = iota // the department, whole horizon
	deptMonthly
	allMonthly // the department and each role, by month
)

func def(name string, unit metric.Unit, scope int, get formula, doc string) definition {
	return definition{Metric: Metric{Name: name, Unit: unit, Doc: doc, Dept: true,
		PerRole: scope == allMonthly, Monthly: scope != deptOnly}, get: get}
}

// Formula constructors.
func counter(c int) formula {
	return func(r *recorder, role, per int) float64 { return r.get(c, role, per) }
}

func sum(cs ...int) formula {
	return func(r *recorder, role, per int) float64 {
		var s float64
		for _, c := range cs {
			s += r.get(c, role, per)
		}
		return s
	}
}

// ratio is num/den, 0 where den is 0.
func ratio(num, den formula) formula {
	return func(r *recorder, role, per int) float64 {
		d := den(r, role, per)
		if d == 0 {
			return 0
		}
		return num(r, role, per) / d
	}
}

// perHour is a time integral over the period's length: a time average.
func perHour(c int) formula {
	return func(r *recorder, role, per int) float64 { return r.get(c, role, per) / r.length(per) }
}

var (
	costF  = sum(costCounters...)
	schedF = sum(splitCounters...)
)

// table defines every metric once, in record order. The names are stable:
// result files, charts and scripts rely on them (package metric).
var table = []definition{
	def(metric.Revenue, metric.Money, allMonthly,
		func(r *recorder, role, per int) float64 { return r.get(cMargin, role, per) / r.rate },
		"revenue booked (margin divided by market.margin_rate), attributed to the role owning the client"),
	perPerson(def(metric.Margin, metric.Money, allMonthly, counter(cMargin),
		"margin booked from first and repeat orders, attributed to the role owning the client"), postValue(pvMargin)),
	perPerson(def(metric.Cost, metric.Money, allMonthly, costF,
		"people cost (salary + hourly pay + commission + bonuses) and the marketing budgets of inbound streams"), postValue(pvCost)),
	def(metric.CostSalary, metric.Money, allMonthly, counter(cCostSalary), "salaries for time employed"),
	def(metric.CostHourly, metric.Money, allMonthly, counter(cCostHourly), "hourly pay for scheduled hours present"),
	def(metric.CostCommission, metric.Money, allMonthly, counter(cCostCommission),
		"commission on margin of owned clients and on margin of clients found and passed on"),
	def(metric.CostBonus, metric.Money, allMonthly, counter(cCostBonus),
		"bonuses per handover, passed lead and first order"),
	usedBy(spends, def(metric.CostMarketing, metric.Money, allMonthly, counter(cCostMarketing),
		"marketing budgets of the inbound streams, by the role receiving the stream (with a design where a stream has a budget)")),
	def(metric.Profit, metric.Money, allMonthly,
		func(r *recorder, role, per int) float64 { return r.get(cMargin, role, per) - costF(r, role, per) },
		"margin − cost"),
	perPerson(def(metric.Throughput, metric.Tasks, allMonthly, counter(cTasks),
		"tasks completed (every activity, pulled calls included)"), postValue(pvTasks)),
	def(metric.Handovers, metric.Clients, allMonthly, counter(cHandovers),
		"clients handed over by the role to another role"),
	def(metric.Passed, metric.Leads, allMonthly, counter(cPassed),
		"leads passed by the role to another role"),
	perPerson(def(metric.FirstOrders, metric.Clients, allMonthly, counter(cFirstOrders),
		"deals won: leads that placed their first order, by the role that closed them"), postValue(pvFirstOrders)),
	def(metric.NewClients, metric.Clients, deptMonthly, counter(cFirstOrders), "leads that became clients"),
	def(metric.OrdersDone, metric.Orders, allMonthly, counter(cOrders),
		"repeat orders handled, by the role owning the client"),
	def(metric.OrdersLost, metric.Orders, allMonthly, counter(cOrdersLost),
		"repeat orders that waited past their patience and were lost"),
	def(metric.ChurnedClients, metric.Clients, allMonthly, counter(cChurned),
		"clients lost, by the role owning them when they left"),
	def(metric.ActiveClients, metric.Clients, allMonthly, counter(cActive),
		"clients at the end of the period, by owning role"),
	def(metric.ChurnedTop20, metric.Clients, allMonthly, counter(cChurnedTop),
		"clients lost whose size is in the top 20 % of the market (at least the 80th percentile of market.size)"),
	def(metric.ActiveTop20, metric.Clients, allMonthly, counter(cActiveTop),
		"clients in the top 20 % of the market by size at the end of the period"),
	def(metric.MarginTop20, metric.Money, allMonthly, counter(cMarginTop),
		"margin booked from clients in the top 20 % of the market by size"),
	def(metric.LeadsIn, metric.Leads, allMonthly, counter(cLeadsIn),
		"new leads: inbound requests and contacts that converted on a call, by receiving role"),
	def(metric.LeadsCold, metric.Leads, allMonthly, counter(cLeadsCold),
		"leads that waited past their patience and went cold, by the role they waited for"),
	def(metric.LeadsLost, metric.Leads, allMonthly, counter(cLeadsLost),
		"leads lost at a stage, by the role working the stage"),
	def(metric.LeadsNurtured, metric.Leads, allMonthly, counter(cLeadsNurtured),
		"leads with no need now, stored for a call at their need date"),
	def(metric.LeadsIgnored, metric.Leads, allMonthly, counter(cLeadsIgnored),
		"new inbound leads the person they were given to never followed up (the fat-cat rule's lead black hole, research/domain.md C6)"),
	def(metric.TimeProductive, metric.Hours, allMonthly, counter(cTWork), "hours of work at rested speed"),
	def(metric.TimeSwitching, metric.Hours, allMonthly, counter(cTSetup), "hours of setup lost changing kind of activity"),
	def(metric.TimeFatigue, metric.Hours, allMonthly, counter(cTFatigue), "extra hours work took because of shift fatigue"),
	def(metric.TimeIdle, metric.Hours, allMonthly, counter(cTIdle),
		"scheduled hours with no work to do (or paused, or slacking)"),
	def(metric.TimeAbsence, metric.Hours, allMonthly, counter(cTAbsence), "scheduled hours absent (sickness, holiday)"),
	def(metric.TimeInternal, metric.Hours, allMonthly, counter(cTInternal),
		"scheduled hours in internal blocks (meetings, training, planning)"),
	perPerson(def(metric.Utilisation, metric.Share, allMonthly, ratio(counter(cTWork), schedF),
		"productive hours / scheduled hours"), postUtilisation),
	def(metric.QueueWait, metric.Hours, allMonthly, ratio(counter(cWaitSum), counter(cWaitN)),
		"mean hours a queued task waited before its work started (pulled calls excluded)"),
	def(metric.InSystem, metric.Tasks, allMonthly, perHour(cInSysArea),
		"time-average number of queued tasks waiting or in service (pulled calls excluded)"),
	perPerson(def(metric.Headcount, metric.People, allMonthly, perHour(cHeadArea),
		"time-average number of people employed"), postHeadcount),
	def(metric.LeadResponse, metric.Hours, deptMonthly, ratio(counter(cRespSum), counter(cRespN)),
		"mean hours from an inbound request's arrival to the start of its first work"),
	def(metric.Escalated, metric.Leads, allMonthly, counter(cEscalated),
		"leads the role passed on and escalated because their work waited too long in the receiving role's queue"),
	usedBy(joinsWork, def(metric.Joined, metric.Tasks, allMonthly, counter(cJoined),
		"tasks a person of the role joined (joint work, with a design where a role joins an activity), by the joining role")),
	usedBy(joinsWork, def(metric.JoinMissed, metric.Tasks, allMonthly, counter(cJoinMissed),
		"tasks of an activity with a joining role started alone because nobody of the joining role was free, by the role doing the work (with a design where a role joins an activity)")),
	withTarget(def(metric.Growth, metric.Share, deptMonthly,
		func(r *recorder, role, per int) float64 { return r.growth(per) },
		"the target metric in the period per month / baseline month − 1 (with a target)")),
	withTarget(def(metric.Baseline, metric.Money, deptOnly,
		func(r *recorder, role, per int) float64 { return r.baseline },
		"the target metric per month that growth is measured from: the target's baseline, or measured over the last 12 months of the warm-up (with a target)")),
	withTarget(def(metric.PTarget, metric.Share, deptMonthly,
		func(r *recorder, role, per int) float64 { return r.reached(per) },
		"1 if the target was reached by the end of the month (total: by the target month), else 0; its mean is the probability")),
	perPerson(family(metric.DonePattern, metric.Tasks, true, "tasks of the activity completed",
		func(p *Plan) ([]string, []formula) {
			var names []string
			var fs []formula
			for a, act := range p.cfg.Activities {
				names = append(names, metric.Done(act.Name))
				fs = append(fs, func(r *recorder, role, per int) float64 { return r.done[r.roleIdx(role)*r.nAct+a] })
			}
			return names, fs
		}), postDone),
	family(metric.EnteredPattern, metric.Leads, false, "leads whose work at the stage became available (the funnel)",
		func(p *Plan) ([]string, []formula) {
			var names []string
			var fs []formula
			for st, stage := range p.cfg.Stages {
				names = append(names, metric.Entered(stage.Name))
				fs = append(fs, func(r *recorder, role, per int) float64 { return r.entered[st] })
			}
			return names, fs
		}),
	family(metric.WaitPrefix+"<activity>", metric.Hours, true, "mean hours the activity's queued tasks waited before their work started (tasks started in the horizon)",
		perActivity(metric.WaitPrefix, func(l *serviceLog, ri, a int, _ float64) float64 { return l.meanWait(ri, a) })),
	family(metric.WaitP50Prefix+"<activity>", metric.Hours, true, "median wait of the activity's queued tasks (exact within each replication)",
		perActivity(metric.WaitP50Prefix, func(l *serviceLog, ri, a int, _ float64) float64 { return l.quantile(ri, a, 0.5) })),
	family(metric.WaitP90Prefix+"<activity>", metric.Hours, true, "90th percentile wait of the activity's queued tasks (exact within each replication)",
		perActivity(metric.WaitP90Prefix, func(l *serviceLog, ri, a int, _ float64) float64 { return l.quantile(ri, a, 0.9) })),
	family(metric.AbandonedPrefix+"<activity>", metric.Tasks, true, "tasks of the activity that waited past their patience",
		perActivity(metric.AbandonedPrefix, func(l *serviceLog, ri, a int, _ float64) float64 { return l.lost[ri*l.nAct+a] })),
	family(metric.ServiceLevelPrefix+"<activity>", metric.Share, true, "share of the activity's tasks started within its service_time, of those started or abandoned (only for activities with a service_time)",
		func(p *Plan) ([]string, []formula) {
			var names []string
			var fs []formula
			for a, act := range p.cfg.Activities {
				if t := act.ServiceTime; t > 0 {
					names = append(names, metric.Of(metric.ServiceLevelPrefix, act.Name))
					fs = append(fs, func(r *recorder, role, per int) float64 { return r.svc.level(r.roleIdx(role), a, t) })
				}
			}
			return names, fs
		}),
	perPerson(only(family(metric.NormAttainmentPrefix+"<norm>", metric.Share, true, "mean attainment of the norm: tasks counted in a period over the norm pro-rated to the hours present, over the person-periods judged (people present at least half of the period)",
		perNorm(metric.NormAttainmentPrefix, judged.mean)), withNorm), postNorms(metric.NormAttainmentPrefix, judged.mean)),
	perPerson(only(family(metric.NormMetPrefix+"<norm>", metric.Share, true, "share of the person-periods judged in which the norm was met",
		perNorm(metric.NormMetPrefix, judged.share)), withNorm), postNorms(metric.NormMetPrefix, judged.share)),
	perPerson(only(family(metric.QuotaAttainment, metric.Share, true, "mean attainment of the monthly quota: own clients' margin in a month over the quota pro-rated to the hours present, over the person-months judged",
		ifQuota(metric.QuotaAttainment, judged.mean)), withQuota), postQuota(metric.QuotaAttainment, judged.mean)),
	perPerson(only(family(metric.QuotaMet, metric.Share, true, "share of the person-months judged in which the quota was met (research/domain.md C13: reps reaching quota)",
		ifQuota(metric.QuotaMet, judged.share)), withQuota), postQuota(metric.QuotaMet, judged.share)),
	personOnly(metric.NormReachedPrefix+"<norm>", true, "per person: 1 if the post's mean attainment of the norm over the horizon reached 100 %, else 0; its mean over people is the share of people reaching the norm",
		postNorms(metric.NormReachedPrefix, judged.reached)),
	personOnly(metric.QuotaReached, false, "per person: 1 if the post's mean attainment of the monthly quota over the horizon reached 100 %, else 0; its mean over people is the share of people reaching quota (research/domain.md C13)",
		postQuota(metric.QuotaReached, judged.reached)),
	family(metric.PassedViaPrefix+"<handoff>", metric.Leads, false, "accounts passed through the handoff (named from_to_to)",
		perHandoff(metric.PassedViaPrefix, func(l *serviceLog, h int) float64 { return l.passed[h] })),
	family(metric.WonAfterPrefix+"<handoff>", metric.Share, false, "share of the accounts passed through the handoff in the horizon that were then won (leads; 0 for clients)",
		perHandoff(metric.WonAfterPrefix, func(l *serviceLog, h int) float64 { return ratioOf(l.won[h], l.passed[h]) })),
	family(metric.HandoffTimePrefix+"<handoff>", metric.Hours, false, "mean hours from the handoff to the receiving role's first work on the account: the handoff's delay and the wait",
		perHandoff(metric.HandoffTimePrefix, func(l *serviceLog, h int) float64 { return ratioOf(l.timeSum[h], l.timeN[h]) })),
	family(metric.SegmentLeadsPrefix+"<segment>", metric.Leads, false, "new leads of the segment: inbound requests and contacts that converted on a call (only for designs with segments)",
		perSegment(metric.SegmentLeadsPrefix, func(l *segmentLog, sg int) float64 { return l.leads[sg] })),
	family(metric.SegmentWonPrefix+"<segment>", metric.Clients, false, "leads of the segment that became clients",
		perSegment(metric.SegmentWonPrefix, func(l *segmentLog, sg int) float64 { return l.won[sg] })),
	family(metric.SegmentCyclePrefix+"<segment>", metric.Hours, false, "mean hours from a won lead's arrival (or its recall from nurture) to its first order: the segment's sales cycle",
		perSegment(metric.SegmentCyclePrefix, func(l *segmentLog, sg int) float64 { return ratioOf(l.cycle[sg], l.won[sg]) })),
	family(metric.SegmentMarginPrefix+"<segment>", metric.Money, false, "margin booked from the segment's clients (the book at time 0 too, for a segment that applies from the start)",
		perSegment(metric.SegmentMarginPrefix, func(l *segmentLog, sg int) float64 { return l.margin[sg] })),
}

// normNames returns the names of the norms of every role, in order of
// first appearance.
func normNames(p *Plan) []string {
	var names []string
	seen := map[string]bool{}
	for _, ro := range p.cfg.Roles {
		for i := range ro.Norms {
			if n := ro.Norms[i].name(&p.cfg); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// normJudged returns the judgements of the norm named name of role (−1:
// every role with it).
func normJudged(p *Plan, r *recorder, role int, name string) judged {
	var x judged
	for ri, ro := range p.cfg.Roles {
		if role >= 0 && ri != role {
			continue
		}
		for i := range ro.Norms {
			if ro.Norms[i].name(&p.cfg) == name {
				j := r.posts.roleNorms[ri*r.posts.nNorm+i]
				x.sum, x.n, x.met = x.sum+j.sum, x.n+j.n, x.met+j.met
			}
		}
	}
	return x
}

// perNorm makes the members of a family with one metric per norm name.
func perNorm(prefix string, f func(judged) float64) func(p *Plan) ([]string, []formula) {
	return func(p *Plan) ([]string, []formula) {
		var names []string
		var fs []formula
		for _, n := range normNames(p) {
			names = append(names, metric.Of(prefix, n))
			fs = append(fs, func(r *recorder, role, per int) float64 { return f(normJudged(p, r, role, n)) })
		}
		return names, fs
	}
}

// withNorm reports the roles that have the norm of member index m.
func withNorm(p *Plan, m int) []bool {
	name := normNames(p)[m]
	mask := make([]bool, len(p.cfg.Roles))
	for ri, ro := range p.cfg.Roles {
		for i := range ro.Norms {
			mask[ri] = mask[ri] || ro.Norms[i].name(&p.cfg) == name
		}
	}
	return mask
}

// quotaJudged returns the quota judgements of role (−1: every role).
func quotaJudged(r *recorder, role int) judged {
	if role >= 0 {
		return r.posts.roleQuota[role]
	}
	var x judged
	for _, j := range r.posts.roleQuota {
		x.sum, x.n, x.met = x.sum+j.sum, x.n+j.n, x.met+j.met
	}
	return x
}

// ifQuota makes the one member of a quota metric, if some role has a
// quota.
func ifQuota(name string, f func(judged) float64) func(p *Plan) ([]string, []formula) {
	return func(p *Plan) ([]string, []formula) {
		if !slices.Contains(withQuota(p, 0), true) {
			return nil, nil
		}
		return []string{name}, []formula{func(r *recorder, role, per int) float64 { return f(quotaJudged(r, role)) }}
	}
}

// withQuota reports the roles that have a quota.
func withQuota(p *Plan, _ int) []bool {
	mask := make([]bool, len(p.cfg.Roles))
	for ri, ro := range p.cfg.Roles {
		mask[ri] = ro.Quota != nil
	}
	return mask
}

// perActivity makes the members of a family with one metric per activity.
func perActivity(prefix string, f func(l *serviceLog, ri, a int, _ float64) float64) func(p *Plan) ([]string, []formula) {
	return func(p *Plan) ([]string, []formula) {
		var names []string
		var fs []formula
		for a, act := range p.cfg.Activities {
			names = append(names, metric.Of(prefix, act.Name))
			fs = append(fs, func(r *recorder, role, per int) float64 { return f(&r.svc, r.roleIdx(role), a, 0) })
		}
		return names, fs
	}
}

// perHandoff makes the members of a family with one metric per handoff.
func perHandoff(prefix string, f func(l *serviceLog, h int) float64) func(p *Plan) ([]string, []formula) {
	return func(p *Plan) ([]string, []formula) {
		var names []string
		var fs []formula
		for h, name := range p.handNames {
			names = append(names, metric.Of(prefix, name))
			fs = append(fs, func(r *recorder, role, per int) float64 { return f(&r.svc, h) })
		}
		return names, fs
	}
}

// ratioOf is num/den, 0 where den is 0.
func ratioOf(num, den float64) float64 {
	if den == 0 {
		return 0
	}
	return num / den
}

func only(d definition, f func(p *Plan, member int) []bool) definition {
	d.only = f
	return d
}

// perPerson reports the metric per post as well, with the members pm.
func perPerson(d definition, pm personMembers) definition {
	d.PerPerson = true
	d.person = pm
	return d
}

// personOnly is a metric reported per post only; pattern tells that it
// is a family (one member per norm).
func personOnly(name string, pattern bool, doc string, pm personMembers) definition {
	return definition{Metric: Metric{Name: name, Unit: metric.Share, Doc: doc, PerPerson: true, Pattern: pattern}, person: pm}
}

func withTarget(d definition) definition {
	d.target = true
	return d
}

// usedBy makes d reported only by the plans for which when is true.
func usedBy(when func(p *Plan) bool, d definition) definition {
	d.when = when
	return d
}

// family is a Pattern metric: totals only, for the department and, if
// perRole, each role.
func family(pattern string, unit metric.Unit, perRole bool, doc string, members func(p *Plan) ([]string, []formula)) definition {
	return definition{Metric: Metric{Name: pattern, Unit: unit, Doc: doc, Dept: true, PerRole: perRole, Pattern: true},
		members: members}
}

// Metrics documents every metric salesim reports, in record order.
var Metrics = func() []Metric {
	ms := make([]Metric, len(table))
	for i, d := range table {
		ms[i] = d.Metric
	}
	return ms
}()

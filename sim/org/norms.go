package org

import "github.com/salesim/salesim/sim/des"

// Norms and quotas (seed 002's weekly norms; research/domain.md C13:
// reps reaching quota). A norm is a count of completed tasks of an
// activity each person of a role should reach per week or per month
// (effective calls, meetings held); with PerDecisionMaker a task for a
// company counts at most once a day per decision maker of the company
// (at most five counted), so that ten calls to one switchboard are one. A
// quota is a monthly margin each person should bring from the clients
// they own, with an accelerator on the commission of the margin above it.
//
// At the end of each period, a person employed and present for at least
// half of its scheduled hours is judged: attainment is the count over the
// norm pro-rated to the hours present; the norm is met at 100 %. Results
// are kept per post (posts.go) and per role: the mean attainment and the
// share of person-periods meeting the norm.

// Norm is a count of work each person of a role should reach per period.
type Norm struct {
	// Name names the norm in metric names (norm_met.<name>); "" is the
	// activity's name.
	Name     string
	Activity ActivityRef // required: the activity whose completed tasks count
	Count    float64     // per person and period, for a person present the whole period
	Per      float64     // the period in hours: a week (168) or a month (730)
	// PerDecisionMaker caps what a company counts: at most one task a
	// day per decision maker of the company (Market.DecisionMakers, at
	// most five counted).
	PerDecisionMaker bool
}

// Quota is a monthly margin target per person of a role.
type Quota struct {
	Margin float64 // per person and month, of the clients the person owns
	// Accelerator multiplies the commission on a person's margin above
	// the quota within a month (1 or 0: none); research/domain.md E4
	// (Chung, Steenburgh and Sudhir 2014).
	Accelerator float64
	// Drop is the share of their prospecting a person drops once the
	// month's quota is met (quota.go); 0 is none.
	Drop float64
}

// maxDecisionMakers is the most decision makers a company counts with.
const maxDecisionMakers = 5

func (n *Norm) check(v *checker, f string) {
	v.activity(f+".Activity", n.Activity, true)
	v.number(f+".Count", n.Count, 0, true)
	if n.Per != HoursPerWeek && n.Per != Month {
		v.bad(f+".Per", "%s: want a week (1w) or a month (1mo)", fmtHours(n.Per))
	}
}

func (q *Quota) check(v *checker, f string) {
	v.money(f+".Margin", q.Margin, 0, true)
	v.number(f+".Accelerator", q.Accelerator, 0, false)
	v.prob(f+".Drop", q.Drop)
}

// name returns the norm's name in metric names.
func (n *Norm) name(c *Config) string {
	if n.Name != "" {
		return n.Name
	}
	return c.Activities[n.Activity.Index()].Name
}

// judge keeps the period counts of norms and quotas and judges them at
// the end of each period.
type judge struct {
	s       *Sim
	weekly  bool // some norm is weekly
	hWeek   des.Handler
	counts  []float64 // [person*nNorm + norm] tasks counted this period
	present [2][]float64
	margin  []float64 // [person] own clients' margin this month
}

// Period kinds of a judge's presence hours.
const (
	inWeek = iota
	inMonth
)

func (j *judge) bind(s *Sim) {
	j.s = s
	j.hWeek = func(int) { j.onWeek() }
	for _, ro := range s.cfg.Roles {
		for _, n := range ro.Norms {
			j.weekly = j.weekly || n.Per == HoursPerWeek
		}
	}
}

// judged is a sum of judgements: attainment summed, periods judged, and
// periods that met the norm or quota.
type judged struct{ sum, n, met float64 }

func (x *judged) add(attain float64) {
	x.sum += attain
	x.n++
	if attain >= 1 {
		x.met++
	}
}

// mean returns the mean attainment, 0 if nothing was judged.
func (x judged) mean() float64 { return ratioOf(x.sum, x.n) }

// share returns the share of periods that met, 0 if nothing was judged.
func (x judged) share() float64 { return ratioOf(x.met, x.n) }

// reached returns 1 if the mean attainment reached 100 %, else 0.
func (x judged) reached() float64 {
	if x.n > 0 && x.mean() >= 1 {
		return 1
	}
	return 0
}

// setup sizes the judge's period counts for a replication.
func (j *judge) setup() {
	s := j.s
	j.counts = j.counts[:0]
	for i := range j.present {
		j.present[i] = j.present[i][:0]
	}
	j.margin = j.margin[:0]
	if j.weekly && s.p.judging {
		for t := s.t0 + HoursPerWeek; t <= s.end+1e-9; t += HoursPerWeek {
			s.env.At(t, des.Urgent, j.hWeek, 0)
		}
	}
}

// addPerson makes room for a new person's counts.
func (j *judge) addPerson() {
	if !j.s.p.judging {
		return
	}
	for range j.s.p.nNorm {
		j.counts = append(j.counts, 0)
	}
	for i := range j.present {
		j.present[i] = append(j.present[i], 0)
	}
	j.margin = append(j.margin, 0)
}

// presentFor adds d hours present to person p's periods.
func (j *judge) presentFor(p int32, d float64) {
	j.present[inWeek][p] += d
	j.present[inMonth][p] += d
}

// done counts a task of activity act completed by person p for account
// acct (−1: none, or a raw contact called) towards p's norms.
func (j *judge) done(p int32, act int32, acct int32, n float64) {
	s := j.s
	ro := &s.cfg.Roles[s.staff.people[p].role]
	for i := range ro.Norms {
		nm := &ro.Norms[i]
		if nm.Activity.Index() != int(act) {
			continue
		}
		if nm.PerDecisionMaker && acct >= 0 && !s.accts.countDecisionMaker(acct) {
			continue
		}
		j.counts[int(p)*s.p.nNorm+i] += n
	}
}

// booked adds margin from a client of person p to p's month.
func (j *judge) booked(p int32, margin float64) {
	j.margin[p] += margin
}

// accelerated returns the extra commission owed on margin booked for a
// client of person p, whose role has quota q and commission c: the
// accelerator's surplus on the part above the month's quota.
func (j *judge) accelerated(p int32, q *Quota, c, margin float64) float64 {
	if q.Accelerator <= 1 || margin <= 0 {
		return 0
	}
	before := j.margin[p]
	above := before + margin - max(q.Margin, before)
	if above <= 0 {
		return 0
	}
	return above * c * (q.Accelerator - 1)
}

func (j *judge) onWeek() {
	if j.s.recording {
		j.judge(HoursPerWeek)
	}
	clear(j.present[inWeek])
}

// endMonth judges the monthly norms and quotas at the end of a month of
// the horizon.
func (j *judge) endMonth() {
	if j.s.p.judging {
		j.judge(Month)
		clear(j.present[inMonth])
		clear(j.margin)
	}
}

// judge judges the norms of the given period (and, monthly, the quotas)
// of every person present for at least half of their scheduled hours.
func (j *judge) judge(per float64) {
	s := j.s
	kind := inWeek
	if per == Month {
		kind = inMonth
	}
	for i := range s.staff.people {
		p := int32(i)
		pp := &s.staff.people[p]
		s.staff.acct(p)
		ro := &s.cfg.Roles[pp.role]
		sched := s.cal.groups[pp.group].week.Hours() * per / HoursPerWeek
		share := ratioOf(j.present[kind][p], sched)
		for n := range ro.Norms {
			nm := &ro.Norms[n]
			if nm.Per != per {
				continue
			}
			c := &j.counts[int(p)*s.p.nNorm+n]
			if share >= 0.5 {
				s.rec.posts.judgeNorm(s, p, n, *c/(nm.Count*share))
			}
			*c = 0
		}
		if q := ro.Quota; q != nil && per == Month && share >= 0.5 {
			s.rec.posts.judgeQuota(s, p, j.margin[p]/(q.Margin*share))
		}
	}
}

package org

import (
	"math"

	"github.com/salesim/salesim/sim/metric"
)

// Results per person. Norms and quotas are per person in every seed, and
// "reps reaching quota" (research/domain.md C13) is a share of people, so
// a run reports results per post: a role's position in its staff list
// ("hunter 2"), held by one person after another when people leave and
// vacancies are refilled. A post's results are its throughput by
// activity, the deals it won, the margin of the clients it owned, its
// pay, its utilisation, and its attainment of each norm and of the
// quota. A role reports the posts its design ever holds (Plan.posts: the
// most people it employs at once, reorganisations included).

// Post values, in order: then one per activity of tasks completed.
const (
	pvHead = iota // hours the post was held
	pvTasks
	pvFirstOrders
	pvMargin
	pvCost
	pvWork  // productive hours
	pvSched // scheduled hours
	pvDone  // + activity: tasks completed
)

// postLog is the part of the recorder that keeps results per post.
type postLog struct {
	first     []int // [role] index of its first post; [nRole] the number of posts
	nPV       int   // values per post
	nNorm     int
	vals      []float64 // [post*nPV + value]
	norms     []judged  // [post*nNorm + norm]
	quota     []judged  // [post]
	roleNorms []judged  // [role*nNorm + norm]
	roleQuota []judged  // [role]
}

func (l *postLog) init(p *Plan) {
	l.first = make([]int, len(p.posts)+1)
	for r, n := range p.posts {
		l.first[r+1] = l.first[r] + n
	}
	n := l.first[len(p.posts)]
	l.nPV, l.nNorm = pvDone+p.nAct, p.nNorm
	l.vals = make([]float64, n*l.nPV)
	l.norms = make([]judged, n*l.nNorm)
	l.quota = make([]judged, n)
	l.roleNorms = make([]judged, len(p.posts)*l.nNorm)
	l.roleQuota = make([]judged, len(p.posts))
}

func (l *postLog) reset() {
	clear(l.vals)
	clear(l.norms)
	clear(l.quota)
	clear(l.roleNorms)
	clear(l.roleQuota)
}

// post returns the post of person p, or −1 if it is beyond the posts its
// role reports.
func (l *postLog) post(s *Sim, p int32) int {
	if p < 0 {
		return -1
	}
	pp := &s.staff.people[p]
	i := l.first[pp.role] + pp.slot
	if i >= l.first[pp.role+1] {
		return -1
	}
	return i
}

// add adds x to value v of person p's post.
func (l *postLog) add(s *Sim, p int32, v int, x float64) {
	if i := l.post(s, p); i >= 0 {
		l.vals[i*l.nPV+v] += x
	}
}

// held reports whether post i was held at some time of the horizon; the
// measures of a post nobody held are undefined (NaN).
func (l *postLog) held(i int) bool { return l.vals[i*l.nPV+pvHead] > 0 }

// judgeNorm records a judgement of person p's norm n.
func (l *postLog) judgeNorm(s *Sim, p int32, n int, attain float64) {
	attain = math.Min(attain, math.MaxFloat32) // a norm of a sliver of presence
	l.roleNorms[int(s.staff.people[p].role)*l.nNorm+n].add(attain)
	if i := l.post(s, p); i >= 0 {
		l.norms[i*l.nNorm+n].add(attain)
	}
}

// judgeQuota records a judgement of person p's quota.
func (l *postLog) judgeQuota(s *Sim, p int32, attain float64) {
	l.roleQuota[s.staff.people[p].role].add(attain)
	if i := l.post(s, p); i >= 0 {
		l.quota[i].add(attain)
	}
}

// maxPosts returns, per role, the most people its design employs at once:
// the headcount at the start and after each reorganisation, with moves.
func maxPosts(c *Config) []int {
	members := make([]int, len(c.Roles))
	employed := make([]int, len(c.Roles))
	for r, ro := range c.Roles {
		members[r], employed[r] = ro.Headcount, ro.Headcount
	}
	most := append([]int(nil), members...)
	for _, ro := range c.Reorgs {
		for r := range employed {
			if ro.LeaveRoles == nil || containsRole(ro.LeaveRoles, r) {
				employed[r] -= int(math.Round(ro.Leave * float64(employed[r])))
			}
		}
		for _, m := range ro.Moves {
			f, t := m.From.Index(), m.To.Index()
			n := employed[f]
			if m.N >= 0 {
				n = min(n, m.N)
			}
			employed[f] -= n
			members[f] -= n
			employed[t] += n
			members[t] += n
		}
		for r, h := range ro.Headcount {
			if h >= 0 {
				members[r] = max(members[r], h)
				employed[r] = h
			}
		}
		for r := range most {
			most[r] = max(most[r], members[r])
		}
	}
	return most
}

func containsRole(rs []RoleRef, r int) bool {
	for _, x := range rs {
		if x.Index() == r {
			return true
		}
	}
	return false
}

// personFormula computes a measure of post i (an index of the recorder's
// posts) from a replication's recorder.
type personFormula func(r *recorder, i int) float64

// personMembers names the members of a metric reported for each post of
// role and gives their formulas: one for most metrics, one per activity
// the role performs for done.<activity>, one per norm of the role for
// the norm metrics, none for the quota metrics of a role without a
// quota.
type personMembers func(p *Plan, role int) ([]string, []personFormula)

// postValue reports post value v as it is.
func postValue(v int) personMembers {
	return func(p *Plan, role int) ([]string, []personFormula) {
		return []string{""}, []personFormula{func(r *recorder, i int) float64 { return r.posts.vals[i*r.posts.nPV+v] }}
	}
}

// postHeadcount is the share of the horizon the post was held: its
// time-average headcount.
func postHeadcount(p *Plan, role int) ([]string, []personFormula) {
	return []string{""}, []personFormula{func(r *recorder, i int) float64 { return r.posts.vals[i*r.posts.nPV+pvHead] / r.horizon }}
}

// postUtilisation is productive hours over scheduled hours.
func postUtilisation(p *Plan, role int) ([]string, []personFormula) {
	return []string{""}, []personFormula{func(r *recorder, i int) float64 {
		v := r.posts.vals[i*r.posts.nPV:]
		return ratioOf(v[pvWork], v[pvSched])
	}}
}

// postDone reports the tasks completed of each activity the role
// performs.
func postDone(p *Plan, role int) ([]string, []personFormula) {
	var names []string
	var fs []personFormula
	for a, act := range p.cfg.Activities {
		if p.cfg.Roles[role].Speed[a] > 0 {
			names = append(names, metric.Done(act.Name))
			fs = append(fs, func(r *recorder, i int) float64 { return r.posts.vals[i*r.posts.nPV+pvDone+a] })
		}
	}
	return names, fs
}

// postNorms reports f of the judgements of each norm of the role; NaN
// for a post never judged.
func postNorms(prefix string, f func(judged) float64) personMembers {
	return func(p *Plan, role int) ([]string, []personFormula) {
		var names []string
		var fs []personFormula
		for n := range p.cfg.Roles[role].Norms {
			names = append(names, metric.Of(prefix, p.cfg.Roles[role].Norms[n].name(&p.cfg)))
			fs = append(fs, func(r *recorder, i int) float64 { return orNaN(r.posts.norms[i*r.posts.nNorm+n], f) })
		}
		return names, fs
	}
}

// postQuota reports f of the quota judgements, if the role has a quota;
// NaN for a post never judged.
func postQuota(name string, f func(judged) float64) personMembers {
	return func(p *Plan, role int) ([]string, []personFormula) {
		if p.cfg.Roles[role].Quota == nil {
			return nil, nil
		}
		return []string{name}, []personFormula{func(r *recorder, i int) float64 { return orNaN(r.posts.quota[i], f) }}
	}
}

// orNaN returns f(x), or NaN if nothing was judged.
func orNaN(x judged, f func(judged) float64) float64 {
	if x.n == 0 {
		return math.NaN()
	}
	return f(x)
}

package org

import "math"

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
	pvTasks = iota
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

package charts

import (
	"errors"
	"math"
	"sort"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// Meta describes the design behind a table: the names the figures show,
// in the order they show them.
type Meta struct {
	Design     string   // the design's name, e.g. "growth-plan#veterans_leave"
	Roles      []string // role names, in the scenario's order
	Activities []string // activity names, in the scenario's order
	Stages     []Stage  // the funnel, in the scenario's order
	Months     int      // months after the warm-up
	Target     *Target  // the growth target, or nil
	Currency   string   // the money unit shown on axes and values, e.g. "₽"; "" for none
	// StatusQuo is the results of the design's status quo (the design
	// without its reorganisations, on the same random numbers), or nil:
	// the monthly figure draws its median beside the design's.
	StatusQuo *results.Table
	// People is the run's results per person, or nil: the people figure
	// draws them.
	People *results.PeopleTable
	// ServiceTimes are the activities' service times in hours, in
	// Activities order (0: none), for the service figure's labels; nil
	// for none.
	ServiceTimes []float64
	// Lang is the language of the texts; "" is English.
	Lang labels.Lang
}

// Stage is a funnel stage and where its success leads.
type Stage struct {
	Name string
	Next string // the next stage; "" means the lead is won
}

// Target is a growth goal: Metric per month over a rolling window of
// Window months must reach (1+Growth) times the baseline by month By.
type Target struct {
	Metric string
	Growth float64
	By     int
	Window int
}

// Design is one design's results, for figures comparing designs.
type Design struct {
	Meta  *Meta
	Table *results.Table
	// Diff holds the paired differences of the design's measures against
	// the first design's, replication by replication, as summaries under
	// the same keys; nil for the first design.
	Diff *results.Table
}

// ErrNoData is returned by a figure or data function when the table holds
// nothing it could draw: a funnel without stages, a comparison of one
// design.
var ErrNoData = errors.New("charts: nothing to plot")

// Estimate is a mean with its 95 % confidence interval. Lo and Hi are NaN
// when the interval is unknown (fewer than two replications).
type Estimate struct {
	Mean, Lo, Hi float64
}

func estimate(s stats.Summary) Estimate { return Estimate{s.Mean, s.Lo, s.Hi} }

// zero is the estimate of a measure the table does not hold.
var zero = Estimate{}

// lookup indexes a table by key and by month.
type lookup struct {
	t      *results.Table
	byKey  map[metric.Key]int
	months []int // month numbers present, ascending
	period map[int]string
}

func newLookup(t *results.Table) *lookup {
	l := &lookup{t: t, byKey: make(map[metric.Key]int, len(t.Keys)), period: map[int]string{}}
	for i, k := range t.Keys {
		l.byKey[k] = i
		if m, ok := metric.MonthOf(k.Period); ok {
			if _, seen := l.period[m]; !seen {
				l.period[m] = k.Period
				l.months = append(l.months, m)
			}
		}
	}
	sort.Ints(l.months)
	return l
}

// get returns the summary of a key and whether the table has it.
func (l *lookup) get(name, role, period string) (stats.Summary, bool) {
	i, ok := l.byKey[metric.Key{Metric: name, Role: role, Period: period}]
	if !ok {
		return stats.Summary{}, false
	}
	return l.t.Summaries[i], true
}

// total returns the whole-horizon estimate of a name for a role, zero
// if the table lacks it.
func (l *lookup) total(name, role string) Estimate {
	if s, ok := l.get(name, role, metric.Total); ok {
		return estimate(s)
	}
	return zero
}

// has reports whether the table holds the whole-horizon name for role.
func (l *lookup) has(name, role string) bool {
	_, ok := l.get(name, role, metric.Total)
	return ok
}

// month returns the summary of a name for a role in month m.
func (l *lookup) month(name, role string, m int) (stats.Summary, bool) {
	p, ok := l.period[m]
	if !ok {
		return stats.Summary{}, false
	}
	return l.get(name, role, p)
}

// activeRoles returns the indices of the roles that employed anyone over
// the horizon (mean headcount above 0), or every role if the table has no
// headcount.
func activeRoles(l *lookup, m *Meta) []int {
	var idx []int
	for i, r := range m.Roles {
		s, ok := l.get(metric.Headcount, r, metric.Total)
		if !ok || s.Mean > 0 || math.IsNaN(s.Mean) {
			idx = append(idx, i)
		}
	}
	return idx
}

// inactiveRoles returns the names of the roles activeRoles leaves out.
func inactiveRoles(l *lookup, m *Meta) []string {
	act := map[int]bool{}
	for _, i := range activeRoles(l, m) {
		act[i] = true
	}
	var out []string
	for i, r := range m.Roles {
		if !act[i] {
			out = append(out, r)
		}
	}
	return out
}

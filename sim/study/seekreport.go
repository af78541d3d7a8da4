package study

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// fmtNum formats a bound or a delta as written in a file: 0.8, 50000.
func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', 12, 64) }

// plural returns "the constraint", "the 2 constraints".
func plural(n int, word string) string {
	if n == 1 {
		return "the " + word
	}
	return fmt.Sprintf("the %d %ss", n, word)
}

// designsStayed returns "1 design stayed", "3 designs stayed".
func designsStayed(n int) string {
	if n == 1 {
		return "1 design stayed"
	}
	return fmt.Sprintf("%d designs stayed", n)
}

// pct formats a probability as a percentage: 95 %, 97.5 %.
func pct(p float64) string { return strconv.FormatFloat(100*p, 'g', 4, 64) + " %" }

// SeekUnits gives the units of the objective and the constraints, and
// the currency, for formatting; the zero value formats plain numbers.
type SeekUnits struct {
	Goal        metric.Unit
	Constraints []metric.Unit
	Currency    string
}

func (u SeekUnits) constraint(i int) metric.Unit {
	if i < len(u.Constraints) {
		return u.Constraints[i]
	}
	return ""
}

// guarantee states what the answer guarantees and what it assumes.
func (sk *seeker) guarantee() (string, []string) {
	p, r := sk.p, sk.res
	var b strings.Builder
	var cons []string
	for _, c := range p.Constraints {
		side := "above"
		other := "below"
		if !c.AtLeast {
			side, other = "below", "above"
		}
		cons = append(cons, fmt.Sprintf("every design explored whose %s is at least %s %s %s is classed feasible and every one at least %s %s it infeasible",
			meanOf(c), fmtNum(c.Delta), side, fmtNum(c.Bound), fmtNum(c.Delta), other))
	}
	zone := ""
	if len(p.Constraints) > 0 {
		zone = " (a design closer than delta to a bound may be classed either way)"
	}
	goal := "lower"
	if p.Goal.Maximise {
		goal = "higher"
	}
	feasOnly := fmt.Sprintf("With probability at least %s (the error rate %s of the feasibility tests, shared over the %d designs within the bounds and %s): %s%s.",
		pct(1-r.FeasibilityAlpha), fmtNum(r.FeasibilityAlpha), r.Designs, plural(len(p.Constraints), "constraint"), strings.Join(cons, "; "), zone)
	switch {
	case r.Best < 0:
		undecided := sk.count("undecided")
		if undecided == 0 {
			fmt.Fprintf(&b, "No design within the bounds is feasible. %s", feasOnly)
		} else {
			fmt.Fprintf(&b, "No design was found feasible, and %s undecided. %s", designsStayed(undecided), feasOnly)
		}
		if len(p.Constraints) > 0 {
			var near []string
			for _, c := range p.Constraints {
				op := "≥"
				lim := c.Bound + c.Delta
				if !c.AtLeast {
					op, lim = "≤", c.Bound-c.Delta
				}
				near = append(near, fmt.Sprintf("%s %s %s", meanOf(c), op, fmtNum(lim)))
			}
			except := ""
			if undecided > 0 {
				except = ", apart from the undecided ones,"
			}
			fmt.Fprintf(&b, " So, with that probability, no design within the bounds%s has %s", except, strings.Join(near, " and "))
			if p.Monotone {
				b.WriteString(" (for the designs not simulated: if the monotone assumption holds)")
			}
			b.WriteString(".")
		}
		if undecided > 0 {
			fmt.Fprintf(&b, " The undecided designs reached the cap of %d replications without a decision (their measure is likely within delta of a bound, or delta is small for the noise): they are not counted as feasible, and nothing is claimed about them.", p.Max)
		}
	default:
		if len(p.Constraints) == 0 {
			b.WriteString("Every design within the bounds is feasible (no constraints). ")
		}
		fmt.Fprintf(&b, "With probability at least %s (α = %s: %s for the feasibility tests, shared over the %d designs within the bounds and %s, and %s for the selection): ",
			pct(1-r.Alpha), fmtNum(r.Alpha), fmtNum(r.FeasibilityAlpha), r.Designs, plural(len(p.Constraints), "constraint"), fmtNum(r.SelectionAlpha))
		if len(p.Constraints) > 0 {
			fmt.Fprintf(&b, "%s%s; and ", strings.Join(cons, "; "), zone)
		}
		if len(p.Constraints) > 0 {
			fmt.Fprintf(&b, "if the best design meeting every constraint with delta to spare has a mean %s %s by at least %s than every other design not delta or more on the wrong side of a bound, it is the design returned (designs closer than that are equivalent to it).",
				p.Goal.Name, goal, fmtNum(p.Goal.Delta))
		} else {
			fmt.Fprintf(&b, "if the best design has a mean %s %s than every other's by at least %s, it is the design returned (designs closer than that are equivalent to it).",
				p.Goal.Name, goal, fmtNum(p.Goal.Delta))
		}
		if r.Capped {
			fmt.Fprintf(&b, " The selection reached the cap of %d replications with %d designs in contention: the design returned has the best mean of those, and the last part of the guarantee does not hold for it.", p.Max, len(r.Survivors))
		}
		if u := sk.count("undecided"); u > 0 {
			fmt.Fprintf(&b, " %s undecided at the cap of %d replications (their measure is likely within delta of a bound, or delta is small for the noise); they were left out of the selection.", designsStayed(u), p.Max)
		}
	}
	as := []string{
		"common random numbers: replication i of every design draws from the streams of (seed, i), so designs are compared by paired differences",
		"the replication values of the objective and of constraints on a mean are approximately normal (each is a mean over a long horizon); the tests of a probability (0/1 per replication) need only independent replications",
	}
	if p.Monotone {
		as = append(as, fmt.Sprintf("monotone (stated in the experiment file): every constraint is no worse when any factor grows; %d of the %d designs explored were classed from it without being tested", sk.implied(), len(r.Candidates)))
	} else {
		as = append(as, "no monotonicity is assumed: every design within the bounds was tested")
	}
	return b.String(), as
}

// meanOf names what a constraint bounds: "P(p_target)" reads badly, so
// a probability is "the probability of <name>", a mean "the mean <name>".
func meanOf(c SeekConstraint) string {
	if c.Bernoulli {
		return "probability " + c.Name
	}
	return "mean " + c.Name
}

// count returns the number of candidates of a class.
func (sk *seeker) count(class string) int {
	n := 0
	for _, c := range sk.res.Candidates {
		if c.Class == class {
			n++
		}
	}
	return n
}

// implied returns the number of candidates classed by implication.
func (sk *seeker) implied() int {
	n := 0
	for _, c := range sk.res.Candidates {
		if c.ImpliedBy != nil {
			n++
		}
	}
	return n
}

// Problem returns the problem the result answers.
func (r *SeekResult) Problem() *SeekProblem { return r.problem }

// label renders a point as "key=value key=value".
func (r *SeekResult) label(x []int) string {
	var parts []string
	for i, f := range r.problem.Factors {
		parts = append(parts, fmt.Sprintf("%s=%d", f.Key, x[i]))
	}
	return strings.Join(parts, " ")
}

// Ranked returns the indices of the feasible candidates, best first (the
// returned design, then by mean objective).
func (r *SeekResult) Ranked() []int {
	var idx []int
	for i, c := range r.Candidates {
		if c.Class == "feasible" && c.Replications > 0 {
			idx = append(idx, i)
		}
	}
	sign := 1.0
	if r.problem.Goal.Maximise {
		sign = -1
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case a == r.Best:
			return -1
		case b == r.Best:
			return 1
		}
		ma, mb := sign*r.Candidates[a].Objective.Mean, sign*r.Candidates[b].Objective.Mean
		switch {
		case ma < mb:
			return -1
		case ma > mb:
			return 1
		}
		return 0
	})
	return idx
}

// textWidth is the width the prose of a decision's text (its guarantee
// and assumptions) wraps at: the 100 columns salesim's tables fit.
const textWidth = 100

// WriteText prints the answer, its guarantee, the runners-up with their
// intervals and the designs explored.
func (r *SeekResult) WriteText(w io.Writer, u SeekUnits) error {
	p := r.problem
	ew := &errWriter{w: w}
	verb := "minimise"
	if p.Goal.Maximise {
		verb = "maximise"
	}
	var cons []string
	for _, c := range p.Constraints {
		cons = append(cons, fmt.Sprintf("%s (δ %s)", c, fmtNum(c.Delta)))
	}
	ew.printf("seek: %s %s (δ %s)", verb, p.Goal.Name, fmtNum(p.Goal.Delta))
	if len(cons) > 0 {
		ew.printf(" subject to %s", strings.Join(cons, ", "))
	}
	ew.printf("\n  over ")
	for i, f := range p.Factors {
		if i > 0 {
			ew.printf(", ")
		}
		ew.printf("%s %d–%d", f.Key, f.Min, f.Max)
	}
	ew.printf(" (%d designs)\n\n", r.Designs)
	switch und := r.count("undecided"); {
	case r.Best < 0 && und > 0:
		ew.printf("answer: NO DESIGN FOUND FEASIBLE (%s undecided)\n", designsStayed(und))
	case r.Best < 0:
		ew.printf("answer: NO DESIGN WITHIN THE BOUNDS IS FEASIBLE\n")
	default:
		b := r.Candidates[r.Best]
		ew.printf("answer: %s\n", r.label(b.X))
		ew.printf("  %s %s %s", p.Goal.Name, quantity.Format(b.Objective.Mean, u.Goal, u.Currency), quantity.Interval(b.Objective.Lo, b.Objective.Hi, u.Goal, u.Currency))
		for i, c := range p.Constraints {
			s := b.Constraints[i]
			ew.printf(", %s %s %s", c.Name, quantity.Format(s.Mean, u.constraint(i), u.Currency), quantity.Interval(s.Lo, s.Hi, u.constraint(i), u.Currency))
		}
		ew.printf(", %d replications\n", b.Replications)
	}
	ew.printf("\n%s", labels.Wrap("guarantee: "+r.Guarantee, textWidth, "  "))
	ew.printf("assumptions:\n")
	for _, a := range r.Assumptions {
		ew.printf("  %s", labels.Wrap("- "+a, textWidth-2, "    "))
	}
	ew.printf("\nexplored: %d of %d designs (%d simulated, %d classed by the monotone assumption), %d replications\n",
		len(r.Candidates), r.Designs, r.Simulated, r.implied(), r.Replications)
	ew.printf("  feasible %d, infeasible %d, undecided %d\n", r.count("feasible"), r.count("infeasible"), r.count("undecided"))
	if ranked := r.Ranked(); len(ranked) > 1 {
		ew.printf("\n%s", labels.Wrap(fmt.Sprintf("feasible designs by %s (difference to the answer paired over common replications, 95 %% interval):", p.Goal.Name), textWidth, "  "))
		for n, i := range ranked {
			if n >= 10 {
				ew.printf("  ... and %d more (seek.csv)\n", len(ranked)-n)
				break
			}
			c := r.Candidates[i]
			ew.printf("  %-40s %s", r.label(c.X), quantity.Format(c.Objective.Mean, u.Goal, u.Currency))
			switch {
			case i == r.Best:
				ew.printf("  (answer)")
			case c.Diff != nil:
				ew.printf("  %s %s", quantity.Signed(c.Diff.Mean, u.Goal, u.Currency), quantity.Interval(c.Diff.Lo, c.Diff.Hi, u.Goal, u.Currency))
			}
			if c.Eliminated > 0 {
				ew.printf("  eliminated after %d", c.Eliminated)
			}
			ew.printf("  n=%d\n", c.Replications)
		}
	}
	if len(p.Constraints) > 0 {
		// The designs closest to feasibility, as a picture of the
		// frontier: the best estimate of the first constraint.
		var rest []int
		for i, c := range r.Candidates {
			if c.Class != "feasible" && c.Replications > 0 {
				rest = append(rest, i)
			}
		}
		c0 := p.Constraints[0]
		slices.SortStableFunc(rest, func(a, b int) int {
			ma, mb := r.Candidates[a].Constraints[0].Mean, r.Candidates[b].Constraints[0].Mean
			if !c0.AtLeast {
				ma, mb = -ma, -mb
			}
			switch {
			case ma > mb:
				return -1
			case ma < mb:
				return 1
			}
			return 0
		})
		if len(rest) > 0 {
			ew.printf("\nclosest designs not feasible, by %s (95 %% interval):\n", c0.Name)
			for n, i := range rest {
				if n >= 5 {
					break
				}
				c := r.Candidates[i]
				s := c.Constraints[0]
				ew.printf("  %-40s %-10s %s %s  n=%d\n", r.label(c.X), c.Class, quantity.Format(s.Mean, u.constraint(0), u.Currency), quantity.Interval(s.Lo, s.Hi, u.constraint(0), u.Currency), c.Replications)
			}
		}
	}
	return ew.err
}

func (r *SeekResult) count(class string) int {
	n := 0
	for _, c := range r.Candidates {
		if c.Class == class {
			n++
		}
	}
	return n
}

func (r *SeekResult) implied() int {
	n := 0
	for _, c := range r.Candidates {
		if c.ImpliedBy != nil {
			n++
		}
	}
	return n
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

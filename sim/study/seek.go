package study

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/salesim/salesim/sim/stats"
)

// A SeekProblem asks for the cheapest design within integer bounds whose
// constraints hold: minimise (or maximise) the mean of an objective over
// the integer points of a box, subject to constraints on the means of
// other outputs, each judged with an indifference zone.
//
// The outputs of its [Sampler] are, per replication, the objective
// followed by each constraint's measure, in the order of Constraints.
type SeekProblem struct {
	Factors     []SeekFactor
	Goal        SeekGoal
	Constraints []SeekConstraint
	// Alpha is the error rate of the answer: the feasibility decisions
	// share Alpha/2 (unless constraints set their own), the selection
	// Alpha/2.
	Alpha float64
	// Initial is n₀, the first-stage replications of every candidate
	// (at least 2; 20 is a good default); Max caps the replications of a
	// candidate.
	Initial, Max int
	// Monotone states the assumption that every constraint is no worse
	// when any factor grows (more people: service level no lower,
	// P(target) no lower). Seek then classes a design as feasible without
	// simulating it when a design it dominates (≤ in every factor) was
	// found feasible, and as infeasible when a design dominating it was
	// found infeasible.
	Monotone bool
	// Progress, if not nil, is called after each candidate's feasibility
	// is decided and after each round of the selection, with a line of
	// text.
	Progress func(msg string)
}

// A SeekFactor is an integer decision variable: a headcount from Min to
// Max.
type SeekFactor struct {
	Key      string
	Min, Max int
}

// A SeekGoal is the objective: the mean of output 0, minimised unless
// Maximise, with indifference zone Delta (> 0): designs whose objectives
// differ by less than Delta are not told apart.
type SeekGoal struct {
	Name     string
	Maximise bool
	Delta    float64
}

// A SeekConstraint requires the mean of its output to be at least (or,
// if !AtLeast, at most) Bound. Delta (> 0) is its indifference zone: a
// design whose mean is Delta or more on one side is classed on that side
// with probability ≥ 1 − Alpha; within Delta of the bound either class
// may be given. Bernoulli says the output is 0 or 1 per replication (a
// probability such as P(target)): it is then tested as a Bernoulli
// probability, which needs Bound ± Delta within (0, 1). Alpha, if
// positive, is the constraint's share of the error rate.
type SeekConstraint struct {
	Name      string
	AtLeast   bool
	Bound     float64
	Delta     float64
	Alpha     float64
	Bernoulli bool
}

// String returns "name ≥ bound" or "name ≤ bound".
func (c SeekConstraint) String() string {
	op := "≥"
	if !c.AtLeast {
		op = "≤"
	}
	return fmt.Sprintf("%s %s %s", c.Name, op, fmtNum(c.Bound))
}

// maxBox is the most points of a box Seek accepts.
const maxBox = 20000

// check validates the problem; errors name the field.
func (p *SeekProblem) check() error {
	var errs []error
	if len(p.Factors) == 0 {
		errs = append(errs, errors.New("seek needs at least one factor"))
	}
	size := 1
	for _, f := range p.Factors {
		if f.Min > f.Max {
			errs = append(errs, fmt.Errorf("factor %s: min %d > max %d", f.Key, f.Min, f.Max))
			continue
		}
		size *= f.Max - f.Min + 1
		if size > maxBox {
			errs = append(errs, fmt.Errorf("the factors' bounds hold more than %d designs: narrow them", maxBox))
			break
		}
	}
	if !(p.Goal.Delta > 0) || math.IsInf(p.Goal.Delta, 0) {
		errs = append(errs, fmt.Errorf("objective %s: delta %g: want a number > 0", p.Goal.Name, p.Goal.Delta))
	}
	if !(p.Alpha > 0 && p.Alpha < 1) {
		errs = append(errs, fmt.Errorf("alpha %g: want a number in (0, 1)", p.Alpha))
	}
	if p.Initial < 2 {
		errs = append(errs, fmt.Errorf("initial %d: want at least 2 replications", p.Initial))
	}
	if p.Max < p.Initial {
		errs = append(errs, fmt.Errorf("max %d: want at least initial (%d)", p.Max, p.Initial))
	}
	var share float64
	for _, c := range p.Constraints {
		if !(c.Delta > 0) || math.IsInf(c.Delta, 0) || math.IsNaN(c.Bound) || math.IsInf(c.Bound, 0) {
			errs = append(errs, fmt.Errorf("constraint %s: delta %g: want a number > 0", c, c.Delta))
		}
		if c.Bernoulli && !(c.Bound-c.Delta > 0 && c.Bound+c.Delta < 1) {
			errs = append(errs, fmt.Errorf("constraint %s: bound ± delta = [%g, %g] must lie within (0, 1) for a probability", c, c.Bound-c.Delta, c.Bound+c.Delta))
		}
		if c.Alpha < 0 || c.Alpha >= 1 {
			errs = append(errs, fmt.Errorf("constraint %s: alpha %g: want a number in (0, 1)", c, c.Alpha))
		}
		share += c.Alpha
	}
	if share+p.Alpha/2 >= 1 {
		errs = append(errs, fmt.Errorf("the error rates add up to %g: want less than 1", share+p.Alpha/2))
	}
	return errors.Join(errs...)
}

// constraintAlpha returns constraint i's share of the error rate.
func (p *SeekProblem) constraintAlpha(i int) float64 {
	if a := p.Constraints[i].Alpha; a > 0 {
		return a
	}
	return p.Alpha / 2 / float64(len(p.Constraints))
}

// TotalAlpha returns the error rate of the whole answer: the selection's
// Alpha/2 and the constraints' shares.
func (p *SeekProblem) TotalAlpha() float64 {
	a := p.Alpha / 2
	for i := range p.Constraints {
		a += p.constraintAlpha(i)
	}
	return a
}

// size returns the number of designs within the bounds.
func (p *SeekProblem) size() int {
	n := 1
	for _, f := range p.Factors {
		n *= f.Max - f.Min + 1
	}
	return n
}

// A SeekResult is the answer of [Seek].
type SeekResult struct {
	// Best is the index in Candidates of the design returned, -1 if no
	// design within the bounds was found feasible.
	Best int
	// Candidates are the designs explored, in the order they were
	// classed.
	Candidates []*SeekCandidate
	// Designs is the number of designs within the bounds; Simulated the
	// number simulated; Replications the replications spent on them.
	Designs, Simulated, Replications int
	// Alpha is the error rate of the answer; FeasibilityAlpha and
	// SelectionAlpha its parts.
	Alpha, FeasibilityAlpha, SelectionAlpha float64
	// Capped tells that the selection reached the cap of replications
	// with several designs still in the running: Best is then the one
	// with the best mean, and the selection's guarantee does not hold.
	Capped bool
	// Survivors are the designs still in the running at the end of the
	// selection (Best alone unless Capped).
	Survivors []int
	// Guarantee states exactly what the answer guarantees; Assumptions
	// what it rests on.
	Guarantee   string
	Assumptions []string

	problem *SeekProblem
}

// A SeekCandidate is one design explored.
type SeekCandidate struct {
	X []int
	// Class is "feasible", "infeasible" or "undecided" (the cap was
	// reached within a constraint's indifference zone).
	Class string
	// ImpliedBy, for a design classed by the monotone assumption without
	// a test, is the design it was classed from.
	ImpliedBy []int
	// Tests are the feasibility tests, one per constraint, in order (nil
	// for a design classed by implication).
	Tests []SeekTest
	// Replications is the number of replications run of the design.
	Replications int
	// Objective summarises the objective over them.
	Objective stats.Summary
	// Constraints summarises each constraint's measure over them: a
	// Wilson interval for a probability, Student's t otherwise.
	Constraints []stats.Summary
	// Diff, for a feasible design other than the best, is its objective
	// minus the best's, paired over their common replications.
	Diff *stats.Summary
	// Eliminated is the replication count at which the selection
	// eliminated the design (0 if it was not eliminated or not in it).
	Eliminated int

	data [][]float64
}

// SeekTest is the outcome of one feasibility test.
type SeekTest struct {
	Class string `json:"class"`         // feasible, infeasible, undecided, or "not run" (an earlier constraint decided)
	At    int    `json:"decided_after"` // the replication count at which it decided (0 if it did not)
}

// Seek searches the integer points of the problem's box for the design
// with the best objective among those whose constraints hold, with the
// guarantee its result states.
//
// Every design is classed by a sequential feasibility test per
// constraint on its replications (Bernoulli: Wald's SPRT with Ville's
// bound, see sprt; a mean: procedure F of Andradóttir & Kim 2010 and
// Batur & Kim 2010, see fTest), at error rate α_c / N for constraint c
// and the N designs in the box (Bonferroni). Without the monotone
// assumption every design in the box is tested; with it, designs are
// visited by bisection along the last factor, after the corner with every
// factor at its maximum, and classed by dominance where they can be.
//
// The designs classed feasible then go through the clean-up stage of
// Boesel, Nelson & Kim (2003, "Using ranking and selection to 'clean up'
// after simulation optimization", Operations Research 51(5):814–825): the
// replications of the search are kept as the first stage, and the fully
// sequential procedure KN (see knElim) at error rate α/2, split over
// every pair of designs of the box (the set classed feasible depends on
// the data), re-runs the designs still in contention, on common random
// numbers, until one remains. With probability ≥ 1 − α overall (the two
// parts by Bonferroni, as in Andradóttir & Kim 2010): every design at
// least delta inside every constraint is classed feasible, every design
// at least delta outside one infeasible, and the best design meeting the
// constraints with delta to spare is returned whenever it is better by at
// least the objective's delta than every design not clearly infeasible
// (the indifference-zone guarantee; designs closer than delta are
// equivalent to it).
func Seek(ctx context.Context, p SeekProblem, s Sampler) (*SeekResult, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	sk := &seeker{p: &p, s: s, cands: map[string]*SeekCandidate{}, pre: map[string][][]float64{}}
	sk.res = &SeekResult{Best: -1, Designs: p.size(), problem: &p}
	sk.res.FeasibilityAlpha = p.TotalAlpha() - p.Alpha/2
	sk.res.SelectionAlpha = p.Alpha / 2
	sk.res.Alpha = p.TotalAlpha()
	if err := sk.explore(ctx); err != nil {
		return nil, err
	}
	if err := sk.select_(ctx); err != nil {
		return nil, err
	}
	sk.summarise()
	sk.res.Guarantee, sk.res.Assumptions = sk.guarantee()
	return sk.res, nil
}

type seeker struct {
	p     *SeekProblem
	s     Sampler
	res   *SeekResult
	cands map[string]*SeekCandidate
	// pre holds first-stage replications run for a whole line at once
	// by a BatchSampler, until the design is tested.
	pre map[string][][]float64
}

// key names a point.
func key(x []int) string { return fmt.Sprint(x) }

// ensure runs the candidate's replications up to n.
func (sk *seeker) ensure(ctx context.Context, c *SeekCandidate, n int) error {
	have := len(c.data)
	if have >= n {
		return nil
	}
	if pre, ok := sk.pre[key(c.X)]; ok && have == 0 {
		// Replications run beforehand with the others of a line.
		delete(sk.pre, key(c.X))
		if err := sk.accept(c, pre); err != nil {
			return err
		}
		return sk.ensure(ctx, c, n)
	}
	out, err := sk.s.Sample(ctx, floats(c.X), have, n)
	if err != nil {
		return err
	}
	if len(out) != n-have {
		return fmt.Errorf("seek: sampler returned %d replications, want %d", len(out), n-have)
	}
	return sk.accept(c, out)
}

// floats returns an integer point as the sampler takes it.
func floats(x []int) []float64 {
	f := make([]float64, len(x))
	for i, v := range x {
		f[i] = float64(v)
	}
	return f
}

// accept checks replications of a candidate and adds them to its data.
func (sk *seeker) accept(c *SeekCandidate, out [][]float64) error {
	have := len(c.data)
	if have == 0 {
		sk.res.Simulated++
	}
	for j, o := range out {
		if len(o) != 1+len(sk.p.Constraints) {
			return fmt.Errorf("seek: sampler returned %d outputs, want %d", len(o), 1+len(sk.p.Constraints))
		}
		for i, v := range o {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				name := sk.p.Goal.Name
				if i > 0 {
					name = sk.p.Constraints[i-1].Name
				}
				return fmt.Errorf("seek: %s is undefined (%g) in replication %d of %s: seek needs a number in every replication", name, v, have+j, sk.label(c.X))
			}
		}
	}
	c.data = append(c.data, out...)
	sk.res.Replications += len(out)
	return nil
}

// progress reports a line if the problem asks for it.
func (sk *seeker) progress(format string, args ...any) {
	if sk.p.Progress != nil {
		sk.p.Progress(fmt.Sprintf(format, args...))
	}
}

// batch returns how many replications to add to a candidate that has n:
// at least n₀/2, and a quarter of n, so that the runs are few and the
// replications run past a decision are at most a quarter.
func (sk *seeker) batch(n int) int {
	return max(sk.p.Initial/2, n/4, 1)
}

// test decides a candidate's feasibility by simulation.
func (sk *seeker) test(ctx context.Context, x []int) (*SeekCandidate, error) {
	p := sk.p
	c := &SeekCandidate{X: slices.Clone(x)}
	tests := make([]feasTest, len(p.Constraints))
	for i, con := range p.Constraints {
		beta := p.constraintAlpha(i) / float64(sk.res.Designs)
		if con.Bernoulli {
			tests[i] = newSPRT(con.Bound, con.Delta, beta, con.AtLeast)
		} else {
			tests[i] = newFTest(con.Bound, con.Delta, beta, con.AtLeast, p.Initial)
		}
	}
	verdicts := make([]verdict, len(tests))
	read := 0
	class := undecided
	if len(tests) == 0 {
		class = feasible
	}
	for class == undecided {
		want := p.Initial
		if read > 0 {
			want = min(p.Max, read+sk.batch(read))
		}
		if err := sk.ensure(ctx, c, want); err != nil {
			return nil, err
		}
		for ; read < len(c.data) && class == undecided; read++ {
			all := true
			for i, t := range tests {
				if verdicts[i] == undecided {
					verdicts[i] = t.next(c.data[read][1+i])
				}
				switch verdicts[i] {
				case infeasible:
					class = infeasible
				case undecided:
					all = false
				}
			}
			if all && class == undecided {
				class = feasible
			}
		}
		if class == undecided && len(c.data) >= p.Max {
			break
		}
	}
	c.Class = class.String()
	for i, t := range tests {
		st := SeekTest{Class: verdicts[i].String(), At: t.at()}
		if verdicts[i] == undecided && class == infeasible {
			st.Class = "not run"
		}
		c.Tests = append(c.Tests, st)
	}
	sk.progress("%s: %s after %d replications", sk.label(c.X), c.Class, len(c.data))
	return c, nil
}

// label renders a point as key=value pairs.
func (sk *seeker) label(x []int) string {
	s := ""
	for i, f := range sk.p.Factors {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%s=%d", f.Key, x[i])
	}
	return s
}

// summarise fills in the summaries of every simulated candidate.
func (sk *seeker) summarise() {
	var best *SeekCandidate
	if sk.res.Best >= 0 {
		best = sk.res.Candidates[sk.res.Best]
	}
	for _, c := range sk.res.Candidates {
		c.Replications = len(c.data)
		if len(c.data) == 0 {
			continue
		}
		var obj stats.Accumulator
		for _, v := range c.data {
			obj.Add(v[0])
		}
		c.Objective = obj.Summary(0.95)
		c.Constraints = make([]stats.Summary, len(sk.p.Constraints))
		for i, con := range sk.p.Constraints {
			if con.Bernoulli {
				var pr stats.Proportion
				for _, v := range c.data {
					pr.Add(v[1+i] >= 0.5)
				}
				c.Constraints[i] = pr.Summary(0.95)
			} else {
				var a stats.Accumulator
				for _, v := range c.data {
					a.Add(v[1+i])
				}
				c.Constraints[i] = a.Summary(0.95)
			}
		}
		if best != nil && c != best && c.Class == "feasible" {
			var pd stats.Paired
			for j := range min(len(c.data), len(best.data)) {
				pd.Add(c.data[j][0], best.data[j][0])
			}
			s := pd.Summary(0.95)
			c.Diff = &s
		}
	}
}

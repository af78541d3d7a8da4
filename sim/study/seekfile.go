package study

import (
	"fmt"
	"math"
	"strconv"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
)

// fail returns the error of a file's key at a line.
func (f *File) fail(line int, key, value, format string, args ...any) error {
	return &scenario.FieldError{File: f.Path, Line: line, Key: key, Value: value, Msg: fmt.Sprintf(format, args...)}
}

// sampler returns the sampler of the file's single base design: point x
// is the design with the factors set to x, outputs the keys given.
func (f *File) sampler(cmd string, outputs []metric.Key, workers int) (*DesignSampler, error) {
	if len(f.Designs) != 1 {
		return nil, f.fail(1, "designs", fmt.Sprint(f.Designs), "%s takes one base design: give design = \"...\", not designs", cmd)
	}
	return &DesignSampler{
		Build: func(x []float64) (*experiment.Design, error) {
			return f.Design(Point{Design: 0, Values: x})
		},
		Outputs: outputs,
		Seed:    f.Seed,
		Workers: workers,
		file:    f,
	}, nil
}

// Bernoulli says whether a metric is tested as a probability by seek:
// p_target is 0 or 1 per replication; every other metric is tested as
// a mean.
func Bernoulli(name string) bool { return name == metric.PTarget }

// SeekProblem returns the goal-seek problem the file states, the sampler
// of its designs on workers goroutines, and the units of its outputs.
// Errors name the file, the line and the key: a missing objective or
// objective delta, a factor that is not a whole-number range, a
// constraint's delta ≤ 0 or a probability's zone outside (0, 1).
func (f *File) SeekProblem(workers int) (SeekProblem, *DesignSampler, SeekUnits, error) {
	var p SeekProblem
	var u SeekUnits
	if f.Objective == nil {
		return p, nil, u, f.fail(1, "objective", "", "seek needs an [objective]: minimise = \"cost\" (or maximise = \"profit\") with delta, its indifference zone")
	}
	o := f.Objective
	if !(o.Delta > 0) {
		return p, nil, u, f.fail(o.Line, "objective.delta", "", "seek needs the objective's indifference zone: delta > 0 in the unit of %s (designs closer than delta are not told apart)", o.Metric)
	}
	if len(f.Factors) == 0 {
		return p, nil, u, f.fail(1, "factor", "", "seek needs at least one [[factor]] to search over")
	}
	for _, fc := range f.Factors {
		lo, hi, err := f.intRange(fc)
		if err != nil {
			return p, nil, u, err
		}
		p.Factors = append(p.Factors, SeekFactor{Key: fc.Key, Min: lo, Max: hi})
	}
	p.Goal = SeekGoal{Name: o.Metric, Maximise: o.Maximise, Delta: o.Delta}
	outputs := []metric.Key{{Metric: o.Metric, Role: metric.Department, Period: metric.Total}}
	for i, c := range f.Constraints {
		at := fmt.Sprintf("constraint[%d]", i)
		bound, atLeast := c.Bound()
		name := c.Metric
		if c.Role != metric.Department {
			name += "[" + c.Role + "]"
		}
		sc := SeekConstraint{Name: name, AtLeast: atLeast, Bound: bound, Delta: c.Delta, Alpha: c.Alpha, Bernoulli: Bernoulli(c.Metric)}
		if !(c.Delta > 0) || math.IsInf(c.Delta, 0) {
			return p, nil, u, f.fail(c.Line, at+".delta", strconv.FormatFloat(c.Delta, 'g', -1, 64), "want an indifference zone > 0 in the unit of %s", c.Metric)
		}
		if sc.Bernoulli && !(bound-c.Delta > 0 && bound+c.Delta < 1) {
			return p, nil, u, f.fail(c.Line, at, strconv.FormatFloat(bound, 'g', -1, 64),
				"%s is a probability: the bound ± delta, [%g, %g], must lie within (0, 1)", c.Metric, bound-c.Delta, bound+c.Delta)
		}
		p.Constraints = append(p.Constraints, sc)
		outputs = append(outputs, c.Key())
	}
	p.Alpha = f.Seek.Alpha
	p.Initial, p.Max = f.Seek.Initial, f.Seek.Max
	p.Monotone = f.Seek.Monotone
	s, err := f.sampler("seek", outputs, workers)
	if err != nil {
		return p, nil, u, err
	}
	// The units, from the design at the factors' least values.
	x := make([]float64, len(p.Factors))
	for i, fc := range p.Factors {
		x[i] = float64(fc.Min)
	}
	d, err := s.Design(x)
	if err != nil {
		return p, nil, u, err
	}
	cat := d.Plan.Catalog()
	mt, _ := cat.Metric(o.Metric)
	u.Goal = mt.Unit
	for _, c := range f.Constraints {
		mt, _ := cat.Metric(c.Metric)
		u.Constraints = append(u.Constraints, mt.Unit)
	}
	u.Currency = d.Currency()
	return p, s, u, nil
}

// intRange returns the whole-number range of a factor seek searches: an
// integer range, or levels that are consecutive whole numbers.
func (f *File) intRange(fc Factor) (int, int, error) {
	bad := func(msg string) (int, int, error) {
		return 0, 0, f.fail(fc.Line, "factor", fc.Key, "seek searches whole numbers (headcounts): %s; give min and max as whole numbers (min = 0, max = 10)", msg)
	}
	if !fc.Integer {
		return bad(fmt.Sprintf("%s is a real range [%g, %g]", fc.Key, fc.Min, fc.Max))
	}
	if fc.Levels != nil {
		for i, v := range fc.Levels {
			if v != math.Trunc(v) || (i > 0 && v != fc.Levels[i-1]+1) {
				return bad(fmt.Sprintf("the levels of %s are not consecutive whole numbers", fc.Key))
			}
		}
	}
	if fc.Step != 0 && fc.Step != 1 {
		return bad(fmt.Sprintf("%s has step %g", fc.Key, fc.Step))
	}
	if math.Abs(fc.Min) > 1e6 || math.Abs(fc.Max) > 1e6 {
		return bad(fmt.Sprintf("%s ranges over [%g, %g]", fc.Key, fc.Min, fc.Max))
	}
	return int(fc.Min), int(fc.Max), nil
}

// SensitivityInputs returns the inputs a sensitivity analysis screens:
// every factor over its range (or the span of its levels).
func (f *File) SensitivityInputs() ([]MorrisInput, error) {
	var in []MorrisInput
	for _, fc := range f.Factors {
		if !(fc.Max > fc.Min) {
			return nil, f.fail(fc.Line, "factor", fc.Key, "sensitivity needs a range: min %g is not below max %g", fc.Min, fc.Max)
		}
		in = append(in, MorrisInput{Key: fc.Key, Min: fc.Min, Max: fc.Max, Integer: fc.Integer})
	}
	if len(in) == 0 {
		return nil, f.fail(1, "factor", "", "sensitivity needs at least one [[factor]] with a range")
	}
	return in, nil
}

// SensitivitySampler returns the sampler of the file's responses and the
// responses' names and units.
func (f *File) SensitivitySampler(workers int) (*DesignSampler, []string, []metric.Unit, string, error) {
	var keys []metric.Key
	var names []string
	for _, r := range f.Responses {
		keys = append(keys, r.Key())
		n := r.Metric
		if r.Role != metric.Department {
			n += "[" + r.Role + "]"
		}
		names = append(names, n)
	}
	if len(keys) == 0 {
		return nil, nil, nil, "", f.fail(1, "response", "", "sensitivity needs at least one [[response]]")
	}
	s, err := f.sampler("sensitivity", keys, workers)
	if err != nil {
		return nil, nil, nil, "", err
	}
	d, err := experiment.NewDesign(f.Base(0))
	if err != nil {
		return nil, nil, nil, "", err
	}
	var units []metric.Unit
	for _, r := range f.Responses {
		mt, _ := d.Plan.Catalog().Metric(r.Metric)
		units = append(units, mt.Unit)
	}
	return s, names, units, d.Currency(), nil
}

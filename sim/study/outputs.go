package study

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
)

// outputs reads the responses, the objective and the constraints, and
// checks their metrics against every base design's measures.
func (c *checker) outputs(f *File, m map[string]any) error {
	cats := make([]*experiment.Design, len(f.bases))
	for i, b := range f.bases {
		cats[i], _ = experiment.NewDesign(b)
	}
	check := func(at, name, role string) error {
		for i, d := range cats {
			cat := d.Plan.Catalog()
			if _, ok := cat.Metric(name); !ok {
				return c.fail(at+".metric", name, "no metric %q in %s%s (salesim metrics lists them)", name, f.Designs[i], hint(name, cat.MetricNames()))
			}
			if _, ok := cat.Index(metric.Key{Metric: name, Role: role, Period: metric.Total}); !ok {
				return c.fail(at+".role", role, "no measure %s of role %q in %s; roles: %s", name, role, f.Designs[i], strings.Join(cat.Roles, ", "))
			}
		}
		return nil
	}
	role := func(t map[string]any) string {
		if r, ok := t["role"].(string); ok && r != "" {
			return r
		}
		return metric.Department
	}
	rs, given := m["response"].([]map[string]any)
	for i, t := range rs {
		at := fmt.Sprintf("response[%d]", i)
		r := Response{Metric: t["metric"].(string), Role: role(t), Line: c.lines.line(at)}
		if err := check(at, r.Metric, r.Role); err != nil {
			return err
		}
		f.Responses = append(f.Responses, r)
	}
	if !given {
		for _, name := range []string{metric.Margin, metric.Profit, metric.Cost, metric.PTarget} {
			if check("", name, metric.Department) == nil {
				f.Responses = append(f.Responses, Response{Metric: name, Role: metric.Department})
			}
		}
	}
	if o, ok := m["objective"].(map[string]any); ok {
		mn, hasMin := o["minimise"].(string)
		mx, hasMax := o["maximise"].(string)
		switch {
		case hasMin == hasMax:
			return c.fail("objective", "", "give minimise or maximise, one of them")
		case hasMin:
			f.Objective = &Objective{Metric: mn, Line: c.lines.line("objective.minimise")}
			if err := check("objective", mn, metric.Department); err != nil {
				err.(*scenario.FieldError).Key = "objective.minimise"
				err.(*scenario.FieldError).Line = f.Objective.Line
				return err
			}
		default:
			f.Objective = &Objective{Metric: mx, Maximise: true, Line: c.lines.line("objective.maximise")}
			if err := check("objective", mx, metric.Department); err != nil {
				err.(*scenario.FieldError).Key = "objective.maximise"
				err.(*scenario.FieldError).Line = f.Objective.Line
				return err
			}
		}
	}
	if o, ok := m["objective"].(map[string]any); ok && f.Objective != nil {
		if d, ok := o["delta"]; ok {
			f.Objective.Delta, _ = number(d)
			if !(f.Objective.Delta > 0) {
				return c.fail("objective.delta", show(d), "want an indifference zone > 0 in the metric's unit")
			}
		}
	}
	cs, _ := m["constraint"].([]map[string]any)
	for i, t := range cs {
		at := fmt.Sprintf("constraint[%d]", i)
		k := Constraint{Metric: t["metric"].(string), Role: role(t), Line: c.lines.line(at)}
		if err := check(at, k.Metric, k.Role); err != nil {
			return err
		}
		mt, _ := cats[0].Plan.Catalog().Metric(k.Metric)
		k.Share = mt.Unit == metric.Share
		lo, hasLo := t["at_least"]
		hi, hasHi := t["at_most"]
		switch {
		case hasLo == hasHi:
			return c.fail(at, "", "give at_least or at_most, one of them")
		case hasLo:
			x, _ := number(lo)
			k.AtLeast = &x
		default:
			x, _ := number(hi)
			k.AtMost = &x
		}
		if d, ok := t["delta"]; ok {
			k.Delta, _ = number(d)
		} else if k.Share {
			k.Delta = 0.05
		} else {
			return c.fail(at, "", "delta is required for %s, which is not a share: the indifference zone in its unit (%s)", k.Metric, mt.Unit)
		}
		if a, ok := t["alpha"]; ok {
			k.Alpha, _ = number(a)
			if k.Alpha <= 0 || k.Alpha >= 1 {
				return c.fail(at+".alpha", show(a), "want an error rate in (0, 1), such as 0.05")
			}
		}
		f.Constraints = append(f.Constraints, k)
	}
	return nil
}

// options reads [seek] and [sensitivity], with their defaults.
func (c *checker) options(f *File, m map[string]any) error {
	f.Seek = SeekOptions{Alpha: 0.05, Initial: 20, Max: 2000}
	if _, ok := m["replications"]; ok {
		f.Seek.Max = f.Replications
	}
	if s, ok := m["seek"].(map[string]any); ok {
		if a, ok := s["alpha"]; ok {
			f.Seek.Alpha, _ = number(a)
			if f.Seek.Alpha <= 0 || f.Seek.Alpha >= 1 {
				return c.fail("seek.alpha", show(a), "want an error rate in (0, 1), such as 0.05")
			}
		}
		if n, ok := s["initial"].(int64); ok {
			f.Seek.Initial = int(n)
		}
		if n, ok := s["max"].(int64); ok {
			f.Seek.Max = int(n)
		}
		if b, ok := s["monotone"].(bool); ok {
			f.Seek.Monotone = b
		}
		if f.Seek.Max < f.Seek.Initial {
			return c.fail("seek.max", strconv.Itoa(f.Seek.Max), "max %d is less than initial %d", f.Seek.Max, f.Seek.Initial)
		}
	}
	f.Sensitivity = SensOptions{Trajectories: 10, Levels: 4, Repeats: 10, Replications: 20}
	if s, ok := m["sensitivity"].(map[string]any); ok {
		for k, p := range map[string]*int{"trajectories": &f.Sensitivity.Trajectories, "levels": &f.Sensitivity.Levels,
			"repeats": &f.Sensitivity.Repeats, "replications": &f.Sensitivity.Replications} {
			if n, ok := s[k].(int64); ok {
				*p = int(n)
			}
		}
		if n, ok := s["seed"].(int64); ok {
			f.Sensitivity.Seed = uint64(n)
		}
		if f.Sensitivity.Repeats == 1 {
			// One block of the base point measures no spread; Morris
			// refuses it too, without the file's line.
			return c.fail("sensitivity.repeats", "1", "1 repeat cannot measure replication noise: want 0 (no noise measured) or at least 2")
		}
	}
	return nil
}

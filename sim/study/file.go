package study

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/scenario"
)

// MaxFileSize is the largest experiment file read.
const MaxFileSize = 1 << 20

// MaxPoints is the most points a plan may have: a factorial plan grows
// as the product of its factors' levels.
const MaxPoints = 100000

// A File is a loaded and checked experiment file.
type File struct {
	// Name is the study's name: the name key, or the file name without
	// .toml. Path is the file as named in messages.
	Name, Path string
	// Designs are the base designs as written ("growth-plan#push").
	Designs []string
	// Seed is the master seed; Replications the replications per point.
	Seed         uint64
	Replications int
	// Set holds the overrides applied to every point, before its factors.
	Set         []string
	Factors     []Factor
	Plan        Plan
	Responses   []Response
	Objective   *Objective
	Constraints []Constraint
	Seek        SeekOptions
	Sensitivity SensOptions

	bases []*scenario.Scenario // the base designs, loaded with Set
	lines *locator
}

// A Factor is an input varied by a study: a key that -set takes, with
// explicit levels or a range [Min, Max].
type Factor struct {
	Key    string
	Levels []float64 // nil for a range
	// Min and Max bound the factor: the least and greatest level, or
	// the range.
	Min, Max float64
	// Step and Points say how a factorial plan divides a range; both 0
	// for a range a factorial plan cannot use (a real range without
	// points).
	Step    float64
	Points  int
	Integer bool
	// Line is where the factor's table starts in the file.
	Line int
}

// A Plan is how a sweep chooses its points.
type Plan struct {
	// Kind is "factorial", "lhs" or "points".
	Kind string
	// N is the number of points of a Latin hypercube.
	N int
	// Points are the explicit points of kind "points", as values in the
	// order of the factors.
	Points [][]float64
	Line   int
}

// A Response is a measure a sweep tabulates and plots: the total over the
// horizon of Metric for Role (metric.Department for the department).
type Response struct {
	Metric, Role string
	Line         int
}

// Key returns the measure's key.
func (r Response) Key() metric.Key {
	return metric.Key{Metric: r.Metric, Role: r.Role, Period: metric.Total}
}

// An Objective is what seek optimises: the mean of a department total.
type Objective struct {
	Metric   string
	Maximise bool
	// Delta is the objective's indifference zone, in the metric's unit:
	// designs closer than Delta are not told apart (0: not given).
	Delta float64
	Line  int
}

// A Constraint is a condition on the mean of an output that must hold.
// Exactly one of AtLeast and AtMost is set.
type Constraint struct {
	Metric, Role    string
	AtLeast, AtMost *float64
	// Delta is the indifference zone; Alpha the test's error rate (0:
	// that of [SeekOptions]).
	Delta, Alpha float64
	// Share tells that the metric is a share (unit "share"): 0 or 1 per
	// replication for a probability such as p_target.
	Share bool
	Line  int
}

// Key returns the measure's key.
func (c Constraint) Key() metric.Key {
	return metric.Key{Metric: c.Metric, Role: c.Role, Period: metric.Total}
}

// Bound returns the constraint's bound and whether it is a lower one
// (at_least).
func (c Constraint) Bound() (float64, bool) {
	if c.AtLeast != nil {
		return *c.AtLeast, true
	}
	return *c.AtMost, false
}

// SeekOptions are the options of goal-seek ([seek]).
type SeekOptions struct {
	Alpha        float64
	Initial, Max int
	// Monotone states that every constraint is no worse when any factor
	// grows: seek may then class designs without simulating them.
	Monotone bool
}

// SensOptions are the options of sensitivity analysis ([sensitivity]).
type SensOptions struct {
	Trajectories, Levels, Repeats, Replications int
	// Seed seeds the trajectories (0: the file's seed).
	Seed uint64
}

// Options say how [Load] finds the designs a file names.
type Options struct {
	// Name is the file as messages name it; "" is the path.
	Name string
	// Scenario loads a design named in the file, such as "growth-plan"
	// or "plans/mine.toml#push" (the variant already cut off into
	// opt.Variant). nil: [Resolver] of the file system and the file's
	// folder.
	Scenario func(name string, opt scenario.Options) (*scenario.Scenario, error)
}

// Resolver returns the default way to load the designs an experiment
// file in folder dir of fsys names: "builtin:NAME" is a built-in
// scenario; a path is read relative to dir if it is there (with ".toml"
// added if needed), else the built-in of that name.
func Resolver(fsys fs.FS, dir string) func(string, scenario.Options) (*scenario.Scenario, error) {
	return func(name string, opt scenario.Options) (*scenario.Scenario, error) {
		if b, ok := strings.CutPrefix(name, "builtin:"); ok {
			return scenario.Builtin(b, opt)
		}
		for _, n := range []string{name, name + ".toml"} {
			p := path.Join(dir, n)
			if !fs.ValidPath(p) {
				continue
			}
			if fi, err := fs.Stat(fsys, p); err == nil && !fi.IsDir() {
				return scenario.LoadAs(fsys, p, path.Join(dir, n), opt)
			}
		}
		if scenario.IsBuiltin(name) {
			return scenario.Builtin(name, opt)
		}
		return nil, scenario.NotFound(name, fs.ErrNotExist)
	}
}

// Load reads the experiment file at name in fsys and checks it: its keys
// against the format, each base design by loading it, each factor by
// applying its least and greatest value to the first design as -set
// would, and each metric against the design's measures. The error, if
// any, is the first problem found, a [*scenario.FieldError] naming the
// file, the line and the key.
func Load(fsys fs.FS, name string, opt Options) (*File, error) {
	display := opt.Name
	if display == "" {
		display = name
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &scenario.FieldError{File: display, Msg: err.Error(), Err: err}
	}
	if opt.Scenario == nil {
		opt.Scenario = Resolver(fsys, path.Dir(name))
	}
	return parse(b, display, opt)
}

// Parse is [Load] of the text of a file called name.
func Parse(text []byte, name string, opt Options) (*File, error) {
	if opt.Scenario == nil {
		opt.Scenario = Resolver(emptyFS{}, ".")
	}
	return parse(text, name, opt)
}

// emptyFS holds no files: designs are then built-ins.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// A checker reads a decoded file against the format.
type checker struct {
	file  string
	lines *locator
}

// fail returns the error of the value at key (a dotted path such as
// "factor[1].min"), placed at its line.
func (c *checker) fail(key, value, format string, args ...any) *scenario.FieldError {
	// A key the file lacks is placed at its table, or at the first line.
	return &scenario.FieldError{File: c.file, Line: max(c.lines.line(key), 1), Key: key, Value: value, Msg: fmt.Sprintf(format, args...)}
}

func parse(b []byte, display string, opt Options) (*File, error) {
	if len(b) > MaxFileSize {
		return nil, &scenario.FieldError{File: display, Msg: fmt.Sprintf("%d bytes: an experiment file may have at most %d", len(b), MaxFileSize)}
	}
	src := string(b)
	c := &checker{file: display, lines: locate(src)}
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &scenario.FieldError{File: display, Line: pe.Position.Line, Msg: strings.TrimSuffix(pe.Message, "."), Err: err}
		}
		return nil, &scenario.FieldError{File: display, Msg: err.Error(), Err: err}
	}
	if err := c.shape(m, fileSpec, ""); err != nil {
		return nil, err
	}
	f := &File{Path: display, lines: c.lines}
	f.Name = strings.TrimSuffix(path.Base(display), ".toml")
	if s, ok := m["name"].(string); ok && s != "" {
		f.Name = s
	}
	if err := c.designs(f, m, opt); err != nil {
		return nil, err
	}
	if err := c.factors(f, m); err != nil {
		return nil, err
	}
	if err := c.plan(f, m); err != nil {
		return nil, err
	}
	if err := c.outputs(f, m); err != nil {
		return nil, err
	}
	if err := c.options(f, m); err != nil {
		return nil, err
	}
	return f, nil
}

// shape checks the keys and types of table m against sp; at is the
// table's dotted path.
func (c *checker) shape(m map[string]any, sp []spec, at string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Report the first problem in the file's order.
	slices.SortFunc(keys, func(a, b string) int { return c.lines.line(join(at, a)) - c.lines.line(join(at, b)) })
	for _, k := range keys {
		v := m[k]
		key := join(at, k)
		s := specOf(sp, k)
		if s == nil {
			if len(sp) == 1 && sp[0].kind == kNumberMap { // [[plan.point]]: any key
				continue
			}
			allowed := make([]string, 0, len(sp))
			for _, x := range sp {
				allowed = append(allowed, x.key)
			}
			return c.fail(key, "", "unknown key%s; allowed here: %s", hint(k, allowed), strings.Join(allowed, ", "))
		}
		if err := c.value(key, v, s); err != nil {
			return err
		}
	}
	for _, s := range sp {
		if s.req {
			if _, ok := m[s.key]; !ok {
				return c.fail(at, "", "missing key %s: %s", s.key, s.doc)
			}
		}
	}
	return nil
}

// value checks one value against its spec.
func (c *checker) value(key string, v any, s *spec) error {
	bad := func(want string) error {
		return c.fail(key, show(v), "want %s, got %s %s", want, typeName(v), show(v))
	}
	switch s.kind {
	case kString:
		str, ok := v.(string)
		if !ok {
			return bad("a string")
		}
		if len(s.enum) > 0 && !slices.Contains(s.enum, str) {
			return c.fail(key, str, "%q is not allowed%s; allowed: %s", str, hint(str, s.enum), strings.Join(s.enum, ", "))
		}
	case kInt:
		n, ok := v.(int64)
		if !ok {
			return bad("a whole number")
		}
		if s.min != nil && float64(n) < *s.min {
			return c.fail(key, show(v), "%d is too small: want at least %g", n, *s.min)
		}
		if s.max != nil && float64(n) > *s.max {
			return c.fail(key, show(v), "%d is too large: want at most %s (salesim's limit)", n, quantity.Count(*s.max))
		}
	case kNumber:
		x, ok := number(v)
		if !ok {
			return bad("a number")
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return c.fail(key, show(v), "want a finite number, got %s", show(v))
		}
		if s.min != nil && x < *s.min {
			return c.fail(key, show(v), "%s is too small: want at least %g", show(v), *s.min)
		}
	case kBool:
		if _, ok := v.(bool); !ok {
			return bad("true or false")
		}
	case kStrings:
		a, ok := v.([]any)
		if !ok {
			return bad("an array of strings")
		}
		for i, e := range a {
			if _, ok := e.(string); !ok {
				return c.fail(key, show(e), "element %d: want a string, got %s %s", i, typeName(e), show(e))
			}
		}
	case kNumbers:
		a, ok := v.([]any)
		if !ok {
			return bad("an array of numbers")
		}
		for i, e := range a {
			x, ok := number(e)
			if !ok {
				return c.fail(key, show(e), "element %d: want a number, got %s %s: a factor takes numbers only", i, typeName(e), show(e))
			}
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return c.fail(key, show(e), "element %d: want a finite number, got %s", i, show(e))
			}
		}
	case kTable:
		t, ok := v.(map[string]any)
		if !ok {
			return bad("a table")
		}
		return c.shape(t, s.sub, key)
	case kTables:
		ts, ok := v.([]map[string]any)
		if !ok {
			return bad("an array of tables ([[" + key + "]])")
		}
		for i, t := range ts {
			if err := c.shape(t, s.sub, fmt.Sprintf("%s[%d]", key, i)); err != nil {
				return err
			}
		}
	case kNumberMap:
		x, ok := number(v)
		if !ok {
			return bad("a number")
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return c.fail(key, show(v), "want a finite number, got %s", show(v))
		}
	}
	return nil
}

func specOf(sp []spec, k string) *spec {
	for i := range sp {
		if sp[i].key == k {
			return &sp[i]
		}
	}
	return nil
}

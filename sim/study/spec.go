package study

import "github.com/salesim/salesim/sim/org"

// spec is the definition of the experiment file format: the parser
// refuses keys it does not list, and the JSON Schema ([Schema]) and the
// reference ([Reference]) are generated from it.
type spec struct {
	key  string
	kind kind
	doc  string
	def  string   // the default in words, "" if required or none
	enum []string // allowed strings
	min  *float64 // numbers: the least value allowed
	max  *float64 // whole numbers: the most allowed (salesim's limit)
	sub  []spec   // tables and arrays of tables
	req  bool
}

type kind int

const (
	kString kind = iota
	kInt
	kNumber
	kBool
	kStrings
	kNumbers
	kTable
	kTables    // an array of tables
	kNumberMap // a table of any keys, each a number
)

func fmin(x float64) *float64 { return &x }

// maxReps bounds every count of replications, as run's -reps is bounded.
var maxReps = fmin(org.MaxReplications)

var fileSpec = []spec{
	{key: "name", kind: kString, def: "the file name without .toml", doc: "the study's name, in folders and titles"},
	{key: "design", kind: kString, def: "required unless designs is given", doc: "the base design: a scenario file (relative to this file) or a built-in name, optionally followed by #variant"},
	{key: "designs", kind: kStrings, def: "none", doc: "several base designs instead of design: a factor over designs, crossed with the plan's points"},
	{key: "seed", kind: kInt, min: fmin(0), def: "the first design's run.seed", doc: "master seed: replication i of every point uses the random streams of (seed, i); also seeds a Latin hypercube"},
	{key: "replications", kind: kInt, min: fmin(1), max: maxReps, def: "the first design's run.replications", doc: "replications per point (sweep, sensitivity base); seek's cap per candidate if [seek] max is not given"},
	{key: "set", kind: kStrings, def: "none", doc: "overrides in the form -set takes (\"run.horizon=\\\"2y\\\"\"), applied to every point before its factors"},
	{key: "factor", kind: kTables, doc: "the inputs varied: each a key that -set takes", sub: []spec{
		{key: "key", kind: kString, req: true, doc: "a key that -set takes (salesim keys DESIGN lists them): roles.<role>.headcount, reorg[0].headcount.<role>, stages[i].convert, ..."},
		{key: "levels", kind: kNumbers, def: "none: min and max give a range", doc: "the values the factor takes, in order"},
		{key: "min", kind: kNumber, def: "none", doc: "the least value of a range (with max)"},
		{key: "max", kind: kNumber, def: "none", doc: "the greatest value of a range (with min)"},
		{key: "step", kind: kNumber, def: "1 for an integer range", doc: "a factorial plan's levels over a range: min, min+step, ... up to max"},
		{key: "points", kind: kInt, min: fmin(2), def: "none", doc: "a factorial plan's levels over a real range: this many, evenly spaced from min to max"},
		{key: "integer", kind: kBool, def: "true if min, max and step are whole numbers", doc: "the factor takes whole numbers only (headcounts); a Latin hypercube rounds to them"},
	}},
	{key: "plan", kind: kTable, def: "a full factorial", doc: "the points a sweep runs", sub: []spec{
		{key: "kind", kind: kString, enum: []string{"factorial", "lhs", "points"}, def: "factorial", doc: "factorial: every combination of the factors' levels; lhs: a Latin hypercube over the factors' ranges, seeded by seed; points: the points listed"},
		{key: "points", kind: kInt, min: fmin(1), def: "required for lhs", doc: "lhs: the number of points"},
		{key: "point", kind: kTables, def: "required for kind = \"points\"", doc: "kind = \"points\": each point, a value for every factor by its key (\"reorg[0].headcount.hunter\" = 3)", sub: []spec{
			{key: "<factor key>", kind: kNumberMap, doc: "the factor's value at the point"},
		}},
	}},
	{key: "response", kind: kTables, def: "margin, profit, cost and p_target (if the design has a target)", doc: "the measures a sweep tabulates and plots", sub: []spec{
		{key: "metric", kind: kString, req: true, doc: "a metric name, as salesim metrics lists them"},
		{key: "role", kind: kString, def: "the department (all)", doc: "the role the measure is of"},
	}},
	{key: "objective", kind: kTable, def: "none", doc: "for seek: what to minimise or maximise (the mean of a department total over replications)", sub: []spec{
		{key: "minimise", kind: kString, def: "none", doc: "a metric to minimise, such as cost"},
		{key: "maximise", kind: kString, def: "none", doc: "a metric to maximise, such as profit"},
		{key: "delta", kind: kNumber, def: "required by seek", doc: "indifference zone of the objective, > 0, in the metric's unit: designs whose means differ by less are not told apart (50000 for a cost in money)"},
	}},
	{key: "constraint", kind: kTables, def: "none", doc: "for seek: conditions on outputs that must each hold", sub: []spec{
		{key: "metric", kind: kString, req: true, doc: "a metric name; p_target (0 or 1 per replication) is tested by seek as a probability (a sequential probability ratio test), any other metric as a mean (procedure F)"},
		{key: "role", kind: kString, def: "the department (all)", doc: "the role the measure is of"},
		{key: "at_least", kind: kNumber, def: "none", doc: "the mean must be at least this"},
		{key: "at_most", kind: kNumber, def: "none", doc: "the mean must be at most this"},
		{key: "delta", kind: kNumber, min: fmin(0), def: "0.05 for a share, required otherwise", doc: "indifference zone: a mean within delta of the bound may be judged either way"},
		{key: "alpha", kind: kNumber, def: "half of [seek] alpha, shared among the constraints", doc: "the constraint's share of the error rate of seek's answer, in (0, 1), split over the designs within the bounds"},
	}},
	{key: "seek", kind: kTable, def: "the defaults below", doc: "options of salesim seek", sub: []spec{
		{key: "alpha", kind: kNumber, def: "0.05", doc: "error rate of the whole answer, in (0, 1)"},
		{key: "initial", kind: kInt, min: fmin(2), max: maxReps, def: "20", doc: "first-stage replications per candidate"},
		{key: "max", kind: kInt, min: fmin(2), max: maxReps, def: "replications, or 2000", doc: "replications per candidate at most"},
		{key: "monotone", kind: kBool, def: "false", doc: "state that every constraint is no worse when any factor grows (more people: P(target) no lower); seek then classes designs dominated by an infeasible one, or dominating a feasible one, without simulating them, and says so in its answer"},
	}},
	{key: "sensitivity", kind: kTable, def: "the defaults below", doc: "options of salesim sensitivity (Morris elementary effects)", sub: []spec{
		{key: "trajectories", kind: kInt, min: fmin(2), def: "10", doc: "Morris trajectories (r)"},
		{key: "levels", kind: kInt, min: fmin(2), def: "4", doc: "Morris grid levels (p)"},
		{key: "repeats", kind: kInt, min: fmin(0), def: "10", doc: "repeated base points, to separate replication noise from the effects: 0, or at least 2"},
		{key: "replications", kind: kInt, min: fmin(1), max: maxReps, def: "20", doc: "replications per Morris point"},
		{key: "seed", kind: kInt, min: fmin(0), def: "the file's seed", doc: "seeds the trajectories and the bootstrap (the replications use the file's seed)"},
	}},
}

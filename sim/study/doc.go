// Package study reads experiment files and runs studies over designs:
// sweeps of a plan of points over settable keys, on common random
// numbers, with their tidy results, resumable and shardable.
//
// An experiment file ([Load]) is a strict TOML file naming a base design
// (or several), the factors (keys that `salesim run -set` takes, each with
// levels or a range), the plan of points, the responses, and for goal-seek
// and sensitivity analysis their objective, constraints and options. A
// [Point] is one value per factor (and one base design); [File.Overrides]
// renders it as -set overrides and [File.Design] compiles it, by the same
// path as `run -set`. [File.Evaluate] runs points through
// [experiment.Run]: replication i of every point draws from the streams of
// (seed, i), so points are compared on common random numbers.
//
// [RunSweep] runs every point of a plan into a folder, each point's
// records written whole as soon as it finishes, so that an interrupted
// sweep resumes and a sweep split in shards merges ([ReadSweep]) into the
// same files ([Swept.Files], [Swept.Figures]). Points whose factors are all
// headcounts after a reorganisation share their warm-up
// ([File.SharedWarmup]): each replication is simulated once up to the
// reorganisation and every point continues from a copy of that state, bit
// for bit as if run from the start.
package study

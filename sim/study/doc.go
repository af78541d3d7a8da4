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
package study

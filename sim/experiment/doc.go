// Package experiment runs Monte Carlo experiments on sales-organisation
// designs: replications on parallel workers, stopping rules, comparisons
// on common random numbers, shards and their merge, and the manifest that
// records a run.
//
// A [Design] is a scenario compiled by package org, made with [NewDesign]
// from a loaded scenario or rebuilt with [FromHeader] from the scenario
// text a shard file or a manifest records. [Run] computes replications of
// a set of designs:
//
//	d, err := experiment.NewDesign(sc)
//	out, err := experiment.Run(ctx, []*experiment.Design{d}, experiment.Options{Seed: 1, Replications: 100})
//	table := out.Results[0].Table() // every measure with its 95 % interval
//
// # Determinism
//
// Replication i of a design draws only from the random streams of
// (seed, i), so its record depends on nothing else: not on the number of
// workers, not on the shards a run is split into, not on the other
// designs of the set. Run delivers records in replication order, so the
// summaries, and the replication at which a precision rule
// (Options.Precision) stops, are the same for any number of workers.
// [CacheKey] names this identity: equal keys mean byte-identical records.
//
// # Sets of designs
//
// Run takes a set of designs and runs replication i of every design on
// the same worker, one design after another; the records of a
// replication come back together. Designs that share their market,
// inbound and databases see the same demand in replication i (common
// random numbers), and [Compare] turns a set's results into paired
// differences against the first design, ranked by [Comparison.Rank]. A
// set is also the unit for what shares work per replication: a status
// quo run beside each plan, many points of a sweep.
//
// # Shards and merge
//
// A run of N replications may be split into n shards ([ShardReps]: shard
// i runs a contiguous block), each computed anywhere with the same
// options but Shard. [Outcome.Shard] makes a shard of a design's records
// for package results' shard files, and [Merge] checks a set of shards
// (one run, nothing missing, nothing twice, nothing partial unless
// allowed), rebuilds the design if needed, and summarises the records. A
// single-machine run is one shard merged, so its files ([Merged.Files])
// are byte-identical to those of a run split over a cluster and merged.
// [Manifest] is manifest.json, which records what was run, the scenario
// text, and how fast.
//
// # Cost
//
// Each worker keeps one simulator per design for the whole run, so memory
// grows with workers × designs, not with replications, except for the
// records kept: one value per measure of each design and replication.
// Run holds at most a window of a few replications per worker waiting
// for an earlier one (package replicate).
//
// # The outside world
//
// The package reads no files, environment or signals and writes nothing
// but to the io.Writer it is given; the wall clock enters only through
// Options.Clock. Cancelling the context stops a run within a simulated
// week of every worker's current replication; Run then returns what
// finished, marked partial, with the context's error.
package experiment

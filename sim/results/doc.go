// Package results turns per-replication records into the files of a run:
// shard files of raw records, and the summaries, tables and time series
// computed from them.
//
// A run is a set of replications 0..N-1. Each replication produces a
// [Record]: one value per [metric.Key] (metric, role, period). Records are
// written to shard files, one per share of the replications; [Merge]
// checks a set of shards (same header, no replication twice, none
// missing) and [Aggregate] computes every summary from the records in
// replication order. A single-machine run is one shard merged, so a run
// split over a cluster and merged gives byte-identical files.
//
// Values are written with the shortest representation that reads back to
// the same float64 (strconv 'g', -1), so summaries recomputed from
// replications.csv are bit-identical to the ones written.
package results

// Package stats provides the within-run accumulators and the
// across-replication summaries from which every salesim result is reported.
//
// # Within a run
//
// [Tally] accumulates observations (a lead's time in a stage, a deal's
// value) and [TimeWeighted] the time average of a piecewise-constant level
// (queue length, busy sellers). Both are small value types whose zero value
// is ready to use; adding to them does not allocate and is O(1), so they can
// sit in the event handlers of the simulation. Times are in whatever unit
// the caller's clock uses (hours in salesim); [TimeWeighted.Start] restarts
// the average for warm-up deletion and reporting periods.
//
// # Across replications
//
// [Accumulator] takes one value per replication as replications finish and
// reports a [Summary]: mean, sample standard deviation, the Student-t
// confidence interval of the mean, and the 10th, 50th and 90th percentiles,
// with warnings such as [WarnFewReplications]. Its memory does not depend
// on the number of replications: the mean and variance are updated by
// Welford's method and the percentiles by the P² algorithm of Jain and
// Chlamtac (1985), which keeps five markers per percentile. Up to 64
// values the percentiles are exact ([Quantiles], type 7 of Hyndman and Fan,
// R's default): the values are kept sorted in a fixed buffer; beyond, a
// summary says its percentiles are estimates ([WarnEstimatedPercentiles]).
// [Summarize] summarises values kept in memory, with exact percentiles for
// any number of them. [Proportion] summarises 0/1 outcomes with the Wilson score
// interval, and [Paired] the differences of paired replications (common
// random numbers).
//
// # Determinism
//
// The accumulators depend only on the sequence of values added: two
// accumulators fed the same values in the same order give bit-identical
// summaries, so a summary can be recomputed exactly from a file of
// per-replication values written with full precision (strconv.FormatFloat
// with precision -1). Products that feed a sum are rounded explicitly, which
// stops the compiler fusing them into FMA instructions on some
// architectures and not others; the t and normal quantiles behind Lo and
// Hi come from gonum, which does not guard against this, so across
// architectures those two may differ in the last bits. Order matters: the same values in another
// order give the same mean and variance up to rounding, and percentile
// estimates that may differ by more.
//
// # Complexity
//
// Every Add is O(1) and allocation-free. [Accumulator.Summary] and
// [Proportion.Summary] are O(1) apart from the inverse-CDF evaluation of
// the t or normal quantile. [Quantiles] sorts a copy of its input: O(n log n).
//
// # Errors
//
// Programmer errors panic with a "stats:" prefix: time going backwards in
// [TimeWeighted], a confidence level outside (0, 1), a probability outside
// [0, 1], and fewer than one degree of freedom. Data problems are not
// errors: NaN replication values are counted, excluded and reported as a
// warning.
package stats

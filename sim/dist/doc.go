// Package dist provides the stochastic inputs of a simulation: probability
// distributions parsed from scenario text, sampling with an explicit random
// source, and independently seeded random streams.
//
// # Time and values
//
// The project's time unit is the hour, as a float64. The values inside a
// spec ("90s", "15m", "4h", "70d", "2w", "12mo", "1y", "1h30m", "10
// minutes"; "150k", "1.2M"; "10%"; rates such as "40/week") are read by
// package quantity, which holds the grammar of values with units and
// converts durations to hours and rates to rates per hour once. A month is
// 730 h (365/12 days) and a year 8760 h: see [Month] and [Year].
//
// # Distributions
//
// A [Dist] is parsed from a spec by [Parse] (or from TOML through
// [Dist.UnmarshalText]). A spec is a bare value, which is a constant, or a
// family with parameters given by name, or for some families by position:
//
//	4h, 15000, 150k                       const(x)
//	exp(mean=4h), exp(4h)                 exponential; or exp(rate=12/h)
//	uniform(min=1h, max=3h), uniform(1h, 3h)
//	triangular(min=1h, mode=2h, max=5h), triangular(1h, 2h, 5h)
//	normal(mean=2h, sd=30m), normal(2h, 30m)
//	lognormal(median=70d, p90=180d)       also (median, sigma), (median, top20),
//	                                      (mean, sd), (mean, cv), (mean, sigma),
//	                                      (mean, top20), (mu, sigma); any pNN
//	gamma(shape=2, mean=4h)               or (shape, scale)
//	erlang(k=3, mean=6h)                  or (k, scale)
//	weibull(shape=1.5, scale=10d)         or (shape, mean)
//	pareto(min=10k, alpha=2.5)
//	empirical(1h, 2h, 4h)                 equal weights; a draw is one of the values
//	empirical(1h:1, 2h:3)                 weighted
//
// Values either all carry time units, and the distribution is in hours
// ([Dist.Unit] is [Time]), or none does ([None]: counts, sizes, money, which
// may use the k, M and G suffixes); a plain 0 fits both. Shape parameters
// (shape, k, alpha, sigma, cv, top20, mu, weights) are plain numbers;
// cv, top20 and weights may be percentages. Family and parameter names are
// case-insensitive; "exponential" and "constant" are accepted as names. Parse
// cannot know what a field measures: a field of durations should reject a
// Dist whose Unit is None, since "exp(mean=4)" is four of nothing.
//
// All values are non-negative, and every family is validated: means,
// scales, sd and medians > 0; min >= 0 and max > min; mode in [min, max];
// alpha > 1 and a finite mean (a spec whose mean is infinite is rejected);
// gamma and Weibull shapes >= 0.01; Erlang k a whole number in [1, 1e6];
// top20 in (0.2, 1).
//
// The normal is truncated at 0 (its mean must be >= 0): a negative draw is
// redrawn, at most 64 times, after which the sample is 0. As each draw is
// accepted with probability >= 1/2 the clamp happens with probability
// <= 2⁻⁶⁴, so [Dist.Mean] and [Dist.Quantile] are those of the truncated
// normal, exactly.
//
// lognormal(top20=S) sets σ from S, the share of the total held by the
// largest 20% of draws (the Pareto ratio): for a lognormal the share of the
// top fraction q is 1 − Φ(Φ⁻¹(1−q) − σ), so σ = Φ⁻¹(0.8) − Φ⁻¹(1−S).
// S = 0.67, the ratio across non-consumer-goods firms (research/domain.md
// D1), gives σ ≈ 1.2816.
//
// [Dist.String] returns a canonical spec that Parse reads back as an equal
// Dist; lognormals are written as (median, sigma), exponentials as (mean).
//
// # Random streams
//
// Sampling takes the random source explicitly: [Dist.Sample] uses the
// *rand.Rand (math/rand/v2) it is given and does not allocate. Every stream
// is seeded from (master seed, replication, stream id) by [Stream], with
// the id derived from a stable name by [StreamID]. The same seed therefore
// gives byte-identical results for any number of workers, and two designs
// compared under the same seed draw the same numbers for the inputs they
// share.
//
// # Errors
//
// Errors start with "dist:" and quote the offending text: for a spec, the
// family, the parameter, its value and the allowed range, as in
// `dist: "exp(mean=-1h)": exp mean=-1h must be > 0`. Programmer errors
// panic: sampling, or taking the mean or a quantile of, the zero Dist;
// a quantile outside [0, 1]; a negative scale factor or replication; and
// invalid arguments to [Const] and [Exp].
package dist

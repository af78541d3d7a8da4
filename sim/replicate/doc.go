// Package replicate runs Monte Carlo replications in parallel and hands
// their results back in replication order.
//
// The runner knows nothing of what a replication computes: it calls a
// function with a worker number and a replication index and passes each
// result to a sink, in the order of the indices it was given, whatever
// the order in which workers finish. Because every replication seeds its
// own random streams from its index (package dist), the sequence the sink
// sees — and so every statistic computed from it — is the same for any
// number of workers. A stopping rule sees that same sequence, so a run
// that stops early also stops at the same replication for any number of
// workers.
//
// Memory is bounded: at most a window of results proportional to the
// number of workers is held while waiting for an earlier replication.
package replicate

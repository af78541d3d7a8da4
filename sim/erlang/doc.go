// Package erlang computes exact steady-state measures of the M/M/c queue
// (Erlang B and Erlang C), the analytic oracle that the kernel and model
// tests, and salesim check, compare simulations against.
//
// Time units are whatever the rates are in: with rates per hour, waits are
// in hours. The Erlang B value is computed by the recursion
// B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which is stable for any
// number of servers (no factorials or powers of a), and Erlang C from it:
// C = B / (1 − ρ(1 − B)). Both are O(c).
package erlang

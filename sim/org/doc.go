// Package org simulates a sales organisation: leads and clients moving
// through the roles of a department described by a [Config].
//
// # Model
//
// Work enters from inbound request streams, from raw contact databases
// that roles call when nothing more urgent waits, and from clients (repeat
// orders, claims, proactive care). Every piece of work is a task of an
// [Activity]; a task goes to the role that owns the account it concerns if
// that role performs the activity, else to the owner's fixed partner role,
// else to the first role that performs it. People take waiting tasks by
// priority, first come first served within a priority, within what their
// calendar allows at the time (working spans, batch blocks, internal
// meetings), and pay a setup time when they change kind of work.
// Interrupting activities (a ringing call) preempt lower-priority work,
// which resumes afterwards. Phone work slows and converts less as a shift
// goes on; a gap of at most two hours off counts as a break
// ([Fatigue.BreakRecovery]), a longer one starts a new shift.
//
// A lead advances through the [Stage]s of the funnel with a probability
// that multiplies the stage's rate by the person's skill, ramp-up and
// fatigue, the speed-to-lead decay for the time it waited, and any
// handoff information loss. A lead that waits past its activity's patience
// goes cold; a failed stage loses the lead or nurtures it until its need
// date. A won lead places its first order and becomes a client that
// orders, claims and churns; a client contacted less often than its size
// needs is neglected and orders less and churns more. [Handoff]s move
// accounts between roles at a stage, at the first order, after a number of
// deals, at planned volume or at a volume threshold.
//
// # Time and periods
//
// Time is in hours from Monday 00:00 of the first week (package des).
// Statistics start after Run.Warmup and are kept per month of
// [Month] hours (a twelfth of a 365-day year) and for the whole horizon.
//
// # Randomness
//
// A replication draws from independent streams seeded by (seed,
// replication, stream name): one per inbound stream for arrivals, one per
// inbound stream and per database for company sizes (drawn by company
// number, so that compared designs see the same companies), and separate
// streams for work durations, outcomes, client behaviour and people. Two
// designs run with the same seed and replication therefore see the same
// demand: common random numbers.
//
// # Measures
//
// [Catalog] lists every measure a replication produces (metric, role,
// period); [Plan.Simulate] returns their values in that order, so one
// replication is one flat record.
package org

// Package org simulates a sales organisation: leads and clients moving
// through the roles of a department described by a [Config].
//
// [Compile] validates a Config ([Config.Validate]: every rule once, beside
// the type it concerns) and derives a [Plan]; [NewSim] builds a simulator
// for it and [Sim.Run] runs one replication, returning one value per
// measure of the plan's [Catalog]. Package experiment runs many
// replications on workers; package scenario builds Configs from TOML.
//
// # Mechanisms
//
// The state of a replication is split by mechanism. Each is a type that
// owns its state and binds the handlers of its own events when the Sim is
// built; a person ([person]) and an account ([account]) are each one
// struct, made of parts declared by the mechanisms that keep them.
//
//   - Calendars (calendar.go): each role's shift groups follow a weekly
//     [Week] of working spans, batch blocks and internal blocks; a change
//     of span stops, starts or switches its members' work. Batch blocks
//     (blocks.go) are strict or preferred and may carry speed and
//     conversion gains.
//   - Staff (staff.go, absence.go): people and vacancies, hiring at time 0,
//     by refills and reorganisations, ramp-up by tenure; absence spells
//     and attrition with refills.
//   - The timesheet (timesheet.go): every scheduled hour is productive,
//     switching, fatigue loss, idle, absent or internal; pay accrues.
//   - Fatigue (fatigue.go): fatigue-prone work slows and converts less
//     with hours on shift; a break restores some, a new shift all.
//   - Switching (switching.go): a change of kind of work costs the role's
//     setup time.
//   - Work (work.go) and taking work (take.go): tasks queue per activity in
//     a role's pool or a person's own queues, routed by the account's
//     owner, a fixed partner or the first role that does the work; people
//     take work by priority and waiting time, interrupting activities
//     preempt lower-priority work, and of several idle people the role's
//     Pick policy chooses (first by post, or longest idle). Joint work (joint.go): a second role
//     joins an activity's work and raises its conversion.
//   - Prospecting (calls.go, databases.go): outbound calls to raw contact
//     databases, drawn as runs of calls with one kernel event per run.
//   - Demand (demand.go): inbound request streams, non-homogeneous Poisson
//     drawn by thinning a year at a time; dated changes of rate and
//     marketing budgets (dated.go) act by superposition, so a change
//     moves no request of the configured rate.
//   - Accounts (accounts.go): the store of leads and clients and who owns
//     them; assignment policies and portfolio limits.
//   - The funnel (funnel.go): stages with delays, conversion (skill, ramp,
//     fatigue, speed-to-lead decay, handoff information loss), nurture to a
//     need date, going cold, winning.
//   - Handoffs (handoffs.go): accounts move between roles at a stage, the
//     first order, after deals, at plan or at a volume; source commission.
//   - Segments (segments.go): leads of a size range or a source follow a
//     stage sequence of their own and handoffs of their own; work takes
//     longer for a bigger company where an activity says so.
//   - Teams (teams.go): people of several roles as one team (pods):
//     handoffs, work one role does for another and leavers' accounts stay
//     within the team, or go to the role as a whole.
//   - Clients (clients.go, booking.go): orders, churn, neglect, care and
//     development, claims; margin booked with commissions and bonuses, the
//     target's baseline measured during the warm-up. Chores (chores.go):
//     non-sales work clients create per order and per month.
//   - Reorganisations (reorg.go): leavers, moves, transfers, headcounts,
//     rehoming and rebalancing at given times.
//   - Back-pressure (backpressure.go): a role's pulled work pauses while a
//     watched role's queue is long.
//   - Behaviour rules (rules.go): one small interface with optional hooks;
//     a rule is a file of its own: the fat-cat rule (fatcat.go) and
//     escalation (escalation.go).
//   - The recorder (recorder.go) keeps raw counters per role and month; the
//     metric table (metrics.go) defines every reported metric once, and the
//     catalog (catalog.go) lists a plan's measures in record order. The
//     ledger (ledger.go) keeps the bookkeeping tests check.
//   - A shared warm-up (warm.go): [Sim.Warm] simulates a replication up to
//     a time, [Sim.RunFrom] continues it in another plan's simulator from
//     a deep copy of every mechanism's state, the random streams and the
//     calendar (handlers rebound), for designs that differ only after
//     that time (headcounts after a reorganisation).
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
// replication, stream name) (random.go): one per inbound stream for
// arrivals (and one for the extra requests of a stream's rises), one per
// inbound stream and per database for company sizes, and streams for what
// belongs to no entity (the book at time 0, behaviour rules' choices, who
// leaves at a reorganisation). Every draw that decides the fate of a lead,
// client or person (a call's outcome, a stage's conversion, a need date,
// orders, churn, a task's duration, attrition, absences) is a function of
// the entity's key, the purpose and a count instead: the same lead meets
// the same fate in two designs whenever it meets the same decision,
// however the timing of the rest differs. Two designs run with the same
// seed and replication therefore see the same demand and the same fates:
// common random numbers.
//
// # Measures
//
// [Catalog] lists every measure a replication produces (metric, role,
// period); [Sim.Run] returns their values in that order, so one
// replication is one flat record.
package org

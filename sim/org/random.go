package org

import (
	"math"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/dist"
)

// streams are a replication's random streams, each keyed by (seed,
// replication, name) so that compared designs draw the same numbers for
// the inputs they share. Streams of inbound arrivals and sizes belong to
// [demand], the keys of database contacts' sizes to [prospecting]. What
// concerns one lead, client or person is drawn by its entity key instead
// (below); the streams draw the rest: the book at time 0, behaviour rules'
// choices (out), who leaves at a reorganisation (people), and the work
// and patience of tasks that belong to no account (work, delay).
type streams struct {
	init, work, out, people, delay *rand.Rand
}

// Stream names: a replication's random streams are keyed by them.
const (
	streamInit   = "initial"
	streamWork   = "work"
	streamOut    = "outcome"
	streamPeople = "people"
	streamDelay  = "delay"
)

func (r *streams) setup(s *Sim) {
	s.salt = mix64(s.seed^0x243f6a8885a308d3) ^ mix64(uint64(s.rep)+0x13198a2e03707344)
	r.init = s.stream(streamInit)
	r.work = s.stream(streamWork)
	r.out = s.stream(streamOut)
	r.people = s.stream(streamPeople)
	r.delay = s.stream(streamDelay)
}

// stream returns the stream of the given name for the current replication.
func (s *Sim) stream(name string) *rand.Rand {
	return dist.Stream(s.seed, s.rep, dist.StreamID(name))
}

// exp draws an exponential time of the given rate.
func exp(r *rand.Rand, rate float64) float64 {
	return r.ExpFloat64() / rate
}

// hazard returns the constant hazard per hour under which a share p of a
// population is gone after a year: −ln(1 − p) per year. Shares of 100 % or
// more are capped just below, where the hazard is large but finite.
func hazard(p float64) float64 {
	return -math.Log1p(-math.Min(p, 0.999999)) / Year
}

// Entity keys. Every person, lead and client carries a key made from its origin —
// an inbound stream and the arrival's number, a database and the contact's
// number, a role's book at time 0 — and the replication. The draws that
// decide its fate (a call's outcome, a stage's conversion, nurture, the
// need date, delays, orders, claims, churn, development, leaving with a
// departing rep) are functions of (key, purpose, count), not the next
// numbers of a shared stream: the same lead meets the same fate in two
// designs whenever it meets the same decision, however the timing of the
// rest differs (common random numbers by entity). The duration of a task
// for an account is keyed by the account too, and a person's attrition,
// absences and refills by the person (their position in the staff list).

// Origins of accounts.
const (
	originInbound = iota + 1
	originDatabase
	originBook
	originPerson
	originInboundExtra // demand.go: an arrival of a stream's extra process
)

// Purposes of keyed draws.
const (
	drawCall = iota + 1
	drawCallNurture
	drawConvert
	drawNurture
	drawNeed
	drawDelay
	drawHandoff
	drawOrder
	drawClaim
	drawChurn
	drawDevelop
	drawLostOrder
	drawLeaveLoss
	drawWork
	drawAttrition
	drawRefill
	drawAbsence
	drawAbsenceLength
	drawPatience
	drawDecisionMakers
	drawFollowUp
	drawChore     // chores.go: one more chore for an order
	drawChoreTime // chores.go: the time to a client's next monthly chore
	drawChoreKind // chores.go: which chore it is
	drawThin      // demand.go: whether an arrival is kept under a dated rate below the configured one
)

// mix64 is the finaliser of SplitMix64 (package dist uses the same): a
// bijection of uint64 with full avalanche.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// originKey returns the key of an account of the given origin and
// numbers in the current replication.
func (s *Sim) originKey(origin int, a, b uint64) uint64 {
	return mix64(s.salt ^ mix64(uint64(origin)*0x9e3779b97f4a7c15^mix64(a+0x632be59bd9b4e019)^mix64(b+0x85157af5)))
}

// unit returns the keyed draw n of the given purpose for key: a uniform
// number in (0, 1).
func unit(key uint64, purpose int, n uint32) float64 {
	x := mix64(key ^ mix64(uint64(purpose)<<32|uint64(n)))
	return (float64(x>>11) + 0.5) / (1 << 53)
}

// unitExp returns the keyed draw as a unit exponential.
func unitExp(key uint64, purpose int, n uint32) float64 {
	return -math.Log(unit(key, purpose, n))
}

// keyedSample draws from d at the keyed uniform.
func keyedSample(d *dist.Dist, key uint64, purpose int, n uint32) float64 {
	return d.Quantile(unit(key, purpose, n))
}

package org

import (
	"math"
	"math/rand/v2"

	"github.com/salesim/salesim/sim/dist"
)

// streams are a replication's random streams, each keyed by (seed,
// replication, name) so that compared designs draw the same numbers for
// the inputs they share. Streams of inbound arrivals and sizes belong to
// [demand], the keys of database contacts' sizes to [prospecting].
type streams struct {
	init, work, out, cli, people, delay *rand.Rand
}

// Stream names: a replication's random streams are keyed by them.
const (
	streamInit   = "initial"
	streamWork   = "work"
	streamOut    = "outcome"
	streamCli    = "clients"
	streamPeople = "people"
	streamDelay  = "delay"
)

func (r *streams) setup(s *Sim) {
	r.init = s.stream(streamInit)
	r.work = s.stream(streamWork)
	r.out = s.stream(streamOut)
	r.cli = s.stream(streamCli)
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

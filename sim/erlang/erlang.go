package erlang

import (
	"errors"
	"math"
)

// ErrUnstable is returned for an M/M/c queue whose offered load is not
// below its number of servers: it has no steady state.
var ErrUnstable = errors.New("erlang: offered load λ/μ must be below the number of servers c")

// ErrParams is returned for non-positive or non-finite rates or servers.
var ErrParams = errors.New("erlang: λ and μ must be positive and finite, c ≥ 1")

// B returns the Erlang B blocking probability for c servers and offered
// load a = λ/μ. It panics if c < 0 or a < 0.
func B(c int, a float64) float64 {
	if c < 0 || a < 0 || a != a {
		panic("erlang: B needs c ≥ 0 and a ≥ 0")
	}
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// C returns the Erlang C probability that an arrival waits, for c servers
// and offered load a < c. It panics if a ≥ c.
func C(c int, a float64) float64 {
	if !(a < float64(c)) {
		panic("erlang: C needs a < c")
	}
	b := B(c, a)
	rho := a / float64(c)
	return b / (1 - rho*(1-b))
}

// MMc holds the steady-state measures of an M/M/c queue: Poisson arrivals
// at rate Lambda, exponential service at rate Mu per server, C servers,
// first come first served, unlimited waiting room, no abandonment.
type MMc struct {
	Lambda, Mu float64
	C          int

	Rho   float64 // server utilisation λ/(cμ)
	PWait float64 // probability that an arrival waits (Erlang C)
	Wq    float64 // mean wait in queue
	W     float64 // mean time in system, Wq + 1/μ
	Lq    float64 // mean number waiting, λ·Wq
	L     float64 // mean number in system, Lq + λ/μ
}

// Solve returns the measures of the M/M/c queue with the given rates and
// servers, or an error if the parameters are invalid or the queue is
// unstable.
func Solve(lambda, mu float64, c int) (MMc, error) {
	if !(lambda > 0) || !(mu > 0) || math.IsInf(lambda, 0) || math.IsInf(mu, 0) || c < 1 {
		return MMc{}, ErrParams
	}
	a := lambda / mu
	if !(a < float64(c)) {
		return MMc{}, ErrUnstable
	}
	q := MMc{Lambda: lambda, Mu: mu, C: c, Rho: a / float64(c)}
	q.PWait = C(c, a)
	q.Wq = q.PWait / (float64(c)*mu - lambda)
	q.W = q.Wq + 1/mu
	q.Lq = lambda * q.Wq
	q.L = q.Lq + a
	return q, nil
}

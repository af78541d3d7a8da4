package study

import (
	"math"
)

// The sequential procedures of [Seek]: a feasibility test per constraint
// and candidate, and the comparison of the feasible candidates on the
// objective. Each reads a candidate's replications in replication order
// and decides at the first replication where its boundary is crossed, so
// its decision does not depend on how many replications were run ahead
// of it (a batch run for speed).

// A verdict is the outcome of a feasibility test.
type verdict int8

const (
	undecided verdict = iota
	feasible
	infeasible
)

func (v verdict) String() string {
	switch v {
	case feasible:
		return "feasible"
	case infeasible:
		return "infeasible"
	}
	return "undecided"
}

// A feasTest decides whether the mean of a candidate's replication values
// lies on the feasible side of a bound, reading them one by one.
type feasTest interface {
	// next reads the value of the next replication and returns the
	// verdict after it; once decided, the verdict does not change.
	next(y float64) verdict
	// at returns the number of values read when the test decided (0 if
	// undecided).
	at() int
}

// sprt is Wald's sequential probability ratio test of a Bernoulli
// probability p (Wald 1945, "Sequential tests of statistical hypotheses",
// Ann. Math. Stat. 16(2):117–186), between p₀ = q − δ and p₁ = q + δ, with
// the boundaries log(1/β) and log β on the log likelihood ratio
// log(L(p₁)/L(p₀)).
//
// Error bound: under any p ≤ p₀ the likelihood ratio L(p₁)/L(p₀) is a
// non-negative supermartingale with mean at most 1, so by Ville's
// inequality (Ville 1939) it ever reaches 1/β with probability at most β;
// symmetrically for p ≥ p₁ and the lower boundary. So a candidate whose p
// is at least δ on one side of q is declared to be on the other with
// probability at most β, whatever the stopping (truncation only leaves it
// undecided). This is the Bernoulli feasibility check of the
// feasibility-determination literature (Andradóttir & Kim 2010; for
// probability constraints see Kim, Andradóttir, Kim & Zhou, arXiv
// 2605.27237), with Ville's bound in place of Wald's approximations.
type sprt struct {
	up, down   float64 // log-likelihood-ratio increments for y = 1 and y = 0
	bound      float64 // log(1/β)
	atLeast    bool    // feasible when p ≥ q
	llr        float64
	n, decided int
	v          verdict
}

func newSPRT(q, delta, beta float64, atLeast bool) *sprt {
	p0, p1 := q-delta, q+delta
	return &sprt{
		up:      math.Log(p1 / p0),
		down:    math.Log((1 - p1) / (1 - p0)),
		bound:   math.Log(1 / beta),
		atLeast: atLeast,
	}
}

func (t *sprt) next(y float64) verdict {
	if t.v != undecided {
		return t.v
	}
	t.n++
	if y >= 0.5 {
		t.llr += t.up
	} else {
		t.llr += t.down
	}
	high, low := feasible, infeasible // evidence for p ≥ q + δ, for p ≤ q − δ
	if !t.atLeast {
		high, low = infeasible, feasible
	}
	switch {
	case t.llr >= t.bound:
		t.v = high
	case t.llr <= -t.bound:
		t.v = low
	}
	if t.v != undecided {
		t.decided = t.n
	}
	return t.v
}

func (t *sprt) at() int { return t.decided }

// fTest is the fully sequential feasibility check of a constraint on a
// mean with unknown variance: procedure F of Andradóttir & Kim (2010,
// "Fully sequential procedures for comparing constrained systems via
// simulation", Naval Research Logistics 57(5):403–421) and Batur & Kim
// (2010, ACM TOMACS 20(3), article 13) for one constraint, with c = 1.
//
// After n₀ values it estimates the variance S² of the values and sets
// h² = (n₀ − 1)·((2β)^(−2/(n₀−1)) − 1). At r ≥ n₀ values with
// D = Σ (Yⱼ − q) (at_least; q − Yⱼ for at_most) and
// R(r) = max(0, h²S²/(2δ) − δr/2) it declares the candidate feasible if
// D ≥ R(r) (at r where R(r) is 0: if D > 0), infeasible if D ≤ −R(r),
// and reads on otherwise; it decides by r = h²S²/δ² at the latest.
// A candidate whose mean is at least δ on one side of q is declared to be
// on the other with probability at most β, for normal values
// (approximately, by the central limit theorem, for means of long runs).
type fTest struct {
	q, delta, beta float64
	atLeast        bool
	n0             int
	first          []float64 // the first n₀ values
	h2s2           float64   // h²S², known from n₀ on
	sum            float64
	n, decided     int
	v              verdict
}

func newFTest(q, delta, beta float64, atLeast bool, n0 int) *fTest {
	return &fTest{q: q, delta: delta, beta: beta, atLeast: atLeast, n0: n0}
}

// hSquared returns the constant h² of procedure F and of KN with c = 1
// for n₀ first-stage values and an error rate e per test:
// (n₀ − 1)·((2e)^(−2/(n₀−1)) − 1).
func hSquared(n0 int, e float64) float64 {
	return float64(n0-1) * (math.Pow(2*e, -2/float64(n0-1)) - 1)
}

func (t *fTest) next(y float64) verdict {
	if t.v != undecided {
		return t.v
	}
	t.n++
	d := y - t.q
	if !t.atLeast {
		d = -d
	}
	t.sum += d
	if t.n <= t.n0 {
		t.first = append(t.first, d)
		if t.n < t.n0 {
			return undecided
		}
		t.h2s2 = hSquared(t.n0, t.beta) * variance(t.first)
	}
	r := max(0, t.h2s2/(2*t.delta)-t.delta*float64(t.n)/2)
	switch {
	case r > 0 && t.sum >= r, r == 0 && t.sum > 0:
		t.v = feasible
	case t.sum <= -r:
		t.v = infeasible
	}
	if t.v != undecided {
		t.decided = t.n
	}
	return t.v
}

func (t *fTest) at() int { return t.decided }

// variance returns the sample variance (divisor n − 1) of xs, n ≥ 2.
func variance(xs []float64) float64 {
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return ss / float64(len(xs)-1)
}

// knElim is one comparison step of the fully sequential procedure KN
// (Kim & Nelson 2001, "A fully sequential procedure for indifference-zone
// selection in simulation", ACM TOMACS 11(3):251–273) with c = 1, for
// minimisation on common random numbers: after r paired replications, a
// candidate i is eliminated by l when
//
//	Σⱼ (Yᵢⱼ − Yₗⱼ) > max(0, h²Sᵢₗ²/(2δ) − δr/2),
//
// Sᵢₗ² the variance of the first n₀ differences and
// h² = (n₀−1)·((2α/(k−1))^(−2/(n₀−1)) − 1) for k candidates. If the best
// candidate's mean is at least δ below every other's, it survives every
// elimination with probability ≥ 1 − α (normal data; the variances of
// the differences take the correlation of common random numbers into
// account).
func knElim(sumDiff, h2s2, delta float64, r int) bool {
	return sumDiff > max(0, h2s2/(2*delta)-delta*float64(r)/2)
}

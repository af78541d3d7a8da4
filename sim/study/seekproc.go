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

// sprt is a sequential probability ratio test of a Bernoulli
// probability p against the bound q with indifference zone δ (Wald 1945,
// "Sequential tests of statistical hypotheses", Ann. Math. Stat.
// 16(2):117–186), in its mixture form: it declares p ≥ q + δ unlikely
// when the mean over a grid of K alternatives p_k ≤ q − δ of the
// likelihood ratios L(p_k)/L(q + δ) reaches 1/β, and p ≤ q − δ unlikely
// when the mean over p'_k ≥ q + δ of L(p'_k)/L(q − δ) does.
//
// Error bound: under any p ≥ q + δ each ratio L(p_k)/L(q + δ) with
// p_k < q + δ is a non-negative supermartingale with mean at most 1, and
// so is their mean; by Ville's inequality (Ville 1939) it ever reaches
// 1/β with probability at most β. Symmetrically for p ≤ q − δ. So a
// candidate whose p is at least δ on one side of q is declared to be on
// the other with probability at most β, whatever the stopping
// (truncation only leaves it undecided). The grid (p_k = (q−δ)·k/K, p'_k
// from q + δ towards 1) lets a candidate far from the bound be decided in
// far fewer replications than Wald's single pair q ± δ, at a cost of
// log K in the boundary near it. This is the Bernoulli feasibility check
// of the feasibility-determination literature (Andradóttir & Kim 2010;
// for probability constraints see Kim, Andradóttir, Kim & Zhou, arXiv
// 2605.27237), with Ville's bound in place of Wald's approximations.
type sprt struct {
	// For each alternative: the log ratio per 1 and per 0, against
	// q + δ (low: evidence for p ≤ q − δ) and against q − δ (high).
	lowUp, lowDown, highUp, highDown []float64
	bound                            float64 // log(1/β) + log K
	atLeast                          bool    // feasible when p ≥ q
	ones, n, decided                 int
	v                                verdict
}

// sprtGrid is K, the number of alternatives on each side.
const sprtGrid = 8

func newSPRT(q, delta, beta float64, atLeast bool) *sprt {
	p0, p1 := q-delta, q+delta
	t := &sprt{bound: math.Log(1/beta) + math.Log(sprtGrid), atLeast: atLeast}
	for k := 1; k <= sprtGrid; k++ {
		lo := p0 * float64(k) / sprtGrid
		hi := p1 + (1-p1)*float64(k-1)/sprtGrid
		t.lowUp = append(t.lowUp, math.Log(lo/p1))
		t.lowDown = append(t.lowDown, math.Log((1-lo)/(1-p1)))
		t.highUp = append(t.highUp, math.Log(hi/p0))
		t.highDown = append(t.highDown, math.Log((1-hi)/(1-p0)))
	}
	return t
}

// logSum returns log Σₖ exp(ones·up_k + zeros·down_k): the log of the
// sum of the K likelihood ratios (the 1/K of their mean is folded into
// the bound).
func logSum(ones, zeros int, up, down []float64) float64 {
	m := math.Inf(-1)
	for k := range up {
		m = math.Max(m, float64(ones)*up[k]+float64(zeros)*down[k])
	}
	var s float64
	for k := range up {
		s += math.Exp(float64(ones)*up[k] + float64(zeros)*down[k] - m)
	}
	return m + math.Log(s)
}

func (t *sprt) next(y float64) verdict {
	if t.v != undecided {
		return t.v
	}
	t.n++
	if y >= 0.5 {
		t.ones++
	}
	zeros := t.n - t.ones
	high, low := feasible, infeasible // evidence for p ≥ q + δ, for p ≤ q − δ
	if !t.atLeast {
		high, low = infeasible, feasible
	}
	switch {
	case logSum(t.ones, zeros, t.lowUp, t.lowDown) >= t.bound:
		t.v = low
	case logSum(t.ones, zeros, t.highUp, t.highDown) >= t.bound:
		t.v = high
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

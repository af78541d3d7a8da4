package des_test

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/salesim/salesim/sim/des"
	"github.com/salesim/salesim/sim/erlang"
)

// mmc is an M/M/c queue built directly on the kernel: arrivals and
// departures are events, the servers a des.Resource. Customers are served
// first come first served, so the arrival times of waiting customers are a
// FIFO queue alongside the resource's own.
type mmc struct {
	env        *des.Env
	rnd        *rand.Rand
	lambda, mu float64
	servers    *des.Resource
	arrived    des.Queue[float64]

	arrival, start, departure des.Handler

	warm       float64 // statistics start here
	nSys       int
	area, last float64
	waitSum    float64
	waited     int
	trace      func(kind int, t float64) // optional
}

func newMMc(lambda, mu float64, c int, seed uint64) *mmc {
	m := &mmc{
		env:     des.New(),
		rnd:     rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)),
		lambda:  lambda,
		mu:      mu,
		servers: des.NewResource(c),
	}
	m.arrival = m.onArrival
	m.start = m.onStart
	m.departure = m.onDeparture
	return m
}

func (m *mmc) change(d int) {
	now := m.env.Now()
	if now > m.warm {
		from := math.Max(m.last, m.warm)
		m.area += float64(m.nSys) * (now - from)
	}
	m.last = now
	m.nSys += d
}

func (m *mmc) onArrival(int) {
	if m.trace != nil {
		m.trace(0, m.env.Now())
	}
	m.change(+1)
	m.arrived.Push(m.env.Now())
	m.servers.Request(m.start, 0)
	m.env.After(m.rnd.ExpFloat64()/m.lambda, des.Normal, m.arrival, 0)
}

func (m *mmc) onStart(int) {
	a := m.arrived.Pop()
	if a >= m.warm {
		m.waitSum += m.env.Now() - a
		m.waited++
	}
	m.env.After(m.rnd.ExpFloat64()/m.mu, des.Normal, m.departure, 0)
}

func (m *mmc) onDeparture(int) {
	if m.trace != nil {
		m.trace(1, m.env.Now())
	}
	m.change(-1)
	m.servers.Release()
}

// run simulates until the horizon and returns the mean wait in queue of
// customers who arrived after the warm-up and the time-average number in
// system after it.
func (m *mmc) run(warm, horizon float64) (wq, l float64) {
	m.warm = warm
	m.env.After(m.rnd.ExpFloat64()/m.lambda, des.Normal, m.arrival, 0)
	m.env.RunUntil(horizon)
	m.change(0)
	return m.waitSum / float64(m.waited), m.area / (horizon - warm)
}

// tInterval returns the mean and the half-width of the 95 % Student-t
// confidence interval of xs.
func tInterval(xs []float64) (mean, half float64) {
	n := float64(len(xs))
	for _, x := range xs {
		mean += x
	}
	mean /= n
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	sd := math.Sqrt(ss / (n - 1))
	// t(0.975, 19) = 2.093 (standard tables); the test uses 20 replications.
	return mean, 2.093 * sd / math.Sqrt(n)
}

// TestMMcMatchesErlangC runs 20 independent replications of three M/M/c
// systems and checks that the 95 % intervals of Wq and L cover the Erlang C
// values and that Little's law L = λW holds within the interval.
func TestMMcMatchesErlangC(t *testing.T) {
	t.Parallel()
	const reps = 20 // the t quantile in tInterval is for 19 degrees of freedom
	for _, tc := range []struct {
		lambda, mu float64
		c          int
		horizon    float64 // hours of simulated time per replication
	}{
		{lambda: 1.5, mu: 1, c: 2, horizon: 20000}, // ρ = 0.75, a small team
		{lambda: 9, mu: 1, c: 10, horizon: 20000},  // ρ = 0.9, the yardstick
		{lambda: 95, mu: 1, c: 100, horizon: 2000}, // ρ = 0.95, a large system
	} {
		name := fmt.Sprintf("λ=%g,μ=%g,c=%d", tc.lambda, tc.mu, tc.c)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := erlang.Solve(tc.lambda, tc.mu, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			horizon := tc.horizon
			if testing.Short() {
				horizon /= 4
			}
			warm := horizon / 10 // delete the empty-and-idle start
			wqs := make([]float64, reps)
			ls := make([]float64, reps)
			littles := make([]float64, reps)
			for r := range reps {
				m := newMMc(tc.lambda, tc.mu, tc.c, uint64(r+1))
				wqs[r], ls[r] = m.run(warm, horizon)
				// Little's law with the simulated W = Wq + 1/μ.
				littles[r] = ls[r] - tc.lambda*(wqs[r]+1/tc.mu)
			}
			check := func(what string, xs []float64, target float64) {
				t.Helper()
				mean, half := tInterval(xs)
				if math.Abs(mean-target) > half {
					t.Errorf("%s: %.4f ± %.4f does not cover %.4f", what, mean, half, target)
				} else {
					t.Logf("%s: %.4f ± %.4f covers %.4f", what, mean, half, target)
				}
			}
			check("Wq", wqs, want.Wq)
			check("L", ls, want.L)
			check("L − λW", littles, 0)
		})
	}
}

// TestTraceDeterministic checks that the same seed gives the bit-identical
// sequence of (kind, time) events and that another seed does not.
func TestTraceDeterministic(t *testing.T) {
	t.Parallel()
	trace := func(seed uint64) (uint64, int) {
		h := fnv.New64a()
		n := 0
		m := newMMc(9, 1, 10, seed)
		m.trace = func(kind int, tm float64) {
			var b [9]byte
			b[0] = byte(kind)
			bits := math.Float64bits(tm)
			for i := range 8 {
				b[1+i] = byte(bits >> (8 * i))
			}
			h.Write(b[:])
			n++
		}
		m.run(0, 2000)
		return h.Sum64(), n
	}
	a, na := trace(7)
	b, nb := trace(7)
	c, _ := trace(8)
	if a != b || na != nb {
		t.Fatalf("same seed, different traces: %x (%d events) vs %x (%d)", a, na, b, nb)
	}
	if a == c {
		t.Fatal("different seeds gave the same trace")
	}
	if na < 30000 {
		t.Fatalf("trace too short to mean anything: %d events", na)
	}
}

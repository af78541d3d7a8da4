package erlang

import (
	"math"
	"testing"
)

func TestSolveKnownValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		lambda, mu float64
		c          int
		wq, l      float64
		tol        float64
	}{
		// The SimPy yardstick (../shared/bench/README.md): Wq = 0.6687 h, L = 15.0186.
		{"yardstick", 9, 1, 10, 0.6687, 15.0186, 5e-5},
		// M/M/1: Wq = ρ/(μ−λ), L = ρ/(1−ρ).
		{"mm1", 0.5, 1, 1, 1.0, 1.0, 1e-12},
		// Koole's call-centre examples (research/domain.md H1): waits in seconds,
		// service 2 min, arrivals per minute.
		{"koole s=4", 1, 0.5, 4, 10.4 / 60, math.NaN(), 0.05 / 60},
		{"koole s=16", 6, 0.5, 16, 6.1 / 60, math.NaN(), 0.05 / 60},
		{"koole s=15", 6, 0.5, 15, 12.8 / 60, math.NaN(), 0.05 / 60},
		{"koole s=64", 28, 0.5, 64, 3.2 / 60, math.NaN(), 0.05 / 60},
		{"koole s=62", 28, 0.5, 62, 6.6 / 60, math.NaN(), 0.05 / 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := Solve(tc.lambda, tc.mu, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(q.Wq-tc.wq) > tc.tol {
				t.Errorf("Wq = %.6f, want %.6f ± %g", q.Wq, tc.wq, tc.tol)
			}
			if !math.IsNaN(tc.l) && math.Abs(q.L-tc.l) > tc.tol {
				t.Errorf("L = %.6f, want %.6f ± %g", q.L, tc.l, tc.tol)
			}
			// Little's law holds by construction; check the bookkeeping.
			if d := q.L - tc.lambda*q.W; math.Abs(d) > 1e-9*q.L {
				t.Errorf("L − λW = %g", d)
			}
		})
	}
}

func TestLargeSystemIsStable(t *testing.T) {
	t.Parallel()
	// 10,000 servers at ρ = 0.99: factorial formulas overflow here; the
	// recursion must stay finite and in [0, 1].
	q, err := Solve(9900, 1, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if !(q.PWait > 0 && q.PWait < 1) || math.IsNaN(q.Wq) {
		t.Fatalf("PWait = %g, Wq = %g", q.PWait, q.Wq)
	}
}

func TestSolveErrors(t *testing.T) {
	t.Parallel()
	if _, err := Solve(10, 1, 10); err != ErrUnstable {
		t.Errorf("ρ = 1: err = %v, want ErrUnstable", err)
	}
	for _, p := range [][3]float64{{0, 1, 1}, {1, 0, 1}, {1, 1, 0}, {math.NaN(), 1, 1}, {math.Inf(1), 1, 1}} {
		if _, err := Solve(p[0], p[1], int(p[2])); err != ErrParams {
			t.Errorf("Solve%v: err = %v, want ErrParams", p, err)
		}
	}
}

func TestErlangBRecursion(t *testing.T) {
	t.Parallel()
	// B(1, a) = a/(1+a); B(2, a) = a²/2 / (1 + a + a²/2).
	a := 1.7
	if got, want := B(1, a), a/(1+a); math.Abs(got-want) > 1e-15 {
		t.Errorf("B(1) = %g, want %g", got, want)
	}
	if got, want := B(2, a), a*a/2/(1+a+a*a/2); math.Abs(got-want) > 1e-15 {
		t.Errorf("B(2) = %g, want %g", got, want)
	}
}

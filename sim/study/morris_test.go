package study

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// linearModel is a synthetic model with a known ranking of inputs:
// y = 10·x₀ + 1.25·x₁ + 0.2·x₂ + 0·x₃ + ε over x₀ ∈ [0, 1], x₁ ∈ {0..4}
// (integer), x₂ ∈ [10, 20], x₃ ∈ [0, 100]: the effects over the whole
// ranges are 10, 5, 2 and 0. The noise ε of replication i is a common
// part N(0, 1), the same at every point (common random numbers), and a
// part N(0, 0.5²) of its own per point and replication. A second output
// is x₀·x₁ (an interaction: its σ is large relative to μ*).
type linearModel struct{}

func (linearModel) Sample(_ context.Context, x []float64, from, to int) ([][]float64, error) {
	var out [][]float64
	h := uint64(math.Float64bits(x[0])*31 + math.Float64bits(x[1])*17 + math.Float64bits(x[2])*7 + math.Float64bits(x[3]))
	for i := from; i < to; i++ {
		common := rand.New(rand.NewPCG(uint64(i), 0x9e3779b97f4a7c15))
		own := rand.New(rand.NewChaCha8([32]byte{byte(i), byte(i >> 8), byte(h), byte(h >> 8), byte(h >> 16), byte(h >> 24), byte(h >> 32), byte(h >> 40), byte(h >> 48), byte(h >> 56)}))
		y := 10*x[0] + 1.25*x[1] + 0.2*x[2] + common.NormFloat64() + 0.5*own.NormFloat64()
		out = append(out, []float64{y, x[0] * x[1]})
	}
	return out, nil
}

// TestMorrisRecoversRanking: on the linear model, μ* ranks x₀ > x₁ > x₂ >
// x₃ with the effects near 10, 5, 2 and 0 (for a linear response every
// elementary effect is the coefficient times the range, so μ* is exact
// up to the noise: within 3 noise SEs), x₃ is flagged as noise and the
// others are not; the noise SD of the mean of 10 replications at the
// base point is near √1.25/√10 = 0.354 (its 95 % interval covers it); the
// interaction output has σ > 0 for x₀ and x₁ only.
func TestMorrisRecoversRanking(t *testing.T) {
	t.Parallel()
	in := []MorrisInput{{Key: "x0", Min: 0, Max: 1}, {Key: "x1", Min: 0, Max: 4, Integer: true}, {Key: "x2", Min: 10, Max: 20}, {Key: "x3", Min: 0, Max: 100}}
	opt := MorrisOptions{Trajectories: 12, Levels: 4, Repeats: 12, Replications: 10, Seed: 7}
	res, err := Morris(t.Context(), in, []string{"y", "x0x1"}, opt, linearModel{})
	if err != nil {
		t.Fatal(err)
	}
	rank := res.Ranked(0)
	for j, want := range []int{0, 1, 2, 3} {
		if rank[j] != want {
			t.Fatalf("ranking %v, want [0 1 2 3]", rank)
		}
	}
	for i, want := range []float64{10, 5, 2, 0} {
		e := res.Effects[0][i]
		t.Logf("%s: μ* %.3f [%.3f, %.3f], μ %.3f, σ %.3f, noise SE %.3f, noise=%v", in[i].Key, e.MuStar, e.MuStarLo, e.MuStarHi, e.Mu, e.Sigma, e.NoiseSE, e.Noise)
		if want > 0 && math.Abs(e.MuStar-want) > 3*e.NoiseSE {
			t.Errorf("%s: μ* %.3f, want %g within 3 noise SEs (%.3f)", in[i].Key, e.MuStar, want, 3*e.NoiseSE)
		}
		if e.Noise != (want == 0) {
			t.Errorf("%s: flagged as noise = %v, want %v", in[i].Key, e.Noise, want == 0)
		}
		if want > 0 && !(e.MuStarLo <= e.MuStar && e.MuStar <= e.MuStarHi) {
			t.Errorf("%s: interval [%g, %g] does not hold μ* %g", in[i].Key, e.MuStarLo, e.MuStarHi, e.MuStar)
		}
	}
	n := res.Noise[0]
	want := math.Sqrt(1.25 / 10)
	if !(n.SDLo <= want && want <= n.SDHi) {
		t.Errorf("noise SD %.3f [%.3f, %.3f] does not cover %.3f", n.SD, n.SDLo, n.SDHi, want)
	}
	for i, e := range res.Effects[1] {
		if inter := i <= 1; inter != (e.Sigma > 1e-9) {
			t.Errorf("interaction output: %s has σ %g", in[i].Key, e.Sigma)
		}
	}
	if res.Points > 12*5+12 || res.Replications != res.Points*10 {
		t.Errorf("%d points, %d replications: want at most %d points of 10 replications", res.Points, res.Replications, 12*5+12)
	}
}

// TestMorrisOptionErrors: bad options are refused, naming the option.
func TestMorrisOptionErrors(t *testing.T) {
	t.Parallel()
	in := []MorrisInput{{Key: "x0", Min: 0, Max: 1}}
	for _, tc := range []struct {
		opt  MorrisOptions
		want string
	}{
		{MorrisOptions{Trajectories: 1, Levels: 4, Replications: 1}, "trajectories 1"},
		{MorrisOptions{Trajectories: 4, Levels: 1, Replications: 1}, "levels 1"},
		{MorrisOptions{Trajectories: 4, Levels: 4, Repeats: 1, Replications: 1}, "repeats 1"},
		{MorrisOptions{Trajectories: 4, Levels: 4, Replications: 0}, "replications 0"},
	} {
		if _, err := Morris(t.Context(), in, []string{"y"}, tc.opt, linearModel{}); err == nil || !contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.opt, err, tc.want)
		}
	}
	if _, err := Morris(t.Context(), []MorrisInput{{Key: "z", Min: 1, Max: 1}}, []string{"y"}, MorrisOptions{Trajectories: 2, Levels: 4, Replications: 1}, linearModel{}); err == nil {
		t.Error("an empty range was accepted")
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

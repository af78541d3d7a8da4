package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestTimeWeightedDirect(t *testing.T) {
	t.Parallel()
	// A random walk of a queue length: at each event the level moves by
	// ±1 (never below 0) after an exponential gap; some gaps are 0, as
	// when two events share a time.
	r := rand.New(rand.NewPCG(1, 1))
	var w TimeWeighted
	var area, now, level float64
	const t0 = 3.0
	w.Set(t0, 0)
	now = t0
	for i := range 10000 {
		gap := r.ExpFloat64()
		if i%10 == 0 {
			gap = 0
		}
		area += level * gap
		now += gap
		delta := 1.0
		if level > 0 && r.IntN(2) == 0 {
			delta = -1
		}
		level += delta
		if i%2 == 0 {
			w.Add(now, delta)
		} else {
			w.Set(now, level)
		}
	}
	end := now + 1.5
	area += level * 1.5
	// The same sums in the same order, apart from the explicit rounding
	// of products in TimeWeighted: equal to ~1e-15 relative; 1e-12 allows
	// for the 10,000 additions.
	const tol = 1e-12
	if got := w.Level(); got != level {
		t.Errorf("Level = %v, want %v", got, level)
	}
	if got := w.Area(end); !sameFloat(got, area, tol) {
		t.Errorf("Area = %v, want %v", got, area)
	}
	if got, want := w.Mean(end), area/(end-t0); !sameFloat(got, want, tol) {
		t.Errorf("Mean = %v, want %v", got, want)
	}
}

func TestTimeWeightedStart(t *testing.T) {
	t.Parallel()
	type op struct {
		kind string // "set", "add", "start"
		t, x float64
	}
	for _, tc := range []struct {
		name      string
		ops       []op
		at        float64
		area      float64
		mean      float64 // NaN: NaN expected
		wantLevel float64
	}{
		{"zero value", nil, 5, 0, math.NaN(), 0},
		{"set only", []op{{"set", 1, 4}}, 3, 8, 4, 4},
		{"mean at start is NaN", []op{{"set", 1, 4}}, 1, 0, math.NaN(), 4},
		// Level 2 on [0, 1), 4 on [1, 5]: area 2 + 16.
		{"two levels", []op{{"set", 0, 2}, {"set", 1, 4}}, 5, 18, 18.0 / 5, 4},
		// Start at 2 forgets [0, 2) and keeps level 4: 4·1 on [2, 3),
		// then 3·2 on [3, 5].
		{"warm-up deleted", []op{{"set", 0, 2}, {"set", 1, 4}, {"start", 2, 0}, {"add", 3, -1}}, 5, 10, 10.0 / 3, 3},
		// Start before any change: the level is 0 until the first Set.
		{"start first", []op{{"start", 0, 0}, {"add", 2, 3}}, 4, 6, 1.5, 3},
		// Start at the time of the last change.
		{"start at last change", []op{{"set", 0, 1}, {"set", 2, 5}, {"start", 2, 0}}, 3, 5, 5, 5},
		// Period boundaries: Start twice.
		{"second period", []op{{"set", 0, 1}, {"start", 10, 0}, {"add", 11, 1}, {"start", 12, 0}}, 14, 4, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var w TimeWeighted
			for _, o := range tc.ops {
				switch o.kind {
				case "set":
					w.Set(o.t, o.x)
				case "add":
					w.Add(o.t, o.x)
				case "start":
					w.Start(o.t)
				}
			}
			// Exact: small integers and halves.
			if got := w.Area(tc.at); got != tc.area {
				t.Errorf("Area(%g) = %v, want %v", tc.at, got, tc.area)
			}
			if got := w.Mean(tc.at); !sameFloat(got, tc.mean, 1e-15) {
				t.Errorf("Mean(%g) = %v, want %v", tc.at, got, tc.mean)
			}
			if got := w.Level(); got != tc.wantLevel {
				t.Errorf("Level = %v, want %v", got, tc.wantLevel)
			}
			w.Reset()
			if w != (TimeWeighted{}) {
				t.Errorf("Reset left %+v", w)
			}
		})
	}
}

func TestTimeWeightedPanics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		f    func(w *TimeWeighted)
		want string
	}{
		{"set backwards", func(w *TimeWeighted) { w.Set(2, 1); w.Set(1, 0) }, "stats: time went backwards"},
		{"add backwards", func(w *TimeWeighted) { w.Add(2, 1); w.Add(1, 1) }, "stats: time went backwards"},
		{"start backwards", func(w *TimeWeighted) { w.Set(2, 1); w.Start(1) }, "stats: time went backwards"},
		{"mean backwards", func(w *TimeWeighted) { w.Set(2, 1); w.Mean(1) }, "stats: time went backwards"},
		{"area backwards", func(w *TimeWeighted) { w.Set(2, 1); w.Area(1) }, "stats: time went backwards"},
		{"NaN first", func(w *TimeWeighted) { w.Set(math.NaN(), 1) }, "stats: NaN time"},
		{"NaN later", func(w *TimeWeighted) { w.Set(0, 1); w.Add(math.NaN(), 1) }, "stats: NaN time"},
		{"NaN start", func(w *TimeWeighted) { w.Start(math.NaN()) }, "stats: NaN time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkPanic(t, tc.want, func() { tc.f(new(TimeWeighted)) })
		})
	}
}

// checkPanic checks that f panics with the message want.
func checkPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		if r := recover(); r != want {
			t.Errorf("panic = %v, want %q", r, want)
		}
	}()
	f()
}

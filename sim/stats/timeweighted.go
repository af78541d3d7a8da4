package stats

import "math"

// TimeWeighted accumulates the time average of a piecewise-constant level,
// such as a queue length or the number of busy sellers: the integral of the
// level over [start, t] divided by t − start.
//
// The zero value has level 0 and has not started; the first call to
// [TimeWeighted.Set], [TimeWeighted.Add] or [TimeWeighted.Start] fixes the
// start time. Times must not decrease from one call to the next: a call
// with an earlier time than the last change panics with
// "stats: time went backwards". Every method is O(1) and does not allocate.
type TimeWeighted struct {
	level   float64
	area    float64 // integral of the level over [start, last]
	start   float64
	last    float64 // time of the last change
	started bool
}

// Set changes the level to level at time t.
func (w *TimeWeighted) Set(t, level float64) {
	w.advance(t)
	w.level = level
}

// Add changes the level by delta at time t.
func (w *TimeWeighted) Add(t, delta float64) {
	w.advance(t)
	w.level += delta
}

// advance integrates the current level up to t and makes t the last change.
func (w *TimeWeighted) advance(t float64) {
	if !w.started {
		checkTime(t, t)
		w.start, w.last, w.started = t, t, true
		return
	}
	checkTime(t, w.last)
	w.area += float64(w.level * (t - w.last))
	w.last = t
}

// checkTime panics unless t is a number not before last.
func checkTime(t, last float64) {
	if t >= last {
		return
	}
	if math.IsNaN(t) {
		panic("stats: NaN time")
	}
	panic("stats: time went backwards")
}

// Level returns the current level.
func (w *TimeWeighted) Level() float64 { return w.level }

// Start restarts the average at time t, keeping the current level: the
// area so far is discarded and later calls to [TimeWeighted.Mean] average
// over [t, ...]. It is used to delete a warm-up period and at the
// boundaries of reporting periods.
func (w *TimeWeighted) Start(t float64) {
	if w.started {
		checkTime(t, w.last)
	} else {
		checkTime(t, t)
	}
	w.area = 0
	w.start, w.last, w.started = t, t, true
}

// Area returns the integral of the level over [start, t], 0 if the
// average has not started. t must not be before the last change.
func (w *TimeWeighted) Area(t float64) float64 {
	if !w.started {
		return 0
	}
	checkTime(t, w.last)
	return w.area + float64(w.level*(t-w.last))
}

// Mean returns the time average of the level over [start, t]. It is NaN
// if the average has not started or t equals the start time (an empty
// interval). t must not be before the last change.
func (w *TimeWeighted) Mean(t float64) float64 {
	if !w.started {
		return math.NaN()
	}
	return w.Area(t) / (t - w.start)
}

// Reset returns w to the zero value: level 0, not started.
func (w *TimeWeighted) Reset() { *w = TimeWeighted{} }

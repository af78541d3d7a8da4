package org

import "math"

// Shift fatigue (research/domain.md B1, B2): fatigue-prone work
// ([Activity.Fatigue]) slows and converts less as a person's time on shift
// grows. A person's hours on shift accumulate across the working spans of
// a day; a gap of at most [breakMax] hours is a break that removes
// [Fatigue.BreakRecovery] of them, a longer gap ends the shift and clears
// them. The multiplier after h hours is max(Floor, 1 − rate·h), with the
// rate of speed or of conversion from the role's [Fatigue].

// shiftWear is the part of a person that fatigue keeps.
type shiftWear struct {
	fatBase  float64 // fatigue hours carried into the current stretch
	fatStart float64 // start of the current stretch on shift
	offAt    float64 // when the last stretch ended
}

// atTimeZero sets the clock of a person who starts the run at time 0.
func (w *shiftWear) atTimeZero() {
	w.fatStart = 0
	w.offAt = math.Inf(-1)
}

// restart clears the fatigue of a person starting afresh at now (a hire,
// a move to another role).
func (w *shiftWear) restart(now float64) {
	w.fatBase, w.fatStart, w.offAt = 0, now, now
}

// offShift ends the person's stretch on shift at now.
func (w *shiftWear) offShift(now float64) {
	w.fatBase += now - w.fatStart
	w.fatStart = now
	w.offAt = now
}

// backOnShift starts a stretch after a gap and reports whether the gap was
// a break (else it was the end of a shift, and fatigue starts from zero).
func (w *shiftWear) backOnShift(now float64, f *Fatigue) (isBreak bool) {
	if now-w.offAt <= breakMax {
		w.fatBase *= 1 - f.BreakRecovery
		isBreak = true
	} else {
		w.fatBase = 0
	}
	w.fatStart = now
	return isBreak
}

// fatigueAt returns the multiplier left at time t in the current stretch
// at the given relative decline per hour, no lower than floor.
func (w *shiftWear) fatigueAt(perHour, floor, t float64) float64 {
	h := w.fatBase + (t - w.fatStart)
	return math.Max(floor, 1-perHour*h)
}

// fatigueAt returns person p's fatigue multiplier at time t.
func (st *staff) fatigueAt(p int32, perHour, t float64) float64 {
	pp := &st.people[p]
	return pp.fatigueAt(perHour, st.s.cfg.Roles[pp.role].Fatigue.Floor, t)
}

package org

import (
	"math"
	"slices"
)

// Service levels. The recorder keeps the wait of every queued task that
// starts in the horizon, by the role that starts it and its activity, and
// counts the tasks that wait past their patience, so that a run reports
// per activity the mean wait, the median and 90th percentile wait (exact,
// within each replication) and, for an activity with a
// [Activity.ServiceTime] t, the service level: the share of its tasks
// that started within t, of those started or abandoned. Per handoff it
// counts the accounts passed, the leads among them later won, and the time
// from the handoff to the receiving role's first work on the account.

// serviceLog is the part of the recorder that keeps service levels.
type serviceLog struct {
	nAct    int
	waits   [][]float64 // [role*nAct+act] waits of started tasks; the department last
	lost    []float64   // [role*nAct+act] tasks abandoned
	sorted  []bool      // [role*nAct+act] waits sorted since the last reset
	passed  []float64   // [handoff] accounts passed
	won     []float64   // [handoff] leads passed that were won
	timeSum []float64   // [handoff] hours from the handoff to the first work
	timeN   []float64   // [handoff]
}

func (l *serviceLog) init(nRole, nAct, nHand int) {
	l.nAct = nAct
	l.waits = make([][]float64, nRole*nAct)
	l.lost = make([]float64, nRole*nAct)
	l.sorted = make([]bool, nRole*nAct)
	l.passed = make([]float64, nHand)
	l.won = make([]float64, nHand)
	l.timeSum = make([]float64, nHand)
	l.timeN = make([]float64, nHand)
}

func (l *serviceLog) reset() {
	for i := range l.waits {
		l.waits[i] = l.waits[i][:0]
	}
	clear(l.lost)
	clear(l.sorted)
	clear(l.passed)
	clear(l.won)
	clear(l.timeSum)
	clear(l.timeN)
}

// waited records the wait of a task of activity act started by role r,
// also for the department (the last role index, dept).
func (l *serviceLog) waited(r, dept, act int, w float64) {
	l.waits[r*l.nAct+act] = append(l.waits[r*l.nAct+act], w)
	l.waits[dept*l.nAct+act] = append(l.waits[dept*l.nAct+act], w)
}

// abandoned counts a task of activity act that waited past its patience in
// role r's queue.
func (l *serviceLog) abandoned(r, dept, act int) {
	l.lost[r*l.nAct+act]++
	l.lost[dept*l.nAct+act]++
}

// sample returns the waits of activity act for role index ri, sorted.
func (l *serviceLog) sample(ri, act int) []float64 {
	i := ri*l.nAct + act
	if !l.sorted[i] {
		slices.Sort(l.waits[i])
		l.sorted[i] = true
	}
	return l.waits[i]
}

// meanWait returns the mean wait, 0 if none.
func (l *serviceLog) meanWait(ri, act int) float64 {
	w := l.waits[ri*l.nAct+act]
	if len(w) == 0 {
		return 0
	}
	var s float64
	for _, x := range w {
		s += x
	}
	return s / float64(len(w))
}

// quantile returns the p-quantile of the waits (linear interpolation
// between order statistics, Hyndman and Fan's type 7, as R's default), 0
// if none.
func (l *serviceLog) quantile(ri, act int, p float64) float64 {
	w := l.sample(ri, act)
	if len(w) == 0 {
		return 0
	}
	h := p * float64(len(w)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(w) {
		return w[len(w)-1]
	}
	return w[lo] + (h-float64(lo))*(w[lo+1]-w[lo])
}

// level returns the share of tasks started within t among those started
// or abandoned, 0 if none.
func (l *serviceLog) level(ri, act int, t float64) float64 {
	w := l.sample(ri, act)
	n := float64(len(w)) + l.lost[ri*l.nAct+act]
	if n == 0 {
		return 0
	}
	k := upperBound(w, t)
	return float64(k) / n
}

// upperBound returns the number of elements of sorted w at most t.
func upperBound(w []float64, t float64) int {
	lo, hi := 0, len(w)
	for lo < hi {
		m := (lo + hi) / 2
		if w[m] <= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

package org

import "math"

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
	split   []selected  // [role*nAct+act] the last order statistic selected in waits
	lost    []float64   // [role*nAct+act] tasks abandoned
	passed  []float64   // [handoff] accounts passed
	won     []float64   // [handoff] leads passed that were won
	timeSum []float64   // [handoff] hours from the handoff to the first work
	timeN   []float64   // [handoff]
}

func (l *serviceLog) init(nRole, nAct, nHand int) {
	l.nAct = nAct
	l.waits = make([][]float64, nRole*nAct)
	l.split = make([]selected, nRole*nAct)
	l.lost = make([]float64, nRole*nAct)
	l.passed = make([]float64, nHand)
	l.won = make([]float64, nHand)
	l.timeSum = make([]float64, nHand)
	l.timeN = make([]float64, nHand)
}

func (l *serviceLog) reset() {
	for i := range l.waits {
		l.waits[i] = l.waits[i][:0]
	}
	clear(l.split)
	clear(l.lost)
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

// selected records that a slice of waits is partitioned about its k-th
// smallest value (no larger value before it, no smaller after) while it
// holds n waits; n = 0 records nothing.
type selected struct{ k, n int }

// quantile returns the p-quantile of the waits (linear interpolation
// between order statistics, Hyndman and Fan's type 7, as R's default), 0
// if none. It selects the two order statistics it needs in linear time
// (the waits are reordered, not sorted), and only within the part of the
// waits that an earlier selection (the median, before the 90th
// percentile) left it in. The department's quantiles are a role's where
// that role started every task of the activity.
func (l *serviceLog) quantile(ri, act int, p float64) float64 {
	i := ri*l.nAct + act
	w := l.waits[i]
	if len(w) == 0 {
		return 0
	}
	if dept := len(l.waits)/l.nAct - 1; ri == dept {
		// The department's waits are all its roles' waits: if one role
		// has as many, they are the same values, and that role's
		// selections serve.
		for r := range dept {
			if len(l.waits[r*l.nAct+act]) == len(w) {
				return l.quantile(r, act, p)
			}
		}
	}
	h := p * float64(len(w)-1)
	lo := int(math.Floor(h))
	var x float64
	switch sp := l.split[i]; {
	case sp.n != len(w):
		x = nth(w, lo)
	case lo > sp.k:
		x = nth(w[sp.k+1:], lo-sp.k-1)
	case lo < sp.k:
		x = nth(w[:sp.k], lo)
	default:
		x = w[lo]
	}
	l.split[i] = selected{lo, len(w)}
	if lo+1 >= len(w) {
		return x
	}
	// After nth, everything right of lo is at least x: the next order
	// statistic is their minimum.
	y := w[lo+1]
	for _, v := range w[lo+2:] {
		y = math.Min(y, v)
	}
	return x + (h-float64(lo))*(y-x)
}

// level returns the share of tasks started within t among those started
// or abandoned, 0 if none.
func (l *serviceLog) level(ri, act int, t float64) float64 {
	i := ri*l.nAct + act
	n := float64(len(l.waits[i])) + l.lost[i]
	if n == 0 {
		return 0
	}
	k := 0
	for _, v := range l.waits[i] {
		if v <= t {
			k++
		}
	}
	return float64(k) / n
}

// nth reorders w so that w[k] is its k-th smallest value (0-based), no
// larger value before it and no smaller after, and returns it: quickselect
// with a median-of-three pivot and a three-way partition, so that the
// many equal waits of a queue (all the zeros) cost linear time.
func nth(w []float64, k int) float64 {
	lo, hi := 0, len(w) // the k-th is in w[lo:hi]
	for hi-lo > 1 {
		a, b, c := w[lo], w[lo+(hi-lo)/2], w[hi-1]
		pivot := max(min(a, b), min(max(a, b), c))
		// w[lo:lt] < pivot, w[lt:i] == pivot, w[gt:hi] > pivot.
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch v := w[i]; {
			case v < pivot:
				w[lt], w[i] = w[i], w[lt]
				lt++
				i++
			case v > pivot:
				gt--
				w[gt], w[i] = w[i], w[gt]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return pivot
		}
	}
	return w[k]
}

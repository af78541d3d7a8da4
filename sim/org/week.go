package org

import (
	"fmt"
	"math"
	"slices"
)

// HoursPerWeek is the length of the calendar cycle. Simulated time 0 is
// Monday 00:00.
const HoursPerWeek = 168

// SpanKind says what a person does in a span of the working week.
type SpanKind uint8

const (
	Work     SpanKind = iota + 1 // any work the role does
	Block                        // only the activities listed (batch mode, strict)
	Internal                     // meetings, training, planning: no sales work
	// Preferred: the activities listed first, other work when none of
	// them waits (batch mode, preferred; blocks.go).
	Preferred
)

func (k SpanKind) String() string {
	switch k {
	case Work:
		return "work"
	case Block:
		return "block"
	case Internal:
		return "internal"
	case Preferred:
		return "preferred"
	}
	return "off"
}

// Span is an interval of the working week, in hours from Monday 00:00.
type Span struct {
	Start, End float64
	Kind       SpanKind
	Name       string
	Only       []ActivityRef // Block, Preferred: the block's activities
	// Speed and Convert are the gains of working in a batch block (Block
	// or Preferred; blocks.go): work of the block's activities started in
	// it takes 1/(1+Speed) of its time and converts 1+Convert times as
	// often. Zero: no gain.
	Speed, Convert float64
}

// sameLabel reports whether s and o are the same kind of span: a change
// from one to the other is no change of work.
func (s Span) sameLabel(o Span) bool {
	return s.Kind == o.Kind && s.Name == o.Name && slices.Equal(s.Only, o.Only) && s.Speed == o.Speed && s.Convert == o.Convert
}

// Week is a weekly calendar: working spans in order, not overlapping.
// Time outside every span is off (nights, weekends, breaks). Build one
// with [Week.Work], [Week.Break] and [Week.Add]; later calls override
// earlier ones where they overlap, at one-minute resolution.
type Week struct {
	Spans []Span

	minutes []int16 // label per minute of the week while building; 0 off
	labels  []Span  // label i+1 describes Kind, Name and Only
}

// Days is a set of weekdays, bit 0 Monday.
type Days uint8

// Weekdays Monday to Friday, and every day.
const (
	MonFri  Days = 0x1f
	AllWeek Days = 0x7f
)

const minutesPerWeek = HoursPerWeek * 60

func (w *Week) label(s Span) int16 {
	for i, l := range w.labels {
		if l.sameLabel(s) {
			return int16(i + 1)
		}
	}
	w.labels = append(w.labels, Span{Kind: s.Kind, Name: s.Name, Only: s.Only, Speed: s.Speed, Convert: s.Convert})
	return int16(len(w.labels))
}

func (w *Week) paint(days Days, from, to float64, lab int16) error {
	if !(from >= 0 && to <= 24 && from < to) {
		return fmt.Errorf("time span %s-%s: want 00:00 ≤ start < end ≤ 24:00", clock(from), clock(to))
	}
	if days == 0 {
		return fmt.Errorf("no days")
	}
	if w.minutes == nil {
		w.minutes = make([]int16, minutesPerWeek)
		for _, s := range w.Spans { // continue from a built week
			l := w.label(s)
			for m := int(math.Round(s.Start * 60)); m < int(math.Round(s.End*60)); m++ {
				w.minutes[m] = l
			}
		}
	}
	a, b := int(math.Round(from*60)), int(math.Round(to*60))
	for d := 0; d < 7; d++ {
		if days&(1<<d) == 0 {
			continue
		}
		for m := a; m < b; m++ {
			w.minutes[d*24*60+m] = lab
		}
	}
	w.rebuild()
	return nil
}

// Work adds working time from hour from to hour to (0 ≤ from < to ≤ 24)
// on the given days.
func (w *Week) Work(days Days, from, to float64) error {
	return w.paint(days, from, to, w.label(Span{Kind: Work}))
}

// Break makes the time off.
func (w *Week) Break(days Days, from, to float64) error {
	return w.paint(days, from, to, 0)
}

// Add lays a span of the given kind, name and allowed activities over the
// time, which becomes working time if it was not.
func (w *Week) Add(days Days, from, to float64, kind SpanKind, name string, only []ActivityRef) error {
	return w.Lay(days, from, to, Span{Kind: kind, Name: name, Only: only})
}

// Lay lays a span like s (its kind, name, activities and gains; its
// times are ignored) over the time, which becomes working time if it was
// not.
func (w *Week) Lay(days Days, from, to float64, s Span) error {
	return w.paint(days, from, to, w.label(s))
}

// AroundTheClock returns a week with every hour a working hour.
func AroundTheClock() Week {
	return Week{Spans: []Span{{Start: 0, End: HoursPerWeek, Kind: Work}}}
}

func (w *Week) rebuild() {
	w.Spans = w.Spans[:0]
	for m := 0; m < minutesPerWeek; {
		l := w.minutes[m]
		e := m + 1
		for e < minutesPerWeek && w.minutes[e] == l {
			e++
		}
		if l != 0 {
			s := w.labels[l-1]
			s.Start, s.End = float64(m)/60, float64(e)/60
			w.Spans = append(w.Spans, s)
		}
		m = e
	}
}

// Hours returns the working hours per week (all spans, internal included).
func (w Week) Hours() float64 {
	var h float64
	for _, s := range w.Spans {
		h += s.End - s.Start
	}
	return h
}

// at returns the index of the span containing week hour h, or -1.
func (w Week) at(h float64) int {
	i, found := slices.BinarySearchFunc(w.Spans, h, func(s Span, h float64) int {
		switch {
		case s.End <= h:
			return -1
		case s.Start > h:
			return 1
		}
		return 0
	})
	if !found {
		return -1
	}
	return i
}

// String describes the week compactly, for summaries.
func (w Week) String() string {
	if len(w.Spans) == 1 && w.Spans[0].Start == 0 && w.Spans[0].End == HoursPerWeek {
		return "24/7"
	}
	return fmt.Sprintf("%.4g h/week in %d spans", w.Hours(), len(w.Spans))
}

func clock(h float64) string {
	m := int(math.Round(h * 60))
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

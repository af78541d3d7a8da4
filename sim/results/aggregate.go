package results

import (
	"fmt"
	"math"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

// Confidence is the level of every interval salesim reports.
const Confidence = 0.95

// Proportions lists the metrics whose values are 0/1 outcomes: their
// intervals are Wilson score intervals rather than Student t.
var Proportions = map[string]bool{metric.PTarget: true}

// Aggregator accumulates records, in replication order, into one summary
// per key, for decisions while a run goes on (a precision rule). Its
// memory does not grow with the number of records; beyond 64 records its
// percentiles are P² estimates, marked so. The files of a run come from
// [Aggregate], whose percentiles are exact.
type Aggregator struct {
	keys   []metric.Key
	acc    []stats.Accumulator
	prop   []stats.Proportion
	isProp []bool
	n      int
	events uint64
}

// NewAggregator returns an aggregator for records with the given keys.
func NewAggregator(keys []metric.Key) *Aggregator {
	a := &Aggregator{keys: keys, acc: make([]stats.Accumulator, len(keys)),
		prop: make([]stats.Proportion, len(keys)), isProp: make([]bool, len(keys))}
	for i, k := range keys {
		a.isProp[i] = Proportions[k.Metric]
	}
	return a
}

// Add accumulates one record. Records must come in replication order for
// results to be reproducible.
func (a *Aggregator) Add(r Record) {
	if len(r.Values) != len(a.keys) {
		panic(fmt.Sprintf("results: record with %d values for %d keys", len(r.Values), len(a.keys)))
	}
	for i, v := range r.Values {
		if a.isProp[i] {
			a.prop[i].Add(v >= 0.5)
		} else {
			a.acc[i].Add(v)
		}
	}
	a.n++
	a.events += r.Events
}

// N returns the number of records added.
func (a *Aggregator) N() int { return a.n }

// Events returns the kernel events of all records added.
func (a *Aggregator) Events() uint64 { return a.events }

// Keys returns the keys.
func (a *Aggregator) Keys() []metric.Key { return a.keys }

// Summary returns the summary of key i.
func (a *Aggregator) Summary(i int) stats.Summary {
	if a.isProp[i] {
		return a.prop[i].Summary(Confidence)
	}
	return a.acc[i].Summary(Confidence)
}

// Table is the summaries of a run, in key order.
type Table struct {
	Keys      []metric.Key
	Summaries []stats.Summary
	N         int
	Events    uint64
}

// Index returns the position of k in the table.
func (t *Table) Index(k metric.Key) int {
	for i, kk := range t.Keys {
		if kk == k {
			return i
		}
	}
	return -1
}

// Get returns the summary of k and whether the table has it.
func (t *Table) Get(k metric.Key) (stats.Summary, bool) {
	if i := t.Index(k); i >= 0 {
		return t.Summaries[i], true
	}
	return stats.Summary{}, false
}

// Aggregate returns the table of a merged set of records, in replication
// order. Its percentiles are exact, whatever the number of records
// ([stats.Summarize]); its means, SDs and intervals are bit-identical to
// an [Aggregator]'s fed the same records.
func Aggregate(keys []metric.Key, records []Record) *Table {
	t := &Table{Keys: keys, Summaries: make([]stats.Summary, len(keys)), N: len(records)}
	for _, r := range records {
		if len(r.Values) != len(keys) {
			panic(fmt.Sprintf("results: record with %d values for %d keys", len(r.Values), len(keys)))
		}
		t.Events += r.Events
	}
	col := make([]float64, len(records))
	for i, k := range keys {
		if Proportions[k.Metric] {
			var p stats.Proportion
			for _, r := range records {
				p.Add(r.Values[i] >= 0.5)
			}
			t.Summaries[i] = p.Summary(Confidence)
			continue
		}
		for j, r := range records {
			col[j] = r.Values[i]
		}
		t.Summaries[i] = stats.Summarize(col, Confidence)
	}
	return t
}

// Precise reports whether the 95 % interval of every key in which is
// within ±rel of its mean (the -precision stopping rule). Keys whose mean
// and interval are both 0 count as precise; keys with fewer than two
// records do not.
func (a *Aggregator) Precise(which []int, rel float64) bool {
	for _, i := range which {
		s := a.Summary(i)
		if s.N < 2 {
			return false
		}
		if s.Mean == 0 && s.HalfWidth() == 0 {
			continue
		}
		if math.IsNaN(s.HalfWidth()) || !s.Within(rel) {
			return false
		}
	}
	return true
}

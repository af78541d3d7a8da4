package experiment

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// A Comparison holds designs run on common random numbers (one [Run] of
// the set) with every measure's summary and, for the designs after the
// first, its paired difference against the first, the reference.
type Comparison struct {
	// Designs and Tables hold each design and its summaries, in the order
	// run.
	Designs []*Design
	Tables  []*results.Table
	// Rows holds a row per key of every design, designs in order and
	// each design's keys in record order.
	Rows []Row
	// Demand holds, per design, how its demand differs from the
	// reference's ([DemandDifferences]); nil where it is the same, and
	// for the reference.
	Demand [][]string
}

// CommonDemand reports whether every design shares the reference's
// demand, so that the paired differences compare designs on common
// random numbers.
func (c *Comparison) CommonDemand() bool {
	for _, d := range c.Demand {
		if len(d) > 0 {
			return false
		}
	}
	return true
}

// A Row is one measure of one design in a [Comparison].
type Row struct {
	Key metric.Key
	// Design is the design's name; designs run together should have
	// distinct names for comparison.csv to tell them apart.
	Design  string
	Summary stats.Summary
	// Diff is the paired difference, replication by replication, of the
	// measure against the reference design's, if HasRef; the first
	// design, and keys the first design lacks, have none.
	Diff   stats.Summary
	HasRef bool

	design int // the design's position in Designs
}

// Compare summarises the results of designs run together and computes
// the paired difference of each against the first. The pairing is by
// replication: replication i of every design saw the same random numbers
// wherever the designs share what they feed, so the differences are
// much more precise than those of independent runs. Compare checks which
// designs share the reference's demand (Comparison.Demand): for the
// others the difference mixes design and demand.
func Compare(rs []Result) *Comparison {
	c := &Comparison{}
	if len(rs) == 0 {
		return c
	}
	ref := rs[0]
	refIdx := map[metric.Key]int{}
	for i, k := range ref.Design.Keys() {
		refIdx[k] = i
	}
	for n, r := range rs {
		t := r.Table()
		var diff []string
		if n > 0 {
			diff = DemandDifferences(ref.Design, r.Design)
		}
		c.Demand = append(c.Demand, diff)
		c.Designs = append(c.Designs, r.Design)
		c.Tables = append(c.Tables, t)
		for i, k := range t.Keys {
			row := Row{Key: k, Design: r.Design.Name, Summary: t.Summaries[i], design: n}
			if j, ok := refIdx[k]; ok && n > 0 {
				var p stats.Paired
				for rep := range min(len(r.Records), len(ref.Records)) {
					p.Add(r.Records[rep].Values[i], ref.Records[rep].Values[j])
				}
				row.Diff, row.HasRef = p.Summary(results.Confidence), true
			}
			c.Rows = append(c.Rows, row)
		}
	}
	return c
}

// Get returns the row of the department total of metric name for
// design i (its position in Designs).
func (c *Comparison) Get(i int, name string) (Row, bool) {
	for _, r := range c.Rows {
		if r.design == i && r.Key.Metric == name && r.Key.Role == metric.Department && r.Key.Period == metric.Total {
			return r, true
		}
	}
	return Row{}, false
}

// Rank returns the positions of the designs in Designs, ordered by the
// mean of the department total of metric name, highest first; ties, and
// designs without the metric, keep their order.
func (c *Comparison) Rank(name string) []int {
	order := make([]int, len(c.Designs))
	mean := make([]float64, len(c.Designs))
	for i := range c.Designs {
		order[i] = i
		r, _ := c.Get(i, name)
		mean[i] = r.Summary.Mean
	}
	sort.SliceStable(order, func(a, b int) bool { return mean[order[a]] > mean[order[b]] })
	return order
}

// ComparisonHeader is the header row of comparison.csv.
const ComparisonHeader = "metric,role,period,design,mean,ci_low,ci_high,n,diff_mean,diff_ci_low,diff_ci_high,unit,same_demand"

// WriteCSV writes comparison.csv: a row per key of every design, with its
// summary, its paired difference against the first design (empty for
// the first design), the unit, and whether the design shares the first
// one's demand (true or false; empty for the first design). Fields are
// quoted where RFC 4180 needs it, by encoding/csv.
func (c *Comparison) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(ComparisonHeader, ","))
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	units := make([]results.Units, len(c.Designs))
	for i, d := range c.Designs {
		units[i] = d.Units()
	}
	row := make([]string, 0, 13)
	for _, r := range c.Rows {
		row = append(row[:0], r.Key.Metric, r.Key.Role, r.Key.Period, r.Design, f(r.Summary.Mean), f(r.Summary.Lo), f(r.Summary.Hi), strconv.Itoa(r.Summary.N))
		if r.HasRef {
			row = append(row, f(r.Diff.Mean), f(r.Diff.Lo), f(r.Diff.Hi))
		} else {
			row = append(row, "", "", "")
		}
		row = append(row, string(units[r.design](r.Key.Metric)))
		if r.design == 0 {
			row = append(row, "")
		} else {
			row = append(row, strconv.FormatBool(len(c.Demand[r.design]) == 0))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

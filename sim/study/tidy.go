package study

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// Tables returns the summaries of each point's records.
func (s *Swept) Tables() []*results.Table {
	ts := make([]*results.Table, len(s.Points))
	for i, d := range s.Designs {
		ts[i] = results.Aggregate(d.Keys(), s.Records[i])
	}
	return ts
}

// factorHeader returns the columns that name a point: point, the base
// design if the file has several, and one column per factor, named by
// its key.
func (s *Swept) factorHeader() []string {
	h := []string{"point"}
	if len(s.File.Designs) > 1 {
		h = append(h, "design")
	}
	for _, fc := range s.File.Factors {
		h = append(h, fc.Key)
	}
	return h
}

// factorRow returns the values of the columns of factorHeader for point i.
func (s *Swept) factorRow(i int) []string {
	p := s.Points[i]
	row := []string{strconv.Itoa(i)}
	if len(s.File.Designs) > 1 {
		row = append(row, s.File.Designs[p.Design])
	}
	for j, fc := range s.File.Factors {
		row = append(row, format(p.Values[j], fc.Integer))
	}
	return row
}

func ff(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Files returns the result files of a sweep: points.csv (a row per point:
// its factors and label), summary.csv (a row per point and measure:
// metric, role and period, with the factors' columns and every
// summary), and replications.csv (a row per point, replication and
// response: the raw values of the responses, with the factors'
// columns). They depend only on the records, not on how the sweep was
// split, interrupted or resumed.
func (s *Swept) Files() []experiment.File {
	return []experiment.File{
		{Name: "points.csv", Write: s.writePoints},
		{Name: "summary.csv", Write: s.writeSummary},
		{Name: "replications.csv", Write: s.writeReplications},
		{Name: "replications.parquet", Write: s.writeRecordsParquet},
	}
}

func (s *Swept) writePoints(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append(s.factorHeader(), "label", "replications"))
	for i, d := range s.Designs {
		cw.Write(append(s.factorRow(i), d.Name, strconv.Itoa(len(s.Records[i]))))
	}
	cw.Flush()
	return cw.Error()
}

func (s *Swept) writeSummary(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append(s.factorHeader(), "metric", "role", "period", "mean", "sd", "ci_low", "ci_high", "p10", "p50", "p90", "n", "unit"))
	for i, t := range s.Tables() {
		units := s.Designs[i].Units()
		head := s.factorRow(i)
		for j, k := range t.Keys {
			x := t.Summaries[j]
			row := append(append([]string(nil), head...), k.Metric, k.Role, k.Period)
			for _, v := range []float64{x.Mean, x.SD, x.Lo, x.Hi, x.P10, x.P50, x.P90} {
				row = append(row, ff(v))
			}
			cw.Write(append(row, strconv.Itoa(x.N), string(units(k.Metric))))
		}
	}
	cw.Flush()
	return cw.Error()
}

func (s *Swept) writeReplications(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append(s.factorHeader(), "rep", "metric", "role", "period", "value"))
	for i, d := range s.Designs {
		head := s.factorRow(i)
		cat := d.Plan.Catalog()
		for _, r := range s.Records[i] {
			for _, resp := range s.File.Responses {
				j, ok := cat.Index(resp.Key())
				if !ok {
					continue
				}
				cw.Write(append(append([]string(nil), head...), strconv.Itoa(r.Rep), resp.Metric, resp.Role, metric.Total, ff(r.Values[j])))
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Response returns the summary of response r at point i.
func (s *Swept) Response(i int, r Response) (stats.Summary, bool) {
	return results.Aggregate([]metric.Key{r.Key()}, pick(s.Designs[i], s.Records[i], r.Key())).Get(r.Key())
}

// pick returns records holding only the value of key k.
func pick(d *experiment.Design, recs []results.Record, k metric.Key) []results.Record {
	j, ok := d.Plan.Catalog().Index(k)
	if !ok {
		return nil
	}
	out := make([]results.Record, len(recs))
	for i, r := range recs {
		out[i] = results.Record{Rep: r.Rep, Events: r.Events, Values: []float64{r.Values[j]}}
	}
	return out
}

// WriteTable prints the sweep as a table: a row per point, with its
// factors and each response's mean and 95 % interval.
func (s *Swept) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := s.factorHeader()
	for _, r := range s.File.Responses {
		head = append(head, responseTitle(r))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	cur := ""
	if len(s.Designs) > 0 {
		cur = s.Designs[0].Currency()
	}
	for i := range s.Points {
		row := s.factorRow(i)
		for _, r := range s.File.Responses {
			sum, ok := s.Response(i, r)
			if !ok {
				row = append(row, "-")
				continue
			}
			u := s.unit(r)
			row = append(row, quantity.Format(sum.Mean, u, cur)+" "+quantity.Interval(sum.Lo, sum.Hi, u, cur))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	return tw.Flush()
}

package results

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Units gives the unit of a metric by its name, for the unit column of
// the summary tables; nil, or a metric it does not know, leaves the
// column empty.
type Units func(metricName string) metric.Unit

func (u Units) of(name string) string {
	if u == nil {
		return ""
	}
	return string(u(name))
}

// SummaryHeader is the column row of summary.csv.
const SummaryHeader = "metric,role,period,mean,sd,ci_low,ci_high,p10,p50,p90,n,unit"

// WriteSummaryCSV writes summary.csv: one row per key, with the unit of
// its metric. Fields are quoted where RFC 4180 needs it (a role named
// "sales, north"), by encoding/csv.
func WriteSummaryCSV(w io.Writer, t *Table, units Units) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(SummaryHeader, ","))
	row := make([]string, 0, 12)
	for i, k := range t.Keys {
		row = appendRow(row[:0], k.Metric, k.Role, k.Period, t.Summaries[i], units.of(k.Metric))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func appendRow(row []string, a, c, d string, s stats.Summary, unit string) []string {
	row = append(row, a, c, d)
	for _, x := range []float64{s.Mean, s.SD, s.Lo, s.Hi, s.P10, s.P50, s.P90} {
		row = append(row, formatFloat(x))
	}
	return append(row, strconv.Itoa(s.N), unit)
}

// ReplicationsHeader is the column row of replications.csv.
const ReplicationsHeader = "rep,metric,role,period,value"

// WriteReplicationsCSV writes replications.csv: one row per replication
// and key, the raw records in tidy (long) form, quoted where RFC 4180
// needs it by encoding/csv. Records with ordinary names are written as
// they were before quoting (.ci/same-results hashes them).
func WriteReplicationsCSV(w io.Writer, keys []metric.Key, records []Record) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(ReplicationsHeader, ","))
	row := make([]string, 5)
	for _, r := range records {
		if len(r.Values) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values for %d keys", r.Rep, len(r.Values), len(keys))
		}
		row[0] = strconv.Itoa(r.Rep)
		for i, k := range keys {
			row[1], row[2], row[3], row[4] = k.Metric, k.Role, k.Period, formatFloat(r.Values[i])
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadReplicationsCSV reads replications.csv back into keys (in order of
// first appearance) and records; name is used in errors.
func ReadReplicationsCSV(r io.Reader, name string) ([]metric.Key, []Record, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	line := 0
	bad := func(msg string) error { return &FormatError{Name: name, Line: line, Msg: msg} }
	head, err := cr.Read()
	line = 1
	if err != nil || strings.Join(head, ",") != ReplicationsHeader {
		return nil, nil, bad("want the header " + ReplicationsHeader)
	}
	index := map[metric.Key]int{}
	var keys []metric.Key
	var records []Record
	cur := -1
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line = pe.Line
			return nil, nil, bad(pe.Err.Error())
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ = cr.FieldPos(0)
		if len(f) != 5 {
			return nil, nil, bad(fmt.Sprintf("%d fields, want 5", len(f)))
		}
		rep, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, nil, bad("bad replication number")
		}
		v, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, nil, bad("bad value")
		}
		k := metric.Key{Metric: f[1], Role: f[2], Period: f[3]}
		if cur < 0 || rep != records[cur].Rep {
			records = append(records, Record{Rep: rep})
			cur++
		}
		i, ok := index[k]
		if !ok {
			if cur > 0 {
				return nil, nil, bad("key " + k.String() + " missing from earlier replications")
			}
			i = len(keys)
			index[k] = i
			keys = append(keys, k)
		}
		rec := &records[cur]
		for len(rec.Values) <= i {
			rec.Values = append(rec.Values, math.NaN())
		}
		rec.Values[i] = v
	}
	for _, r := range records {
		if len(r.Values) != len(keys) {
			return nil, nil, bad("replication " + strconv.Itoa(r.Rep) + " lacks some keys")
		}
	}
	return keys, records, nil
}

// TimeseriesHeader is the column row of timeseries.csv.
const TimeseriesHeader = "metric,role,month,mean,sd,ci_low,ci_high,p10,p50,p90,n,unit"

// WriteTimeseriesCSV writes timeseries.csv: the monthly rows of the table
// with the month as a number (1, 2, ...), per metric and role, with the
// unit of the metric.
func WriteTimeseriesCSV(w io.Writer, t *Table, units Units) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(TimeseriesHeader, ","))
	row := make([]string, 0, 12)
	for i, k := range t.Keys {
		m, ok := metric.MonthOf(k.Period)
		if !ok {
			continue
		}
		row = appendRow(row[:0], k.Metric, k.Role, strconv.Itoa(m), t.Summaries[i], units.of(k.Metric))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// jsonFloat writes NaN and infinities as null.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}

type jsonSummary struct {
	Metric   string      `json:"metric"`
	Role     string      `json:"role"`
	Period   string      `json:"period"`
	Unit     string      `json:"unit,omitempty"`
	Mean     jsonFloat   `json:"mean"`
	SD       jsonFloat   `json:"sd"`
	CI       []jsonFloat `json:"ci95"`
	P10      jsonFloat   `json:"p10"`
	P50      jsonFloat   `json:"p50"`
	P90      jsonFloat   `json:"p90"`
	N        int         `json:"n"`
	Warnings []string    `json:"warnings,omitempty"`
}

// WriteSummaryJSON writes summary.json: the table with each summary's
// unit and warnings, under a small envelope naming the scenario.
func WriteSummaryJSON(w io.Writer, scenario string, t *Table, units Units) error {
	out := struct {
		Scenario     string        `json:"scenario"`
		Replications int           `json:"replications"`
		Confidence   float64       `json:"confidence"`
		Summaries    []jsonSummary `json:"summaries"`
	}{Scenario: scenario, Replications: t.N, Confidence: Confidence}
	for i, k := range t.Keys {
		s := t.Summaries[i]
		out.Summaries = append(out.Summaries, jsonSummary{
			Metric: k.Metric, Role: k.Role, Period: k.Period, Unit: units.of(k.Metric),
			Mean: jsonFloat(s.Mean), SD: jsonFloat(s.SD), CI: []jsonFloat{jsonFloat(s.Lo), jsonFloat(s.Hi)},
			P10: jsonFloat(s.P10), P50: jsonFloat(s.P50), P90: jsonFloat(s.P90), N: s.N, Warnings: s.Warnings,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

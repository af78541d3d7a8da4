package results

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

func appendFloat(b []byte, x float64) []byte {
	return strconv.AppendFloat(b, x, 'g', -1, 64)
}

// SummaryHeader is the column row of summary.csv.
const SummaryHeader = "metric,role,period,mean,sd,ci_low,ci_high,p10,p50,p90,n"

// WriteSummaryCSV writes summary.csv: one row per key.
func WriteSummaryCSV(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(SummaryHeader + "\n")
	var b []byte
	for i, k := range t.Keys {
		b = appendRow(b[:0], k.Metric, k.Role, k.Period, t.Summaries[i])
		bw.Write(b)
	}
	return bw.Flush()
}

func appendRow(b []byte, a, c, d string, s stats.Summary) []byte {
	b = append(b, a...)
	b = append(b, ',')
	b = append(b, c...)
	b = append(b, ',')
	b = append(b, d...)
	for _, x := range []float64{s.Mean, s.SD, s.Lo, s.Hi, s.P10, s.P50, s.P90} {
		b = append(b, ',')
		b = appendFloat(b, x)
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.N), 10)
	return append(b, '\n')
}

// ReplicationsHeader is the column row of replications.csv.
const ReplicationsHeader = "rep,metric,role,period,value"

// WriteReplicationsCSV writes replications.csv: one row per replication
// and key, the raw records in tidy (long) form.
func WriteReplicationsCSV(w io.Writer, keys []metric.Key, records []Record) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(ReplicationsHeader + "\n")
	var b []byte
	for _, r := range records {
		for i, k := range keys {
			b = strconv.AppendInt(b[:0], int64(r.Rep), 10)
			b = append(b, ',')
			b = append(b, k.Metric...)
			b = append(b, ',')
			b = append(b, k.Role...)
			b = append(b, ',')
			b = append(b, k.Period...)
			b = append(b, ',')
			b = appendFloat(b, r.Values[i])
			b = append(b, '\n')
			bw.Write(b)
		}
	}
	return bw.Flush()
}

// ReadReplicationsCSV reads replications.csv back into keys (in order of
// first appearance) and records; name is used in errors.
func ReadReplicationsCSV(r io.Reader, name string) ([]metric.Key, []Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	line := 0
	bad := func(msg string) error { return &FormatError{Name: name, Line: line, Msg: msg} }
	if !sc.Scan() || sc.Text() != ReplicationsHeader {
		line = 1
		return nil, nil, bad("want the header " + ReplicationsHeader)
	}
	line = 1
	index := map[metric.Key]int{}
	var keys []metric.Key
	var records []Record
	cur := -1
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), ",")
		if len(f) != 5 {
			return nil, nil, bad("want 5 fields")
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
	return keys, records, sc.Err()
}

// TimeseriesHeader is the column row of timeseries.csv.
const TimeseriesHeader = "metric,role,month,mean,sd,ci_low,ci_high,p10,p50,p90,n"

// WriteTimeseriesCSV writes timeseries.csv: the monthly rows of the table
// with the month as a number (1, 2, ...), per metric and role.
func WriteTimeseriesCSV(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(TimeseriesHeader + "\n")
	var b []byte
	for i, k := range t.Keys {
		m, ok := metric.MonthOf(k.Period)
		if !ok {
			continue
		}
		b = appendRow(b[:0], k.Metric, k.Role, strconv.Itoa(m), t.Summaries[i])
		bw.Write(b)
	}
	return bw.Flush()
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
// warnings, under a small envelope naming the scenario.
func WriteSummaryJSON(w io.Writer, scenario string, t *Table) error {
	out := struct {
		Scenario     string        `json:"scenario"`
		Replications int           `json:"replications"`
		Confidence   float64       `json:"confidence"`
		Summaries    []jsonSummary `json:"summaries"`
	}{Scenario: scenario, Replications: t.N, Confidence: Confidence}
	for i, k := range t.Keys {
		s := t.Summaries[i]
		out.Summaries = append(out.Summaries, jsonSummary{
			Metric: k.Metric, Role: k.Role, Period: k.Period,
			Mean: jsonFloat(s.Mean), SD: jsonFloat(s.SD), CI: []jsonFloat{jsonFloat(s.Lo), jsonFloat(s.Hi)},
			P10: jsonFloat(s.P10), P50: jsonFloat(s.P50), P90: jsonFloat(s.P90), N: s.N, Warnings: s.Warnings,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

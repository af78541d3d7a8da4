package results

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

// Results per person. A run keeps the measures of each post of a role
// (metric.Key.Post ≥ 1) apart from the measures of roles: in each
// record's People, and in their own files, so that the files of roles
// keep their bytes. A post nobody held in a replication has no values
// there (NaN in the records, no rows in people.csv).

// PeopleTable is the summaries of the measures per post of a run.
type PeopleTable struct {
	// Keys are the measures per post, in record order; Summaries their
	// summaries over the replications in which they are defined.
	Keys      []metric.Key
	Summaries []stats.Summary
	// Across are the distributions of each role's measures across its
	// people and the replications, by role and metric in order of first
	// appearance in Keys.
	Across []Across
	N      int // replications
}

// Across is the distribution of a measure across the posts of a role and
// the replications: every defined value of every post in every
// replication pooled ([stats.SummarizeClustered], the replications as
// clusters). Its P10, P50 and P90 are the percentiles across people; its
// mean of a 0/1 measure (quota_reached) is the share of people.
type Across struct {
	Role, Metric string
	Summary      stats.Summary
}

// AggregatePeople returns the table of the measures per post of a merged
// set of records, in replication order.
func AggregatePeople(keys []metric.Key, records []Record) *PeopleTable {
	t := &PeopleTable{Keys: keys, Summaries: make([]stats.Summary, len(keys)), N: len(records)}
	for _, r := range records {
		if len(r.People) != len(keys) {
			panic(fmt.Sprintf("results: record with %d values per post for %d keys", len(r.People), len(keys)))
		}
	}
	col := make([]float64, len(records))
	type group struct {
		role, metric string
		cols         []int
	}
	var groups []*group
	byName := map[[2]string]*group{}
	for i, k := range keys {
		for j, r := range records {
			col[j] = r.People[i]
		}
		t.Summaries[i] = stats.Summarize(col, Confidence)
		g := byName[[2]string{k.Role, k.Metric}]
		if g == nil {
			g = &group{role: k.Role, metric: k.Metric}
			byName[[2]string{k.Role, k.Metric}] = g
			groups = append(groups, g)
		}
		g.cols = append(g.cols, i)
	}
	clusters := make([][]float64, len(records))
	for _, g := range groups {
		for j, r := range records {
			c := clusters[j][:0]
			for _, i := range g.cols {
				c = append(c, r.People[i])
			}
			clusters[j] = c
		}
		t.Across = append(t.Across, Across{Role: g.role, Metric: g.metric, Summary: stats.SummarizeClustered(clusters, Confidence)})
	}
	return t
}

// Get returns the summary of k and whether the table has it.
func (t *PeopleTable) Get(k metric.Key) (stats.Summary, bool) {
	for i, kk := range t.Keys {
		if kk == k {
			return t.Summaries[i], true
		}
	}
	return stats.Summary{}, false
}

// AcrossOf returns the distribution of a role's metric across its people
// and whether the table has it.
func (t *PeopleTable) AcrossOf(role, name string) (stats.Summary, bool) {
	for _, a := range t.Across {
		if a.Role == role && a.Metric == name {
			return a.Summary, true
		}
	}
	return stats.Summary{}, false
}

// PeopleHeader is the column row of people.csv.
const PeopleHeader = "rep,role,post,metric,value,unit"

// WritePeopleCSV writes people.csv: one row per replication, post and
// measure, in tidy (long) form with the unit of the metric; a value
// undefined in a replication (NaN: a post nobody held, attainment never
// judged) has no row.
func WritePeopleCSV(w io.Writer, keys []metric.Key, records []Record, units Units) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(PeopleHeader, ","))
	row := make([]string, 6)
	posts := postNames(keys)
	for _, r := range records {
		if len(r.People) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values per post for %d keys", r.Rep, len(r.People), len(keys))
		}
		row[0] = strconv.Itoa(r.Rep)
		for i, k := range keys {
			v := r.People[i]
			if math.IsNaN(v) {
				continue
			}
			row[1], row[2], row[3], row[4], row[5] = k.Role, posts[i], k.Metric, formatFloat(v), units.of(k.Metric)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// postNames returns the post column of each key.
func postNames(keys []metric.Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = strconv.Itoa(k.Post)
	}
	return out
}

// PeopleSummaryHeader is the column row of people-summary.csv.
const PeopleSummaryHeader = "role,post,metric,mean,sd,ci_low,ci_high,p10,p50,p90,n,unit"

// WritePeopleSummaryCSV writes people-summary.csv: for each role, a row
// per post and measure summarising it over the replications in which it
// is defined (n of them), then a row per measure with post
// [metric.EveryPost] ("all"): its distribution across the role's people
// and the replications (n person-replications; see [Across]). A measure
// defined in no replication (a post nobody held after the warm-up) has
// no row.
func WritePeopleSummaryCSV(w io.Writer, t *PeopleTable, units Units) error {
	cw := csv.NewWriter(w)
	cw.Write(strings.Split(PeopleSummaryHeader, ","))
	row := make([]string, 0, 12)
	for i := 0; i < len(t.Keys); {
		role := t.Keys[i].Role
		for ; i < len(t.Keys) && t.Keys[i].Role == role; i++ {
			k := t.Keys[i]
			if t.Summaries[i].N == 0 {
				continue
			}
			row = appendRow(row[:0], k.Role, strconv.Itoa(k.Post), k.Metric, t.Summaries[i], units.of(k.Metric))
			cw.Write(row)
		}
		for _, a := range t.Across {
			if a.Role == role && a.Summary.N > 0 {
				row = appendRow(row[:0], a.Role, metric.EveryPost, a.Metric, a.Summary, units.of(a.Metric))
				cw.Write(row)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadPeopleCSV reads people.csv into the People of records, which must
// hold the run's replications in order: keys are the run's keys per post
// (those of the design), in record order. A value without a row is NaN.
// name is used in errors.
func ReadPeopleCSV(r io.Reader, name string, keys []metric.Key, records []Record) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	line := 0
	bad := func(msg string) error { return &FormatError{Name: name, Line: line, Msg: msg} }
	head, err := cr.Read()
	line = 1
	if err != nil || strings.Join(head, ",") != PeopleHeader {
		return bad("want the header " + PeopleHeader)
	}
	fill := peopleFiller(keys, records)
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line = pe.Line
			return bad(pe.Err.Error())
		}
		if err != nil {
			return err
		}
		line, _ = cr.FieldPos(0)
		rep, e1 := strconv.Atoi(f[0])
		post, e2 := strconv.Atoi(f[2])
		v, e3 := strconv.ParseFloat(f[4], 64)
		if e1 != nil || e2 != nil || e3 != nil {
			return bad("bad replication, post or value")
		}
		if msg := fill(rep, metric.Key{Metric: f[3], Role: f[1], Period: metric.Total, Post: post}, v); msg != "" {
			return bad(msg)
		}
	}
	return nil
}

// peopleFiller sizes the People of records with NaN and returns a
// function that sets one value, or says what is wrong with it.
func peopleFiller(keys []metric.Key, records []Record) func(rep int, k metric.Key, v float64) string {
	index := make(map[metric.Key]int, len(keys))
	for i, k := range keys {
		index[k] = i
	}
	at := make(map[int]int, len(records))
	for i := range records {
		at[records[i].Rep] = i
		p := make([]float64, len(keys))
		for j := range p {
			p[j] = math.NaN()
		}
		records[i].People = p
	}
	return func(rep int, k metric.Key, v float64) string {
		i, ok := index[k]
		if !ok {
			return fmt.Sprintf("%s of post %d of %s is not a measure per person of the design", k.Metric, k.Post, k.Role)
		}
		j, ok := at[rep]
		if !ok {
			return fmt.Sprintf("replication %d is not in the run's records", rep)
		}
		if !math.IsNaN(records[j].People[i]) {
			return fmt.Sprintf("replication %d has %s of post %d of %s twice", rep, k.Metric, k.Post, k.Role)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Sprintf("value %g: want a finite number (an undefined value has no row)", v)
		}
		records[j].People[i] = v
		return ""
	}
}

package experiment

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/results"
)

// Shard returns design i's records as a shard of the run: a header that
// names the scenario text, seed, the run's size and this shard, and the
// records. A single-machine run is shard 0 of 1. When a precision rule
// decided the run's size, the header records the replications run.
func (o *Outcome) Shard(i int) *results.Shard {
	r := o.Results[i]
	total := o.Replications
	if o.Precise {
		total = len(r.Records)
	}
	h := r.Design.header(o.Seed, total, o.shard, o.shards)
	h.Partial = o.Partial
	return &results.Shard{Header: h, Keys: r.Design.Keys(), People: r.Design.PeopleKeys(), Records: r.Records}
}

// A Merged run is a set of shards checked and joined: its design, the
// records of every replication and their summaries.
type Merged struct {
	Design *Design
	// Run is the merged shard: the run's header (shard 0 of 1) and its
	// records in replication order.
	Run *results.Shard
	// Shards is the number of shards merged.
	Shards int
	// Table holds the summaries of the records; People those of the
	// measures per post.
	Table  *results.Table
	People *results.PeopleTable
}

// MergeOptions adjust [Merge].
type MergeOptions struct {
	// Design is the design the shards were run from, if the caller has it
	// loaded; nil rebuilds it from the scenario text the shards record.
	Design *Design
	// Partial accepts shards of an interrupted run, whose merge is then
	// marked partial; without it a partial shard is refused, with the
	// shards to run again named.
	Partial bool
}

// Merge checks that shards form one complete run (see [results.Merge]),
// joins them and summarises the records. Its errors name the shards to
// run again (a [*results.MergeError]) where that is the remedy.
func Merge(shards []*results.Shard, opt MergeOptions) (*Merged, error) {
	if !opt.Partial {
		if err := refusePartial(shards); err != nil {
			return nil, err
		}
	}
	m, err := results.Merge(shards)
	if err != nil {
		return nil, err
	}
	d := opt.Design
	if d == nil {
		if d, err = FromHeader(m.Header); err != nil {
			return nil, err
		}
	}
	return &Merged{Design: d, Run: m, Shards: len(shards), Table: results.Aggregate(m.Keys, m.Records),
		People: results.AggregatePeople(m.People, m.Records)}, nil
}

// refusePartial refuses the partial shards, naming them and any shard
// missing besides them as the shards to run again.
func refusePartial(shards []*results.Shard) error {
	var partial []int
	var complete []*results.Shard
	for _, s := range shards {
		if s.Header.Partial {
			partial = append(partial, s.Header.Shard)
		} else {
			complete = append(complete, s)
		}
	}
	if len(partial) == 0 {
		return nil
	}
	me := &results.MergeError{Msg: fmt.Sprintf("partial shards (interrupted runs): %s", joinInts(partial)), RerunShard: partial}
	var other *results.MergeError
	if len(complete) == 0 {
		// No shard is complete: the ones not there are missing too.
		me.RerunShard = nil
		for i := range shards[0].Header.Shards {
			me.RerunShard = append(me.RerunShard, i)
		}
	} else if _, err := results.Merge(complete); errors.As(err, &other) {
		me.RerunShard = append(me.RerunShard, other.RerunShard...)
		slices.Sort(me.RerunShard)
		me.RerunShard = slices.Compact(me.RerunShard)
	}
	return me
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// Partial reports whether the merged run lacks replications of an
// interrupted shard.
func (m *Merged) Partial() bool { return m.Run.Header.Partial }

// A File is one result file of a run: its name and what writes it.
type File struct {
	Name  string
	Write func(w io.Writer) error
}

// Files returns the result files of a merged run, in the order a run
// writes them: summary.csv, the per-replication records as records
// says (replications.csv, replications.parquet), timeseries.csv,
// summary.json, and the results per person: people-summary.csv and the
// per-replication records per post, as records says (people.csv,
// people.parquet). They depend only on the records, never on how the run
// was split or on how many workers computed it.
func (m *Merged) Files(records Records) []File {
	units := m.Design.Units()
	fs := []File{{"summary.csv", func(w io.Writer) error { return results.WriteSummaryCSV(w, m.Table, units) }}}
	if records.csv(len(m.Run.Keys) * len(m.Run.Records)) {
		fs = append(fs, File{"replications.csv", func(w io.Writer) error { return results.WriteReplicationsCSV(w, m.Run.Keys, m.Run.Records) }})
	}
	if records.parquet() {
		fs = append(fs, File{"replications.parquet", func(w io.Writer) error {
			return results.WriteReplicationsParquet(w, m.Run.Keys, m.Run.Records, m.parquetMeta())
		}})
	}
	fs = append(fs,
		File{"timeseries.csv", func(w io.Writer) error { return results.WriteTimeseriesCSV(w, m.Table, units) }},
		File{"summary.json", func(w io.Writer) error { return results.WriteSummaryJSON(w, m.Design.Name, m.Table, units) }},
	)
	if len(m.Run.People) == 0 {
		return fs
	}
	fs = append(fs, File{"people-summary.csv", func(w io.Writer) error { return results.WritePeopleSummaryCSV(w, m.People, units) }})
	if records.csv(len(m.Run.People) * len(m.Run.Records)) {
		fs = append(fs, File{"people.csv", func(w io.Writer) error { return results.WritePeopleCSV(w, m.Run.People, m.Run.Records, units) }})
	}
	if records.parquet() {
		fs = append(fs, File{"people.parquet", func(w io.Writer) error {
			return results.WritePeopleParquet(w, m.Run.People, m.Run.Records, units, m.parquetMeta())
		}})
	}
	return fs
}

// parquetMeta is the key-value metadata of replications.parquet: what a
// script needs to tell where the records come from.
func (m *Merged) parquetMeta() map[string]string {
	h := m.Run.Header
	set, _ := json.Marshal(h.Set) // a []string always marshals
	return map[string]string{
		"salesim.design":       m.Design.Name,
		"salesim.scenario":     h.Scenario,
		"salesim.variant":      h.Variant,
		"salesim.sha256":       h.SHA256,
		"salesim.seed":         strconv.FormatUint(h.Seed, 10),
		"salesim.replications": strconv.Itoa(len(m.Run.Records)),
		"salesim.overrides":    string(set),
		"salesim.version":      h.Version,
		"salesim.partial":      strconv.FormatBool(h.Partial),
	}
}

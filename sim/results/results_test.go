package results

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/stats"
)

func testRun(reps int) ([]metric.Key, []Record) {
	keys := []metric.Key{{Metric: metric.Margin, Role: metric.Department, Period: metric.Total}, {Metric: metric.Margin, Role: metric.Department, Period: "m01"}, {Metric: metric.PTarget, Role: metric.Department, Period: metric.Total}, {Metric: metric.Cost, Role: "hunter", Period: metric.Total}}
	rnd := rand.New(rand.NewPCG(1, 1))
	var recs []Record
	for r := range reps {
		v := []float64{rnd.NormFloat64()*1e5 + 1e6, rnd.ExpFloat64() * 1e4, float64(rnd.IntN(2)), rnd.Float64() / 3}
		recs = append(recs, Record{Rep: r, Events: uint64(1000 + r), Values: v})
	}
	return keys, recs
}

func shardsOf(keys []metric.Key, recs []Record, n int) []*Shard {
	var out []*Shard
	for i := range n {
		from, to := ShardReps(i, n, len(recs))
		out = append(out, &Shard{
			Header: Header{Scenario: "t", SHA256: "abc", Seed: 7, Replications: len(recs), Shard: i, Shards: n, Version: "v", Arch: Arch(),
				Set: []string{"run.seed=7"}, Sources: []Source{{Name: "t.toml", Text: []byte("a = 1\n")}}},
			Keys: keys, Records: recs[from:to],
		})
	}
	return out
}

func roundTrip(t *testing.T, sh *Shard) *Shard {
	t.Helper()
	var b bytes.Buffer
	if err := WriteShard(&b, sh); err != nil {
		t.Fatal(err)
	}
	got, err := ReadShard(&b, "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestShardRoundTrip(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(10)
	sh := shardsOf(keys, recs, 1)[0]
	got := roundTrip(t, sh)
	if !got.Header.same(sh.Header) || got.Header.Shard != sh.Header.Shard || len(got.Header.Sources) != 1 ||
		string(got.Header.Sources[0].Text) != "a = 1\n" || !slices.Equal(got.Keys, keys) || len(got.Records) != 10 {
		t.Fatalf("header/keys differ: %+v", got.Header)
	}
	for i, r := range got.Records {
		if !slices.Equal(r.Values, recs[i].Values) || r.Events != recs[i].Events {
			t.Fatalf("record %d differs", i)
		}
	}
}

// TestMergeEqualsSingle checks that n shards merged give byte-identical
// summaries to the whole run, for several n.
func TestMergeEqualsSingle(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(101)
	var want bytes.Buffer
	WriteSummaryCSV(&want, Aggregate(keys, recs), nil)
	for _, n := range []int{1, 3, 7} {
		var shards []*Shard
		for _, s := range shardsOf(keys, recs, n) {
			shards = append(shards, roundTrip(t, s))
		}
		// Shards arrive in any order.
		slices.Reverse(shards)
		m, err := Merge(shards)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		WriteSummaryCSV(&got, Aggregate(m.Keys, m.Records), nil)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("n=%d: merged summary differs", n)
		}
	}
}

func TestMergeRefusesMissingAndDuplicate(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(70)
	shards := shardsOf(keys, recs, 7)
	_, err := Merge(append(slices.Clone(shards[:3]), shards[4:]...))
	var me *MergeError
	if !errors.As(err, &me) || !slices.Equal(me.RerunShard, []int{3}) || !strings.Contains(err.Error(), "run shards 3 again") {
		t.Fatalf("missing shard 3: err = %v", err)
	}
	_, err = Merge(append(slices.Clone(shards), shards[5]))
	if !errors.As(err, &me) || len(me.Duplicate) != 10 || !strings.Contains(err.Error(), "shards 5 overlap") {
		t.Fatalf("duplicate shard 5: err = %v", err)
	}
	other := *shards[2]
	other.Header.Seed = 8
	if _, err := Merge([]*Shard{shards[0], &other}); err == nil || !strings.Contains(err.Error(), "seed (7 vs 8)") {
		t.Fatalf("mixed seeds: err = %v", err)
	}
}

// TestSummaryRecomputedFromReplications writes replications.csv, reads it
// back and checks that the summary computed from it is byte-identical.
func TestSummaryRecomputedFromReplications(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(57)
	var sum, reps bytes.Buffer
	WriteSummaryCSV(&sum, Aggregate(keys, recs), nil)
	WriteReplicationsCSV(&reps, keys, recs)
	k2, r2, err := ReadReplicationsCSV(&reps, "replications.csv")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	WriteSummaryCSV(&again, Aggregate(k2, r2), nil)
	if !bytes.Equal(sum.Bytes(), again.Bytes()) {
		t.Fatalf("recomputed summary differs:\n%s\n%s", sum.String(), again.String())
	}
}

func TestReadShardErrors(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(3)
	var b bytes.Buffer
	WriteShard(&b, shardsOf(keys, recs, 1)[0])
	good := b.String()
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "x.csv: empty file (0 bytes): not a shard"},
		{"not a shard", "hello\n", "not a salesim shard"},
		{"truncated", good[:len(good)-30], "truncated"},
		{"bad digest", strings.Replace(good, "cost:hunter:total", "cost:farmer:total", 1), "keys digest"},
	} {
		if _, err := ReadShard(strings.NewReader(tc.in), "x.csv"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestMergePartialShards: a shard marked partial may lack replications
// of its block, and makes the merged run partial; a shard not marked
// partial may not.
func TestMergePartialShards(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(30)
	shards := shardsOf(keys, recs, 3)
	short := *shards[1]
	short.Records = short.Records[:4] // 10..13 of 10..19
	_, err := Merge([]*Shard{shards[0], &short, shards[2]})
	var me *MergeError
	if !errors.As(err, &me) || !slices.Equal(me.RerunShard, []int{1}) || len(me.Missing) != 6 {
		t.Fatalf("short shard not marked partial: err = %v", err)
	}
	short.Header.Partial = true
	m, err := Merge([]*Shard{shards[0], &short, shards[2]})
	if err != nil {
		t.Fatal(err)
	}
	if !m.Header.Partial || len(m.Records) != 24 {
		t.Fatalf("merged: partial = %t, %d records; want partial, 24", m.Header.Partial, len(m.Records))
	}
	// A partial shard excuses only its own block.
	if _, err := Merge([]*Shard{shards[0], &short}); !errors.As(err, &me) || !slices.Equal(me.RerunShard, []int{2}) {
		t.Fatalf("shard 2 missing beside a partial shard 1: err = %v", err)
	}
}

// TestMergeRefusesRecordOutsideBlock: a shard may hold only the
// replications of its own block.
func TestMergeRefusesRecordOutsideBlock(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(30)
	shards := shardsOf(keys, recs, 3)
	odd := *shards[1]
	odd.Records = append(slices.Clone(odd.Records[:9]), recs[25])
	_, err := Merge([]*Shard{shards[0], &odd, shards[2]})
	if err == nil || !strings.Contains(err.Error(), "shard 1 of 3 holds replication 25, outside its block 10..19") {
		t.Fatalf("err = %v", err)
	}
}

// TestCSVQuoting: a role named "sales, north" and a stage with quotes in
// its name are quoted in every CSV, which encoding/csv reads back field for
// field, and replications.csv round-trips.
func TestCSVQuoting(t *testing.T) {
	t.Parallel()
	keys := []metric.Key{
		{Metric: metric.Margin, Role: "sales, north", Period: metric.Total},
		{Metric: metric.Entered(`"hot" leads`), Role: metric.Department, Period: "m01"},
		{Metric: metric.Cost, Role: "line\nbreak", Period: "m01"},
	}
	recs := []Record{{Rep: 0, Values: []float64{1, 2, 3}}, {Rep: 1, Values: []float64{4, 5, 6}}}
	units := func(string) metric.Unit { return metric.Money }
	tab := Aggregate(keys, recs)
	var sum, ts, reps bytes.Buffer
	if err := WriteSummaryCSV(&sum, tab, units); err != nil {
		t.Fatal(err)
	}
	if err := WriteTimeseriesCSV(&ts, tab, units); err != nil {
		t.Fatal(err)
	}
	if err := WriteReplicationsCSV(&reps, keys, recs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		b         []byte
		rows      int
		role      int    // the role column
		firstRole string // the role of the first row
	}{
		{"summary.csv", sum.Bytes(), 1 + 3, 1, "sales, north"},
		{"timeseries.csv", ts.Bytes(), 1 + 2, 1, metric.Department},
		{"replications.csv", reps.Bytes(), 1 + 6, 2, "sales, north"},
	} {
		rows, err := csv.NewReader(bytes.NewReader(c.b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, c.b)
		}
		if len(rows) != c.rows {
			t.Fatalf("%s: %d rows, want %d", c.name, len(rows), c.rows)
		}
		if rows[1][c.role] != c.firstRole || rows[len(rows)-1][c.role] != "line\nbreak" {
			t.Errorf("%s: roles read back as %q, %q", c.name, rows[1][c.role], rows[len(rows)-1][c.role])
		}
	}
	if !strings.HasSuffix(strings.SplitN(sum.String(), "\n", 3)[1], ",money") {
		t.Errorf("summary row without its unit: %q", strings.SplitN(sum.String(), "\n", 3)[1])
	}
	k2, r2, err := ReadReplicationsCSV(bytes.NewReader(reps.Bytes()), "replications.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(k2, keys) || len(r2) != 2 || !slices.Equal(r2[1].Values, recs[1].Values) {
		t.Errorf("read back %q %v", k2, r2)
	}
}

// TestAggregateExactPercentiles: the percentiles of a run's table are the
// sample's for any number of replications (issue 15: 0 in 366 of 370
// replications gave P² estimates 2.2e-14 / 3.1e-05 / 0.00135).
func TestAggregateExactPercentiles(t *testing.T) {
	t.Parallel()
	keys := []metric.Key{{Metric: metric.ChurnedTop20, Role: metric.Department, Period: metric.Total}}
	var recs []Record
	for r := range 370 {
		v := 0.0
		if r%100 == 99 || r == 5 {
			v = float64(r)
		}
		recs = append(recs, Record{Rep: r, Values: []float64{v}})
	}
	s := Aggregate(keys, recs).Summaries[0]
	if s.P10 != 0 || s.P50 != 0 || s.P90 != 0 || slices.Contains(s.Warnings, stats.WarnEstimatedPercentiles) {
		t.Errorf("P10/P50/P90 = %g/%g/%g (warnings %q), want 0/0/0", s.P10, s.P50, s.P90, s.Warnings)
	}
}

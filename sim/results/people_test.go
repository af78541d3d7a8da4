package results

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
)

// testPeople returns a run with measures per post: two hunters and one
// farmer (whose quota attainment is undefined in odd replications), and
// a third hunter post held only in even replications.
func testPeople(reps int) ([]metric.Key, []metric.Key, []Record) {
	keys, recs := testRun(reps)
	var people []metric.Key
	for post := 1; post <= 3; post++ {
		for _, m := range []string{metric.Margin, metric.QuotaAttainment} {
			people = append(people, metric.Key{Metric: m, Role: "hunter", Period: metric.Total, Post: post})
		}
	}
	people = append(people, metric.Key{Metric: metric.QuotaAttainment, Role: "farmer, north", Period: metric.Total, Post: 1})
	rnd := rand.New(rand.NewPCG(2, 2))
	for r := range recs {
		p := make([]float64, len(people))
		for i := range p {
			p[i] = rnd.Float64() * 2
		}
		if r%2 == 1 {
			p[4], p[5], p[6] = math.NaN(), math.NaN(), math.NaN()
		}
		recs[r].People = p
	}
	return keys, people, recs
}

// TestShardPeopleRoundTrip: the measures per post travel in the shard's
// last columns, NaN included, and a merge of any split gives the same
// people files as the whole run.
func TestShardPeopleRoundTrip(t *testing.T) {
	t.Parallel()
	keys, people, recs := testPeople(31)
	units := func(string) metric.Unit { return metric.Share }
	files := func(ps []metric.Key, rs []Record) string {
		var b bytes.Buffer
		if err := WritePeopleCSV(&b, ps, rs, units); err != nil {
			t.Fatal(err)
		}
		if err := WritePeopleSummaryCSV(&b, AggregatePeople(ps, rs), units); err != nil {
			t.Fatal(err)
		}
		if err := WritePeopleParquet(&b, ps, rs, units, map[string]string{"k": "v"}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := files(people, recs)
	for _, n := range []int{1, 4} {
		var shards []*Shard
		for _, s := range shardsOf(keys, recs, n) {
			s.People = people
			shards = append(shards, roundTrip(t, s))
		}
		m, err := Merge(shards)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.People, people) || !slices.Equal(m.Keys, keys) {
			t.Fatalf("%d shards: keys %v / %v", n, m.Keys, m.People)
		}
		for i, r := range m.Records {
			if !sameBits(r.People, recs[i].People) || !slices.Equal(r.Values, recs[i].Values) {
				t.Fatalf("%d shards: record %d differs", n, i)
			}
		}
		if got := files(m.People, m.Records); got != want {
			t.Errorf("%d shards: people files differ from the whole run's", n)
		}
	}
	// A column per post before a column of a role is refused.
	var b bytes.Buffer
	sh := shardsOf(keys, recs, 1)[0]
	sh.People = people
	if err := WriteShard(&b, sh); err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(b.String(), "rep,events,", "rep,events,"+people[0].String()+",", 1)
	if _, err := ReadShard(strings.NewReader(text), "x.csv"); err == nil || !strings.Contains(err.Error(), "columns per post come last") && !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("a column per post first: %v", err)
	}
}

func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// TestPeopleFiles: people.csv has no row for an undefined value, reads
// back (and so does people.parquet) to the same values, and
// people-summary.csv has a row per post and measure and one per role and
// measure for the distribution across people.
func TestPeopleFiles(t *testing.T) {
	t.Parallel()
	_, people, recs := testPeople(6)
	units := func(string) metric.Unit { return metric.Share }
	var csvText, pq bytes.Buffer
	if err := WritePeopleCSV(&csvText, people, recs, units); err != nil {
		t.Fatal(err)
	}
	if err := WritePeopleParquet(&pq, people, recs, units, nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csvText.String()), "\n")
	// 7 values a replication, 3 undefined in each of 3 odd replications.
	if got, want := len(lines)-1, 7*6-3*3; got != want {
		t.Errorf("people.csv has %d rows, want %d", got, want)
	}
	if lines[0] != PeopleHeader || lines[1] != "0,hunter,1,margin,"+formatFloat(recs[0].People[0])+",share" {
		t.Errorf("people.csv starts %q", lines[:2])
	}
	if !strings.Contains(csvText.String(), `"farmer, north",1,quota_attainment`) {
		t.Error("a role with a comma is not quoted")
	}
	for name, read := range map[string]func([]Record) error{
		"csv": func(rs []Record) error {
			return ReadPeopleCSV(bytes.NewReader(csvText.Bytes()), "people.csv", people, rs)
		},
		"parquet": func(rs []Record) error {
			return ReadPeopleParquet(bytes.NewReader(pq.Bytes()), int64(pq.Len()), "people.parquet", people, rs)
		},
	} {
		rs := make([]Record, len(recs))
		for i := range rs {
			rs[i].Rep = recs[i].Rep
		}
		if err := read(rs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range rs {
			if !sameBits(rs[i].People, recs[i].People) {
				t.Errorf("%s: replication %d reads back %v, want %v", name, i, rs[i].People, recs[i].People)
			}
		}
		if err := read(rs[:2]); err == nil || !strings.Contains(err.Error(), "replication 2 is not in the run") {
			t.Errorf("%s: records of another run: %v", name, err)
		}
	}
	tab := AggregatePeople(people, recs)
	var sum bytes.Buffer
	if err := WritePeopleSummaryCSV(&sum, tab, units); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(sum.String()), "\n")
	if rows[0] != PeopleSummaryHeader || len(rows) != 1+7+3 {
		t.Fatalf("people-summary.csv:\n%s", sum.String())
	}
	if !strings.HasPrefix(rows[7], "hunter,all,margin,") || !strings.HasPrefix(rows[9], `"farmer, north",1,quota_attainment,`) ||
		!strings.HasPrefix(rows[10], `"farmer, north",all,quota_attainment,`) {
		t.Errorf("people-summary.csv rows:\n%s", sum.String())
	}
	// Post 3 is held in the 3 even replications only; the distribution of
	// hunters' margin pools 2·6 + 3 = 15 person-replications.
	if s, _ := tab.Get(people[4]); s.N != 3 || s.NaN != 3 {
		t.Errorf("post 3 margin: n %d, NaN %d; want 3, 3", s.N, s.NaN)
	}
	a, ok := tab.AcrossOf("hunter", metric.Margin)
	var all []float64
	for _, r := range recs {
		for _, i := range []int{0, 2, 4} {
			if !math.IsNaN(r.People[i]) {
				all = append(all, r.People[i])
			}
		}
	}
	var mean float64
	for _, x := range all {
		mean += x
	}
	mean /= float64(len(all))
	if !ok || a.N != 15 || math.Abs(a.Mean-mean) > 1e-12 || !(a.Lo < a.Mean && a.Mean < a.Hi) {
		t.Errorf("hunters' margin across people: %+v, want the mean %g of 15 values", a, mean)
	}
}

// TestReplicationsParquetReadBack: replications.parquet reads back to the
// keys and records replications.csv reads back to.
func TestReplicationsParquetReadBack(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(9)
	keys[3].Role = `sales, "north"`
	recs[4].Values[1] = math.NaN()
	var pq bytes.Buffer
	if err := WriteReplicationsParquet(&pq, keys, recs, nil); err != nil {
		t.Fatal(err)
	}
	gotKeys, got, err := ReadReplicationsParquet(bytes.NewReader(pq.Bytes()), int64(pq.Len()), "replications.parquet")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gotKeys, keys) || len(got) != len(recs) {
		t.Fatalf("keys %v, %d records", gotKeys, len(got))
	}
	for i := range got {
		if got[i].Rep != recs[i].Rep || !sameBits(got[i].Values, recs[i].Values) {
			t.Errorf("replication %d: %v, want %v", i, got[i].Values, recs[i].Values)
		}
	}
	// Not a Parquet file, and people.parquet where replications.parquet
	// belongs, are refused by name.
	var pp bytes.Buffer
	_, people, precs := testPeople(2)
	if err := WritePeopleParquet(&pp, people, precs, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{[]byte("rep,metric,role,period,value\n"), pp.Bytes(), pq.Bytes()[:pq.Len()/2]} {
		if _, _, err := ReadReplicationsParquet(bytes.NewReader(b), int64(len(b)), "replications.parquet"); err == nil || !strings.HasPrefix(err.Error(), "replications.parquet: ") {
			t.Errorf("%.20q...: %v", b, err)
		}
	}
}

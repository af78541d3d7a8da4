package results

import (
	"bytes"
	"context"
	"math"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/salesim/salesim/sim/metric"
)

// TestParquetReadByArrow reads replications.parquet, written with
// parquet-go, back with a second implementation, Apache Arrow's Go
// reader: same rows as replications.csv, same values bit for bit
// (NaN included), names with commas and quotes intact, the metadata kept.
func TestParquetReadByArrow(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(23)
	keys[3].Role = `sales, "north"`
	recs[4].Values[1] = math.NaN()
	var b bytes.Buffer
	if err := WriteReplicationsParquet(&b, keys, recs, map[string]string{"salesim.seed": "7"}); err != nil {
		t.Fatal(err)
	}
	pf, err := file.NewParquetReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if v := pf.MetaData().KeyValueMetadata().FindValue("salesim.seed"); v == nil || *v != "7" {
		t.Errorf("metadata salesim.seed = %v, want 7", v)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Release()
	if got, want := tab.NumRows(), int64(len(keys)*len(recs)); got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	var names []string
	for i := range int(tab.NumCols()) {
		names = append(names, tab.Schema().Field(i).Name)
	}
	if got := names; len(got) != 5 || got[0] != "rep" || got[1] != "metric" || got[2] != "role" || got[3] != "period" || got[4] != "value" {
		t.Fatalf("columns %q, want rep, metric, role, period, value", got)
	}
	tr := array.NewTableReader(tab, 1000)
	defer tr.Release()
	row := 0
	for tr.Next() {
		rec := tr.RecordBatch()
		rep := rec.Column(0).(*array.Int64)
		str := func(c, i int) string {
			switch a := rec.Column(c).(type) {
			case *array.String:
				return a.Value(i)
			case *array.Dictionary:
				return a.Dictionary().(*array.String).Value(a.GetValueIndex(i))
			}
			t.Fatalf("column %d is %T", c, rec.Column(c))
			return ""
		}
		val := rec.Column(4).(*array.Float64)
		for i := range int(rec.NumRows()) {
			// By key, and within a key by replication.
			r, k := recs[row%len(recs)], keys[row/len(recs)]
			got := metric.Key{Metric: str(1, i), Role: str(2, i), Period: str(3, i)}
			want := r.Values[row/len(recs)]
			if rep.Value(i) != int64(r.Rep) || got != k || math.Float64bits(val.Value(i)) != math.Float64bits(want) {
				t.Fatalf("row %d: %d %q %g, want %d %q %g", row, rep.Value(i), got, val.Value(i), r.Rep, k, want)
			}
			row++
		}
	}
	if err := tr.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestParquetDeterministic: the same records give the same bytes.
func TestParquetDeterministic(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(40)
	var a, b bytes.Buffer
	meta := map[string]string{"b": "2", "a": "1", "c": "3"}
	if err := WriteReplicationsParquet(&a, keys, recs, meta); err != nil {
		t.Fatal(err)
	}
	if err := WriteReplicationsParquet(&b, keys, recs, meta); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same records differ")
	}
}

// writeRows writes rows as a Parquet file of salesim's replications
// schema, in the order given.
func writeRows(t *testing.T, rows []parquetRow) []byte {
	t.Helper()
	var b bytes.Buffer
	pw := parquet.NewGenericWriter[parquetRow](&b, parquetOptions(nil)...)
	if _, err := pw.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestParquetKeyOrder: replications.parquet holds its rows by key and
// within a key by replication, the values split by byte significance
// (BYTE_STREAM_SPLIT), over more rows than the writer is handed
// at a time (4,096), and reads back to the same keys and values; so does
// a file in the order of replications.csv (what salesim wrote before). A
// file with a row missing, or with a row twice, is refused, naming it.
func TestParquetKeyOrder(t *testing.T) {
	t.Parallel()
	keys, recs := testRun(2500)
	recs[7].Values[2] = math.NaN()
	var b bytes.Buffer
	if err := WriteReplicationsParquet(&b, keys, recs, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[parquetRow](bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pf.Metadata().RowGroups[0].Columns {
		if c.MetaData.PathInSchema[0] == "value" && !slices.Contains(c.MetaData.Encoding, format.ByteStreamSplit) {
			t.Errorf("value column encoded %v, want BYTE_STREAM_SPLIT", c.MetaData.Encoding)
		}
	}
	if len(rows) != len(keys)*len(recs) {
		t.Fatalf("%d rows, want %d", len(rows), len(keys)*len(recs))
	}
	var csvOrder []parquetRow
	for i, p := range rows {
		k, r := keys[i/len(recs)], recs[i%len(recs)]
		if got := (metric.Key{Metric: p.Metric, Role: p.Role, Period: p.Period}); got != k || p.Rep != int64(r.Rep) {
			t.Fatalf("row %d is %v of replication %d, want %v of %d", i+1, got, p.Rep, k, r.Rep)
		}
	}
	for _, r := range recs {
		for i, k := range keys {
			csvOrder = append(csvOrder, parquetRow{Rep: int64(r.Rep), Metric: k.Metric, Role: k.Role, Period: k.Period, Value: r.Values[i]})
		}
	}
	for name, file := range map[string][]byte{"by key": b.Bytes(), "by replication": writeRows(t, csvOrder)} {
		gotKeys, got, err := ReadReplicationsParquet(bytes.NewReader(file), int64(len(file)), "replications.parquet")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(gotKeys, keys) || len(got) != len(recs) {
			t.Fatalf("%s: keys %v, %d records", name, gotKeys, len(got))
		}
		for i := range got {
			if got[i].Rep != recs[i].Rep || !sameBits(got[i].Values, recs[i].Values) {
				t.Fatalf("%s: replication %d: %v, want %v", name, i, got[i].Values, recs[i].Values)
			}
		}
	}
	twice := slices.Clone(rows)
	twice[5] = twice[6]
	swapped := slices.Clone(rows)
	swapped[2501], swapped[2502] = swapped[2502], swapped[2501]
	apart := slices.Clone(rows)
	apart[2500*2] = apart[0]
	for name, c := range map[string]struct {
		rows []parquetRow
		want string
	}{
		"missing":                 {rows[:len(rows)-1], "replications.parquet: key cost:hunter:total has 2499 rows of 2500: the file ends within it"},
		"twice":                   {twice, "replications.parquet: row 7: replication 6 has key margin:all:total twice"},
		"swapped":                 {swapped, "replications.parquet: row 2502: replication 2 of key margin:all:m01 where 1 was next: want each key's replications in the order of the first key's"},
		"apart":                   {apart, "replications.parquet: row 5001: the rows of key margin:all:total are not together"},
		"by replication, missing": {csvOrder[:len(csvOrder)-1], "replications.parquet: replication 2499 has 3 rows of 4: the file ends within it"},
		"by replication, swapped": {append(append(slices.Clone(csvOrder[:5]), csvOrder[6], csvOrder[5]), csvOrder[7:]...), "replications.parquet: row 6: key p_target:all:total of replication 1 where margin:all:m01 was next: want each replication's keys in the order of the first replication's"},
		"neither":                 {[]parquetRow{rows[0], rows[2501]}, "replications.parquet: row 2: margin:all:m01 of replication 1 after margin:all:total of replication 0: want the rows by key, or by replication"},
	} {
		file := writeRows(t, c.rows)
		if _, _, err := ReadReplicationsParquet(bytes.NewReader(file), int64(len(file)), "replications.parquet"); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
	// One key, or one replication: either order.
	for _, c := range [][]parquetRow{rows[:2500], csvOrder[:4], rows[:1], nil} {
		file := writeRows(t, c)
		gotKeys, got, err := ReadReplicationsParquet(bytes.NewReader(file), int64(len(file)), "replications.parquet")
		if err != nil || len(gotKeys)*len(got) != len(c) {
			t.Errorf("%d rows: %d keys, %d replications, %v", len(c), len(gotKeys), len(got), err)
		}
	}
}

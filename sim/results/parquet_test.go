package results

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

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
			r, k := recs[row/len(keys)], keys[row%len(keys)]
			got := metric.Key{Metric: str(1, i), Role: str(2, i), Period: str(3, i)}
			want := r.Values[row%len(keys)]
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

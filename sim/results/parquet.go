package results

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/salesim/salesim/sim/metric"
)

// parquetRow is a row of replications.parquet: the columns of
// replications.csv, typed.
type parquetRow struct {
	Rep    int64   `parquet:"rep,delta"`
	Metric string  `parquet:"metric,dict"`
	Role   string  `parquet:"role,dict"`
	Period string  `parquet:"period,dict"`
	Value  float64 `parquet:"value,split"`
}

// parquetGroupRows is the most rows of a row group: about a million
// values, a few whole keys of a large run, which a reader decodes at a
// time.
const parquetGroupRows = 1 << 20

// parquetPageBytes is the size of a page (before compression), the span
// within which Zstandard finds repeats: 4 MB holds some 50 keys of 10,000
// replications, enough to reach a key that repeats another (a role's
// revenue where it is the only role earning, the department's), which
// parquet-go's default of 256 kB does not.
const parquetPageBytes = 4 << 20

// WriteReplicationsParquet writes replications.parquet: the rows of
// replications.csv as an Apache Parquet file with the columns rep
// (INT64), metric, role and period (dictionary-encoded strings) and value
// (DOUBLE, BYTE_STREAM_SPLIT; NaN where a value is undefined in a
// replication), compressed with Zstandard. meta is written as the file's
// key-value metadata (scenario, seed, salesim version).
//
// The rows are those of replications.csv in another order: by key (in the
// order of keys, as replications.csv lists a replication's), and within a
// key by replication. A key's values across replications then sit side by
// side: their bytes split by significance compress well, and a row group
// holds a few whole metrics, which a reader that filters on metric skips
// by the row group's statistics. 10,000 replications of growth-plan
// write 54.8 MB, 1.7 bytes a value (in the order of replications.csv,
// unsplit, with parquet-go's default pages: 70.2 MB); replications.csv
// takes about 100 kB a replication. The bytes depend only on the records
// and meta, so a merged run writes the same file as a single machine.
func WriteReplicationsParquet(w io.Writer, keys []metric.Key, records []Record, meta map[string]string) error {
	for _, r := range records {
		if len(r.Values) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values for %d keys", r.Rep, len(r.Values), len(keys))
		}
	}
	return writeByKey(w, meta, len(keys), records, func(i int, r *Record) (parquetRow, bool) {
		k := keys[i]
		return parquetRow{Rep: int64(r.Rep), Metric: k.Metric, Role: k.Role, Period: k.Period, Value: r.Values[i]}, true
	})
}

// writeByKey writes a Parquet file of rows of type T, with meta as its
// key-value metadata: for each of n keys, for each record, the row that
// row gives, if it gives one.
func writeByKey[T any](w io.Writer, meta map[string]string, n int, records []Record, row func(key int, r *Record) (T, bool)) error {
	pw := parquet.NewGenericWriter[T](w, parquetOptions(meta)...)
	rows := make([]T, 0, parquetBatch)
	for i := range n {
		for j := range records {
			t, ok := row(i, &records[j])
			if !ok {
				continue
			}
			if rows = append(rows, t); len(rows) == cap(rows) {
				if _, err := pw.Write(rows); err != nil {
					return err
				}
				rows = rows[:0]
			}
		}
	}
	if _, err := pw.Write(rows); err != nil {
		return err
	}
	return pw.Close()
}

// parquetBatch is the most rows handed to the Parquet writer at a time.
const parquetBatch = 4096

// parquetOptions are the options of salesim's Parquet files, with meta
// as key-value metadata in the order of its keys.
func parquetOptions(meta map[string]string) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.MaxRowsPerRowGroup(parquetGroupRows),
		parquet.PageBufferSize(parquetPageBytes),
	}
	names := make([]string, 0, len(meta))
	for k := range meta {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		opts = append(opts, parquet.KeyValueMetadata(k, meta[k]))
	}
	return opts
}

// peopleRow is a row of people.parquet: the columns of people.csv, typed.
type peopleRow struct {
	Rep    int64   `parquet:"rep,delta"`
	Role   string  `parquet:"role,dict"`
	Post   int64   `parquet:"post,delta"`
	Metric string  `parquet:"metric,dict"`
	Value  float64 `parquet:"value,split"`
	Unit   string  `parquet:"unit,dict"`
}

// WritePeopleParquet writes people.parquet: the rows of people.csv as an
// Apache Parquet file with the columns rep and post (INT64), role, metric
// and unit (dictionary-encoded strings) and value (DOUBLE), compressed
// with Zstandard, with meta as key-value metadata. As in
// replications.parquet, the rows are ordered by key and within a key by
// replication; an undefined value has no row.
func WritePeopleParquet(w io.Writer, keys []metric.Key, records []Record, units Units, meta map[string]string) error {
	for _, r := range records {
		if len(r.People) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values per post for %d keys", r.Rep, len(r.People), len(keys))
		}
	}
	return writeByKey(w, meta, len(keys), records, func(i int, r *Record) (peopleRow, bool) {
		k, v := keys[i], r.People[i]
		return peopleRow{Rep: int64(r.Rep), Role: k.Role, Post: int64(k.Post), Metric: k.Metric, Value: v, Unit: units.of(k.Metric)}, !math.IsNaN(v)
	})
}

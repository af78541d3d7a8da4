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
	Value  float64 `parquet:"value"`
}

// parquetGroupRows is the most rows of a row group: whole replications
// of about a million values, which a reader decodes at a time.
const parquetGroupRows = 1 << 20

// WriteReplicationsParquet writes replications.parquet: the rows of
// replications.csv, in the same order, as an Apache Parquet file with
// the columns rep (INT64), metric, role and period (dictionary-encoded
// strings) and value (DOUBLE; NaN where a value is undefined in a
// replication), compressed with Zstandard. meta is written as the file's
// key-value metadata (scenario, seed, salesim version).
//
// A run of growth-plan takes about 7 kB per replication: 10,000
// replications wrote 70.2 MB (replications.csv: about 100 kB per
// replication). The bytes depend only on the records and meta, so a
// merged run writes the same file as a single machine.
func WriteReplicationsParquet(w io.Writer, keys []metric.Key, records []Record, meta map[string]string) error {
	pw := parquet.NewGenericWriter[parquetRow](w, parquetOptions(meta)...)
	rows := make([]parquetRow, 0, len(keys))
	for _, r := range records {
		if len(r.Values) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values for %d keys", r.Rep, len(r.Values), len(keys))
		}
		rows = rows[:0]
		for i, k := range keys {
			rows = append(rows, parquetRow{Rep: int64(r.Rep), Metric: k.Metric, Role: k.Role, Period: k.Period, Value: r.Values[i]})
		}
		if _, err := pw.Write(rows); err != nil {
			return err
		}
	}
	return pw.Close()
}

// parquetOptions are the options of salesim's Parquet files, with meta
// as key-value metadata in the order of its keys.
func parquetOptions(meta map[string]string) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.MaxRowsPerRowGroup(parquetGroupRows),
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
	Value  float64 `parquet:"value"`
	Unit   string  `parquet:"unit,dict"`
}

// WritePeopleParquet writes people.parquet: the rows of people.csv, in the
// same order, as an Apache Parquet file with the columns rep and post
// (INT64), role, metric and unit (dictionary-encoded strings) and value
// (DOUBLE), compressed with Zstandard, with meta as key-value metadata.
func WritePeopleParquet(w io.Writer, keys []metric.Key, records []Record, units Units, meta map[string]string) error {
	pw := parquet.NewGenericWriter[peopleRow](w, parquetOptions(meta)...)
	rows := make([]peopleRow, 0, len(keys))
	for _, r := range records {
		if len(r.People) != len(keys) {
			return fmt.Errorf("results: record of replication %d has %d values per post for %d keys", r.Rep, len(r.People), len(keys))
		}
		rows = rows[:0]
		for i, k := range keys {
			if v := r.People[i]; !math.IsNaN(v) {
				rows = append(rows, peopleRow{Rep: int64(r.Rep), Role: k.Role, Post: int64(k.Post), Metric: k.Metric, Value: v, Unit: units.of(k.Metric)})
			}
		}
		if _, err := pw.Write(rows); err != nil {
			return err
		}
	}
	return pw.Close()
}

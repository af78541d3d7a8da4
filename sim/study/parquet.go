package study

import (
	"io"
	"sort"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// writeRecordsParquet writes replications.parquet: every value of every
// replication of every point, a row per point, replication and measure,
// with the columns point and rep (INT64), design (a string, if the file
// has several), a DOUBLE column per factor named by its key, metric, role
// and period (dictionary-encoded strings) and value (DOUBLE,
// BYTE_STREAM_SPLIT; NaN where undefined), compressed with Zstandard, in
// 4 MB pages. Columns are in the order of their names, as Parquet groups
// keep them. Rows are by point, within a point by measure and within a
// measure by replication, as a run's replications.parquet has them (see
// results.WriteReplicationsParquet: a measure's values together compress
// better).

func (s *Swept) writeRecordsParquet(w io.Writer) error {
	g := parquet.Group{
		"point":  parquet.Encoded(parquet.Int(64), &parquet.DeltaBinaryPacked),
		"rep":    parquet.Encoded(parquet.Int(64), &parquet.DeltaBinaryPacked),
		"metric": parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"role":   parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"period": parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"value":  parquet.Encoded(parquet.Leaf(parquet.DoubleType), &parquet.ByteStreamSplit),
	}
	several := len(s.File.Designs) > 1
	if several {
		g["design"] = parquet.Encoded(parquet.String(), &parquet.RLEDictionary)
	}
	for _, fc := range s.File.Factors {
		g[fc.Key] = parquet.Leaf(parquet.DoubleType)
	}
	schema := parquet.NewSchema("sweep", g)
	names := make([]string, 0, len(g))
	for n := range g {
		names = append(names, n)
	}
	sort.Strings(names)
	col := map[string]int{}
	for i, n := range names {
		col[n] = i
	}
	pw := parquet.NewWriter(w, schema, parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}), parquet.MaxRowsPerRowGroup(1<<20), parquet.PageBufferSize(4<<20))
	rows := make([]parquet.Row, parquetBatch)
	for i := range rows {
		rows[i] = make(parquet.Row, len(names))
	}
	n := 0
	for i, d := range s.Designs {
		p := s.Points[i]
		// What a point's rows share: its design and factors.
		point := []parquet.Value{parquet.Int64Value(int64(i)).Level(0, 0, col["point"])}
		if several {
			point = append(point, parquet.ByteArrayValue([]byte(s.File.Designs[p.Design])).Level(0, 0, col["design"]))
		}
		for f, fc := range s.File.Factors {
			point = append(point, parquet.DoubleValue(p.Values[f]).Level(0, 0, col[fc.Key]))
		}
		for j, k := range d.Keys() {
			key := [...]parquet.Value{
				parquet.ByteArrayValue([]byte(k.Metric)).Level(0, 0, col["metric"]),
				parquet.ByteArrayValue([]byte(k.Role)).Level(0, 0, col["role"]),
				parquet.ByteArrayValue([]byte(k.Period)).Level(0, 0, col["period"]),
			}
			for _, r := range s.Records[i] {
				row := rows[n]
				for _, v := range point {
					row[v.Column()] = v
				}
				for _, v := range key {
					row[v.Column()] = v
				}
				row[col["rep"]] = parquet.Int64Value(int64(r.Rep)).Level(0, 0, col["rep"])
				row[col["value"]] = parquet.DoubleValue(r.Values[j]).Level(0, 0, col["value"])
				if n++; n == len(rows) {
					if _, err := pw.WriteRows(rows); err != nil {
						return err
					}
					n = 0
				}
			}
		}
	}
	if _, err := pw.WriteRows(rows[:n]); err != nil {
		return err
	}
	return pw.Close()
}

// parquetBatch is the most rows handed to the Parquet writer at a time.
const parquetBatch = 4096

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
// and period (dictionary-encoded strings) and value (DOUBLE; NaN where
// undefined), compressed with Zstandard. Columns are in the order of
// their names, as Parquet groups keep them.
func (s *Swept) writeRecordsParquet(w io.Writer) error {
	g := parquet.Group{
		"point":  parquet.Encoded(parquet.Int(64), &parquet.DeltaBinaryPacked),
		"rep":    parquet.Encoded(parquet.Int(64), &parquet.DeltaBinaryPacked),
		"metric": parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"role":   parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"period": parquet.Encoded(parquet.String(), &parquet.RLEDictionary),
		"value":  parquet.Leaf(parquet.DoubleType),
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
	pw := parquet.NewWriter(w, schema, parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}), parquet.MaxRowsPerRowGroup(1<<20))
	var rows []parquet.Row
	for i, d := range s.Designs {
		p := s.Points[i]
		keys := d.Keys()
		for len(rows) < len(keys) {
			rows = append(rows, make(parquet.Row, len(names)))
		}
		for _, r := range s.Records[i] {
			for j, k := range keys {
				row := rows[j]
				row[col["point"]] = parquet.Int64Value(int64(i)).Level(0, 0, col["point"])
				row[col["rep"]] = parquet.Int64Value(int64(r.Rep)).Level(0, 0, col["rep"])
				row[col["metric"]] = parquet.ByteArrayValue([]byte(k.Metric)).Level(0, 0, col["metric"])
				row[col["role"]] = parquet.ByteArrayValue([]byte(k.Role)).Level(0, 0, col["role"])
				row[col["period"]] = parquet.ByteArrayValue([]byte(k.Period)).Level(0, 0, col["period"])
				row[col["value"]] = parquet.DoubleValue(r.Values[j]).Level(0, 0, col["value"])
				if several {
					row[col["design"]] = parquet.ByteArrayValue([]byte(s.File.Designs[p.Design])).Level(0, 0, col["design"])
				}
				for f, fc := range s.File.Factors {
					row[col[fc.Key]] = parquet.DoubleValue(p.Values[f]).Level(0, 0, col[fc.Key])
				}
			}
			if _, err := pw.WriteRows(rows[:len(keys)]); err != nil {
				return err
			}
		}
	}
	return pw.Close()
}

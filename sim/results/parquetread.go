package results

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/salesim/salesim/sim/metric"
)

// ReadReplicationsParquet reads replications.parquet, as written by
// [WriteReplicationsParquet], back into keys (in order of first
// appearance) and records, as [ReadReplicationsCSV] reads
// replications.csv: the same keys and bit-identical values. r holds size
// bytes; name is used in errors, which give the row (1-based) where a row
// is at fault.
func ReadReplicationsParquet(r io.ReaderAt, size int64, name string) (keys []metric.Key, records []Record, err error) {
	row := int64(0)
	bad := func(msg string) error {
		return &FormatError{Name: name, Msg: "row " + strconv.FormatInt(row, 10) + ": " + msg}
	}
	index := map[metric.Key]int{}
	cur := -1
	err = readParquet(r, size, name, func(p *parquetRow) error {
		row++
		k := metric.Key{Metric: p.Metric, Role: p.Role, Period: p.Period}
		if cur < 0 || int(p.Rep) != records[cur].Rep {
			if cur >= 0 && len(records[cur].Values) != len(keys) {
				return bad("replication " + strconv.Itoa(records[cur].Rep) + " lacks some keys")
			}
			records = append(records, Record{Rep: int(p.Rep)})
			cur++
		}
		i, ok := index[k]
		if !ok {
			if cur > 0 {
				return bad("key " + k.String() + " missing from earlier replications")
			}
			i = len(keys)
			index[k] = i
			keys = append(keys, k)
		}
		rec := &records[cur]
		if i != len(rec.Values) {
			return bad("key " + k.String() + " out of order or repeated")
		}
		if math.IsInf(p.Value, 0) {
			return bad("value is not finite")
		}
		rec.Values = append(rec.Values, p.Value)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if cur >= 0 && len(records[cur].Values) != len(keys) {
		return nil, nil, bad("replication " + strconv.Itoa(records[cur].Rep) + " lacks some keys")
	}
	return keys, records, nil
}

// ReadPeopleParquet reads people.parquet into the People of records, as
// [ReadPeopleCSV] reads people.csv.
func ReadPeopleParquet(r io.ReaderAt, size int64, name string, keys []metric.Key, records []Record) error {
	fill := peopleFiller(keys, records)
	row := int64(0)
	return readParquet(r, size, name, func(p *peopleRow) error {
		row++
		k := metric.Key{Metric: p.Metric, Role: p.Role, Period: metric.Total, Post: int(p.Post)}
		if msg := fill(int(p.Rep), k, p.Value); msg != "" {
			return &FormatError{Name: name, Msg: "row " + strconv.FormatInt(row, 10) + ": " + msg}
		}
		return nil
	})
}

// readParquet calls f with each row of a Parquet file of rows of type T,
// in order. A file whose schema is not T's is refused; so is one the
// Parquet library fails on, even by panicking.
func readParquet[T any](r io.ReaderAt, size int64, name string, f func(*T) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &FormatError{Name: name, Msg: fmt.Sprintf("not a readable Parquet file: %v", p)}
		}
	}()
	pf, err := parquet.OpenFile(r, size)
	if err != nil {
		return &FormatError{Name: name, Msg: "not a Parquet file: " + err.Error(), Err: err}
	}
	if want := parquet.SchemaOf(new(T)); !parquet.EqualNodes(pf.Schema(), want) {
		return &FormatError{Name: name, Msg: fmt.Sprintf("its columns are not those salesim writes (%s)", want)}
	}
	pr := parquet.NewGenericReader[T](pf)
	defer pr.Close()
	buf := make([]T, 4096)
	for {
		n, err := pr.Read(buf)
		for i := range n {
			if e := f(&buf[i]); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &FormatError{Name: name, Msg: err.Error(), Err: err}
		}
	}
}

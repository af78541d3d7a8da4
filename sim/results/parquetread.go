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
// [WriteReplicationsParquet], back into keys and records, as
// [ReadReplicationsCSV] reads replications.csv: the same keys and
// bit-identical values. The rows may be by key, each key's rows listing
// the replications in one order (as salesim writes them), or by
// replication, each replication's rows listing the keys in one order (as
// replications.csv has them, and as salesim wrote the file before); a row
// missing, repeated or out of that order is refused. r holds size bytes;
// name is used in errors, which give the row (1-based) where a row is at
// fault.
func ReadReplicationsParquet(r io.ReaderAt, size int64, name string) (keys []metric.Key, records []Record, err error) {
	rd := replicationsReader{name: name, size: size}
	err = readParquet(r, size, name, func(n int64) { rd.n = n }, rd.take)
	if err == nil {
		err = rd.finish()
	}
	if err != nil {
		return nil, nil, err
	}
	return rd.keys, rd.records, nil
}

// replicationsReader reads the rows of replications.parquet in one pass.
// The first run of rows (those of the first key, or of the first
// replication) gives the inner dimension and its order; every later run
// must list it in that order.
type replicationsReader struct {
	name    string
	size, n int64 // the file's bytes, and rows by its metadata
	row     int64 // rows read
	byKey   bool  // rows by key, replications within
	inner   int   // length of a run: replications (by key) or keys; 0 while the first is read
	first   []float64
	keys    []metric.Key
	records []Record
	seenKey map[metric.Key]bool
	seenRep map[int]bool
}

func (rd *replicationsReader) bad(msg string) error {
	return &FormatError{Name: rd.name, Msg: "row " + strconv.FormatInt(rd.row, 10) + ": " + msg}
}

// take takes the next row.
func (rd *replicationsReader) take(p *parquetRow) error {
	rd.row++
	k := metric.Key{Metric: p.Metric, Role: p.Role, Period: p.Period}
	if math.IsInf(p.Value, 0) {
		return rd.bad("value is not finite")
	}
	if p.Rep < math.MinInt32 || p.Rep > math.MaxInt32 {
		return rd.bad("replication " + strconv.FormatInt(p.Rep, 10) + " is out of range")
	}
	rep := int(p.Rep)
	if rd.row == 1 {
		rd.keys, rd.records, rd.first = []metric.Key{k}, []Record{{Rep: rep}}, []float64{p.Value}
		rd.seenKey, rd.seenRep = map[metric.Key]bool{k: true}, map[int]bool{rep: true}
		return nil
	}
	if rd.inner == 0 {
		if rd.row == 2 {
			rd.byKey = k == rd.keys[0]
			if rd.byKey == (rep == rd.records[0].Rep) {
				return rd.bad(fmt.Sprintf("%s of replication %d after %s of replication %d: want the rows by key, or by replication", k, rep, rd.keys[0], rd.records[0].Rep))
			}
		}
		if rd.byKey && k == rd.keys[0] {
			if rd.seenRep[rep] {
				return rd.bad(fmt.Sprintf("replication %d has key %s twice", rep, k))
			}
			rd.seenRep[rep] = true
			rd.records = append(rd.records, Record{Rep: rep})
			rd.first = append(rd.first, p.Value)
			return nil
		}
		if !rd.byKey && rep == rd.records[0].Rep {
			if rd.seenKey[k] {
				return rd.bad(fmt.Sprintf("replication %d has key %s twice", rep, k))
			}
			rd.seenKey[k] = true
			rd.keys = append(rd.keys, k)
			rd.first = append(rd.first, p.Value)
			return nil
		}
		rd.endFirst()
	}
	i := int(rd.row - 1)
	o, in := i/rd.inner, i%rd.inner
	if rd.byKey {
		if in == 0 {
			if rd.seenKey[k] {
				return rd.bad(fmt.Sprintf("the rows of key %s are not together", k))
			}
			rd.seenKey[k] = true
			rd.keys = append(rd.keys, k)
		} else if k != rd.keys[o] {
			return rd.bad(fmt.Sprintf("key %s where %s has %d replications: want each key's rows for every replication, together", k, rd.keys[o], rd.inner))
		}
		rec := &rd.records[in]
		if rep != rec.Rep {
			return rd.bad(fmt.Sprintf("replication %d of key %s where %d was next: want each key's replications in the order of the first key's", rep, k, rec.Rep))
		}
		rec.Values = append(rec.Values, p.Value)
		return nil
	}
	if in == 0 {
		if rd.seenRep[rep] {
			return rd.bad(fmt.Sprintf("the rows of replication %d are not together", rep))
		}
		rd.seenRep[rep] = true
		rd.records = append(rd.records, Record{Rep: rep, Values: make([]float64, 0, rd.inner)})
	} else if rep != rd.records[o].Rep {
		return rd.bad(fmt.Sprintf("replication %d where replication %d has %d keys: want each replication's rows for every key, together", rep, rd.records[o].Rep, rd.inner))
	}
	if k != rd.keys[in] {
		return rd.bad(fmt.Sprintf("key %s of replication %d where %s was next: want each replication's keys in the order of the first replication's", k, rep, rd.keys[in]))
	}
	rd.records[o].Values = append(rd.records[o].Values, p.Value)
	return nil
}

// endFirst ends the first run: its length is the inner dimension; the
// values it held go to the records, each of which (by key) has room for
// as many keys as the file's metadata says there are rows, if that is
// plausible for its size.
func (rd *replicationsReader) endFirst() {
	if rd.byKey {
		rd.inner = len(rd.records)
		// At most 16 bytes of values for each byte of the file (10,000
		// replications of growth-plan: 4.6), so that a file whose
		// metadata claims more rows than it holds cannot have memory
		// taken for them; a file that compresses better grows the
		// records as it is read.
		hint := 0
		if rd.n > 0 && rd.n <= 2*rd.size {
			hint = int(rd.n / int64(rd.inner))
		}
		for j := range rd.records {
			rd.records[j].Values = append(make([]float64, 0, hint), rd.first[j])
		}
	} else {
		rd.inner = len(rd.keys)
		rd.records[0].Values = rd.first
	}
	rd.first = nil
}

// finish checks that the last run is whole.
func (rd *replicationsReader) finish() error {
	if rd.row == 0 {
		return nil
	}
	if rd.inner == 0 {
		rd.endFirst()
	}
	if rd.row%int64(rd.inner) != 0 {
		what := "key " + rd.keys[len(rd.keys)-1].String()
		if !rd.byKey {
			what = "replication " + strconv.Itoa(rd.records[len(rd.records)-1].Rep)
		}
		return &FormatError{Name: rd.name, Msg: fmt.Sprintf("%s has %d rows of %d: the file ends within it", what, rd.row%int64(rd.inner), rd.inner)}
	}
	return nil
}

// ReadPeopleParquet reads people.parquet into the People of records, as
// [ReadPeopleCSV] reads people.csv.
func ReadPeopleParquet(r io.ReaderAt, size int64, name string, keys []metric.Key, records []Record) error {
	fill := peopleFiller(keys, records)
	row := int64(0)
	return readParquet(r, size, name, nil, func(p *peopleRow) error {
		row++
		k := metric.Key{Metric: p.Metric, Role: p.Role, Period: metric.Total, Post: int(p.Post)}
		if msg := fill(int(p.Rep), k, p.Value); msg != "" {
			return &FormatError{Name: name, Msg: "row " + strconv.FormatInt(row, 10) + ": " + msg}
		}
		return nil
	})
}

// readParquet calls f with each row of a Parquet file of rows of type T,
// in order, after calling rows (unless nil) with their number by the
// file's metadata. A file whose schema is not T's is refused; so is one
// the Parquet library fails on, even by panicking.
func readParquet[T any](r io.ReaderAt, size int64, name string, rows func(int64), f func(*T) error) (err error) {
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
	if rows != nil {
		rows(pf.NumRows())
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

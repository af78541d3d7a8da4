package experiment

import (
	"fmt"
	"strings"
)

// Records says in which formats [Merged.Files] writes the records of
// every replication (one row per replication and measure).
type Records int

const (
	// RecordsAuto writes replications.parquet always and
	// replications.csv up to [CSVRowLimit] rows.
	RecordsAuto Records = iota
	// RecordsCSV writes replications.csv only.
	RecordsCSV
	// RecordsParquet writes replications.parquet only.
	RecordsParquet
	// RecordsBoth writes both, whatever their size.
	RecordsBoth
)

// CSVRowLimit is the most rows of replications.csv that [RecordsAuto]
// writes: about 630 replications of growth-plan (3,163 measures each),
// some 63 MB of text. Beyond it the text is slow to write and to read
// and its Parquet copy, about an eighteenth of its size, is what scripts
// should read.
const CSVRowLimit = 2_000_000

var recordsNames = []string{"auto", "csv", "parquet", "both"}

// ParseRecords reads "auto", "csv", "parquet" or "both".
func ParseRecords(s string) (Records, error) {
	for i, n := range recordsNames {
		if s == n {
			return Records(i), nil
		}
	}
	return 0, fmt.Errorf("%q: want one of %s", s, strings.Join(recordsNames, ", "))
}

// String returns the name ParseRecords reads.
func (r Records) String() string {
	if r < 0 || int(r) >= len(recordsNames) {
		return fmt.Sprintf("Records(%d)", int(r))
	}
	return recordsNames[r]
}

// csv reports whether replications.csv of rows rows is written.
func (r Records) csv(rows int) bool {
	return r == RecordsCSV || r == RecordsBoth || r == RecordsAuto && rows <= CSVRowLimit
}

// parquet reports whether replications.parquet is written.
func (r Records) parquet() bool { return r != RecordsCSV }

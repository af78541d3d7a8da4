package experiment

import (
	"slices"
	"testing"

	"github.com/salesim/salesim/sim/results"
)

// TestRecordsFiles: which per-replication files each format writes, and
// that auto leaves replications.csv out above CSVRowLimit rows.
func TestRecordsFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r    Records
		rows int
		csv  bool
		pq   bool
	}{
		{RecordsAuto, 100, true, true},
		{RecordsAuto, CSVRowLimit, true, true},
		{RecordsAuto, CSVRowLimit + 1, false, true},
		{RecordsCSV, CSVRowLimit + 1, true, false},
		{RecordsParquet, 10, false, true},
		{RecordsBoth, CSVRowLimit + 1, true, true},
	} {
		if got := tc.r.csv(tc.rows); got != tc.csv {
			t.Errorf("%s, %d rows: csv %t, want %t", tc.r, tc.rows, got, tc.csv)
		}
		if got := tc.r.parquet(); got != tc.pq {
			t.Errorf("%s: parquet %t, want %t", tc.r, got, tc.pq)
		}
		if back, err := ParseRecords(tc.r.String()); err != nil || back != tc.r {
			t.Errorf("ParseRecords(%q) = %v, %v", tc.r, back, err)
		}
	}
	if _, err := ParseRecords("xlsx"); err == nil {
		t.Error("ParseRecords accepted xlsx")
	}
	d := design(t, "validation/mmc")
	out := run(t, []*Design{d}, Options{Seed: 1, Replications: 2})
	m, err := Merge([]*results.Shard{out.Shard(0)}, MergeOptions{Design: d})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range m.Files(RecordsAuto) {
		names = append(names, f.Name)
	}
	if want := []string{"summary.csv", "replications.csv", "replications.parquet", "timeseries.csv", "summary.json",
		"people-summary.csv", "people.csv", "people.parquet"}; !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
}

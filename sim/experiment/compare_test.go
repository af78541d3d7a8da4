package experiment

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/stats"
)

// TestCompare: the paired difference of each design against the first is
// computed replication by replication; the ranking follows the means.
func TestCompare(t *testing.T) {
	t.Parallel()
	a, b, c := design(t, "validation/mmc"), design(t, "validation/mmc", "roles.agent.headcount=11"), design(t, "validation/mmc", "roles.agent.headcount=12")
	out := run(t, []*Design{a, b, c}, Options{Seed: 1, Replications: 6, Workers: 2})
	cmp := Compare(out.Results)
	if len(cmp.Designs) != 3 || len(cmp.Tables) != 3 || len(cmp.Rows) != 3*len(a.Keys()) {
		t.Fatalf("%d designs, %d tables, %d rows", len(cmp.Designs), len(cmp.Tables), len(cmp.Rows))
	}
	i, _ := a.Plan.Catalog().Index(waitKey)
	var p stats.Paired
	for r := range 6 {
		p.Add(out.Results[2].Records[r].Values[i], out.Results[0].Records[r].Values[i])
	}
	want := p.Summary(0.95)
	row, ok := cmp.Get(2, waitKey.Metric)
	if !ok || !row.HasRef || !reflect.DeepEqual(row.Diff, want) || row.Summary.N != 6 {
		t.Errorf("row %+v, want the difference %+v", row, want)
	}
	if ref, _ := cmp.Get(0, waitKey.Metric); ref.HasRef {
		t.Error("the reference has a difference against itself")
	}
	// More agents, shorter waits: ranked by the wait, the first design
	// comes first; the differences are negative.
	if got := cmp.Rank(waitKey.Metric); got[0] != 0 || got[1] != 1 || got[2] != 2 {
		t.Errorf("ranked by wait: %v", got)
	}
	if row.Diff.Hi >= 0 {
		t.Errorf("12 agents against 10: wait difference %+v, want below 0", row.Diff)
	}
	var b2 bytes.Buffer
	if err := cmp.WriteCSV(&b2); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b2.String(), "\n"), "\n")
	if lines[0] != ComparisonHeader || len(lines) != 1+len(cmp.Rows) {
		t.Fatalf("comparison.csv: %d lines, header %q", len(lines), lines[0])
	}
	if first := lines[1]; !strings.HasSuffix(first, ",,,") {
		t.Errorf("the reference's row %q has a difference", first)
	}
	if last := lines[len(lines)-1]; strings.HasSuffix(last, ",,,") || math.IsNaN(row.Diff.Mean) {
		t.Errorf("the last design's row %q has no difference", last)
	}
}

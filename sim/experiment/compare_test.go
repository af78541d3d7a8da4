package experiment

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/scenario"
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
	lines, err := csv.NewReader(&b2).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines[0], ",") != ComparisonHeader || len(lines) != 1+len(cmp.Rows) {
		t.Fatalf("comparison.csv: %d lines, header %q", len(lines), lines[0])
	}
	// diff_mean is column 8, unit 11, same_demand 12.
	if first := lines[1]; first[8] != "" || first[12] != "" || first[11] == "" {
		t.Errorf("the reference's row %q has a difference or no unit", first)
	}
	if last := lines[len(lines)-1]; last[8] == "" || last[12] != "true" || math.IsNaN(row.Diff.Mean) {
		t.Errorf("the last design's row %q has no difference or not the same demand", last)
	}
	if !cmp.CommonDemand() {
		t.Errorf("designs that differ in headcount only: demand differences %q", cmp.Demand)
	}
	var j bytes.Buffer
	if err := cmp.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		CommonDemand bool `json:"common_demand"`
		Designs      []struct {
			Name       string `json:"name"`
			SameDemand *bool  `json:"same_demand"`
		} `json:"designs"`
		Rows []struct {
			Diff *struct{ Mean float64 } `json:"diff"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(j.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.CommonDemand || len(doc.Designs) != 3 || doc.Designs[0].SameDemand != nil || doc.Designs[2].SameDemand == nil ||
		len(doc.Rows) != len(cmp.Rows) || doc.Rows[0].Diff != nil || doc.Rows[len(doc.Rows)-1].Diff == nil {
		t.Errorf("comparison.json: %+v", doc)
	}
}

// TestDemandDifferences: a design whose inbound rate, market or horizon
// differs is named with the key that differs; staffing is not demand.
func TestDemandDifferences(t *testing.T) {
	t.Parallel()
	a := design(t, "growth-plan")
	for _, tc := range []struct {
		name string
		set  []string
		want []string
	}{
		{"growth-plan", nil, nil},
		{"growth-plan#five_hunters", nil, nil},
		{"cascade", nil, nil},
		{"growth-plan", []string{"roles.farmer.pay.salary=1"}, nil},
		{"growth-plan", []string{`inbound.requests.rate="9/day"`}, []string{"inbound.requests"}},
		{"growth-plan", []string{`market.size="lognormal(mean=50k, top20=0.67)"`, `run.horizon="14mo"`}, []string{"run.horizon", "market"}},
		{"growth-plan", []string{"initial[0].clients=61"}, []string{"initial"}},
		{"growth-plan", []string{`market.decision_makers="uniform(1, 5)"`}, []string{"market"}},
		{"growth-plan", []string{"database.raw.contacts=49999"}, []string{"database.raw"}},
		{"growth-plan", []string{"roles.manager.headcount=3", "reorg[0].headcount.manager=0"}, []string{"initial"}},
	} {
		b := design(t, tc.name, tc.set...)
		if got := DemandDifferences(a, b); !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: differences %q, want %q", tc.name, tc.set, got, tc.want)
		}
	}
}

// TestDistinguish: copies of one scenario with the same name are named by
// their files; the same file twice is refused.
func TestDistinguish(t *testing.T) {
	t.Parallel()
	a, b, c := design(t, "growth-plan"), design(t, "growth-plan"), design(t, "cascade")
	b.Scenario.Sources = append([]scenario.Source{{Name: "mine/growth-plan.toml"}}, b.Scenario.Sources[1:]...)
	if err := Distinguish([]*Design{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if a.Name != "builtin:growth-plan.toml" || b.Name != "mine/growth-plan.toml" || c.Name != "cascade" {
		t.Errorf("names %q, %q, %q", a.Name, b.Name, c.Name)
	}
	if err := Distinguish([]*Design{design(t, "cascade"), design(t, "cascade")}); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("the same file twice: %v", err)
	}
}

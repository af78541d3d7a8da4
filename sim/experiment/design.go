package experiment

import (
	"errors"
	"fmt"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/scenario"
)

// DefaultReplications is the size of a run whose scenario does not set
// run.replications.
const DefaultReplications = 100

// A Design is a scenario compiled and ready to run. It is read-only once
// made, so one Design may be run by many goroutines at once.
type Design struct {
	// Scenario is the loaded scenario, with its sources.
	Scenario *scenario.Scenario
	// Plan is the compiled organisation that replications simulate.
	Plan *org.Plan
	// Name is how folders and tables call the design: the scenario's
	// name, followed by "#" and the variant if one was selected.
	Name string
}

// NewDesign compiles a loaded scenario. The error of a design that does
// not compile is the one of [org.Compile].
func NewDesign(sc *scenario.Scenario) (*Design, error) {
	plan, err := org.Compile(sc.Config)
	if err != nil {
		return nil, err
	}
	name := sc.Name
	if sc.Variant != "" {
		name += "#" + sc.Variant
	}
	if n := len(sc.Set); n > 0 && sc.Set[n-1] == StatusQuoOverride {
		name += StatusQuoSuffix
	}
	return &Design{Scenario: sc, Plan: plan, Name: name}, nil
}

// Distinguish names the designs of a set apart before they are run: where
// several have the same Name (a copy of a scenario keeps its name key),
// each of them is called by the file it was read from, with its variant
// ("plans/growth-plan.toml", "builtin:growth-plan.toml#five_hunters").
// Two designs read from the same file with the same variant are an
// error: the set would hold one design twice.
func Distinguish(ds []*Design) error {
	count := map[string]int{}
	for _, d := range ds {
		count[d.Name]++
	}
	seen := map[string]bool{}
	for _, d := range ds {
		if count[d.Name] > 1 {
			d.Name = d.fileName()
		}
		if seen[d.Name] {
			return fmt.Errorf("design %s given twice", d.Name)
		}
		seen[d.Name] = true
	}
	return nil
}

// fileName names the design by its scenario file and variant.
func (d *Design) fileName() string {
	sc := d.Scenario
	name := sc.Name
	if len(sc.Sources) > 0 {
		name = sc.Sources[0].Name
	}
	if sc.Variant != "" {
		name += "#" + sc.Variant
	}
	return name
}

// FromHeader rebuilds the design a shard header describes from the
// scenario text it records (see [scenario.FromSources]), with the same
// variant and overrides; the text must have the recorded SHA-256.
func FromHeader(h results.Header) (*Design, error) {
	if len(h.Sources) == 0 {
		return nil, errors.New("no scenario text recorded: the files were written by an older salesim")
	}
	srcs := make([]scenario.Source, len(h.Sources))
	for i, s := range h.Sources {
		srcs[i] = scenario.Source{Name: s.Name, Text: s.Text}
	}
	sc, err := scenario.FromSources(srcs, h.SHA256, scenario.Options{Variant: h.Variant, Set: h.Set})
	if errors.Is(err, scenario.ErrTextChanged) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("rebuilding the design from its recorded text: %w", err)
	}
	return NewDesign(sc)
}

// Keys returns the keys of the design's records, in record order.
func (d *Design) Keys() []metric.Key {
	cat := d.Plan.Catalog()
	return append([]metric.Key(nil), cat.Keys...)
}

// PeopleKeys returns the keys of the measures per post of the design's
// records (metric.Key.Post ≥ 1), in the order of a record's People.
func (d *Design) PeopleKeys() []metric.Key {
	return append([]metric.Key(nil), d.Plan.Catalog().People...)
}

// Currency returns the currency the scenario names for its money amounts
// (market.currency), "" if none: the report and the figures show it.
func (d *Design) Currency() string {
	if d.Scenario == nil || d.Scenario.Document == nil {
		return ""
	}
	return d.Scenario.Document.Market.Currency
}

// Units returns the unit of each of the design's metrics by name, for
// the unit column of its result files.
func (d *Design) Units() results.Units {
	cat := d.Plan.Catalog()
	return func(name string) metric.Unit {
		m, _ := cat.Metric(name)
		return m.Unit
	}
}

// Seed returns the master seed the scenario sets (run.seed).
func (d *Design) Seed() uint64 { return d.Plan.Config().Run.Seed }

// Replications returns the number of replications the scenario asks for
// (run.replications), or [DefaultReplications] if it sets none.
func (d *Design) Replications() int {
	if n := d.Plan.Config().Run.Replications; n >= 1 {
		return n
	}
	return DefaultReplications
}

// header describes a run of the design for shard files: seed, the run's
// size and which shard of how many.
func (d *Design) header(seed uint64, total, shard, shards int) results.Header {
	sc := d.Scenario
	h := results.Header{
		Scenario: sc.Name, SHA256: sc.SHA256, Seed: seed,
		Replications: total, Shard: shard, Shards: shards, Version: Version(),
		Variant: sc.Variant, Set: sc.Set,
	}
	for _, s := range sc.Sources {
		h.Sources = append(h.Sources, results.Source{Name: s.Name, Text: s.Text})
	}
	return h
}

// check reports whether the design records every key in ks.
func (d *Design) check(ks []metric.Key) error {
	for _, k := range ks {
		if _, ok := d.Plan.Catalog().Index(k); !ok {
			return fmt.Errorf("experiment: design %s has no measure %s", d.Name, k)
		}
	}
	return nil
}

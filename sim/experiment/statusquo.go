package experiment

import (
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
)

// The status quo. A plan is a reorganisation of today's department; what
// it achieves is its difference from what today's department would have
// done in the same year on the same demand, not its growth over last year
// (which includes growth that happens with no change). StatusQuo makes
// the design that measures this: the plan's scenario with its
// reorganisations left out. Run on common random numbers with the plan —
// replication i of both sees the same requests, companies and fates —
// the two differ only by what the reorganisations change, and Versus
// gives the paired difference of every measure with its interval.

// StatusQuoOverride is the override that turns a design into its status
// quo: no reorganisation.
const StatusQuoOverride = "reorg=[]"

// StatusQuoSuffix ends the name of a status quo design.
const StatusQuoSuffix = " (status quo)"

// StatusQuo returns the status quo of design d — its scenario with the
// reorganisations left out — and true, or nil and false if d has no
// reorganisation.
func StatusQuo(d *Design) (*Design, bool, error) {
	if len(d.Plan.Config().Reorgs) == 0 {
		return nil, false, nil
	}
	sc := d.Scenario
	opt := scenario.Options{Variant: sc.Variant, Set: append(append([]string(nil), sc.Set...), StatusQuoOverride)}
	sq, err := scenario.FromSources(sc.Sources, sc.SHA256, opt)
	if err != nil {
		return nil, false, err
	}
	sd, err := NewDesign(sq) // named with StatusQuoSuffix
	if err != nil {
		return nil, false, err
	}
	return sd, true, nil
}

// IsStatusQuo reports whether a design is a status quo made by
// [StatusQuo]: its last override is [StatusQuoOverride].
func IsStatusQuo(d *Design) bool {
	n := len(d.Scenario.Set)
	return n > 0 && d.Scenario.Set[n-1] == StatusQuoOverride
}

// Versus compares plan with its status quo, both run on common random
// numbers: the comparison's second design is the plan, and each of its
// rows carries the paired difference plan − status quo.
func Versus(plan, statusQuo Result) *Comparison {
	return Compare([]Result{statusQuo, plan})
}

// StatusQuoMetrics are the department totals a run reports against the
// status quo, in order.
var StatusQuoMetrics = []string{metric.Margin, metric.Cost, metric.Profit, metric.NewClients, metric.ChurnedClients, metric.PTarget}

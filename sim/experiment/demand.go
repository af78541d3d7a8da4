package experiment

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/salesim/salesim/sim/org"
)

// DemandDifferences returns how the demand of design b differs from that
// of design a, as the scenario keys that differ ("market", "inbound.web",
// "run.horizon", ...), or nil if the two share it.
//
// Demand is what [Run] draws from streams shared by the designs of a
// set: the market (every field: company sizes, margin rate, contact
// needs, decision makers), the inbound streams (by name: every field but
// the stage and role they feed), the raw databases (by name: every field
// but the stage), the initial book (per entry: clients and leads in all,
// their level and stage) and the span simulated (warm-up and horizon). Designs that share
// it see the same requests, contacts and companies in replication i, so
// their paired differences isolate the effect of the design; where they
// do not, a paired difference mixes both. Which role receives a stream,
// and the funnel a request enters, are the design, not its demand.
func DemandDifferences(a, b *Design) []string {
	ca, cb := a.Plan.Config(), b.Plan.Config()
	var diffs []string
	differ := func(key string, x, y any) {
		if !reflect.DeepEqual(x, y) {
			diffs = append(diffs, key)
		}
	}
	differ("run.warmup", ca.Run.Warmup, cb.Run.Warmup)
	differ("run.horizon", ca.Run.Horizon, cb.Run.Horizon)
	differ("market", ca.Market, cb.Market)
	named := func(section string, x, y map[string]any, order []string) {
		for _, n := range order {
			if _, ok := y[n]; !ok {
				diffs = append(diffs, section+"."+n)
				continue
			}
			differ(section+"."+n, x[n], y[n])
		}
		for _, n := range sortedKeys(y) {
			if _, ok := x[n]; !ok {
				diffs = append(diffs, section+"."+n)
			}
		}
	}
	ia, io := inboundDemand(ca)
	ib, _ := inboundDemand(cb)
	named("inbound", ia, ib, io)
	da, do := databaseDemand(ca)
	db, _ := databaseDemand(cb)
	named("database", da, db, do)
	differ("initial", initialDemand(ca), initialDemand(cb))
	return diffs
}

func inboundDemand(c *org.Config) (map[string]any, []string) {
	out := map[string]any{}
	var order []string
	for _, in := range c.Inbound {
		// The stream as it generates requests: every field but where they
		// go (stage and role), the calendar by its spans.
		var open []org.Span
		if in.Open != nil {
			open = in.Open.Spans
		}
		x := in
		x.Stage, x.Role, x.Open = 0, 0, nil
		out[in.Name] = struct {
			org.Inbound
			Open []org.Span
		}{x, open}
		order = append(order, in.Name)
	}
	return out, order
}

func databaseDemand(c *org.Config) (map[string]any, []string) {
	out := map[string]any{}
	var order []string
	for _, db := range c.Databases {
		x := db
		x.Stage = 0 // the stage a call works is the design
		out[db.Name] = x
		order = append(order, db.Name)
	}
	return out, order
}

// initialDemand is the initial book as what exists at time 0: per entry,
// the clients and leads of all the role's people, their level and the
// leads' stage by name.
func initialDemand(c *org.Config) []string {
	var out []string
	for _, in := range c.Initial {
		n := c.Roles[in.Role.Index()].Headcount
		stage := ""
		if i := in.Stage.Index(); i >= 0 && i < len(c.Stages) {
			stage = c.Stages[i].Name
		}
		out = append(out, fmt.Sprintf("%d clients at %g, %d leads at %q", n*in.Clients, in.Level, n*in.Leads, stage))
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

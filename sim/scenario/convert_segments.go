package scenario

import (
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/org"
)

// segments converts the segments; it comes before the handoffs, which
// refer to them.
func (c *converter) segments() {
	c.segs = map[string]int{}
	for i, sg := range c.doc.Segments {
		key := indexKey("segments", i)
		os := org.Segment{Name: sg.Name, MinSize: float64(sg.MinSize), MaxSize: float64(sg.MaxSize), From: float64(sg.From)}
		if _, dup := c.segs[sg.Name]; !dup && sg.Name != "" {
			c.segs[sg.Name] = i
		}
		for j, name := range sg.Sources {
			os.Sources = append(os.Sources, c.source(indexKey(key+".sources", j), name))
		}
		// One step per entry, resolved or not, so that the steps of the
		// Config line up with the keys (fieldkey.go).
		for _, e := range sg.Next {
			k := joinKey(key+".next", e.Name)
			step := org.SegmentStep{Stage: c.stageRef(k, e.Name)}
			switch e.Value {
			case "won":
			case "":
				c.errf(k, "empty: give the stage success leads to, or \"won\"")
			default:
				step.Next = c.stageRef(k, e.Value)
			}
			os.Next = append(os.Next, step)
		}
		c.cfg.Segments = append(c.cfg.Segments, os)
	}
}

// source resolves the name of an inbound stream or a database.
func (c *converter) source(key, name string) org.Source {
	in := slices.Index(c.doc.Inbound.Names(), name)
	db, isDB := c.dbs[name]
	switch {
	case in >= 0 && isDB:
		c.errf(key, "%q is both an inbound stream and a database: rename one of them", name)
	case in >= 0:
		return org.Source{Inbound: org.InboundAt(in)}
	case isDB:
		return org.Source{Database: org.DatabaseAt(db)}
	default:
		known := append(c.doc.Inbound.Names(), c.doc.Database.Names()...)
		if len(known) == 0 {
			c.errf(key, "unknown source %q: there are no inbound streams or databases", name)
		} else {
			c.errf(key, "unknown source %q%s; known: %s", name, suggest(name, known), strings.Join(known, ", "))
		}
	}
	return org.Source{}
}

// segmentRef resolves the name of a segment.
func (c *converter) segmentRef(key, name string) org.SegmentRef {
	var order []string
	for _, sg := range c.doc.Segments {
		if !slices.Contains(order, sg.Name) {
			order = append(order, sg.Name)
		}
	}
	return org.SegmentAt(c.ref(key, name, "segment", c.segs, order))
}

// teams converts the teams.
func (c *converter) teams() {
	for _, e := range c.doc.Teams {
		key := joinKey("teams", e.Name)
		t := org.Team{Name: e.Name, Pool: e.Value.Route == "pool"}
		for _, m := range e.Value.Members {
			t.Members = append(t.Members, org.TeamMember{Role: c.roleRef(joinKey(key+".members", m.Name), m.Name), Size: m.Value})
		}
		c.cfg.Teams = append(c.cfg.Teams, t)
	}
}

// route converts a handoff's route.
func route(s string) org.TeamRoute {
	switch s {
	case "team":
		return org.RouteTeam
	case "pool":
		return org.RoutePool
	}
	return org.RouteDefault
}

package org

import "github.com/salesim/salesim/sim/metric"

// Catalog lists the measures of a plan in the order of a record: for each
// metric of the table in turn, the department and then each role, and for
// each of those the whole horizon and then each month. People lists the
// measures per post apart, in the order of [Result.People]: for each role,
// each of its posts, and for each post the metrics reported per person
// in table order, over the whole horizon.
type Catalog struct {
	Keys    []metric.Key
	People  []metric.Key // Post ≥ 1, Period metric.Total
	Roles   []string     // role names, without the department
	Periods []string     // metric.Total, then the months
	index   map[metric.Key]int
	metrics map[string]Metric
	fill    []filler
	people  []personFiller
}

// personFiller computes one measure of a post.
type personFiller struct {
	post int // index of the recorder's posts
	get  personFormula
}

// filler computes one measure of a record.
type filler struct {
	role   int // -1: department
	period int // -1: total
	get    formula
}

// Len returns the number of measures in a record.
func (c *Catalog) Len() int { return len(c.Keys) }

// Index returns the position of k in a record.
func (c *Catalog) Index(k metric.Key) (int, bool) {
	i, ok := c.index[k]
	return i, ok
}

// Metric returns the description of a metric by name.
func (c *Catalog) Metric(name string) (Metric, bool) {
	m, ok := c.metrics[name]
	return m, ok
}

// MetricNames returns the metric names in record order.
func (c *Catalog) MetricNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, k := range c.Keys {
		if !seen[k.Metric] {
			seen[k.Metric] = true
			names = append(names, k.Metric)
		}
	}
	return names
}

func newCatalog(p *Plan) *Catalog {
	cfg := &p.cfg
	c := &Catalog{index: map[metric.Key]int{}, metrics: map[string]Metric{}}
	for _, ro := range cfg.Roles {
		c.Roles = append(c.Roles, ro.Name)
	}
	c.Periods = append(c.Periods, metric.Total)
	for m := 1; m <= p.months; m++ {
		c.Periods = append(c.Periods, metric.Month(m, p.months))
	}
	add := func(m Metric, name string, get formula, mask []bool) {
		c.metrics[name] = Metric{Name: name, Unit: m.Unit, Doc: m.Doc, Dept: m.Dept, PerRole: m.PerRole, Monthly: m.Monthly, PerPerson: m.PerPerson}
		roles := []int{}
		if m.Dept {
			roles = append(roles, -1)
		}
		if m.PerRole {
			for r := range cfg.Roles {
				if mask == nil || mask[r] {
					roles = append(roles, r)
				}
			}
		}
		periods := []int{-1}
		if m.Monthly {
			for i := range p.months {
				periods = append(periods, i)
			}
		}
		for _, r := range roles {
			for _, per := range periods {
				k := metric.Key{Metric: name, Role: metric.Department, Period: metric.Total}
				if r >= 0 {
					k.Role = cfg.Roles[r].Name
				}
				if per >= 0 {
					k.Period = c.Periods[per+1]
				}
				c.index[k] = len(c.Keys)
				c.Keys = append(c.Keys, k)
				c.fill = append(c.fill, filler{role: r, period: per, get: get})
			}
		}
	}
	for _, d := range table {
		switch {
		case d.target && cfg.Target == nil, d.when != nil && !d.when(p):
		case d.members != nil:
			names, fs := d.members(p)
			for i := range names {
				var mask []bool
				if d.only != nil {
					mask = d.only(p, i)
				}
				add(d.Metric, names[i], fs[i], mask)
			}
		case d.get != nil:
			add(d.Metric, d.Name, d.get, nil)
		}
	}
	c.addPeople(p)
	return c
}

// addPeople lists the measures of every post.
func (c *Catalog) addPeople(p *Plan) {
	post := 0
	for r, n := range p.posts {
		var names []string
		var fs []personFormula
		for _, d := range table {
			if d.person == nil || d.target && p.cfg.Target == nil {
				continue
			}
			ns, f := d.person(p, r)
			for i, name := range ns {
				if name == "" {
					name = d.Name
				}
				if _, ok := c.metrics[name]; !ok {
					m := d.Metric
					m.Name, m.Pattern = name, false
					c.metrics[name] = m
				}
				names = append(names, name)
				fs = append(fs, f[i])
			}
		}
		for k := range n {
			for i, name := range names {
				c.People = append(c.People, metric.Key{Metric: name, Role: p.cfg.Roles[r].Name, Period: metric.Total, Post: k + 1})
				c.people = append(c.people, personFiller{post: post, get: fs[i]})
			}
			post++
		}
	}
}

package scenario

import (
	"strings"

	"github.com/salesim/salesim/sim/org"
)

func (c *converter) roleParts() {
	nAct := len(c.doc.Activities)
	for _, e := range c.doc.Roles {
		r := e.Value
		key := joinKey("roles", e.Name)
		or := org.Role{
			Name:           e.Name,
			Headcount:      r.Headcount,
			New:            r.New,
			Speed:          make([]float64, nAct),
			Skill:          make([]float64, nAct),
			Setup:          float64(r.Setup),
			Attrition:      float64(r.Attrition),
			Refill:         r.Refill,
			LeaveLoss:      float64(r.LeaveLoss),
			Personal:       r.Personal,
			Cover:          r.Cover,
			Pick:           map[string]org.Pick{"first": org.PickFirst, "longest_idle": org.PickLongestIdle}[r.Pick],
			PortfolioLimit: r.PortfolioLimit,
			CareEvery:      float64(r.CareEvery),
			Pay: org.Pay{
				Salary:           float64(r.Pay.Salary),
				Hourly:           float64(r.Pay.Hourly),
				Commission:       float64(r.Pay.Commission),
				SourceCommission: float64(r.Pay.SourceCommission),
				SourceMonths:     r.Pay.SourceMonths,
				PerHandover:      float64(r.Pay.PerHandover),
				PerPassed:        float64(r.Pay.PerPassed),
				PerFirstOrder:    float64(r.Pay.PerFirstOrder),
				PieceSpeedup:     r.Pay.PieceSpeedup,
				PerSourcedOrder:  float64(r.Pay.PerSourcedOrder),
			},
			Fatigue: org.Fatigue{
				Speed:         float64(r.Fatigue.Speed),
				Convert:       float64(r.Fatigue.Convert),
				Floor:         float64(r.Fatigue.Floor),
				BreakRecovery: float64(r.Fatigue.BreakRecovery),
			},
		}
		for i := range or.Skill {
			or.Skill[i] = 1
		}
		does := map[int]bool{}
		for i, a := range r.Does {
			k := indexKey(key+".does", i)
			ai := c.actRef(k, a).Index()
			if ai < 0 {
				continue
			}
			if does[ai] {
				c.errf(k, "activity %q listed twice", a)
				continue
			}
			does[ai] = true
			or.Speed[ai] = 1
		}
		for _, sp := range []struct {
			name string
			m    Named[float64]
			dst  []float64
		}{{"speed", r.Speed, or.Speed}, {"skill", r.Skill, or.Skill}} {
			for _, x := range sp.m {
				k := joinKey(key+"."+sp.name, x.Name)
				ai := c.actRef(k, x.Name).Index()
				if ai < 0 {
					continue
				}
				if !does[ai] {
					c.errf(k, "the role does not do activity %q: add it to does or remove this %s", x.Name, sp.name)
					continue
				}
				sp.dst[ai] = x.Value
			}
		}
		for i, db := range r.Pull {
			if d := c.dbRef(indexKey(key+".pull", i), db); d != 0 {
				or.Pull = append(or.Pull, d)
			}
		}
		for _, sp := range r.SetupPairs {
			or.SetupPair = append(or.SetupPair, org.SetupPair{A: sp.A, B: sp.B, Hours: float64(sp.Time)})
		}
		for _, ab := range r.Absence {
			or.Absence = append(or.Absence, org.Absence{Name: ab.Name, Rate: ab.Rate, Length: ab.Length})
		}
		for _, x := range r.Ramp {
			or.Ramp = append(or.Ramp, float64(x))
		}
		switch r.RampApplies {
		case "speed":
			or.RampMode = org.RampSpeed
		case "both":
			or.RampMode = org.RampBoth
		}
		switch r.Assign {
		case "finder":
			or.Assign = org.AssignFinder
		case "least_loaded", "":
			or.Assign = org.AssignLeastLoaded
		case "round_robin":
			or.Assign = org.AssignRoundRobin
		case "pool":
			or.Assign = org.AssignPool
		}
		if r.PairWith != "" {
			or.PairWith = c.roleRef(key+".pair_with", r.PairWith)
		}
		if p := r.Pause; p != nil {
			or.Pause = &org.Pause{Watch: c.roleRef(key+".pause.watch", p.Watch), Above: p.Above, Below: p.Below}
			for j, a := range p.Activities {
				or.Pause.Activities = append(or.Pause.Activities, c.actRef(indexKey(key+".pause.activities", j), a))
			}
		}
		for i, n := range r.Norms {
			k := indexKey(key+".norms", i)
			or.Norms = append(or.Norms, org.Norm{Name: n.Name, Activity: c.actRef(k+".activity", n.Activity),
				Count: n.Count, Per: float64(n.Per), PerDecisionMaker: n.PerDecisionMaker})
		}
		if q := r.Quota; q != nil {
			or.Quota = &org.Quota{Margin: float64(q.Margin), Accelerator: q.Accelerator, Drop: float64(q.Drop)}
		}
		for _, x := range r.Pay.PerTask {
			or.Pay.PerTask = append(or.Pay.PerTask, org.TaskPay{Activity: c.actRef(joinKey(key+".pay.per_task", x.Name), x.Name), Amount: float64(x.Value)})
		}
		if e := r.Escalate; e != nil {
			or.Escalate = &org.Escalate{After: float64(e.After)}
		}
		if f := r.FatCat; f != nil {
			or.FatCat = &org.FatCat{Target: float64(f.Target), Floor: float64(f.Floor), Shape: f.Shape, Slack: float64(f.Slack), Inbound: f.Inbound}
		}
		or.Shifts = c.shifts(key, r)
		c.cfg.Roles = append(c.cfg.Roles, or)
	}
}

// shifts builds the calendars of a role's shift groups.
func (c *converter) shifts(key string, r Role) []org.Week {
	texts := []Calendar{r.Calendar}
	tkey := []string{key + ".calendar"}
	if len(r.Shifts) > 0 {
		if c.present(key + ".calendar") {
			c.errf(key+".shifts", "give calendar or shifts, not both")
		}
		texts = r.Shifts
		tkey = nil
		for i := range r.Shifts {
			tkey = append(tkey, indexKey(key+".shifts", i))
		}
	}
	var weeks []org.Week
	c.blocks = append(c.blocks, nil)
	for i, text := range texts {
		// Breaks and blocks are the same for every shift: report their
		// problems once.
		once := func(key, format string, args ...any) {
			if i == 0 {
				c.errf(key, format, args...)
			}
		}
		var w org.Week
		gs, err := parseCalendar(string(text), false)
		if err != nil {
			c.errf(tkey[i], "%v", err)
			continue
		}
		for _, g := range gs {
			for _, sp := range g.spans {
				if err := w.Work(g.days, sp[0], sp[1]); err != nil {
					c.errf(tkey[i], "%v", err)
				}
			}
		}
		working := workingDays(&w)
		for j, b := range r.Breaks {
			bk := indexKey(key+".breaks", j)
			gs, err := parseCalendar(string(b), true)
			if err != nil {
				once(bk, "%v", err)
				continue
			}
			for _, g := range gs {
				for _, sp := range g.spans {
					if err := w.Break(g.days, sp[0], sp[1]); err != nil {
						once(bk, "%v", err)
					}
				}
			}
		}
		for j, b := range r.Blocks {
			c.block(&w, indexKey(key+".blocks", j), b, working, i == 0)
		}
		weeks = append(weeks, w)
	}
	return weeks
}

// block lays block b over week w; first is set for the first shift, the
// only one whose problems are reported (blocks are the same for every
// shift).
func (c *converter) block(w *org.Week, bk string, b Block, working org.Days, first bool) {
	once := func(key, format string, args ...any) {
		if first {
			c.errf(key, format, args...)
		}
	}
	days := working
	if strings.TrimSpace(string(b.Days)) != "" {
		d, err := parseDays(string(b.Days), string(b.Days))
		if err != nil {
			once(bk+".days", "%v", err)
			return
		}
		days = d
	}
	if days == 0 {
		return
	}
	spans, err := parseSpans(string(b.Time), string(b.Time))
	if err != nil {
		once(bk+".time", "%v", err)
		return
	}
	kind := org.Internal
	var only []org.ActivityRef
	switch {
	case b.Internal && len(b.Only) > 0:
		once(bk, "a block is internal or only for some activities, not both")
		return
	case b.Internal && (c.present(bk+".mode") || b.Speed != 0 || b.Convert != 0):
		once(bk, "an internal block has no mode, speed or convert: they are for blocks of activities (only = [...])")
		return
	case len(b.Only) > 0:
		kind = org.Block
		if b.Mode == "preferred" {
			kind = org.Preferred
		}
		for k, a := range b.Only {
			ok := indexKey(bk+".only", k)
			ai, found := c.acts[a]
			if !found {
				if first {
					c.actRef(ok, a)
				}
				continue
			}
			only = append(only, org.ActivityAt(ai))
		}
	case !b.Internal:
		once(bk, "the block does nothing: give internal = true or only = [activities]")
		return
	}
	tmpl := org.Span{Kind: kind, Name: b.Name, Only: only, Speed: float64(b.Speed), Convert: float64(b.Convert)}
	if first {
		r := len(c.blocks) - 1
		c.blocks[r] = append(c.blocks[r], laid{index: blockIndex(bk), span: tmpl})
	}
	for _, sp := range spans {
		if err := w.Lay(days, sp[0], sp[1], tmpl); err != nil {
			once(bk, "%v", err)
		}
	}
}

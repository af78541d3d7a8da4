package scenario

import (
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/org"
)

// funnel converts the stages.
func (c *converter) funnel() {
	n := len(c.doc.Stages)
	for i, s := range c.doc.Stages {
		key := indexKey("stages", i)
		st := org.Stage{
			Name:         s.Name,
			Convert:      float64(s.Convert),
			Delay:        s.Delay,
			NurtureShare: float64(s.Nurture),
			NeedIn:       s.NeedIn,
		}
		if s.Activity != "" {
			st.Activity = c.actRef(key+".activity", s.Activity)
		}
		switch {
		case s.Next == "won":
		case s.Next == "":
			if i+1 < n {
				st.Next = org.StageAt(i + 1)
			}
		default:
			st.Next = c.stageRef(key+".next", s.Next)
		}
		if s.Recall != "" {
			st.Recall = c.stageRef(key+".recall", s.Recall)
		}
		for _, p := range s.Decay {
			st.Decay = append(st.Decay, org.DecayPoint{Wait: float64(p.Wait), Mult: p.Mult})
		}
		c.cfg.Stages = append(c.cfg.Stages, st)
	}
}

func (c *converter) inbound() {
	for _, e := range c.doc.Inbound {
		in := e.Value
		key := joinKey("inbound", e.Name)
		ob := org.Inbound{
			Name:   e.Name,
			Rate:   float64(in.Rate),
			Growth: float64(in.Growth),
			Stage:  c.entryStage(key+".stage", in.Stage),
			Budget: float64(in.Budget),
		}
		for _, ch := range in.Changes {
			ob.Changes = append(ob.Changes, org.RateChange{At: float64(ch.At), Rate: float64(ch.Rate), Budget: float64(ch.Budget)})
		}
		scale := 1.0
		gs, err := parseCalendar(string(in.Open), false)
		if err != nil {
			c.errf(key+".open", "%v", err)
		} else if !isAroundTheClock(gs) {
			var w org.Week
			for _, g := range gs {
				for _, sp := range g.spans {
					_ = w.Work(g.days, sp[0], sp[1]) // checked by parseCalendar
				}
			}
			ob.Open = &w
			scale = org.HoursPerWeek / w.Hours()
			ob.Rate *= scale
			for i := range ob.Changes {
				ob.Changes[i].Rate *= scale
			}
		}
		fill := func(dst []float64, src []float64) {
			for i := range dst {
				dst[i] = 1
				if src != nil {
					dst[i] = src[i]
				}
			}
		}
		fill(ob.Weekday[:], in.Weekday)
		fill(ob.Month[:], in.Month)
		if in.Role != "" {
			ob.Role = c.roleRef(key+".role", in.Role)
		}
		c.cfg.Inbound = append(c.cfg.Inbound, ob)
		c.inScale = append(c.inScale, scale)
	}
}

func (c *converter) databases() {
	for _, e := range c.doc.Database {
		db := e.Value
		c.cfg.Databases = append(c.cfg.Databases, org.Database{
			Name:        e.Name,
			Contacts:    db.Contacts,
			Cooloff:     float64(db.Cooloff),
			MaxAttempts: db.MaxAttempts,
			Stage:       c.entryStage(joinKey("database", e.Name)+".stage", db.Stage),
		})
	}
}

func (c *converter) clients() {
	cl := c.doc.Clients
	oc := org.Clients{
		FirstOrder:     float64(cl.FirstOrder),
		StartLevel:     float64(cl.StartLevel),
		Plan:           float64(cl.Plan),
		OrdersPerMonth: cl.OrdersPerMonth,
		DevelopStep:    float64(cl.DevelopStep),
		DevelopProb:    float64(cl.DevelopProb),
		ClaimsPerMonth: cl.ClaimsPerMonth,
		Churn:          float64(cl.Churn),
		NeglectChurn:   cl.NeglectChurn,
		NeglectOrders:  cl.NeglectOrders,
		LostOrderChurn: float64(cl.LostOrderChurn),
	}
	if cl.Order != "" {
		oc.Order = c.actRef("clients.order", cl.Order)
	}
	if cl.Care != "" {
		oc.Care = c.actRef("clients.care", cl.Care)
	}
	if cl.Claim != "" {
		oc.Claim = c.actRef("clients.claim", cl.Claim)
	}
	for i, a := range cl.SaleWork {
		oc.SaleWork = append(oc.SaleWork, c.actRef(indexKey("clients.sale_work", i), a))
	}
	for i, ch := range cl.Chores {
		k := indexKey("clients.chores", i)
		oc.Chores = append(oc.Chores, org.Chore{Activity: c.actRef(k+".activity", ch.Activity), PerOrder: ch.PerOrder, PerMonth: ch.PerMonth})
	}
	c.cfg.Clients = oc
}

func (c *converter) handoffs() {
	for i, h := range c.doc.Handoffs {
		key := indexKey("handoffs", i)
		oh := org.Handoff{
			To:       c.roleRef(key+".to", h.To),
			Deals:    h.AfterDeals,
			Volume:   float64(h.AtVolume),
			MinSize:  float64(h.MinSize),
			MaxSize:  float64(h.MaxSize),
			Delay:    h.Delay,
			InfoLoss: float64(h.InfoLoss),
		}
		if h.From != "" && h.From != "any" {
			oh.From = c.roleRef(key+".from", h.From)
		}
		if h.Segment != "" {
			oh.Segment = c.segmentRef(key+".segment", h.Segment)
		}
		oh.Route = route(h.Route)
		var triggers []string
		if h.AtStage != "" {
			triggers = append(triggers, "at_stage")
			oh.Trigger = org.AtStage
			oh.Stage = c.stageRef(key+".at_stage", h.AtStage)
		}
		if h.AtWon {
			triggers = append(triggers, "at_won")
			oh.Trigger = org.AtWon
		}
		if h.AfterDeals != 0 {
			triggers = append(triggers, "after_deals")
			oh.Trigger = org.AfterDeals
		}
		if h.AtPlan {
			triggers = append(triggers, "at_plan")
			oh.Trigger = org.AtPlan
		}
		if h.AtVolume != 0 {
			triggers = append(triggers, "at_volume")
			oh.Trigger = org.AtVolume
		}
		switch len(triggers) {
		case 0:
			c.errf(key, "no trigger: give one of at_stage, at_won, after_deals, at_plan or at_volume")
		case 1:
		default:
			c.errf(key, "%d triggers (%s): give exactly one", len(triggers), strings.Join(triggers, ", "))
		}
		c.cfg.Handoffs = append(c.cfg.Handoffs, oh)
	}
}

func (c *converter) initial() {
	for i, in := range c.doc.Initial {
		key := indexKey("initial", i)
		oi := org.Initial{
			Role:    c.roleRef(key+".role", in.Role),
			Clients: in.Clients,
			Level:   float64(in.Level),
			Leads:   in.Leads,
		}
		if in.Leads > 0 || in.Stage != "" {
			oi.Stage = c.entryStage(key+".stage", in.Stage)
		}
		c.cfg.Initial = append(c.cfg.Initial, oi)
	}
}

func (c *converter) reorgs() {
	for i, r := range c.doc.Reorg {
		key := indexKey("reorg", i)
		or := org.Reorg{
			At:        float64(r.At),
			Headcount: make([]int, len(c.doc.Roles)),
			Leave:     float64(r.Leave),
			LeaveLoss: float64(r.LeaveLoss),
		}
		for j := range or.Headcount {
			or.Headcount[j] = -1
		}
		for _, h := range r.Headcount {
			k := joinKey(key+".headcount", h.Name)
			if h.Value < 0 {
				c.errf(k, "%d out of range: want >= 0", h.Value)
			}
			if ri := c.roleRef(k, h.Name); ri != 0 {
				or.Headcount[ri.Index()] = h.Value
			}
		}
		for j, m := range r.Moves {
			mk := indexKey(key+".moves", j)
			or.Moves = append(or.Moves, org.Move{From: c.roleRef(mk+".from", m.From), To: c.roleRef(mk+".to", m.To), N: m.N})
		}
		for j, name := range r.LeaveRoles {
			or.LeaveRoles = append(or.LeaveRoles, c.roleRef(indexKey(key+".leave_roles", j), name))
		}
		for j, m := range r.Transfer {
			mk := indexKey(key+".transfer", j)
			or.Transfer = append(or.Transfer, org.Move{From: c.roleRef(mk+".from", m.From), To: c.roleRef(mk+".to", m.To), N: -1})
		}
		for j, name := range r.Rebalance {
			or.Rebalance = append(or.Rebalance, c.roleRef(indexKey(key+".rebalance", j), name))
		}
		streams := c.doc.Inbound.Names()
		for _, e := range r.Inbound {
			ch := org.StreamChange{Rate: float64(e.Value.Rate), Budget: float64(e.Value.Budget)}
			k := joinKey(key+".inbound", e.Name)
			if i := slices.Index(streams, e.Name); i >= 0 {
				ch.Stream = org.InboundAt(i)
				ch.Rate *= c.inScale[i]
			} else {
				c.errf(k, "unknown inbound stream %q%s; known: %s", e.Name, suggest(e.Name, streams), strings.Join(streams, ", "))
			}
			or.Inbound = append(or.Inbound, ch)
		}
		c.cfg.Reorgs = append(c.cfg.Reorgs, or)
	}
}

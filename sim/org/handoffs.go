package org

import "github.com/salesim/salesim/sim/metric"

// handoffs move an account from one role to another ([Handoff]): a lead
// when it reaches a stage, a client at its first order, after a number of
// deals, at its planned volume or at a volume threshold, optionally only
// for companies of a size range. The receiving role assigns a person; the
// handoff may take time and lose information. The first person to pass an
// account on is its source: source commission on its margin goes to them.
type handoffs struct {
	s *Sim
}

// source is the part of an account handoffs keep.
type source struct {
	src      int32 // person who found and passed it, or -1
	srcRole  int32
	via      int32   // the last handoff it went through, or -1
	handedAt float64 // when, until the receiving role first works on it; −1 after
}

func (h *handoffs) bind(s *Sim) { h.s = s }

// handoffNames names the handoffs in metric names: "hunter_to_farmer"
// ("any_to_..." without a giving role), "_2", "_3" ... for a second and
// third handoff between the same roles.
func handoffNames(c *Config) []string {
	var names []string
	seen := map[string]int{}
	for _, h := range c.Handoffs {
		from := "any"
		if h.From != 0 {
			from = c.Roles[h.From.Index()].Name
		}
		base := from + "_to_" + c.Roles[h.To.Index()].Name
		seen[base]++
		names = append(names, metric.Handoff(from, c.Roles[h.To.Index()].Name, seen[base]))
	}
	return names
}

// clientHandoffs applies the handoffs that depend on a client's deals and
// volume.
func (h *handoffs) clientHandoffs(id int32) {
	s := h.s
	a := &s.accts.list[id]
	if a.state != stClient {
		return
	}
	h.apply(id, AfterDeals, 0)
	if a.level >= s.cfg.Clients.Plan {
		h.apply(id, AtPlan, 0)
	}
	h.apply(id, AtVolume, 0)
}

// apply applies the first handoff of the given trigger that matches
// account id, and returns its delay. A handoff to a role that has no
// posts (headcount 0: before a reorganisation creates it, or after one
// closes it) does not fire: the account stays where it is, and a later
// trigger may move it. A role whose posts are all vacant for now still
// receives accounts, which wait for its hires.
func (h *handoffs) apply(id int32, trig Trigger, stage int) float64 {
	s := h.s
	a := &s.accts.list[id]
	for _, hi := range s.p.handFrom[a.role] {
		ho := &s.cfg.Handoffs[hi]
		if ho.Trigger != trig || (ho.MinSize > 0 && a.size < ho.MinSize) || (ho.MaxSize > 0 && a.size >= ho.MaxSize) {
			continue
		}
		if rs := &s.staff.roles[ho.To.Index()]; rs.target == 0 && rs.staff == 0 {
			continue
		}
		if ho.Segment != 0 && SegmentRef(a.seg) != ho.Segment {
			continue
		}
		switch trig {
		case AtStage:
			if ho.Stage.Index() != stage {
				continue
			}
		case AfterDeals:
			if int(a.deals) < ho.Deals {
				continue
			}
		case AtVolume:
			if a.size*a.level < ho.Volume {
				continue
			}
		}
		return h.handoff(id, int(hi))
	}
	return 0
}

// handoff moves account id through handoff hi and returns its delay.
func (h *handoffs) handoff(id int32, hi int) float64 {
	s := h.s
	ho := &s.cfg.Handoffs[hi]
	a := &s.accts.list[id]
	from, old := a.role, a.owner
	s.accts.disown(a)
	a.role = int32(ho.To.Index())
	a.owner = s.team.handoffOwner(hi, old, a.role)
	var delay float64
	if !ho.Delay.IsZero() {
		delay = keyedSample(&ho.Delay, a.key, drawHandoff, a.steps)
	}
	pay := &s.cfg.Roles[from].Pay
	if a.state == stClient {
		a.level *= 1 - ho.InfoLoss
	}
	s.accts.own(a)
	if a.state == stClient {
		if s.recording {
			s.rec.add(cHandovers, int(from), s.month, 1)
		}
		s.clients.bonus(old, from, pay.PerHandover)
		s.clients.scheduleCare(id, delay)
	} else {
		a.loss = ho.InfoLoss
		if s.recording {
			s.rec.add(cPassed, int(from), s.month, 1)
		}
		s.clients.bonus(old, from, pay.PerPassed)
	}
	if a.src < 0 {
		a.src, a.srcRole = old, from
	}
	a.via, a.handedAt = int32(hi), s.env.Now()
	if s.recording {
		s.rec.svc.passed[hi]++
	}
	return delay
}

// reached records the first work of role r on account id after a handoff
// to r: the time the handoff took, its delay and the wait included.
func (h *handoffs) reached(id int32, r int32) {
	s := h.s
	a := &s.accts.list[id]
	if a.handedAt < 0 || a.role != r || a.via < 0 {
		return
	}
	s.rec.svc.timeSum[a.via] += s.env.Now() - a.handedAt
	s.rec.svc.timeN[a.via]++
	a.handedAt = -1
}

// won records that lead id, if it came through a handoff, was won.
func (h *handoffs) won(id int32) {
	s := h.s
	if a := &s.accts.list[id]; a.via >= 0 && s.recording {
		s.rec.svc.won[a.via]++
	}
}

package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/scenario"
)

// summarize prints the one-screen summary of a design.
func summarize(w io.Writer, sc *scenario.Scenario) {
	c := &sc.Config
	doc := sc.Document
	fmt.Fprintf(w, "%s (%s)\n", c.Name, sc.Sources[0].Name)
	if line, _, _ := strings.Cut(strings.TrimSpace(c.Description), "\n"); line != "" {
		fmt.Fprintf(w, "  %s\n", line)
	}
	// Each section aligns its own columns.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	defer func() { tw.Flush() }()
	section := func(name string) {
		tw.Flush()
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\n", name)
	}

	r := c.Run
	fmt.Fprintf(w, "run       %s after a %s warm-up, %d replications, seed %d\n", quantity.Span(r.Horizon), quantity.Span(r.Warmup), r.Replications, r.Seed)

	section("demand")
	for i, in := range c.Inbound {
		d := doc.Inbound[i].Value
		extra := []string{string(d.Open)}
		if in.Growth != 0 {
			extra = append(extra, quantity.Signed(in.Growth, metric.Share, "")+"/yr")
		}
		if d.Budget > 0 {
			extra = append(extra, "marketing "+quantity.Money(float64(d.Budget), "")+"/mo")
		}
		for j, ch := range d.Changes {
			ex := "from " + quantity.Span(float64(ch.At)) + " " + quantity.Rate(float64(ch.Rate))
			if ch.Budget > 0 || in.Budget > 0 || j > 0 {
				ex += " (" + quantity.Money(float64(ch.Budget), "") + "/mo)"
			}
			extra = append(extra, ex)
		}
		to := ""
		if in.Role != 0 {
			to = " (" + c.Roles[in.Role.Index()].Name + ")"
		}
		fmt.Fprintf(tw, "  inbound %s\t%s, %s\t→ %s%s\n", in.Name, quantity.Rate(float64(d.Rate)), strings.Join(extra, ", "), stageName(c, in.Stage.Index()), to)
	}
	for _, db := range c.Databases {
		att := "unlimited attempts"
		if db.MaxAttempts > 0 {
			att = fmt.Sprintf("%d attempts", db.MaxAttempts)
		}
		fmt.Fprintf(tw, "  database %s\t%d contacts, cool-off %s, %s\t→ %s\n", db.Name, db.Contacts, quantity.Span(db.Cooloff), att, stageName(c, db.Stage.Index()))
	}
	for _, in := range c.Initial {
		var parts []string
		if in.Clients > 0 {
			parts = append(parts, fmt.Sprintf("%d clients at %s of size", in.Clients, quantity.Share(in.Level)))
		}
		if in.Leads > 0 {
			parts = append(parts, fmt.Sprintf("%d leads at %s", in.Leads, stageName(c, in.Stage.Index())))
		}
		fmt.Fprintf(tw, "  initial %s\t%s per person\n", c.Roles[in.Role.Index()].Name, strings.Join(parts, ", "))
	}
	if !c.Market.Size.IsZero() {
		fmt.Fprintf(tw, "  market\tsize %s, margin %s of revenue\n", checkDist(c.Market.Size), quantity.Share(c.Market.MarginRate))
	}

	section("roles")
	for i, ro := range c.Roles {
		d := doc.Roles[i].Value
		heads := strconv.Itoa(ro.Headcount)
		if ro.New > 0 {
			heads += fmt.Sprintf(" (%d new)", ro.New)
		}
		cal := string(d.Calendar)
		if len(d.Shifts) > 0 {
			var s []string
			for _, x := range d.Shifts {
				s = append(s, string(x))
			}
			cal = "shifts " + strings.Join(s, " | ")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s, %s/week\n", ro.Name, heads, cal, quantity.Hours(ro.Shifts[0].Hours()))
		var does []string
		for a, sp := range ro.Speed {
			if sp > 0 {
				does = append(does, c.Activities[a].Name)
			}
		}
		extra := ""
		for _, a := range c.Activities {
			if a.Join != nil && a.Join.Role.Index() == i {
				extra += "; joins " + a.Name
			}
		}
		if len(ro.Pull) > 0 {
			var p []string
			for _, d := range ro.Pull {
				p = append(p, c.Databases[d.Index()].Name)
			}
			extra = "; pulls " + strings.Join(p, ", ")
		}
		line := "does " + strings.Join(does, ", ") + extra
		if len(does) == 0 {
			line = strings.TrimPrefix(extra, "; ")
		}
		fmt.Fprintf(tw, "  \t\t%s\n", line)
		fmt.Fprintf(tw, "  \t\tpay %s\n", payText(c, ro.Pay))
	}

	section("funnel")
	for i, st := range c.Stages {
		act := "-"
		if st.Activity != 0 {
			act = c.Activities[st.Activity.Index()].Name
		}
		next := "won"
		if st.Next != 0 {
			next = c.Stages[st.Next.Index()].Name
		}
		var notes []string
		if len(st.Decay) > 0 {
			notes = append(notes, fmt.Sprintf("decay %d points", len(st.Decay)))
		}
		if !st.Delay.IsZero() {
			notes = append(notes, "delay "+checkDist(st.Delay))
		}
		if st.NurtureShare > 0 {
			notes = append(notes, fmt.Sprintf("nurture %s → %s", quantity.Share(st.NurtureShare), recallName(c, i, st)))
		}
		if len(notes) == 0 {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t→ %s\n", st.Name, act, quantity.Share(st.Convert), next)
		} else {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t→ %s\t%s\n", st.Name, act, quantity.Share(st.Convert), next, strings.Join(notes, ", "))
		}
	}
	if len(c.Segments) > 0 {
		section("segments")
		for _, sg := range c.Segments {
			var parts []string
			switch {
			case sg.MinSize > 0 && sg.MaxSize > 0:
				parts = append(parts, "size "+quantity.Money(sg.MinSize, "")+" to below "+quantity.Money(sg.MaxSize, ""))
			case sg.MinSize > 0:
				parts = append(parts, "size ≥ "+quantity.Money(sg.MinSize, ""))
			case sg.MaxSize > 0:
				parts = append(parts, "size < "+quantity.Money(sg.MaxSize, ""))
			}
			for _, src := range sg.Sources {
				if src.Inbound != 0 {
					parts = append(parts, "from "+c.Inbound[src.Inbound.Index()].Name)
				} else {
					parts = append(parts, "from "+c.Databases[src.Database.Index()].Name)
				}
			}
			for _, step := range sg.Next {
				next := "won"
				if step.Next != 0 {
					next = stageName(c, step.Next.Index())
				}
				parts = append(parts, stageName(c, step.Stage.Index())+" → "+next)
			}
			fmt.Fprintf(tw, "  %s\t%s\n", sg.Name, strings.Join(parts, ", "))
		}
	}
	cl := c.Clients
	if cl.Order != 0 || cl.Care != 0 || cl.Churn > 0 {
		var parts []string
		parts = append(parts, quantity.Count(cl.OrdersPerMonth)+" orders/mo")
		if cl.Order != 0 {
			parts[0] += " via " + c.Activities[cl.Order.Index()].Name
		}
		if cl.Care != 0 {
			parts = append(parts, "care "+c.Activities[cl.Care.Index()].Name)
		}
		parts = append(parts, "churn "+quantity.Share(cl.Churn)+"/yr")
		for _, ch := range cl.Chores {
			n := c.Activities[ch.Activity.Index()].Name
			if ch.PerOrder > 0 {
				parts = append(parts, "chore "+n+" "+quantity.Count(ch.PerOrder)+"/order")
			}
			if ch.PerMonth > 0 {
				parts = append(parts, "chore "+n+" "+quantity.Count(ch.PerMonth)+"/mo")
			}
		}
		tw.Flush()
		fmt.Fprintf(w, "clients   %s\n", strings.Join(parts, ", "))
	}

	if len(c.Handoffs) > 0 {
		section("handoffs")
		for _, h := range c.Handoffs {
			from := "any role"
			if h.From != 0 {
				from = c.Roles[h.From.Index()].Name
			}
			var when string
			switch h.Trigger {
			case org.AtStage:
				when = "at stage " + stageName(c, h.Stage.Index())
			case org.AtWon:
				when = "when won"
			case org.AfterDeals:
				when = fmt.Sprintf("after %d deals", h.Deals)
			case org.AtPlan:
				when = "at plan"
			case org.AtVolume:
				when = "at volume " + quantity.Money(h.Volume, "")
			}
			var notes []string
			if !h.Delay.IsZero() {
				notes = append(notes, "delay "+checkDist(h.Delay))
			}
			if h.InfoLoss > 0 {
				notes = append(notes, "info loss "+quantity.Share(h.InfoLoss))
			}
			if h.MinSize > 0 || h.MaxSize > 0 {
				notes = append(notes, "size "+quantity.Money(h.MinSize, "")+".."+quantity.Money(h.MaxSize, ""))
			}
			if h.Segment != 0 {
				notes = append(notes, "segment "+c.Segments[h.Segment.Index()].Name)
			}
			switch h.Route {
			case org.RouteTeam:
				notes = append(notes, "within the team")
			case org.RoutePool:
				notes = append(notes, "to the pool")
			}
			if len(notes) == 0 {
				fmt.Fprintf(tw, "  %s → %s\t%s\n", from, c.Roles[h.To.Index()].Name, when)
			} else {
				fmt.Fprintf(tw, "  %s → %s\t%s\t%s\n", from, c.Roles[h.To.Index()].Name, when, strings.Join(notes, ", "))
			}
		}
	}

	if len(c.Teams) > 0 {
		section("teams")
		for _, tm := range c.Teams {
			var ms []string
			for _, m := range tm.Members {
				ms = append(ms, fmt.Sprintf("%d %s", m.Size, c.Roles[m.Role.Index()].Name))
			}
			route := "handoffs within the team"
			if tm.Pool {
				route = "handoffs to the pool"
			}
			fmt.Fprintf(tw, "  %s\t%s; %s\n", tm.Name, strings.Join(ms, " + "), route)
		}
	}

	if len(c.Reorgs) > 0 {
		section("reorg")
		for i, ro := range c.Reorgs {
			var parts []string
			for _, e := range doc.Reorg[i].Inbound {
				parts = append(parts, fmt.Sprintf("inbound %s %s (%s/mo)", e.Name, quantity.Rate(float64(e.Value.Rate)), quantity.Money(float64(e.Value.Budget), "")))
			}
			for _, m := range ro.Moves {
				n := "all"
				if m.N >= 0 {
					n = strconv.Itoa(m.N)
				}
				parts = append(parts, fmt.Sprintf("move %s %s → %s", n, c.Roles[m.From.Index()].Name, c.Roles[m.To.Index()].Name))
			}
			var hc []string
			for r, h := range ro.Headcount {
				if h >= 0 {
					hc = append(hc, fmt.Sprintf("%s %d", c.Roles[r].Name, h))
				}
			}
			if len(hc) > 0 {
				parts = append(parts, "headcount "+strings.Join(hc, ", "))
			}
			if ro.Leave > 0 {
				parts = append(parts, quantity.Share(ro.Leave)+" leave")
			}
			for _, m := range ro.Transfer {
				parts = append(parts, fmt.Sprintf("accounts %s → %s", c.Roles[m.From.Index()].Name, c.Roles[m.To.Index()].Name))
			}
			fmt.Fprintf(tw, "  at %s\t%s\n", quantity.Span(ro.At), strings.Join(parts, "; "))
		}
	}

	if t := c.Target; t != nil {
		base := "baseline from the warm-up"
		if t.Baseline > 0 {
			base = "baseline " + quantity.Money(t.Baseline, "") + "/mo"
		}
		tw.Flush()
		fmt.Fprintf(w, "target    %s %s by month %d, %d-month window, %s\n", t.Metric, quantity.Signed(t.Growth, metric.Share, ""), t.By, t.Window, base)
	}
}

// payText describes what a person of a role costs: salary, hourly pay,
// commissions, bonuses and piece rates, or "none".
func payText(c *org.Config, p org.Pay) string {
	var parts []string
	if p.Salary > 0 {
		parts = append(parts, quantity.Money(p.Salary, "")+"/mo")
	}
	if p.Hourly > 0 {
		parts = append(parts, quantity.Money(p.Hourly, "")+"/h present")
	}
	if p.Commission > 0 {
		parts = append(parts, quantity.Share(p.Commission)+" of own clients' margin")
	}
	if p.SourceCommission > 0 {
		parts = append(parts, fmt.Sprintf("%s of passed clients' margin for %s months", quantity.Share(p.SourceCommission), quantity.Count(p.SourceMonths)))
	}
	for _, b := range []struct {
		x    float64
		what string
	}{{p.PerFirstOrder, "deal won"}, {p.PerPassed, "lead passed"}, {p.PerHandover, "client handed over"}, {p.PerSourcedOrder, "order of a passed client"}} {
		if b.x > 0 {
			parts = append(parts, quantity.Money(b.x, "")+" per "+b.what)
		}
	}
	for _, tp := range p.PerTask {
		if tp.Amount > 0 {
			parts = append(parts, quantity.Money(tp.Amount, "")+" per "+c.Activities[tp.Activity.Index()].Name+" done")
		}
	}
	if p.PieceSpeedup > 0 && p.PieceSpeedup != 1 && len(p.PerTask) > 0 {
		parts = append(parts, "piece-paid work "+quantity.Signed(p.PieceSpeedup-1, metric.Share, "")+" faster")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " + ")
}

// recallName names the stage at which nurtured leads of stage i are
// recalled: st.Recall, or i itself.
func recallName(c *org.Config, i int, st org.Stage) string {
	if st.Recall == 0 {
		return c.Stages[i].Name
	}
	return stageName(c, st.Recall.Index())
}

func stageName(c *org.Config, s int) string {
	if s < 0 || s >= len(c.Stages) {
		return "-"
	}
	return c.Stages[s].Name
}

// checkHours is quantity.Span under the name report.go calls; it goes when
// report.go moves into the library.
func checkHours(h float64) string { return quantity.Span(h) }

// checkDist describes a distribution shortly: its value if constant, else
// its family and mean, as "lognormal(mean 60k)" or "exp(mean 4h)".
func checkDist(d dist.Dist) string {
	mean := quantity.Money(d.Mean(), "")
	if d.Unit() == dist.Time {
		mean = quantity.Span(d.Mean())
	}
	fam, _, ok := strings.Cut(d.String(), "(")
	if !ok {
		return mean
	}
	return fam + "(mean " + mean + ")"
}

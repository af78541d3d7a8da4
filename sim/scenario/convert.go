package scenario

import (
	"math"
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/org"
)

// This file is the whole mapping from the TOML form ([Document]) to
// org.Config: names become indices, units become hours, per-hour rates and
// fractions, calendars become org.Week values, and the checks that involve
// more than one key are made here.

// converter holds the state of one conversion.
type converter struct {
	doc   *Document
	where map[string]pos
	errs  errorList
	warns errorList
	cfg   org.Config

	acts, stages, roles, dbs map[string]int
	kinds                    []string
	performed                []bool // by activity: some role does it
}

// convert checks doc and turns it into an org.Config. where maps keys to
// the place they were written (keys absent from it took their default).
func convert(doc *Document, where map[string]pos, name string) (org.Config, errorList, errorList) {
	c := &converter{doc: doc, where: where}
	c.cfg.Name = name
	c.cfg.Description = doc.Description
	c.names()
	c.run()
	c.market()
	c.activities()
	c.rolesAndUsage()
	c.funnel()
	c.inbound()
	c.databases()
	c.clients()
	c.handoffs()
	c.initial()
	c.reorgs()
	c.target()
	c.demand()
	return c.cfg, c.errs, c.warns
}

// posOf returns where key was written, or where its nearest written parent
// was.
func (c *converter) posOf(key string) pos {
	for k := key; ; k = parentKey(k) {
		if p, ok := c.where[k]; ok {
			return p
		}
		if k == "" {
			return pos{}
		}
	}
}

// present reports whether key was written (rather than defaulted).
func (c *converter) present(key string) bool {
	_, ok := c.where[key]
	return ok
}

func (c *converter) errf(key, format string, args ...any) {
	c.errs.add(c.posOf(key), key, "", nil, format, args...)
}

func (c *converter) warnf(key, format string, args ...any) {
	c.warns.add(c.posOf(key), key, "", nil, format, args...)
}

// parentKey strips the last key or index of a dotted path.
func parentKey(k string) string {
	switch {
	case strings.HasSuffix(k, "]"):
		return k[:strings.LastIndexByte(k, '[')]
	case strings.HasSuffix(k, `"`):
		for i := len(k) - 2; i >= 0; i-- {
			if k[i] == '"' && !escaped(k, i) {
				return strings.TrimSuffix(k[:i], ".")
			}
		}
		return ""
	}
	i := strings.LastIndexByte(k, '.')
	if i < 0 {
		return ""
	}
	return k[:i]
}

func (c *converter) names() {
	d := c.doc
	c.acts = map[string]int{}
	for i, e := range d.Activities {
		c.acts[e.Name] = i
	}
	c.roles = map[string]int{}
	for i, e := range d.Roles {
		c.roles[e.Name] = i
	}
	c.dbs = map[string]int{}
	for i, e := range d.Database {
		c.dbs[e.Name] = i
	}
	c.stages = map[string]int{}
	for i, s := range d.Stages {
		key := indexKey("stages", i) + ".name"
		switch {
		case s.Name == "won":
			c.errf(key, "\"won\" is reserved for the end of the funnel: choose another stage name")
		case s.Name == "":
			// Reported by the decoder as missing, or empty here.
			if c.present(key) {
				c.errf(key, "empty stage name")
			}
		default:
			if j, dup := c.stages[s.Name]; dup {
				c.errf(key, "duplicate stage name %q (also stages[%d])", s.Name, j)
				continue
			}
			c.stages[s.Name] = i
		}
	}
	if len(d.Roles) == 0 {
		c.errf("roles", "empty scenario: no roles")
	}
}

// ref resolves a name in m, reporting an unknown one; what names the kind
// of thing ("activity", "role"). An empty name gives -1 without a problem.
func (c *converter) ref(key, name, what string, m map[string]int, order []string) int {
	if name == "" {
		return -1
	}
	if i, ok := m[name]; ok {
		return i
	}
	if len(order) == 0 {
		c.errf(key, "unknown %s %q: there are no %ss", what, name, what)
	} else {
		c.errf(key, "unknown %s %q%s; known: %s", what, name, suggest(name, order), strings.Join(order, ", "))
	}
	return -2
}

func (c *converter) actRef(key, name string) int {
	return c.ref(key, name, "activity", c.acts, c.doc.Activities.Names())
}

func (c *converter) roleRef(key, name string) int {
	return c.ref(key, name, "role", c.roles, c.doc.Roles.Names())
}

func (c *converter) stageRef(key, name string) int {
	var order []string
	for _, s := range c.doc.Stages {
		order = append(order, s.Name)
	}
	return c.ref(key, name, "stage", c.stages, order)
}

func (c *converter) dbRef(key, name string) int {
	return c.ref(key, name, "database", c.dbs, c.doc.Database.Names())
}

func (c *converter) run() {
	r := c.doc.Run
	c.cfg.Run = org.Run{
		Horizon:      float64(r.Horizon),
		Warmup:       float64(r.Warmup),
		Replications: r.Replications,
		Seed:         uint64(max(r.Seed, 0)),
	}
}

func (c *converter) market() {
	m := c.doc.Market
	c.cfg.Market = org.Market{Size: m.Size, MarginRate: float64(m.MarginRate)}
	for i, t := range m.Need {
		c.cfg.Market.Need = append(c.cfg.Market.Need, org.NeedTier{MinSize: float64(t.MinSize), Every: float64(t.Every)})
		for j := range i {
			if m.Need[j].MinSize == t.MinSize {
				c.errf(indexKey("market.need", i)+".min_size", "min_size %s also in market.need[%d]: each tier needs its own min_size", formatFloat(float64(t.MinSize)), j)
			}
		}
	}
}

func (c *converter) activities() {
	seen := map[string]bool{}
	for _, e := range c.doc.Activities {
		a := e.Value
		key := joinKey("activities", e.Name)
		if !a.Duration.IsZero() && !(a.Duration.Mean() > 0) {
			c.errf(key+".duration", "%s has mean 0: work must take time", a.Duration)
		}
		kind := a.Kind
		if kind == "" {
			kind = e.Name
		}
		if !seen[kind] {
			seen[kind] = true
			c.kinds = append(c.kinds, kind)
		}
		c.cfg.Activities = append(c.cfg.Activities, org.Activity{
			Name:       e.Name,
			Duration:   a.Duration,
			Kind:       kind,
			Priority:   a.Priority,
			Interrupts: a.Interrupts,
			Fatigue:    a.Fatigue,
			Patience:   a.Patience,
		})
	}
	c.performed = make([]bool, len(c.doc.Activities))
}

// staffed reports whether role r has people at some time.
func (c *converter) staffed(r int) bool {
	name := c.doc.Roles[r].Name
	if c.doc.Roles[r].Value.Headcount > 0 {
		return true
	}
	for _, ro := range c.doc.Reorg {
		if h, ok := ro.Headcount.Get(name); ok && h > 0 {
			return true
		}
		for _, m := range ro.Moves {
			if m.To == name {
				return true
			}
		}
	}
	return false
}

func (c *converter) rolesAndUsage() {
	nAct := len(c.doc.Activities)
	for ri, e := range c.doc.Roles {
		r := e.Value
		key := joinKey("roles", e.Name)
		or := org.Role{
			Name:           e.Name,
			Headcount:      r.Headcount,
			New:            r.New,
			Speed:          make([]float64, nAct),
			Skill:          make([]float64, nAct),
			PairWith:       -1,
			Setup:          float64(r.Setup),
			Attrition:      float64(r.Attrition),
			Refill:         r.Refill,
			LeaveLoss:      float64(r.LeaveLoss),
			Personal:       r.Personal,
			Cover:          r.Cover,
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
		if r.New > r.Headcount && r.Headcount >= 0 {
			c.errf(key+".new", "%d new hires but headcount is %d: new counts people of the headcount", r.New, r.Headcount)
		}
		does := map[int]bool{}
		for i, a := range r.Does {
			k := indexKey(key+".does", i)
			ai := c.actRef(k, a)
			if ai < 0 {
				continue
			}
			if does[ai] {
				c.errf(k, "activity %q listed twice", a)
				continue
			}
			does[ai] = true
			or.Speed[ai] = 1
			c.performed[ai] = true
		}
		if len(does) == 0 && len(r.Does) == 0 && c.staffed(ri) {
			c.errf(key+".does", "the role has people but does no activity: list its activities in does")
		}
		for _, sp := range []struct {
			name string
			m    Named[float64]
			dst  []float64
		}{{"speed", r.Speed, or.Speed}, {"skill", r.Skill, or.Skill}} {
			for _, x := range sp.m {
				k := joinKey(key+"."+sp.name, x.Name)
				ai := c.actRef(k, x.Name)
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
			k := indexKey(key+".pull", i)
			if di := c.dbRef(k, db); di >= 0 {
				or.Pull = append(or.Pull, di)
			}
		}
		for i, sp := range r.SetupPairs {
			k := indexKey(key+".setup_pairs", i)
			for _, kv := range [][2]string{{"a", sp.A}, {"b", sp.B}} {
				if !slices.Contains(c.kinds, kv[1]) {
					c.errf(k+"."+kv[0], "unknown activity kind %q%s; kinds: %s", kv[1], suggest(kv[1], c.kinds), strings.Join(c.kinds, ", "))
				}
			}
			or.SetupPair = append(or.SetupPair, org.SetupPair{A: sp.A, B: sp.B, Hours: float64(sp.Time)})
		}
		for _, ab := range r.Absence {
			or.Absence = append(or.Absence, org.Absence{Name: ab.Name, Rate: ab.Rate, Length: ab.Length})
		}
		for _, x := range r.Ramp {
			or.Ramp = append(or.Ramp, float64(x))
		}
		or.RampSpeed = r.RampApplies != "convert"
		or.RampConvert = r.RampApplies != "speed"
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
			if pi := c.roleRef(key+".pair_with", r.PairWith); pi >= 0 {
				if pi == ri {
					c.errf(key+".pair_with", "a role cannot pair with itself")
				} else {
					or.PairWith = pi
					if h := c.doc.Roles[pi].Value.Headcount; h != r.Headcount {
						c.warnf(key+".pair_with", "headcount %d but %d in role %s: some people have no partner", r.Headcount, h, r.PairWith)
					}
				}
			}
		}
		if p := r.Pause; p != nil {
			wi := c.roleRef(key+".pause.watch", p.Watch)
			if wi == ri {
				c.errf(key+".pause.watch", "a role cannot watch itself")
			}
			if p.Below >= p.Above {
				c.errf(key+".pause.below", "below %d must be less than above %d", p.Below, p.Above)
			}
			if len(r.Pull) == 0 {
				c.warnf(key+".pause", "the role pulls no database: a pause stops only pulled work")
			}
			or.Pause = &org.Pause{Watch: max(wi, -1), Above: p.Above, Below: p.Below}
		}
		if f := r.FatCat; f != nil {
			if r.Pay.Commission == 0 {
				c.warnf(key+".fat_cat", "pay.commission is 0: no income from own clients, so the fat-cat rule never applies")
			}
			or.FatCat = &org.FatCat{Target: float64(f.Target), Floor: float64(f.Floor), Shape: f.Shape, Slack: float64(f.Slack)}
		}
		or.Shifts = c.shifts(key, r, does)
		c.cfg.Roles = append(c.cfg.Roles, or)
	}
	// Pulled databases need their stage's activity done by the role; this
	// is checked in databases, once stages are known.
}

// shifts builds the calendars of a role's shift groups.
func (c *converter) shifts(key string, r Role, does map[int]bool) []org.Week {
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
			bk := indexKey(key+".blocks", j)
			days := working
			if strings.TrimSpace(string(b.Days)) != "" {
				d, err := parseDays(string(b.Days), string(b.Days))
				if err != nil {
					once(bk+".days", "%v", err)
					continue
				}
				days = d
			}
			if days == 0 {
				continue
			}
			spans, err := parseSpans(string(b.Time), string(b.Time))
			if err != nil {
				once(bk+".time", "%v", err)
				continue
			}
			kind := org.Internal
			var only []int
			switch {
			case b.Internal && len(b.Only) > 0:
				once(bk, "a block is internal or only for some activities, not both")
				continue
			case len(b.Only) > 0:
				kind = org.Block
				for k, a := range b.Only {
					ok := indexKey(bk+".only", k)
					ai, found := c.acts[a]
					if i == 0 && !found {
						c.actRef(ok, a)
					}
					if !found {
						continue
					}
					if !does[ai] {
						once(ok, "the role does not do activity %q", a)
						continue
					}
					only = append(only, ai)
				}
			case !b.Internal:
				once(bk, "the block does nothing: give internal = true or only = [activities]")
				continue
			}
			for _, sp := range spans {
				if err := w.Add(days, sp[0], sp[1], kind, b.Name, only); err != nil {
					once(bk, "%v", err)
				}
			}
		}
		if w.Hours() == 0 && r.Headcount > 0 {
			c.errf(tkey[i], "no working time left in the week")
		}
		weeks = append(weeks, w)
	}
	return weeks
}

// funnel converts the stages and checks the use of every activity.
func (c *converter) funnel() {
	n := len(c.doc.Stages)
	for i, s := range c.doc.Stages {
		key := indexKey("stages", i)
		st := org.Stage{
			Name:         s.Name,
			Activity:     -1,
			Convert:      float64(s.Convert),
			Delay:        s.Delay,
			NurtureShare: float64(s.Nurture),
			NeedIn:       s.NeedIn,
			Recall:       i,
		}
		if s.Activity != "" {
			if ai := c.actRef(key+".activity", s.Activity); ai >= 0 {
				st.Activity = ai
				if !c.performed[ai] {
					c.errf(key+".activity", "no role does activity %q: add it to some role's does", s.Activity)
				}
			}
		}
		switch {
		case s.Next == "won":
			st.Next = -1
		case s.Next == "":
			st.Next = -1
			if i+1 < n {
				st.Next = i + 1
			}
		default:
			st.Next = c.stageRef(key+".next", s.Next)
			if st.Next == i && s.Convert == 1 {
				c.errf(key+".next", "the stage leads to itself with convert 100%%: a lead would loop forever")
			}
		}
		if s.Recall != "" {
			st.Recall = c.stageRef(key+".recall", s.Recall)
		}
		if s.Nurture > 0 && s.NeedIn.IsZero() {
			c.errf(key+".need_in", "nurture is %s but need_in is missing: say when nurtured leads need to be called again", pct(float64(s.Nurture)))
		}
		if s.Nurture == 0 && c.present(key+".recall") {
			c.warnf(key+".recall", "nurture is 0: no lead is recalled")
		}
		for j, p := range s.Decay {
			if p.Wait < 0 {
				c.errf(indexKey(key+".decay", j), "negative wait")
			}
			if j > 0 && !(p.Wait > s.Decay[j-1].Wait) {
				c.errf(indexKey(key+".decay", j), "waits must increase: %s after %s", hours(float64(p.Wait)), hours(float64(s.Decay[j-1].Wait)))
			}
			st.Decay = append(st.Decay, org.DecayPoint{Wait: float64(p.Wait), Mult: p.Mult})
		}
		c.cfg.Stages = append(c.cfg.Stages, st)
	}
	// Uses of activities by client work.
	used := make([]bool, len(c.doc.Activities))
	for _, st := range c.cfg.Stages {
		if st.Activity >= 0 {
			used[st.Activity] = true
		}
	}
	cl := c.doc.Clients
	for _, u := range []struct{ key, name string }{{"clients.order", cl.Order}, {"clients.care", cl.Care}, {"clients.claim", cl.Claim}} {
		if u.name == "" {
			continue
		}
		if ai := c.actRef(u.key, u.name); ai >= 0 {
			used[ai] = true
			if !c.performed[ai] {
				c.errf(u.key, "no role does activity %q: add it to some role's does", u.name)
			}
		}
	}
	for i, a := range cl.SaleWork {
		k := indexKey("clients.sale_work", i)
		if ai := c.actRef(k, a); ai >= 0 {
			used[ai] = true
			if !c.performed[ai] {
				c.errf(k, "no role does activity %q: add it to some role's does", a)
			}
		}
	}
	for i, e := range c.doc.Activities {
		if used[i] {
			continue
		}
		key := joinKey("activities", e.Name)
		if c.performed[i] {
			c.warnf(key, "no stage or client work uses activity %s: nobody will ever do it", e.Name)
		} else {
			c.warnf(key, "activity %s is unused: no role does it and no stage or client work uses it", e.Name)
		}
	}
}

// stageActivity returns the activity of stage s, or -1.
func (c *converter) stageActivity(s int) int {
	if s < 0 || s >= len(c.cfg.Stages) {
		return -1
	}
	return c.cfg.Stages[s].Activity
}

// entryStage resolves the stage a stream, database or initial book enters
// at: the named one, or the first.
func (c *converter) entryStage(key, name string) int {
	if name != "" {
		return c.stageRef(key, name)
	}
	if len(c.cfg.Stages) == 0 {
		c.errf(key, "there are no stages to enter: add [[stages]]")
		return -2
	}
	return 0
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
			Role:   -1,
		}
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
			ob.Rate *= org.HoursPerWeek / w.Hours()
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
			if ob.Role >= 0 && ob.Stage >= 0 {
				if a := c.stageActivity(ob.Stage); a >= 0 && c.cfg.Roles[ob.Role].Speed[a] == 0 && !c.partnerDoes(ob.Role, a) {
					c.errf(key+".role", "role %s does not do activity %s of stage %s, and no role paired with it does", in.Role, c.cfg.Activities[a].Name, c.cfg.Stages[ob.Stage].Name)
				}
			}
		}
		c.cfg.Inbound = append(c.cfg.Inbound, ob)
	}
}

// partnerDoes reports whether a role paired with role r (pair_with = r)
// does activity a: work r owns that r does not do goes to the partner.
func (c *converter) partnerDoes(r, a int) bool {
	for i, ro := range c.cfg.Roles {
		if (ro.PairWith == r || c.cfg.Roles[r].PairWith == i) && i != r && ro.Speed[a] > 0 {
			return true
		}
	}
	return false
}

func (c *converter) databases() {
	pulled := make([]bool, len(c.doc.Database))
	for _, r := range c.cfg.Roles {
		for _, d := range r.Pull {
			pulled[d] = true
		}
	}
	for i, e := range c.doc.Database {
		db := e.Value
		key := joinKey("database", e.Name)
		od := org.Database{
			Name:        e.Name,
			Contacts:    db.Contacts,
			Cooloff:     float64(db.Cooloff),
			MaxAttempts: db.MaxAttempts,
			Stage:       c.entryStage(key+".stage", db.Stage),
		}
		c.cfg.Databases = append(c.cfg.Databases, od)
		if !pulled[i] {
			c.warnf(key, "no role pulls database %s: add it to some role's pull", e.Name)
		}
	}
	// A role pulling a database must do its stage's activity.
	for ri, r := range c.doc.Roles {
		for j, name := range r.Value.Pull {
			di, ok := c.dbs[name]
			if !ok {
				continue
			}
			a := c.stageActivity(c.cfg.Databases[di].Stage)
			if a >= 0 && c.cfg.Roles[ri].Speed[a] == 0 {
				c.errf(indexKey(joinKey("roles", r.Name)+".pull", j), "role %s pulls database %s but does not do activity %s of its stage %s", r.Name, name, c.cfg.Activities[a].Name, c.cfg.Stages[c.cfg.Databases[di].Stage].Name)
			}
		}
	}
}

func (c *converter) clients() {
	cl := c.doc.Clients
	oc := org.Clients{
		FirstOrder:     float64(cl.FirstOrder),
		StartLevel:     float64(cl.StartLevel),
		Plan:           float64(cl.Plan),
		OrdersPerMonth: cl.OrdersPerMonth,
		Order:          max(c.acts2(cl.Order), -1),
		Care:           max(c.acts2(cl.Care), -1),
		DevelopStep:    float64(cl.DevelopStep),
		DevelopProb:    float64(cl.DevelopProb),
		ClaimsPerMonth: cl.ClaimsPerMonth,
		Claim:          max(c.acts2(cl.Claim), -1),
		Churn:          float64(cl.Churn),
		NeglectChurn:   cl.NeglectChurn,
		NeglectOrders:  cl.NeglectOrders,
		LostOrderChurn: float64(cl.LostOrderChurn),
	}
	for _, a := range cl.SaleWork {
		if ai, ok := c.acts[a]; ok {
			oc.SaleWork = append(oc.SaleWork, ai)
		}
	}
	if cl.ClaimsPerMonth > 0 && cl.Claim == "" {
		c.warnf("clients.claims_per_month", "claims arrive but clients.claim names no activity: they are ignored")
	}
	c.cfg.Clients = oc
}

// acts2 looks an activity up without reporting (funnel reported it).
func (c *converter) acts2(name string) int {
	if i, ok := c.acts[name]; ok {
		return i
	}
	return -1
}

func (c *converter) handoffs() {
	for i, h := range c.doc.Handoffs {
		key := indexKey("handoffs", i)
		oh := org.Handoff{
			From:     -1,
			To:       c.roleRef(key+".to", h.To),
			Stage:    -1,
			Deals:    h.AfterDeals,
			Volume:   float64(h.AtVolume),
			MinSize:  float64(h.MinSize),
			MaxSize:  float64(h.MaxSize),
			Delay:    h.Delay,
			InfoLoss: float64(h.InfoLoss),
		}
		if h.From != "" && h.From != "any" {
			oh.From = c.roleRef(key+".from", h.From)
			if oh.From >= 0 && oh.From == oh.To {
				c.errf(key+".to", "a handoff from role %s to itself", h.To)
			}
		}
		var triggers []string
		if h.AtStage != "" {
			triggers = append(triggers, "at_stage")
			oh.Trigger = org.AtStage
			oh.Stage = c.stageRef(key+".at_stage", h.AtStage)
			if oh.Stage >= 0 && oh.To >= 0 {
				if a := c.stageActivity(oh.Stage); a >= 0 && c.cfg.Roles[oh.To].Speed[a] == 0 {
					c.errf(key+".to", "role %s receives leads at stage %s but does not do its activity %s", h.To, h.AtStage, c.cfg.Activities[a].Name)
				}
			}
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
		if h.MinSize > 0 && h.MaxSize > 0 && h.MinSize > h.MaxSize {
			c.errf(key+".max_size", "max_size %s is below min_size %s", formatFloat(float64(h.MaxSize)), formatFloat(float64(h.MinSize)))
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
			Stage:   -1,
		}
		if in.Leads > 0 || in.Stage != "" {
			oi.Stage = c.entryStage(key+".stage", in.Stage)
		}
		if oi.Role >= 0 && c.doc.Roles[oi.Role].Value.Headcount == 0 && (in.Clients > 0 || in.Leads > 0) {
			c.errf(key+".role", "role %s has headcount 0 at time 0: nobody owns this book", in.Role)
		}
		c.cfg.Initial = append(c.cfg.Initial, oi)
	}
}

func (c *converter) reorgs() {
	end := float64(c.doc.Run.Warmup + c.doc.Run.Horizon)
	for i, r := range c.doc.Reorg {
		key := indexKey("reorg", i)
		or := org.Reorg{
			At:        float64(r.At),
			Headcount: make([]int, len(c.doc.Roles)),
			Leave:     float64(r.Leave),
			LeaveLoss: float64(r.LeaveLoss),
		}
		if or.At > end {
			c.errf(key+".at", "%s is after the end of the run (warm-up %s + horizon %s)", hours(or.At), hours(float64(c.doc.Run.Warmup)), hours(float64(c.doc.Run.Horizon)))
		}
		if i > 0 && r.At < c.doc.Reorg[i-1].At {
			c.errf(key+".at", "%s is before reorg[%d].at %s: list reorganisations in time order", hours(or.At), i-1, hours(float64(c.doc.Reorg[i-1].At)))
		}
		for j := range or.Headcount {
			or.Headcount[j] = -1
		}
		for _, h := range r.Headcount {
			if ri := c.roleRef(joinKey(key+".headcount", h.Name), h.Name); ri >= 0 {
				or.Headcount[ri] = h.Value
			}
		}
		for j, m := range r.Moves {
			mk := indexKey(key+".moves", j)
			mv := org.Move{From: c.roleRef(mk+".from", m.From), To: c.roleRef(mk+".to", m.To), N: m.N}
			if mv.From >= 0 && mv.From == mv.To {
				c.errf(mk+".to", "a move from role %s to itself", m.To)
			}
			if m.N == 0 {
				c.errf(mk+".n", "n = 0 moves nobody: give a number of people, or -1 for all")
			}
			or.Moves = append(or.Moves, mv)
		}
		for j, name := range r.LeaveRoles {
			if ri := c.roleRef(indexKey(key+".leave_roles", j), name); ri >= 0 {
				or.LeaveRoles = append(or.LeaveRoles, ri)
			}
		}
		for j, m := range r.Transfer {
			mk := indexKey(key+".transfer", j)
			mv := org.Move{From: c.roleRef(mk+".from", m.From), To: c.roleRef(mk+".to", m.To), N: -1}
			if mv.From >= 0 && mv.From == mv.To {
				c.errf(mk+".to", "a transfer from role %s to itself", m.To)
			}
			or.Transfer = append(or.Transfer, mv)
		}
		for j, name := range r.Rebalance {
			if ri := c.roleRef(indexKey(key+".rebalance", j), name); ri >= 0 {
				or.Rebalance = append(or.Rebalance, ri)
			}
		}
		c.cfg.Reorgs = append(c.cfg.Reorgs, or)
	}
}

// months converts hours to whole months, reporting a fraction.
func (c *converter) months(key string, h float64) int {
	m := h / dist.Month
	r := math.Round(m)
	if math.Abs(m-r) > 1e-6 || r < 1 {
		c.errf(key, "%s is not a whole number of months: write it in months, such as \"12mo\"", hours(h))
	}
	return int(r)
}

func (c *converter) target() {
	t := c.doc.Target
	if t == nil {
		return
	}
	ot := &org.Target{
		Metric:   t.Metric,
		Growth:   float64(t.Growth),
		By:       c.months("target.by", float64(t.By)),
		Window:   c.months("target.window", float64(t.Window)),
		Baseline: float64(t.Baseline),
	}
	if t.By > c.doc.Run.Horizon {
		c.errf("target.by", "%s is after the horizon %s: the run would end before the target date", hours(float64(t.By)), hours(float64(c.doc.Run.Horizon)))
	}
	if t.Baseline == 0 && c.doc.Run.Warmup == 0 {
		c.errf("target.baseline", "\"auto\" measures the baseline during the warm-up, but run.warmup is 0: give a warm-up or an amount")
	}
	c.cfg.Target = ot
}

// demand checks that leads come from somewhere, that every stage can be
// reached and that the market has a size when clients exist.
func (c *converter) demand() {
	cfg := &c.cfg
	reach := make([]bool, len(cfg.Stages))
	var queue []int
	visit := func(s int) {
		if s >= 0 && s < len(reach) && !reach[s] {
			reach[s] = true
			queue = append(queue, s)
		}
	}
	for _, in := range cfg.Inbound {
		visit(in.Stage)
	}
	for _, db := range cfg.Databases {
		visit(db.Stage)
	}
	clients := false
	for _, in := range cfg.Initial {
		if in.Leads > 0 {
			visit(in.Stage)
		}
		if in.Clients > 0 {
			clients = true
		}
	}
	if len(queue) == 0 && !clients && len(cfg.Roles) > 0 {
		c.warnf("", "no demand: no inbound stream, database or initial book")
	}
	entries := len(queue) > 0
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		st := cfg.Stages[s]
		if st.Convert > 0 {
			if st.Next < 0 {
				clients = true
			} else {
				visit(st.Next)
			}
		}
		if st.NurtureShare > 0 && st.Convert < 1 {
			visit(st.Recall)
		}
	}
	if entries {
		for i, r := range reach {
			if !r {
				c.warnf(indexKey("stages", i), "stage %s is never reached: no inbound stream, database, initial lead or earlier stage leads to it", cfg.Stages[i].Name)
			}
		}
	}
	if clients && cfg.Market.Size.IsZero() {
		c.errf("market.size", "missing: leads are won or clients exist, so companies need a size, such as \"lognormal(mean=60k, top20=0.67)\"")
	}
}

// hours formats a duration in hours for messages: "70d", "4h", "12mo".
func hours(h float64) string {
	if !(h >= 0) || math.IsInf(h, 0) {
		return formatFloat(h) + "h"
	}
	return dist.Const(h, dist.Time).String()
}

// pct formats a fraction as a percentage.
func pct(f float64) string { return formatFloat(f*100) + "%" }

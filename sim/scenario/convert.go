package scenario

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
)

// The convert*.go files map the TOML form ([Document]) to org.Config:
// names become typed references, units become hours, per-hour rates and
// fractions, calendars become org.Week values. They check only what the
// TOML form adds: names that refer to nothing, keys that exclude each
// other, calendar text. Every rule of the model is checked once, by
// org.Config.Validate; its problems are mapped back to the file, line and
// key they concern (fieldkey.go).

// converter holds the state of one conversion.
type converter struct {
	doc   *Document
	where map[string]pos
	errs  errorList
	warns errorList
	cfg   org.Config

	acts, stages, roles, dbs map[string]int
	segs                     map[string]int
	bare                     map[string]float64 // fractions written as bare numbers
	blocks                   [][]laid           // [role]: the blocks laid over its week (fieldkey.go)
	inScale                  []float64          // [inbound]: its rate per open hour per unit of calendar rate
}

// laid is a block of a role's week as laid: its index under blocks and
// the span it made.
type laid struct {
	index int
	span  org.Span
}

// convert turns doc into an org.Config and validates it. where maps keys
// to the place they were written (keys absent from it took their default).
// failed reports keys that already have a problem, whose rule errors would
// only repeat it.
func convert(doc *Document, where map[string]pos, bare map[string]float64, name string, failed func(key string) bool, anyFailed bool) (org.Config, errorList, errorList) {
	c := &converter{doc: doc, where: where, bare: bare}
	c.cfg.Name = name
	c.cfg.Description = doc.Description
	if msg := badName(doc.Name); msg != "" {
		c.errf("name", "%s", msg)
	}
	c.names()
	c.run()
	c.market()
	c.activities()
	c.roleParts()
	c.funnel()
	c.inbound()
	c.databases()
	c.clients()
	c.segments()
	c.teams()
	c.handoffs()
	c.initial()
	c.reorgs()
	c.target()
	c.validate(failed, anyFailed)
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

// badName says why a scenario name cannot name a folder or sit in one
// line of a shard file (control characters such as a newline, "." and
// "..", path separators), or returns "".
func badName(name string) string {
	bad := name == "." || name == ".." || strings.ContainsAny(name, "/\\")
	for _, r := range name {
		bad = bad || r < 0x20 || r == 0x7f
	}
	if !bad {
		return ""
	}
	return fmt.Sprintf("%q: want a name without control characters (a newline, a tab) or path separators (/, \\), and not . or ..: it names the result folders", name)
}

func (c *converter) errf(key, format string, args ...any) {
	c.errs.add(c.posOf(key), key, "", nil, format, args...)
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
// of thing ("activity", "role"). An empty or unknown name gives -1.
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
	return -1
}

func (c *converter) actRef(key, name string) org.ActivityRef {
	return org.ActivityAt(c.ref(key, name, "activity", c.acts, c.doc.Activities.Names()))
}

func (c *converter) roleRef(key, name string) org.RoleRef {
	return org.RoleAt(c.ref(key, name, "role", c.roles, c.doc.Roles.Names()))
}

func (c *converter) stageRef(key, name string) org.StageRef {
	var order []string
	for _, s := range c.doc.Stages {
		order = append(order, s.Name)
	}
	return org.StageAt(c.ref(key, name, "stage", c.stages, order))
}

func (c *converter) dbRef(key, name string) org.DatabaseRef {
	return org.DatabaseAt(c.ref(key, name, "database", c.dbs, c.doc.Database.Names()))
}

// entryStage resolves the stage a stream, database or initial book enters
// at: the named one, or the first.
func (c *converter) entryStage(key, name string) org.StageRef {
	if name != "" {
		return c.stageRef(key, name)
	}
	if len(c.doc.Stages) == 0 {
		c.errf(key, "there are no stages to enter: add [[stages]]")
		return 0
	}
	return org.StageAt(0)
}

func (c *converter) run() {
	r := c.doc.Run
	if r.Seed < 0 {
		c.errf("run.seed", "%d: a seed is a whole number >= 0", r.Seed)
	}
	c.cfg.Run = org.Run{
		Horizon:      float64(r.Horizon),
		Warmup:       float64(r.Warmup),
		Replications: r.Replications,
		Seed:         uint64(max(r.Seed, 0)),
	}
}

// maxCurrency is the longest currency text, in characters: "RUB",
// "руб.", "₽" and "EUR" fit, a sentence does not.
const maxCurrency = 8

func (c *converter) market() {
	m := c.doc.Market
	if cur := m.Currency; utf8.RuneCountInString(cur) > maxCurrency || strings.IndexFunc(cur, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		c.errf("market.currency", "%q: want a currency code or sign of at most %d printable characters, such as \"RUB\", \"₽\" or \"EUR\"", cur, maxCurrency)
	}
	c.cfg.Market = org.Market{Size: m.Size, MarginRate: float64(m.MarginRate), DecisionMakers: m.DecisionMakers}
	for _, t := range m.Need {
		c.cfg.Market.Need = append(c.cfg.Market.Need, org.NeedTier{MinSize: float64(t.MinSize), Every: float64(t.Every)})
	}
}

func (c *converter) activities() {
	for _, e := range c.doc.Activities {
		a := e.Value
		kind := a.Kind
		if kind == "" {
			kind = e.Name
		}
		var join *org.Join
		if j := a.Join; j != nil {
			jk := joinKey("activities", e.Name) + ".join"
			join = &org.Join{Role: c.roleRef(jk+".role", j.Role), Convert: float64(j.Convert)}
			for i, r := range j.For {
				join.For = append(join.For, c.roleRef(indexKey(jk+".for", i), r))
			}
		}
		c.cfg.Activities = append(c.cfg.Activities, org.Activity{
			Join:       join,
			Name:       e.Name,
			Duration:   a.Duration,
			Kind:       kind,
			Priority:   a.Priority,
			Interrupts: a.Interrupts,
			Fatigue:    a.Fatigue,
			Patience:   a.Patience,

			ServiceTime: float64(a.ServiceTime),

			SizeElasticity: a.SizeElasticity,
			SizeReference:  float64(a.SizeReference),
		})
	}
}

// months converts hours to whole months, reporting a fraction.
func (c *converter) months(key string, h float64) int {
	m := h / quantity.Month
	r := math.Round(m)
	if math.Abs(m-r) > 1e-6 || r < 1 {
		c.errf(key, "%s is not a whole number of months: write it in months, such as \"12mo\"", quantity.Duration(h))
	}
	return int(r)
}

func (c *converter) target() {
	t := c.doc.Target
	if t == nil {
		return
	}
	c.cfg.Target = &org.Target{
		Metric:   t.Metric,
		Growth:   float64(t.Growth),
		By:       c.months("target.by", float64(t.By)),
		Window:   c.months("target.window", float64(t.Window)),
		Baseline: float64(t.Baseline),
	}
}

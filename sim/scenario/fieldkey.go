package scenario

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/salesim/salesim/sim/org"
)

// validate checks the converted Config with org's rules and reports each
// problem at the key it concerns; problems at a key that failed already
// (a bad value, an unknown name) are left out, since they would only
// repeat the first.
func (c *converter) validate(failed func(key string) bool, anyFailed bool) {
	err := c.cfg.Validate()
	var ces []*org.ConfigError
	for _, e := range flatten(err) {
		var ce *org.ConfigError
		if errors.As(e, &ce) {
			ces = append(ces, ce)
		}
	}
	ces = append(ces, c.cfg.Warnings()...)
	partsFailed := len(c.errs) > 0 || anyFailed
	for _, ce := range ces {
		key := keyMap{c}.keyOf(ce.Field)
		if failed(key) || c.reported(key) || ce.Whole && partsFailed {
			continue
		}
		msg := ce.Msg + c.fractionHint(key, ce)
		if ce.Warning {
			c.warns.add(c.posOf(key), key, "", nil, "%s", msg)
		} else {
			c.errs.add(c.posOf(key), key, "", nil, "%s", msg)
		}
	}
}

// flatten returns the errors joined in err.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// reported reports whether the converter reported a problem at key or a
// key inside it.
func (c *converter) reported(key string) bool {
	for _, e := range c.errs {
		if e.Key == key || strings.HasPrefix(e.Key, key+".") || strings.HasPrefix(e.Key, key+"[") {
			return true
		}
	}
	return false
}

// fractionHint explains a fraction out of range that was written as a bare
// number above 1: "1.4" is 140 %, and "14" is 1400 %.
func (c *converter) fractionHint(key string, ce *org.ConfigError) string {
	x, ok := c.bare[key]
	if !ok || x <= 1 || !strings.Contains(ce.Msg, "out of range") {
		return ""
	}
	return " (a bare number is a fraction: write \"" + strconv.FormatFloat(x, 'g', -1, 64) + "%\" for a percentage)"
}

// step is one step of a Config field path: a field name and an index (-1:
// none).
type step struct {
	name  string
	index int
}

func parsePath(field string) []step {
	if field == "" {
		return nil
	}
	var out []step
	for _, part := range strings.Split(field, ".") {
		for part != "" {
			st := step{index: -1}
			i := strings.IndexByte(part, '[')
			if i < 0 {
				st.name, part = part, ""
			} else {
				j := strings.IndexByte(part, ']')
				st.name = part[:i]
				st.index, _ = strconv.Atoi(part[i+1 : j])
				part = part[j+1:]
			}
			if st.name == "" && len(out) > 0 { // a second index: Shifts[0][1]
				out[len(out)-1].index = st.index
				continue
			}
			out = append(out, st)
		}
	}
	return out
}

// renames maps org field names to TOML keys where snake case is not the
// key (by the parent's field name, "" for any parent).
var renames = map[string]map[string]string{
	"":          {"NurtureShare": "nurture", "SetupPair": "setup_pairs", "FatCat": "fat_cat", "LeaveRoles": "leave_roles"},
	"SetupPair": {"Hours": "time"},
	"Handoffs":  {"Stage": "at_stage", "Deals": "after_deals", "Volume": "at_volume", "Trigger": ""},
	"Roles":     {"RampMode": "ramp_applies"},
	"Sources":   {"Inbound": "", "Database": ""},
	"Teams":     {"Pool": "route"},
}

// keyMap maps org.Config field paths to the TOML keys of the converter's
// document.
type keyMap struct{ c *converter }

// keyOf maps the path of an org.Config field to the TOML key it comes from.
// Where the two differ in shape (a role's calendar is its shifts, blocks
// and breaks) it gives the nearest key; errors are placed at the nearest
// key that was written.
func (k keyMap) keyOf(field string) string {
	c := k.c
	path := parsePath(field)
	if len(path) == 0 {
		return ""
	}
	root, rest := path[0], path[1:]
	var key string
	named := func(table string, names []string) string {
		if root.index >= 0 && root.index < len(names) {
			return joinKey(table, names[root.index])
		}
		return table
	}
	switch root.name {
	case "Databases":
		key = named("database", c.doc.Database.Names())
	case "Inbound":
		key = named("inbound", c.doc.Inbound.Names())
	case "Activities":
		key = named("activities", c.doc.Activities.Names())
	case "Roles":
		key = named("roles", c.doc.Roles.Names())
		if len(rest) > 0 {
			return k.roleKey(key, root.index, rest)
		}
	case "Segments":
		key = indexKey("segments", root.index)
		if len(rest) > 0 && rest[0].name == "Next" && root.index >= 0 && root.index < len(c.doc.Segments) {
			if next := c.doc.Segments[root.index].Next; rest[0].index >= 0 && rest[0].index < len(next) {
				return joinKey(key+".next", next[rest[0].index].Name)
			}
			return key + ".next"
		}
		if len(rest) == 1 && rest[0].name == "Name" {
			return key + ".name"
		}
	case "Teams":
		key = named("teams", c.doc.Teams.Names())
		if len(rest) > 0 && rest[0].name == "Members" && root.index >= 0 && root.index < len(c.doc.Teams) {
			if ms := c.doc.Teams[root.index].Value.Members; rest[0].index >= 0 && rest[0].index < len(ms) {
				return joinKey(key+".members", ms[rest[0].index].Name)
			}
			return key + ".members"
		}
	case "Reorgs":
		key = indexKey("reorg", root.index)
		if len(rest) > 0 && rest[0].name == "Headcount" && rest[0].index >= 0 && rest[0].index < len(c.doc.Roles) {
			return joinKey(key+".headcount", c.doc.Roles[rest[0].index].Name)
		}
		if len(rest) > 0 && rest[0].name == "Inbound" && root.index >= 0 && root.index < len(c.doc.Reorg) {
			if in := c.doc.Reorg[root.index].Inbound; rest[0].index >= 0 && rest[0].index < len(in) {
				sub := joinKey(key+".inbound", in[rest[0].index].Name)
				if len(rest) > 1 && rest[1].name == "Stream" {
					return sub
				}
				return k.join(sub, "Inbound", rest[1:])
			}
		}
	default:
		key = snake(root.name)
		if root.index >= 0 {
			key = indexKey(key, root.index)
		}
	}
	if len(rest) == 1 && rest[0].name == "Name" && root.name != "Stages" {
		return key // a named table's name is its key
	}
	return k.join(key, root.name, rest)
}

// join appends the steps of a path under key; parent is the field name of
// the step key stands for.
func (keyMap) join(key, parent string, rest []step) string {
	for _, st := range rest {
		k, ok := renames[parent][st.name]
		if !ok {
			k, ok = renames[""][st.name]
		}
		if !ok {
			k = snake(st.name)
		}
		if k != "" {
			key += "." + k
		}
		if st.index >= 0 {
			key = indexKey(key, st.index)
		}
		parent = st.name
	}
	return key
}

// roleKey maps the path of role r's field under the role's key.
func (k keyMap) roleKey(key string, r int, rest []step) string {
	c := k.c
	st := rest[0]
	acts := c.doc.Activities.Names()
	switch st.name {
	case "Speed", "Skill":
		sub := key + "." + strings.ToLower(st.name)
		if st.index >= 0 && st.index < len(acts) && c.present(joinKey(sub, acts[st.index])) {
			return joinKey(sub, acts[st.index])
		}
		return key + ".does"
	case "Shifts":
		if len(rest) > 1 {
			return k.blockKey(key, r, rest)
		}
		if c.present(key + ".shifts") {
			return indexKey(key+".shifts", max(st.index, 0))
		}
		return key + ".calendar"
	}
	return k.join(key, "Roles", rest)
}

// snake converts a Go field name to a TOML key: MarginRate → margin_rate.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// blockKey maps the path of a span of role r's week (Shifts[i].Spans[j]
// and a field of it) to the key of the block that laid it, or to the
// role's blocks when none did.
func (k keyMap) blockKey(key string, r int, rest []step) string {
	c := k.c
	sh, sp := rest[0].index, rest[1].index
	if r < 0 || r >= len(c.cfg.Roles) || r >= len(c.blocks) || sh < 0 || sh >= len(c.cfg.Roles[r].Shifts) {
		return key + ".blocks"
	}
	spans := c.cfg.Roles[r].Shifts[sh].Spans
	if sp < 0 || sp >= len(spans) {
		return key + ".blocks"
	}
	s := spans[sp]
	for _, b := range c.blocks[r] {
		t := b.span
		if t.Kind == s.Kind && t.Name == s.Name && slices.Equal(t.Only, s.Only) && t.Speed == s.Speed && t.Convert == s.Convert {
			return k.join(indexKey(key+".blocks", b.index), "Block", rest[2:])
		}
	}
	return key + ".blocks"
}

// blockIndex returns the index of a block's key: 2 for roles.x.blocks[2].
func blockIndex(bk string) int {
	i := strings.LastIndexByte(bk, '[')
	n, _ := strconv.Atoi(strings.TrimSuffix(bk[i+1:], "]"))
	return n
}

package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// pos is where a value was written: a file and line (0: unknown), or a
// -set override (file is then "-set key=value"). via is the chain of
// includes that brought the file in, as in [FieldError.Via].
type pos struct {
	file string
	line int
	via  string
}

type nodeKind uint8

const (
	scalarNode nodeKind = iota
	tableNode
	arrayNode
)

// A node is a value of the generic tree a scenario is merged in before it
// is decoded: a table with its keys in source order, an array, or a scalar
// (string, int64, float64, bool, or one of toml's date and time types).
type node struct {
	kind  nodeKind
	pos   pos
	keys  []string // table: keys in order
	m     map[string]*node
	elems []*node // array
	val   any     // scalar
}

func newTable(p pos) *node { return &node{kind: tableNode, pos: p, m: map[string]*node{}} }

// get returns the value at key k of a table, or nil.
func (n *node) get(k string) *node {
	if n == nil || n.kind != tableNode {
		return nil
	}
	return n.m[k]
}

// set sets key k of a table, keeping its place if it exists.
func (n *node) set(k string, v *node) {
	if _, ok := n.m[k]; !ok {
		n.keys = append(n.keys, k)
	}
	n.m[k] = v
}

// del removes key k of a table.
func (n *node) del(k string) {
	if _, ok := n.m[k]; !ok {
		return
	}
	delete(n.m, k)
	n.keys = slices.DeleteFunc(n.keys, func(s string) bool { return s == k })
}

// build converts a value decoded by BurntSushi/toml into a tree, taking
// positions and key order from the locator of the file it came from. A
// value the locator has no line for gets its parent's line.
func build(v any, path string, p pos, loc *locator) *node {
	if l := loc.line(path); l > 0 {
		p.line = l
	}
	switch v := v.(type) {
	case map[string]any:
		n := newTable(p)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			oa, ob := loc.order(joinKey(path, a)), loc.order(joinKey(path, b))
			if oa < 0 {
				oa = math.MaxInt
			}
			if ob < 0 {
				ob = math.MaxInt
			}
			return cmp.Or(cmp.Compare(oa, ob), cmp.Compare(a, b))
		})
		for _, k := range keys {
			n.set(k, build(v[k], joinKey(path, k), p, loc))
		}
		return n
	case []map[string]any:
		n := &node{kind: arrayNode, pos: p}
		for i, e := range v {
			n.elems = append(n.elems, build(e, indexKey(path, i), p, loc))
		}
		return n
	case []any:
		n := &node{kind: arrayNode, pos: p}
		for i, e := range v {
			n.elems = append(n.elems, build(e, indexKey(path, i), p, loc))
		}
		return n
	}
	return &node{kind: scalarNode, pos: p, val: v}
}

// merge returns over laid on base: tables merge key by key (base keys
// first, in their order, then the new ones), anything else in over replaces
// what base has. Neither argument is modified.
func merge(base, over *node) *node {
	if base == nil {
		return over
	}
	if over == nil {
		return base
	}
	if base.kind != tableNode || over.kind != tableNode {
		return over
	}
	n := newTable(over.pos)
	for _, k := range base.keys {
		n.set(k, base.m[k])
	}
	for _, k := range over.keys {
		n.set(k, merge(n.m[k], over.m[k]))
	}
	return n
}

// copyTable returns a shallow copy of a table node.
func copyTable(t *node) *node {
	n := newTable(t.pos)
	for _, k := range t.keys {
		n.set(k, t.m[k])
	}
	return n
}

// describe returns the value as written, shortly, for messages.
func (n *node) describe() string {
	if n == nil {
		return ""
	}
	switch n.kind {
	case tableNode:
		return "a table"
	case arrayNode:
		var parts []string
		for _, e := range n.elems {
			parts = append(parts, e.describe())
		}
		s := "[" + strings.Join(parts, ", ") + "]"
		if len(s) > 60 {
			s = s[:57] + "...]"
		}
		return s
	}
	return scalarText(n.val)
}

// scalarText formats a TOML scalar the way it would be written.
func scalarText(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		switch {
		case math.IsNaN(v):
			return "nan"
		case math.IsInf(v, 1):
			return "inf"
		case math.IsInf(v, -1):
			return "-inf"
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return v.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

// kindName names the TOML type of a node, for messages.
func (n *node) kindName() string {
	switch n.kind {
	case tableNode:
		return "table"
	case arrayNode:
		return "array"
	}
	switch n.val.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	}
	return "date-time"
}

// defaultValues caches parseValueText of the default tags: every load
// decodes the defaults of every key not written, and parsing them took
// half the time of loading a small design.
var defaultValues sync.Map // string -> any (scalars only)

// defaultValue returns parseValueText(s), cached for scalar values (which
// nothing modifies).
func defaultValue(s string) any {
	if v, ok := defaultValues.Load(s); ok {
		return v
	}
	v := parseValueText(s)
	switch v.(type) {
	case string, int64, float64, bool:
		defaultValues.Store(s, v)
	}
	return v
}

// parseValueText reads s as a TOML value if it is one ("3", "true",
// "[1, 2]", "{a = 1}"), else as a string.
func parseValueText(s string) any {
	var m map[string]any
	if _, err := toml.Decode("v = "+s, &m); err == nil && len(m) == 1 {
		if v, ok := m["v"]; ok {
			return v
		}
	}
	return s
}

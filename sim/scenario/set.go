package scenario

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// setSeg is one step of a -set key: a table key, or an array index.
type setSeg struct {
	key   string
	index int // -1 for a key
}

// parseSetKey parses a dotted key with optional array indices:
// roles.hunter.headcount, stages[2].convert, roles."key account".new.
func parseSetKey(s string) ([]setSeg, error) {
	var segs []setSeg
	i := 0
	for {
		// A key.
		switch {
		case i < len(s) && s[i] == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated quoted key")
			}
			k, err := strconv.Unquote(s[i : j+1])
			if err != nil {
				return nil, fmt.Errorf("bad quoted key %s", s[i:j+1])
			}
			segs = append(segs, setSeg{key: k, index: -1})
			i = j + 1
		default:
			j := i
			for j < len(s) && isBare(s[j]) {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("want a dotted key such as roles.hunter.headcount")
			}
			segs = append(segs, setSeg{key: s[i:j], index: -1})
			i = j
		}
		// Indices.
		for i < len(s) && s[i] == '[' {
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("missing ] in %s", s)
			}
			n, err := strconv.Atoi(s[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad array index %s", s[i:i+j+1])
			}
			segs = append(segs, setSeg{index: n})
			i += j + 1
		}
		if i == len(s) {
			return segs, nil
		}
		if s[i] != '.' {
			return nil, fmt.Errorf("unexpected %q in key", s[i])
		}
		i++
	}
}

// applySet applies one -set override "key=value" to the tree root, checking
// the key against the schema of [Document]. The value is read as a TOML
// value if it is one, else taken as a string; it is also taken as the
// string written when the key wants text.
func applySet(root *node, expr string) *FieldError {
	shown := expr
	if len(shown) > 100 {
		// The override is named in every problem it has.
		shown = strings.ToValidUTF8(shown[:80], "") + "…"
	}
	return applySetAt(root, expr, pos{file: "-set " + shown})
}

// applySetAt is applySet for an override written at p: the value it sets
// is placed there in problems found when the design is decoded.
func applySetAt(root *node, expr string, p pos) *FieldError {
	keyText, valText, ok := strings.Cut(expr, "=")
	keyText = strings.TrimSpace(keyText)
	if !ok || keyText == "" {
		return &FieldError{File: p.file, Msg: "want key=value, such as roles.hunter.headcount=5"}
	}
	if _, msg := checkShape("v = " + valText); msg != "" {
		return &FieldError{File: p.file, Key: keyText, Msg: "value refused: " + msg, Err: ErrLimit}
	}
	return override(root, keyText, valText, false, p)
}

// applyUnset removes key from the tree root, so that its default applies:
// an optional table such as roles.<role>.pause is then absent. The key
// must be in the design.
func applyUnset(root *node, key string, p pos) *FieldError {
	return override(root, strings.TrimSpace(key), "", true, p)
}

// override sets keyText to valText in the tree root, or removes it if
// unset, checking the key against the schema of [Document].
func override(root *node, keyText, valText string, unset bool, p pos) *FieldError {
	fail := func(key, format string, args ...any) *FieldError {
		return &FieldError{File: p.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	}
	if keyText == "" {
		return fail("", "want a key, such as roles.hunter.pause")
	}
	segs, err := parseSetKey(keyText)
	if err != nil {
		return fail(keyText, "%v", err)
	}
	t := reflect.TypeFor[Document]()
	n := root
	path := ""
	for i, sg := range segs {
		last := i == len(segs)-1
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		// n must be what t is written as.
		switch {
		case isScalarType(t):
			return fail(path, "%s is a single value: it has no keys or elements", path)
		case t.Kind() == reflect.Slice && !t.Implements(namedType):
			if n.kind != arrayNode {
				return fail(path, "%s is %s in the design, not an array", path, n.describe())
			}
		case n.kind != tableNode:
			return fail(path, "%s is %s in the design, not a table", path, n.describe())
		}
		if sg.index >= 0 {
			if t.Kind() != reflect.Slice || t.Implements(namedType) {
				return fail(path, "not an array: cannot index it with [%d]", sg.index)
			}
			ip := indexKey(path, sg.index)
			if sg.index >= len(n.elems) {
				return fail(ip, "no such element: %s has %d", path, len(n.elems))
			}
			t, path = t.Elem(), ip
			if last {
				if unset {
					return fail(ip, "an element of an array cannot be removed: set the whole array, such as %s=[...]", path)
				}
				n.elems[sg.index] = setNode(valText, t, p)
				return nil
			}
			n.elems[sg.index] = copyNode(n.elems[sg.index])
			n = n.elems[sg.index]
			continue
		}
		k := sg.key
		kp := joinKey(path, k)
		var next reflect.Type
		switch {
		case t.Implements(namedType):
			next = t.Elem().Field(1).Type
			if n.get(k) == nil && !last {
				hint := suggest(k, n.keys)
				if hint == "" {
					hint = fmt.Sprintf(" (to add one, set it whole: %s={...})", kp)
				}
				return fail(kp, "no entry %s in %s%s", k, path, hint)
			}
		case t.Kind() == reflect.Struct:
			f := fieldByKey(fieldsOf(t), k)
			if f == nil {
				if s := suggest(k, keysOf(fieldsOf(t))); s != "" {
					return fail(kp, "unknown key%s", s)
				}
				return fail(kp, "unknown key; allowed here: %s", strings.Join(keysOf(fieldsOf(t)), ", "))
			}
			if path == "" && (k == "include" || k == "variants") {
				return fail(kp, "cannot be set from the command line")
			}
			next = f.typ
		default: // an array
			return fail(path, "%s is an array: write %s[N].%s", path, path, k)
		}
		if last {
			if unset {
				if n.get(k) == nil {
					return fail(kp, "not in the design: nothing to remove")
				}
				n.del(k)
				return nil
			}
			n.set(k, setNode(valText, next, p))
			return nil
		}
		c := n.get(k)
		if c == nil && unset {
			return fail(kp, "not in the design: nothing to remove")
		}
		if c == nil {
			nt := next
			if nt.Kind() == reflect.Pointer {
				nt = nt.Elem()
			}
			if nt.Kind() == reflect.Slice && !nt.Implements(namedType) {
				return fail(kp, "%s is not in the design: set the whole array, such as %s=[...]", kp, kp)
			}
			c = newTable(p)
		} else {
			c = copyNode(c)
		}
		n.set(k, c)
		t, n, path = next, c, kp
	}
	return nil
}

// copyNode returns a shallow copy of a table or array node, to change
// without changing the original; a scalar is returned as is.
func copyNode(n *node) *node {
	switch n.kind {
	case tableNode:
		return copyTable(n)
	case arrayNode:
		cp := *n
		cp.elems = append([]*node(nil), n.elems...)
		return &cp
	}
	return n
}

// isScalarType reports whether values of t are single TOML scalars.
func isScalarType(t reflect.Type) bool {
	if implements(t, scalarType) || t == distType {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		return true
	}
	return false
}

// setNode builds the node of a -set value for a key of type t.
func setNode(text string, t reflect.Type, p pos) *node {
	v := parseValueText(text)
	if _, isString := v.(string); !isString && wantsText(t) {
		v = text
	}
	loc := &locator{lines: map[string]int{}, seq: map[string]int{}}
	return build(v, "", p, loc)
}

// wantsText reports whether t is written as a string: plain strings and
// text forms such as calendars, where "24/7" or a date-like text must not
// be read as a TOML value.
func wantsText(t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[Calendar](), reflect.TypeFor[Break](), reflect.TypeFor[Days](), reflect.TypeFor[Times]():
		return true
	}
	return t.Kind() == reflect.String
}

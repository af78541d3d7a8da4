package scenario

import "fmt"

// A variant may hold, besides the partial document it lays over the
// design, a list of overrides in the form -set takes and a list of keys to
// remove:
//
//	[variants.no_pause]
//	description = "..."
//	set = ["stages[1].recall=conversation"]
//	unset = ["roles.student.pause"]
//
// They reach what a partial document cannot: one key of one stage without
// restating the whole array, and the absence of an optional table (a
// mechanism switched off). Keys are removed first, then the overrides
// applied in order, after the variant is merged and before the command
// line's -set overrides.

// setKey and unsetKey are the keys of a variant's overrides.
const (
	setKey   = "set"
	unsetKey = "unset"
)

// variantSet is one override of a variant, with where it was written.
type variantSet struct {
	expr  string // key=value, or the key to remove
	unset bool
	key   string // variants.NAME.set[i]
	pos   pos
}

// apply applies the override to the tree root.
func (v variantSet) apply(root *node) *FieldError {
	if v.unset {
		return applyUnset(root, v.expr, v.pos)
	}
	return applySetAt(root, v.expr, v.pos)
}

// fail places a problem of the override in the scenario file.
func (v variantSet) fail(e *FieldError) *FieldError {
	msg := e.Msg
	if e.Key != "" {
		msg = e.Key + ": " + msg
	}
	return &FieldError{File: v.pos.file, Line: v.pos.line, Key: v.key, Value: v.expr, Msg: msg, Via: v.pos.via, Err: e.Err}
}

// variantSets takes the removals and overrides out of variant v (at key),
// returning them, removals first, and v without them; a malformed list is
// reported in errs.
func variantSets(v *node, key string, errs *errorList) ([]variantSet, *node) {
	var sets []variantSet
	for _, k := range []string{unsetKey, setKey} {
		n := v.get(k)
		if n == nil {
			continue
		}
		v = copyTable(v)
		v.del(k)
		sk := joinKey(key, k)
		want, example := "overrides \"key=value\"", "\"roles.hunter.headcount=5\""
		if k == unsetKey {
			want, example = "keys to remove", "\"roles.hunter.pause\""
		}
		if n.kind != arrayNode {
			*errs = append(*errs, &FieldError{File: n.pos.file, Line: n.pos.line, Key: sk, Value: n.describe(), Via: n.pos.via,
				Msg: fmt.Sprintf("want an array of %s, got %s", want, n.kindName())})
			continue
		}
		for i, e := range n.elems {
			ek := indexKey(sk, i)
			s, ok := e.val.(string)
			if e.kind != scalarNode || !ok {
				*errs = append(*errs, &FieldError{File: e.pos.file, Line: e.pos.line, Key: ek, Value: e.describe(), Via: e.pos.via,
					Msg: fmt.Sprintf("want one of %s such as %s, got %s %s", want, example, e.kindName(), e.describe())})
				continue
			}
			sets = append(sets, variantSet{expr: s, unset: k == unsetKey, key: ek, pos: e.pos})
		}
	}
	return sets, v
}

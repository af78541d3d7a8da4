package scenario

import "fmt"

// A variant may hold, besides the partial document it lays over the
// design, a list of overrides in the form -set takes:
//
//	[variants.no_recall]
//	description = "..."
//	set = ["stages[1].recall=conversation"]
//
// They reach what a partial document cannot without restating a whole
// array (one key of one stage). They are applied in order after the
// variant is merged and before the command line's -set overrides.

// setKey is the key of a variant's overrides.
const setKey = "set"

// variantSet is one override of a variant, with where it was written.
type variantSet struct {
	expr string
	key  string // variants.NAME.set[i]
	pos  pos
}

// fail places a problem of the override in the scenario file.
func (v variantSet) fail(e *FieldError) *FieldError {
	msg := e.Msg
	if e.Key != "" {
		msg = e.Key + ": " + msg
	}
	return &FieldError{File: v.pos.file, Line: v.pos.line, Key: v.key, Value: v.expr, Msg: msg, Via: v.pos.via, Err: e.Err}
}

// variantSets takes the overrides out of variant v (at key), returning
// them and v without them; a malformed list is reported in errs.
func variantSets(v *node, key string, errs *errorList) ([]variantSet, *node) {
	n := v.get(setKey)
	if n == nil {
		return nil, v
	}
	v = copyTable(v)
	v.del(setKey)
	sk := joinKey(key, setKey)
	if n.kind != arrayNode {
		*errs = append(*errs, &FieldError{File: n.pos.file, Line: n.pos.line, Key: sk, Value: n.describe(),
			Msg: fmt.Sprintf("want an array of overrides \"key=value\", got %s", n.kindName())})
		return nil, v
	}
	var sets []variantSet
	for i, e := range n.elems {
		ek := indexKey(sk, i)
		s, ok := e.val.(string)
		if e.kind != scalarNode || !ok {
			*errs = append(*errs, &FieldError{File: e.pos.file, Line: e.pos.line, Key: ek, Value: e.describe(),
				Msg: fmt.Sprintf("want an override \"key=value\" such as \"roles.hunter.headcount=5\", got %s %s", e.kindName(), e.describe())})
			continue
		}
		sets = append(sets, variantSet{expr: s, key: ek, pos: e.pos})
	}
	return sets, v
}

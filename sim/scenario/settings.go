package scenario

import (
	"reflect"
	"strings"
)

// A Setting is one key that -set takes, with its value in the design.
type Setting struct {
	// Key is the key as -set takes it: "roles.hunter.headcount",
	// "reorg[0].headcount.hunter", "stages[2].convert".
	Key string
	// Value is the value as TOML text ("5", "\"35%\"", "[1, 2]"); for a
	// key the design does not write, its default as the reference
	// gives it (Default is then true).
	Value   string
	Default bool
	// File and Line say where the value was written (Line 0: unknown);
	// File names a -set override if one set it.
	File string
	Line int
}

// Settings lists every key of the design that -set takes, with its
// current value (the design as loaded: includes, variant and overrides
// applied): each value written, and for the keys of the tables the design
// has, the keys it leaves out with their defaults. Tables and arrays the
// design does not have are not listed (set them whole: roles.x={...}).
// Keys come in the order of the format, the entries of named tables and
// arrays in the order written.
func (sc *Scenario) Settings() []Setting {
	if sc.tree == nil {
		return nil
	}
	var out []Setting
	settingsOf(reflect.TypeFor[Document](), sc.tree, "", nil, &out)
	return out
}

// settingsOf appends the settings of the value of type t written as n
// (nil: not written) at path; f is the field it is, if any, for its
// default.
func settingsOf(t reflect.Type, n *node, path string, f *field, out *[]Setting) {
	if t.Kind() == reflect.Pointer {
		if n == nil {
			return // an optional table the design does not have
		}
		t = t.Elem()
	}
	emit := func() {
		*out = append(*out, Setting{Key: path, Value: inlineText(n), File: n.pos.file, Line: n.pos.line})
	}
	switch {
	case n == nil:
		switch {
		case isScalarType(t) || wantsText(t):
			if f == nil {
				return
			}
			def := f.def
			if !f.hasDef {
				def = f.defDoc
			}
			if def == "" {
				def = "none"
			}
			*out = append(*out, Setting{Key: path, Value: def, Default: true})
		case t.Kind() == reflect.Struct && !t.Implements(namedType):
			for _, sf := range fieldsOf(t) {
				settingsOf(sf.typ, nil, joinKey(path, sf.key), &sf, out)
			}
		}
	case n.kind == scalarNode:
		emit()
	case t.Implements(namedType) && n.kind == tableNode:
		elem := t.Elem().Field(1).Type
		for _, k := range n.keys {
			settingsOf(elem, n.m[k], joinKey(path, k), nil, out)
		}
	case t.Kind() == reflect.Slice && n.kind == arrayNode:
		elem := t.Elem()
		if isScalarType(elem) || wantsText(elem) || elem.Kind() == reflect.Slice {
			emit()
			return
		}
		for i, e := range n.elems {
			settingsOf(elem, e, indexKey(path, i), nil, out)
		}
	case t.Kind() == reflect.Struct && n.kind == tableNode && !isScalarType(t):
		for _, sf := range fieldsOf(t) {
			if path == "" && (sf.key == "include" || sf.key == "variants" || sf.key == setKey || sf.key == unsetKey) {
				continue
			}
			settingsOf(sf.typ, n.get(sf.key), joinKey(path, sf.key), &sf, out)
		}
	default:
		emit()
	}
}

// inlineText writes a value as inline TOML.
func inlineText(n *node) string {
	switch n.kind {
	case tableNode:
		parts := make([]string, len(n.keys))
		for i, k := range n.keys {
			parts[i] = keySeg(k) + " = " + inlineText(n.m[k])
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case arrayNode:
		parts := make([]string, len(n.elems))
		for i, e := range n.elems {
			parts[i] = inlineText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return scalarText(n.val)
}

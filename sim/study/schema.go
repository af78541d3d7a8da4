package study

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

// Schema returns the JSON Schema (draft 2020-12) of experiment files,
// generated from the format's definition: editors that read `#:schema`
// (Taplo, Even Better TOML) complete and check the keys.
// scenarios/experiment.schema.json is this text.
func Schema() []byte {
	root := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/salesim/salesim/scenarios/experiment.schema.json",
		"title":       "salesim experiment file",
		"description": "A study over designs: the base design, the factors (keys that -set takes), the plan of points, the responses, and seek's objective and constraints. See EXPERIMENTS.md.",
	}
	for k, v := range object(fileSpec) {
		root[k] = v
	}
	// One of design and designs.
	root["oneOf"] = []any{
		map[string]any{"required": []string{"design"}},
		map[string]any{"required": []string{"designs"}},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(root) // maps of strings and numbers always encode
	return b.Bytes()
}

// object returns the schema of a table of keys sp.
func object(sp []spec) map[string]any {
	if len(sp) == 1 && sp[0].kind == kNumberMap {
		return map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "number", "description": sp[0].doc}}
	}
	props := map[string]any{}
	var req []string
	for _, s := range sp {
		props[s.key] = schemaOf(s)
		if s.req {
			req = append(req, s.key)
		}
	}
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(req) > 0 {
		o["required"] = req
	}
	return o
}

func schemaOf(s spec) map[string]any {
	var m map[string]any
	switch s.kind {
	case kString:
		m = map[string]any{"type": "string"}
		if len(s.enum) > 0 {
			m["enum"] = s.enum
		}
	case kInt:
		m = map[string]any{"type": "integer"}
	case kNumber:
		m = map[string]any{"type": "number"}
	case kBool:
		m = map[string]any{"type": "boolean"}
	case kStrings:
		m = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	case kNumbers:
		m = map[string]any{"type": "array", "items": map[string]any{"type": "number"}, "minItems": 1}
	case kTable:
		m = object(s.sub)
	case kTables:
		m = map[string]any{"type": "array", "items": object(s.sub)}
	}
	if s.max != nil {
		m["maximum"] = *s.max
	}
	if s.min != nil {
		m["minimum"] = *s.min
	}
	doc := s.doc
	if s.def != "" {
		doc += " (default: " + s.def + ")"
	}
	m["description"] = doc
	return m
}

// Reference returns the reference of experiment files in Markdown,
// generated from the format's definition: scenarios/EXPERIMENTS.md.
func Reference() []byte {
	var b strings.Builder
	b.WriteString(`# Experiment files

<!-- Generated from sim/study/spec.go by go test ./sim/study -run Golden -update; do not edit. -->

An experiment file is a strict TOML file that ` + "`salesim sweep`" + ` (and ` + "`seek`" + `,
` + "`sensitivity`" + `) read: the base design, the factors — keys that ` + "`-set`" + `
takes, listed by ` + "`salesim keys DESIGN`" + ` — the plan of points and the
responses. Unknown keys are refused; every problem is reported as one
error naming the file, the line and the key. The built-in experiments are
in ` + "`experiments/`" + ` (` + "`salesim sweep growth-staffing`" + `); editors check files
that start with ` + "`#:schema`" + ` and the path of ` + "`experiment.schema.json`" + `.

A factor whose ` + "`min`" + ` and ` + "`max`" + ` are written as integers (` + "`min = 0`" + `) is an
integer range; written as reals (` + "`min = 0.1`" + `, ` + "`max = 1.0`" + `) it is a real
range, which a factorial plan divides into ` + "`points`" + ` levels. Each
factor is checked when the file is read by applying its least and greatest
value to every base design, as ` + "`-set`" + ` would.

Replication *i* of every point draws from the random streams of (seed, *i*):
the points are compared on common random numbers.

| Key | Type | Default | Meaning |
|---|---|---|---|
`)
	var walk func(sp []spec, at string)
	walk = func(sp []spec, at string) {
		for _, s := range sp {
			key := s.key
			if at != "" {
				key = at + "." + s.key
			}
			def := s.def
			if s.req {
				def = "required"
			}
			doc := s.doc
			if len(s.enum) > 0 {
				doc += "; one of " + strings.Join(s.enum, ", ")
			}
			if s.min != nil {
				doc += fmt.Sprintf("; at least %g", *s.min)
			}
			if s.max != nil {
				doc += fmt.Sprintf("; at most %s", quantity.Count(*s.max))
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", key, kindName(s.kind), strings.ReplaceAll(def, "|", "\\|"), strings.ReplaceAll(doc, "|", "\\|"))
			if s.kind == kTables {
				walk(s.sub, "[["+key+"]]")
			} else if s.kind == kTable {
				walk(s.sub, key)
			}
		}
	}
	walk(fileSpec, "")
	return []byte(b.String())
}

func kindName(k kind) string {
	return [...]string{"string", "integer", "number", "boolean", "array of strings", "array of numbers", "table", "array of tables", "number"}[k]
}

package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/quantity"
)

// Patterns of the text forms, for the JSON Schema. They follow the parsers
// of sim/quantity closely enough to guide an editor; the loader has the
// last word.
const (
	numRE      = `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`
	unitRE     = `(seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d|weeks|week|wks|wk|w|months|month|mo|years|year|yrs|yr|y)`
	durationRE = `(\+?(` + numRE + ` *` + unitRE + ` *)+|[+-]?0*\.?0+)`
	amountRE   = `[+-]?\d[\d_` + " \u00a0\u202f" + `]*\.?\d*([eE][+-]?\d+)?\s*[kKMG]?`
	fractionRE = `[+-]?` + numRE + `\s*%?`
)

var (
	durationPattern = `^\s*` + durationRE + `\s*$`
	ratePattern     = `^\s*(every ` + durationRE + `|` + amountRE + `(\s*/\s*| per )(` + unitRE + `|` + durationRE + `)|[+-]?0*\.?0+)\s*$`
	fractionPattern = `^\s*` + fractionRE + `\s*$`
	amountPattern   = `^\s*` + amountRE + `\s*$`
	distPattern     = `^\s*([a-z]+\s*\(.*\)|` + durationRE + `|` + amountRE + `)\s*$`
)

// obj is a JSON object with its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type schemaGen struct {
	defs    obj
	defined map[reflect.Type]bool
	inArray map[reflect.Type]bool
}

// Schema returns the JSON Schema (draft 2020-12) of scenario files,
// generated from the struct tags of [Document]. It is shipped as
// scenarios/salesim.schema.json, for editors such as Taplo.
func Schema() []byte {
	g := &schemaGen{defined: map[reflect.Type]bool{}, inArray: map[reflect.Type]bool{}}
	g.markArrays(reflect.TypeFor[Document](), map[reflect.Type]bool{})
	root := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", "https://github.com/salesim/salesim/scenarios/salesim.schema.json"},
		{"title", "salesim scenario"},
		{"description", "A sales-organisation design for the salesim simulator. Generated from sim/scenario/types.go; do not edit."},
	}
	root = append(root, g.structBody(reflect.TypeFor[Document]())...)
	root = append(root, kv{"$defs", g.defs})
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic("scenario: schema: " + err.Error())
	}
	return append(b, '\n')
}

// markArrays records the struct types that are elements of arrays: their
// required keys are required in the schema (an array is replaced whole, so
// every element is complete in the file that writes it).
func (g *schemaGen) markArrays(t reflect.Type, seen map[reflect.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	for _, f := range fieldsOf(t) {
		ft := f.typ
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft.Implements(namedType):
			if et := ft.Elem().Field(1).Type; isTable(et) {
				g.markArrays(et, seen)
			}
		case ft.Kind() == reflect.Slice:
			if et := ft.Elem(); isTable(et) {
				g.inArray[et] = true
				g.markArrays(et, seen)
			}
		case isTable(ft):
			g.markArrays(ft, seen)
		}
	}
}

// isTable reports whether t is written as a TOML table.
func isTable(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t != distType && !implements(t, scalarType) && !implements(t, nodeDecType)
}

func (g *schemaGen) structBody(t reflect.Type) obj {
	var props obj
	var req []string
	for i := range fieldsOf(t) {
		f := &fieldsOf(t)[i]
		s := g.fieldSchema(f)
		props = append(props, kv{f.key, s})
		if f.req {
			req = append(req, f.key)
		}
	}
	o := obj{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if g.inArray[t] && len(req) > 0 {
		o = append(o, kv{"required", req})
	}
	return o
}

// fieldSchema is the schema of a field with its description and default.
func (g *schemaGen) fieldSchema(f *field) obj {
	s := g.typeSchema(f.typ, f)
	desc := f.doc
	switch {
	case f.hasDef:
		desc += fmt.Sprintf(". Default: %s", defaultText(f.def))
	case f.defDoc != "":
		desc += ". Default: " + f.defDoc
	}
	if f.req {
		desc += ". Required"
	}
	out := obj{{"description", desc}}
	if f.hasDef {
		out = append(out, kv{"default", parseValueText(f.def)})
	}
	return append(out, s...)
}

func defaultText(def string) string {
	if def == "" {
		return `""`
	}
	return def
}

// typeSchema is the schema of a value of type t; f supplies range, enum,
// unit and length.
func (g *schemaGen) typeSchema(t reflect.Type, f *field) obj {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	num := func(typ string) obj {
		o := obj{{"type", typ}}
		if f != nil && f.rng != nil {
			r := f.rng
			if r.hasLo {
				if r.loOpen {
					o = append(o, kv{"exclusiveMinimum", r.lo})
				} else {
					o = append(o, kv{"minimum", r.lo})
				}
			}
			if r.hasHi {
				if r.hiOpen {
					o = append(o, kv{"exclusiveMaximum", r.hi})
				} else {
					o = append(o, kv{"maximum", r.hi})
				}
			}
		}
		return o
	}
	str := func(pattern string) obj { return obj{{"type", "string"}, {"pattern", pattern}} }
	switch t {
	case reflect.TypeFor[Duration]():
		return obj{{"anyOf", []any{str(durationPattern), obj{{"const", 0}}}}}
	case reflect.TypeFor[Rate]():
		return obj{{"anyOf", []any{str(ratePattern), obj{{"const", 0}}}}}
	case fractionType:
		return obj{{"anyOf", []any{str(fractionPattern), num("number")}}}
	case reflect.TypeFor[Money]():
		return obj{{"anyOf", []any{str(amountPattern), num("number")}}}
	case reflect.TypeFor[Calendar](), reflect.TypeFor[Break](), reflect.TypeFor[Days](), reflect.TypeFor[Times]():
		return obj{{"type", "string"}}
	case reflect.TypeFor[Every]():
		return obj{{"anyOf", []any{obj{{"const", "need"}}, str(durationPattern)}}}
	case reflect.TypeFor[Baseline]():
		return obj{{"anyOf", []any{obj{{"const", "auto"}}, str(amountPattern), obj{{"type", "number"}, {"exclusiveMinimum", 0}}}}}
	case reflect.TypeFor[DecayPoint]():
		return obj{{"type", "array"}, {"prefixItems", []any{
			obj{{"anyOf", []any{str(durationPattern), obj{{"const", 0}}}}},
			obj{{"type", "number"}, {"minimum", 0}},
		}}, {"minItems", 2}, {"maxItems", 2}}
	case distType:
		if f != nil && f.unit == "amount" {
			return obj{{"anyOf", []any{str(distPattern), obj{{"type", "number"}, {"minimum", 0}}}}}
		}
		return obj{{"anyOf", []any{str(distPattern), obj{{"const", 0}}}}}
	}
	if t.Implements(namedType) {
		et := t.Elem().Field(1).Type
		if t == reflect.TypeFor[Named[Document]]() {
			return obj{{"type", "object"}, {"additionalProperties", obj{{"$ref", "#"}}}}
		}
		return obj{{"type", "object"}, {"additionalProperties", g.typeSchema(et, f)}}
	}
	switch t.Kind() {
	case reflect.String:
		if f != nil && f.enum != nil {
			return obj{{"type", "string"}, {"enum", f.enum}}
		}
		return obj{{"type", "string"}}
	case reflect.Bool:
		return obj{{"type", "boolean"}}
	case reflect.Int, reflect.Int64:
		return num("integer")
	case reflect.Float64:
		return num("number")
	case reflect.Slice:
		items := g.typeSchema(t.Elem(), f)
		arr := obj{{"type", "array"}, {"items", items}}
		if f != nil && f.length > 0 {
			arr = append(arr, kv{"minItems", f.length}, kv{"maxItems", f.length})
		}
		if t.Elem().Kind() == reflect.String {
			return obj{{"anyOf", []any{items, arr}}}
		}
		return arr
	case reflect.Struct:
		name := t.Name()
		if !g.defined[t] {
			g.defined[t] = true
			i := len(g.defs)
			g.defs = append(g.defs, kv{name, nil})
			g.defs[i].v = g.structBody(t)
		}
		return obj{{"$ref", "#/$defs/" + name}}
	}
	panic("scenario: schema: unsupported type " + t.String())
}

// Reference returns the Markdown reference of every key of a scenario
// file, generated from the struct tags of [Document]. It is shipped as
// scenarios/REFERENCE.md.
func Reference() []byte {
	var b bytes.Buffer
	b.WriteString(referenceIntro)
	fmt.Fprintf(&b, includesAndLimits, sizeText(MaxFileSize), sizeText(MaxTotalSize), MaxFiles, MaxNesting, MaxKeyLen, MaxValues, MaxProblems,
		quantity.Count(org.MaxReplications), quantity.Count(org.MaxPeople), quantity.Count(org.MaxContacts), quantity.Count(org.MaxAccounts), org.MaxYears, strconv.FormatFloat(org.MaxMoney, 'g', -1, 64))
	top := reflect.TypeFor[Document]()
	var scalars []*field
	for i := range fieldsOf(top) {
		f := &fieldsOf(top)[i]
		if !hasKeys(f.typ) || f.key == "variants" || f.key == "include" {
			scalars = append(scalars, f)
		}
	}
	b.WriteString("\n## Top level\n\n")
	tableHead(&b)
	for _, f := range scalars {
		row(&b, f.key, f)
	}
	for i := range fieldsOf(top) {
		f := &fieldsOf(top)[i]
		if !hasKeys(f.typ) || f.key == "variants" || f.key == "include" {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n", f.key, upperFirst(f.doc))
		tableHead(&b)
		refKeys(&b, f.key, f)
	}
	return b.Bytes()
}

const referenceIntro = `# Scenario file reference

Generated from the Go types in sim/scenario/types.go (` + "`salesim schema -reference`" + `); do not edit.
The JSON Schema in salesim.schema.json is generated from the same types.

A scenario is a TOML file. Names of roles, activities, databases and inbound
streams are table keys (` + "`[roles.hunter]`" + `); the order of the tables in the file
is kept. In the paths below, ` + "`<name>`" + ` stands for such a key and ` + "`[]`" + ` for an
element of an array of tables (` + "`[[stages]]`" + `).

Value types:

- **duration**: a string with a unit: ` + "`\"15m\"`, `\"4h\"`, `\"1.5h\"`, `\"70d\"`, `\"2w\"`, `\"12mo\"`, `\"1y\"`, `\"1h30m\"`, `\"10 minutes\"`" + `
  (units s, m, h, d, w, mo = 730 h, y = 8760 h, or their names: minutes, hours, days, weeks,
  months, years). A bare number is an error, except 0.
- **rate**: a count per unit of time: ` + "`\"12/h\"`, `\"3/day\"`, `\"40/week\"`, `\"40 per week\"`, `\"100/mo\"`, `\"every 2d\"`" + `.
- **fraction**: a percentage string ` + "`\"10%\"`" + `, or the fraction itself as a number or
  string (` + "`0.1`" + `). A bare number is never a percentage: ` + "`3.5`" + ` is 350%. Ranges
  are given as fractions: [0, 1] is 0% to 100%.
- **amount**: money or another quantity: a number, or a string with an optional
  k, M or G suffix: ` + "`150000`, `\"150k\"`, `\"1.2M\"`" + `.
- **distribution**: text such as ` + "`\"exp(mean=4h)\"`, `\"lognormal(median=70d, p90=180d)\"`" + `,
  ` + "`\"lognormal(mean=60k, top20=0.67)\"`, `\"triangular(min=1h, mode=2h, max=5h)\"`, `\"const(1h)\"`" + `,
  ` + "`\"empirical(1h, 2h, 4h)\"`" + `; a bare value such as ` + "`\"4h\"`" + ` is a constant. A time
  distribution needs units on its values. An empirical distribution draws one of
  its values, all equally likely unless weighted: ` + "`\"empirical(1h:1, 2h:3, 4h:2)\"`" + `
  draws 2h half the time.
- **calendar**: day groups separated by ` + "`;`" + `, each days then time spans:
  ` + "`\"Mon-Fri 09:00-18:00\"`, `\"Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00\"`" + `,
  ` + "`\"Mon,Wed 10:00-14:00\"`, `\"daily 08:00-20:00\"`, `\"24/7\"`" + `. Days are Mon..Sun, ranges,
  lists, daily, weekdays, weekends; times HH:MM from 00:00 to 24:00. A group with
  no times is the whole day.

Overrides on the command line (` + "`-set key=value`" + `) use the same paths with names
filled in: ` + "`roles.hunter.headcount=5`, `stages[2].convert=5%`" + `.
`

func tableHead(b *bytes.Buffer) {
	b.WriteString("| Key | Type | Default | Meaning |\n|---|---|---|---|\n")
}

func row(b *bytes.Buffer, path string, f *field) {
	def := "—"
	switch {
	case f.req:
		def = "required"
	case f.hasDef:
		def = "`" + defaultText(f.def) + "`"
	case f.defDoc != "":
		def = "*" + mdEscape(f.defDoc) + "*"
	}
	fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", path, refType(f.typ, f), def, mdEscape(f.doc))
}

// refKeys writes the rows of the keys under a table-valued field.
func refKeys(b *bytes.Buffer, path string, f *field) {
	t := f.typ
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Implements(namedType):
		et := t.Elem().Field(1).Type
		if !isTable(et) {
			row(b, path+".<"+f.keyName+">", f)
			return
		}
		path += ".<" + f.keyName + ">"
		t = et
	case t.Kind() == reflect.Slice && isTable(t.Elem()):
		path += "[]"
		t = t.Elem()
	}
	for i := range fieldsOf(t) {
		sf := &fieldsOf(t)[i]
		p := path + "." + sf.key
		if hasKeys(sf.typ) {
			ft := sf.typ
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Implements(namedType) && !isTable(ft.Elem().Field(1).Type) {
				row(b, p+".<"+sf.keyName+">", sf)
				continue
			}
			row(b, p, sf)
			refKeys(b, p, sf)
			continue
		}
		row(b, p, sf)
	}
}

// hasKeys reports whether values of t have keys of their own: tables,
// named tables and arrays of tables.
func hasKeys(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Implements(namedType):
		return true
	case t.Kind() == reflect.Slice:
		return isTable(t.Elem())
	}
	return isTable(t)
}

// refType describes a type for the reference.
func refType(t reflect.Type, f *field) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	rng := ""
	if f != nil && f.rng != nil {
		rng = " " + strings.ReplaceAll(f.rng.describe(false), ">= ", "≥ ")
		rng = strings.ReplaceAll(rng, "<= ", "≤ ")
	}
	switch t {
	case reflect.TypeFor[Duration]():
		return "duration" + rng
	case reflect.TypeFor[Rate]():
		return "rate" + rng
	case fractionType:
		return "fraction" + rng
	case reflect.TypeFor[Money]():
		return "amount" + rng
	case reflect.TypeFor[Calendar]():
		return "calendar"
	case reflect.TypeFor[Break]():
		return "calendar, days optional"
	case reflect.TypeFor[Days]():
		return "days (`Mon`, `Tue-Fri`)"
	case reflect.TypeFor[Times]():
		return "time spans (`09:00-09:20`)"
	case reflect.TypeFor[Every]():
		return "duration or `\"need\"`"
	case reflect.TypeFor[Baseline]():
		return "amount or `\"auto\"`"
	case reflect.TypeFor[DecayPoint]():
		return "[duration, number]"
	case distType:
		if f != nil && f.unit == "amount" {
			return "distribution of amounts"
		}
		return "distribution of durations"
	}
	if t.Implements(namedType) {
		et := t.Elem().Field(1).Type
		if isTable(et) {
			return "table per " + f.keyName
		}
		return refType(et, f) + " per " + f.keyName
	}
	switch t.Kind() {
	case reflect.String:
		if f != nil && f.enum != nil {
			q := make([]string, len(f.enum))
			for i, e := range f.enum {
				q[i] = "`" + e + "`"
			}
			return "one of " + strings.Join(q, ", ")
		}
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int64:
		return "integer" + rng
	case reflect.Float64:
		return "number" + rng
	case reflect.Slice:
		et := t.Elem()
		n := ""
		if f != nil && f.length > 0 {
			n = fmt.Sprintf(" of %d", f.length)
		}
		if isTable(et) {
			return "array of tables"
		}
		inner := refType(et, f)
		if et.Kind() == reflect.String {
			return "array" + n + " of " + inner + " (or one " + inner + ")"
		}
		return "array" + n + " of " + inner
	}
	return "table"
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

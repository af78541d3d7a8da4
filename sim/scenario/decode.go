package scenario

import (
	"cmp"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/quantity"
)

// field describes one key of a TOML-facing struct, from its tags.
type field struct {
	index   int
	key     string
	typ     reflect.Type
	doc     string
	def     string
	hasDef  bool
	defDoc  string // the default in words
	keyName string // what the keys of a named table name
	req     bool
	partial bool // the value is a partial document: required keys are not checked
	unit    string
	enum    []string
	length  int
	rng     *valueRange
}

// valueRange is a parsed range tag.
type valueRange struct {
	lo, hi         float64
	hasLo, hasHi   bool
	loOpen, hiOpen bool
}

func parseRange(s string) *valueRange {
	if len(s) < 3 {
		panic("scenario: bad range tag " + s)
	}
	r := &valueRange{loOpen: s[0] == '(', hiOpen: s[len(s)-1] == ')'}
	lo, hi, ok := strings.Cut(s[1:len(s)-1], ",")
	if !ok {
		panic("scenario: bad range tag " + s)
	}
	var err error
	if lo = strings.TrimSpace(lo); lo != "" {
		r.hasLo = true
		if r.lo, err = strconv.ParseFloat(lo, 64); err != nil {
			panic("scenario: bad range tag " + s)
		}
	}
	if hi = strings.TrimSpace(hi); hi != "" {
		r.hasHi = true
		if r.hi, err = strconv.ParseFloat(hi, 64); err != nil {
			panic("scenario: bad range tag " + s)
		}
	}
	return r
}

// describe says what the range allows; pct writes the bounds as
// percentages.
func (r *valueRange) describe(pct bool) string {
	f := quantity.Number
	if pct {
		f = quantity.Percent
	}
	lo, hi := ">= ", "<= "
	if r.loOpen {
		lo = "> "
	}
	if r.hiOpen {
		hi = "< "
	}
	switch {
	case r.hasLo && r.hasHi && !r.loOpen && !r.hiOpen:
		return "from " + f(r.lo) + " to " + f(r.hi)
	case r.hasLo && r.hasHi:
		return lo + f(r.lo) + " and " + hi + f(r.hi)
	case r.hasLo:
		return lo + f(r.lo)
	case r.hasHi:
		return hi + f(r.hi)
	}
	return "any number"
}

var fieldCache sync.Map // reflect.Type -> []field

// fieldsOf returns the keys of a TOML-facing struct type.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := sf.Tag.Get("toml")
		if key == "" || key == "-" || !sf.IsExported() {
			continue
		}
		f := field{
			index:   i,
			key:     key,
			typ:     sf.Type,
			doc:     sf.Tag.Get("doc"),
			req:     sf.Tag.Get("req") == "true",
			partial: sf.Tag.Get("partial") == "true" || key == "variants",
			unit:    sf.Tag.Get("unit"),
		}
		f.def, f.hasDef = sf.Tag.Lookup("default")
		f.defDoc = sf.Tag.Get("defdoc")
		f.keyName = cmp.Or(sf.Tag.Get("keyname"), "name")
		if e := sf.Tag.Get("enum"); e != "" {
			f.enum = strings.Split(e, "|")
		}
		if l := sf.Tag.Get("len"); l != "" {
			f.length, _ = strconv.Atoi(l)
		}
		if r := sf.Tag.Get("range"); r != "" {
			f.rng = parseRange(r)
		}
		fs = append(fs, f)
	}
	fieldCache.Store(t, fs)
	return fs
}

func fieldByKey(fs []field, k string) *field {
	for i := range fs {
		if fs[i].key == k {
			return &fs[i]
		}
	}
	return nil
}

func keysOf(fs []field) []string {
	ks := make([]string, len(fs))
	for i, f := range fs {
		ks[i] = f.key
	}
	return ks
}

var (
	distType     = reflect.TypeFor[dist.Dist]()
	namedType    = reflect.TypeFor[namedTable]()
	scalarType   = reflect.TypeFor[scalarDecoder]()
	nodeDecType  = reflect.TypeFor[nodeDecoder]()
	fractionType = reflect.TypeFor[Fraction]()
)

// A nodeDecoder decodes itself from a node of any kind, reporting problems
// to d.
type nodeDecoder interface {
	decodeNode(d *decoder, n *node, key string)
}

// A decoder decodes a merged tree into a TOML-facing struct strictly: it
// reports unknown keys, values of the wrong type or out of range, and
// missing required keys, and it records where each key was written.
type decoder struct {
	errs    errorList
	where   map[string]pos
	failed  map[string]bool    // keys with a problem
	bare    map[string]float64 // fractions written as bare numbers
	partial bool
}

func newDecoder() *decoder {
	return &decoder{where: map[string]pos{}, failed: map[string]bool{}, bare: map[string]float64{}}
}

// fail reports a problem with the value n at key.
func (d *decoder) fail(n *node, key, format string, args ...any) {
	d.failed[key] = true
	value := ""
	if n.kind == scalarNode {
		value = n.describe()
	}
	d.errs.add(n.pos, key, value, nil, format, args...)
}

// decodeStruct decodes table n into the struct v.
func (d *decoder) decodeStruct(n *node, v reflect.Value, key string) {
	if n.kind != tableNode {
		d.fail(n, key, "want a table, got %s %s", n.kindName(), n.describe())
		return
	}
	fs := fieldsOf(v.Type())
	for _, k := range n.keys {
		c := n.m[k]
		ck := joinKey(key, k)
		f := fieldByKey(fs, k)
		if f == nil {
			d.unknown(c, ck, k, keysOf(fs))
			continue
		}
		d.decodeValue(c, v.Field(f.index), ck, f)
	}
	for i := range fs {
		f := &fs[i]
		if _, ok := n.m[f.key]; ok {
			continue
		}
		fk := joinKey(key, f.key)
		switch {
		case f.req && !d.partial:
			d.failed[fk] = true
			d.errs.add(n.pos, fk, "", nil, "missing: the key %s is required", f.key)
		case f.hasDef:
			dn := &node{kind: scalarNode, pos: n.pos, val: defaultValue(f.def)}
			d.decodeValue(dn, v.Field(f.index), fk, f)
			delete(d.where, fk) // where records only keys that were written
		case f.typ.Kind() == reflect.Struct && f.typ != distType && !implements(f.typ, scalarType) && !implements(f.typ, nodeDecType):
			d.decodeStruct(newTable(n.pos), v.Field(f.index), fk)
		}
	}
}

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || reflect.PointerTo(t).Implements(iface)
}

func (d *decoder) unknown(n *node, key, k string, allowed []string) {
	if s := suggest(k, allowed); s != "" {
		d.fail(n, key, "unknown key%s", s)
		return
	}
	d.fail(n, key, "unknown key; allowed here: %s", strings.Join(allowed, ", "))
}

// decodeValue decodes n into v, which is described by f.
func (d *decoder) decodeValue(n *node, v reflect.Value, key string, f *field) {
	d.where[key] = n.pos
	t := v.Type()
	if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
		nd.decodeNode(d, n, key)
		return
	}
	if sd, ok := v.Addr().Interface().(scalarDecoder); ok {
		if n.kind != scalarNode {
			d.fail(n, key, "want %s, got %s %s", typeDesc(t), n.kindName(), n.describe())
			return
		}
		if err := sd.decodeScalar(n.val); err != nil {
			if err == errWant {
				d.fail(n, key, "want %s, got %s %s", typeDesc(t), n.kindName(), n.describe())
			} else {
				d.fail(n, key, "%v", err)
			}
			return
		}
		d.noteBare(n, v, key)
		return
	}
	if t == distType {
		d.decodeDist(n, v, key, f)
		return
	}
	if t.Implements(namedType) {
		d.decodeNamed(n, v, key, f)
		return
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := n.val.(string)
		if n.kind != scalarNode || !ok {
			d.fail(n, key, "want a string, got %s %s", n.kindName(), n.describe())
			return
		}
		if f != nil && f.enum != nil && !contains(f.enum, s) {
			d.fail(n, key, "%q is not allowed: want %s%s", s, quoteList(f.enum), suggest(s, f.enum))
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := n.val.(bool)
		if n.kind != scalarNode || !ok {
			d.fail(n, key, "want true or false, got %s %s", n.kindName(), n.describe())
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		i, ok := n.val.(int64)
		if n.kind != scalarNode || !ok {
			d.fail(n, key, "want an integer, got %s %s", n.kindName(), n.describe())
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		if n.kind != scalarNode {
			d.fail(n, key, "want a number, got %s %s", n.kindName(), n.describe())
			return
		}
		switch x := n.val.(type) {
		case int64, float64:
			v.SetFloat(toFloat(x))
		default:
			d.fail(n, key, "want a number, got %s %s", n.kindName(), n.describe())
			return
		}
	case reflect.Slice:
		d.decodeSlice(n, v, key, f)
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		d.decodeValue(n, p.Elem(), key, f)
		v.Set(p)
	case reflect.Struct:
		d.decodeStruct(n, v, key)
	default:
		panic("scenario: unsupported field type " + t.String())
	}
}

func (d *decoder) decodeSlice(n *node, v reflect.Value, key string, f *field) {
	t := v.Type()
	elems := n.elems
	if n.kind == scalarNode && t.Elem().Kind() == reflect.String {
		// A single string stands for a list of one.
		elems = []*node{n}
	} else if n.kind != arrayNode {
		d.fail(n, key, "want an array of %s, got %s %s", typeDesc(t.Elem()), n.kindName(), n.describe())
		return
	}
	if f != nil && f.length > 0 && len(elems) != f.length {
		d.fail(n, key, "want %d values, got %d", f.length, len(elems))
		return
	}
	s := reflect.MakeSlice(t, len(elems), len(elems))
	for i, e := range elems {
		ek := indexKey(key, i)
		if n.kind == scalarNode {
			ek = key
		}
		d.decodeValue(e, s.Index(i), ek, f)
	}
	v.Set(s)
}

func (d *decoder) decodeNamed(n *node, v reflect.Value, key string, f *field) {
	if n.kind != tableNode {
		d.fail(n, key, "want a table of named entries, got %s %s", n.kindName(), n.describe())
		return
	}
	partial := d.partial
	if f != nil && f.partial {
		d.partial = true
	}
	s := reflect.MakeSlice(v.Type(), len(n.keys), len(n.keys))
	for i, k := range n.keys {
		e := s.Index(i)
		e.Field(0).SetString(k)
		d.decodeValue(n.m[k], e.Field(1), joinKey(key, k), f)
	}
	d.partial = partial
	v.Set(s)
}

func (d *decoder) decodeDist(n *node, v reflect.Value, key string, f *field) {
	if n.kind != scalarNode {
		d.fail(n, key, "want a distribution such as \"exp(mean=4h)\", got %s %s", n.kindName(), n.describe())
		return
	}
	var text string
	switch x := n.val.(type) {
	case string:
		text = x
	case int64, float64:
		if f != nil && f.unit == "time" && toFloat(x) != 0 {
			d.fail(n, key, "a bare number has no time unit: write a duration such as \"%sh\" or a distribution such as \"exp(mean=%sh)\"", scalarText(x), scalarText(x))
			return
		}
		text = scalarText(x)
	default:
		d.fail(n, key, "want a distribution such as \"exp(mean=4h)\", got %s %s", n.kindName(), n.describe())
		return
	}
	dd, err := dist.Parse(text)
	if err != nil {
		d.fail(n, key, "%v", trimDist(err))
		return
	}
	if f != nil {
		switch {
		case f.unit == "time" && dd.Unit() != dist.Time && dd.Mean() != 0:
			d.fail(n, key, "%q has no time unit: write its values with units, such as exp(mean=5m) or lognormal(median=70d, p90=180d)", text)
			return
		case f.unit == "amount" && dd.Unit() == dist.Time:
			d.fail(n, key, "%q is a duration: want amounts, such as lognormal(mean=60k, top20=0.67)", text)
			return
		}
	}
	v.Set(reflect.ValueOf(dd))
}

// noteBare records a fraction written as a bare number rather than a
// percentage, so that a rule's error about it can say how to write one.
// Ranges are the model's rules: org.Config.Validate checks them; the range
// tags document them in the schema and the reference (a test checks that
// the two agree).
func (d *decoder) noteBare(n *node, v reflect.Value, key string) {
	if v.Type() != fractionType {
		return
	}
	if _, text := n.val.(string); !text {
		d.bare[key] = v.Float()
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// typeDesc names a TOML-facing type for messages and the reference.
func typeDesc(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case reflect.TypeFor[Duration]():
		return "a duration such as \"4h\" or \"70d\""
	case reflect.TypeFor[Rate]():
		return "a rate such as \"12/h\" or \"3/day\""
	case fractionType:
		return "a fraction such as \"10%\" or 0.1"
	case reflect.TypeFor[Money]():
		return "an amount such as 150000 or \"150k\""
	case reflect.TypeFor[Calendar]():
		return "calendar text such as \"Mon-Fri 09:00-18:00\""
	case reflect.TypeFor[Break]():
		return "calendar text such as \"13:00-14:00\" or \"Mon-Fri 13:00-14:00\""
	case reflect.TypeFor[Days]():
		return "days such as \"Mon-Fri\""
	case reflect.TypeFor[Times]():
		return "time spans such as \"09:00-09:20\""
	case reflect.TypeFor[Every]():
		return "a duration such as \"30d\" or \"need\""
	case reflect.TypeFor[Baseline]():
		return "an amount or \"auto\""
	case distType:
		return "a distribution such as \"exp(mean=4h)\""
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Implements(namedType) {
			return "a table"
		}
		return "an array"
	}
	return "a table"
}

package dist

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

const specHelp = "want a value such as 4h or 15000, or a distribution such as exp(mean=4h)"

// Parse parses a distribution spec: a bare value ("4h", "15000", "150k"),
// which is a constant, or a family name with parameters in parentheses,
// given by name ("exp(mean=4h)") or, for some families, by position
// ("uniform(1h, 3h)"). The package documentation lists the families and
// their parameters. Values with time units are converted to hours and make
// a [Time] distribution; plain values make a [None] one; a spec may not mix
// the two. Errors quote the spec and name the family, the parameter, its
// value and the allowed range.
func Parse(s string) (Dist, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Dist{}, errors.New("dist: empty spec: " + specHelp)
	}
	open := strings.IndexByte(t, '(')
	if open < 0 {
		if strings.IndexByte(t, ')') >= 0 {
			return Dist{}, specErrorf(t, "unexpected \")\" without \"(\"")
		}
		return parseBare(t)
	}
	name := strings.ToLower(strings.TrimSpace(t[:open]))
	if name == "" {
		return Dist{}, specErrorf(t, "missing distribution name before \"(\", as in exp(mean=4h)")
	}
	if !isIdent(name) {
		return Dist{}, specErrorf(t, "invalid distribution name %q: %s", t[:open], specHelp)
	}
	fs := lookupFamily(name)
	if fs == nil {
		return Dist{}, specErrorf(t, "unknown distribution %q%s; known: %s", name, didYouMean(name, familyNames()), knownFamilies)
	}
	body := t[open+1:]
	end := strings.IndexByte(body, ')')
	switch {
	case end < 0:
		return Dist{}, specErrorf(t, "missing \")\"")
	case strings.IndexByte(body[:end], '(') >= 0:
		return Dist{}, specErrorf(t, "unexpected \"(\" inside the parameters of %s", fs.name)
	case end != len(body)-1:
		return Dist{}, specErrorf(t, "unexpected text %q after \")\"", body[end+1:])
	}
	a := &args{spec: t, fs: fs, vals: make(map[string]string)}
	if err := a.split(body[:end]); err != nil {
		return Dist{}, err
	}
	d, err := fs.build(a)
	if err != nil {
		return Dist{}, err
	}
	if m := d.Mean(); math.IsInf(m, 0) || math.IsNaN(m) {
		return Dist{}, a.errf("%s has an infinite mean with these parameters", fs.name)
	}
	return d, nil
}

// parseBare parses a spec without parentheses: a constant.
func parseBare(t string) (Dist, error) {
	if strings.IndexByte(t, '/') >= 0 || strings.HasPrefix(t, "every ") {
		return Dist{}, specErrorf(t, "a rate is not a distribution: write exp(rate=%s) for exponential gaps at that rate", t)
	}
	v, k, err := quantity.ParseValue(t)
	if err != nil {
		if name := strings.ToLower(t); isIdent(name) {
			if fs := lookupFamily(name); fs != nil {
				return Dist{}, specErrorf(t, "%s needs parameters, as in %s", fs.name, fs.example)
			}
			if sug := didYouMean(name, familyNames()); sug != "" {
				return Dist{}, specErrorf(t, "unknown distribution %q%s", name, sug)
			}
		}
		if c := t[0]; '0' <= c && c <= '9' || c == '.' || c == '-' || c == '+' {
			return Dist{}, fmt.Errorf("dist: %v", err) // the error quotes the value
		}
		return Dist{}, specErrorf(t, "%v; %s", err, specHelp)
	}
	if v < 0 {
		return Dist{}, specErrorf(t, "negative value: values must be >= 0")
	}
	if k == quantity.KindTime {
		return mkConst(v, Time), nil
	}
	return mkConst(v, None), nil
}

func specErrorf(spec, format string, v ...any) error {
	return fmt.Errorf("dist: %q: %s", spec, fmt.Sprintf(format, v...))
}

// isIdent reports whether s is a lower-case name: a letter followed by
// letters, digits or underscores.
func isIdent(s string) bool {
	if s == "" || !('a' <= s[0] && s[0] <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// args holds the parameters of one spec while a family builds from them.
type args struct {
	spec string
	fs   *familySpec
	vals map[string]string // parameter name → value as written
	list []string          // positional values of empirical, as written

	kind    quantity.Kind // KindTime or KindPlain once a value has fixed it
	kindArg string        // the argument that fixed kind, for messages
}

// split fills a from the text between the parentheses.
func (a *args) split(body string) error {
	if strings.TrimSpace(body) == "" {
		return a.errf("%s needs parameters, as in %s", a.fs.name, a.fs.example)
	}
	name, named, pos := a.fs.name, false, 0
	for part := range strings.SplitSeq(body, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			return a.errf("empty parameter: a stray comma?")
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			if a.fs.fam == famEmpirical {
				a.list = append(a.list, part)
				continue
			}
			if named {
				return a.errf("%s: positional value %q after a named parameter", name, part)
			}
			if len(a.fs.positional) == 0 {
				return a.errf("%s takes named parameters, as in %s", name, a.fs.example)
			}
			if pos == len(a.fs.positional) {
				return a.errf("%s takes at most %d positional values (%s)", name, pos, strings.Join(a.fs.positional, ", "))
			}
			a.vals[a.fs.positional[pos]] = part
			pos++
			continue
		}
		if a.fs.fam == famEmpirical {
			return a.errf("empirical takes values, as in %s, not key=value", a.fs.example)
		}
		named = true
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !a.fs.allows(k) {
			return a.errf("%s has no parameter %q%s; it takes %s", name, k, didYouMean(k, a.fs.keys), a.fs.keyHelp())
		}
		if v == "" {
			return a.errf("%s %s= has no value", name, k)
		}
		if _, dup := a.vals[k]; dup {
			return a.errf("%s %s given twice", name, k)
		}
		a.vals[k] = v
	}
	return nil
}

func (a *args) errf(format string, v ...any) error {
	return specErrorf(a.spec, format, v...)
}

func (a *args) has(key string) bool { _, ok := a.vals[key]; return ok }

// arg returns "key=value" as written, for messages.
func (a *args) arg(key string) string { return key + "=" + a.vals[key] }

// unit returns the unit fixed by the values parsed so far.
func (a *args) unit() Unit {
	if a.kind == quantity.KindTime {
		return Time
	}
	return None
}

// note records that the value described by label was of kind k and reports
// mixed units.
func (a *args) note(label string, k quantity.Kind) error {
	switch {
	case k == quantity.KindZero:
	case a.kind == quantity.KindZero:
		a.kind, a.kindArg = k, label
	case a.kind != k:
		timeArg, plainArg := a.kindArg, label
		if k == quantity.KindTime {
			timeArg, plainArg = label, a.kindArg
		}
		return fmt.Errorf("dist: mixed units in %q: %s has a time unit but %s has none; give every value a time unit or none", a.spec, timeArg, plainArg)
	}
	return nil
}

// require reports the first of keys that is missing.
func (a *args) require(keys ...string) error {
	for _, k := range keys {
		if !a.has(k) {
			return a.errf("%s needs %s, as in %s", a.fs.name, k, a.fs.example)
		}
	}
	return nil
}

// oneOf returns the one of keys that is given, and an error if none or
// more than one is.
func (a *args) oneOf(keys ...string) (string, error) {
	var found []string
	for _, k := range keys {
		if a.has(k) {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return "", a.errf("%s needs %s, as in %s", a.fs.name, orList(keys), a.fs.example)
	case 1:
		return found[0], nil
	}
	return "", a.errf("%s takes %s, not both %s and %s", a.fs.name, orList(keys), found[0], found[1])
}

// value parses a parameter that carries the unit of the distribution.
func (a *args) value(key string) (float64, error) {
	v, k, err := quantity.ParseValue(a.vals[key])
	if err != nil {
		return 0, a.errf("%s %s: %v", a.fs.name, a.arg(key), err)
	}
	return v, a.note(a.arg(key), k)
}

// positive is value with a check that the value is > 0.
func (a *args) positive(key string) (float64, error) {
	v, err := a.value(key)
	if err == nil && !(v > 0) {
		err = a.errf("%s %s must be > 0", a.fs.name, a.arg(key))
	}
	return v, err
}

// nonNegative is value with a check that the value is >= 0.
func (a *args) nonNegative(key string) (float64, error) {
	v, err := a.value(key)
	if err == nil && !(v >= 0) {
		err = a.errf("%s %s must be >= 0", a.fs.name, a.arg(key))
	}
	return v, err
}

// plain parses a dimensionless parameter (a shape, a share): a plain
// number or a percentage.
func (a *args) plain(key string) (float64, error) {
	v, k, err := quantity.ParseValue(a.vals[key])
	if err != nil {
		return 0, a.errf("%s %s: %v", a.fs.name, a.arg(key), err)
	}
	if k == quantity.KindTime {
		return 0, a.errf("%s %s must be a plain number, without a unit", a.fs.name, a.arg(key))
	}
	return v, nil
}

// rateMean parses a rate (per hour if it has a time unit) that must be > 0
// and returns its reciprocal, the mean gap, computed exactly and rounded
// once: exp(rate=40/week) has a mean of exactly 4.2h.
func (a *args) rateMean(key string) (float64, error) {
	r, k, err := quantity.ParseRateRat(a.vals[key])
	if err != nil {
		return 0, a.errf("%s %s: %v", a.fs.name, a.arg(key), err)
	}
	if err := a.note(a.arg(key), k); err != nil {
		return 0, err
	}
	if r.Sign() <= 0 {
		return 0, a.errf("%s %s must be > 0", a.fs.name, a.arg(key))
	}
	m, _ := r.Inv(r).Float64()
	return m, nil
}

// orList formats ["a", "b", "c"] as "a, b or c".
func orList(keys []string) string {
	if len(keys) == 1 {
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " or " + keys[len(keys)-1]
}

package scenario

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// rangedKey is a key of a shipped design whose field carries a range tag.
type rangedKey struct {
	key  string
	typ  reflect.Type
	rng  *valueRange
	base string // the built-in design it exists in
}

// rangedKeys walks the TOML types from v (a decoded document) and returns
// every key with a range tag that exists in it: the first entry of a named
// table or an array stands for all.
func rangedKeys(v reflect.Value, prefix, base string, out *[]rangedKey) {
	for _, f := range fieldsOf(v.Type()) {
		fv := v.Field(f.index)
		key := f.key
		if prefix != "" {
			key = prefix + "." + f.key
		}
		t := f.typ
		switch {
		case t.Implements(namedType) && t.Elem().Field(1).Type.Kind() == reflect.Struct:
			if fv.Len() > 0 {
				rangedKeys(fv.Index(0).Field(1), joinKey(key, fv.Index(0).Field(0).String()), base, out)
			}
		case t.Implements(namedType):
			if f.rng != nil && fv.Len() > 0 {
				*out = append(*out, rangedKey{joinKey(key, fv.Index(0).Field(0).String()), t.Elem().Field(1).Type, f.rng, base})
			}
		case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
			if fv.Len() > 0 {
				rangedKeys(fv.Index(0), indexKey(key, 0), base, out)
			}
		case t.Kind() == reflect.Slice:
			if f.rng != nil && fv.Len() > 0 {
				*out = append(*out, rangedKey{indexKey(key, 0), t.Elem(), f.rng, base})
			}
		case t.Kind() == reflect.Pointer:
			if !fv.IsNil() {
				rangedKeys(fv.Elem(), key, base, out)
			}
		case t.Kind() == reflect.Struct && t != distType:
			rangedKeys(fv, key, base, out)
		case f.rng != nil:
			*out = append(*out, rangedKey{key, t, f.rng, base})
		}
	}
}

// text writes x as a -set value of type t.
func valueText(t reflect.Type, x float64) string {
	switch t {
	case fractionType:
		return strconv.Quote(strconv.FormatFloat(x*100, 'g', -1, 64) + "%")
	case reflect.TypeFor[Duration]():
		return strconv.Quote(strconv.FormatFloat(x, 'g', -1, 64) + "h")
	case reflect.TypeFor[Rate]():
		return strconv.Quote(strconv.FormatFloat(x, 'g', -1, 64) + "/h")
	}
	if t.Kind() == reflect.Int || t.Kind() == reflect.Int64 {
		return strconv.Itoa(int(x))
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// outside returns values just outside the range, and inside one just
// inside it at each end.
func probes(t reflect.Type, r *valueRange) (outside, inside []float64) {
	step := 0.01
	if t.Kind() == reflect.Int || t.Kind() == reflect.Int64 {
		step = 1
	}
	if r.hasLo {
		if r.loOpen {
			outside, inside = append(outside, r.lo), append(inside, r.lo+step)
		} else {
			outside, inside = append(outside, r.lo-step), append(inside, r.lo)
		}
	}
	if r.hasHi {
		if r.hiOpen {
			outside, inside = append(outside, r.hi), append(inside, r.hi-step)
		} else {
			outside, inside = append(outside, r.hi+step), append(inside, r.hi)
		}
	}
	return outside, inside
}

// conditional lists the ranged keys whose rule depends on other keys, so
// that a value inside the tag's range can still be refused (or outside
// it, accepted) — each with the reason.
var conditional = map[string]string{
	"roles.*.new":           "at most the headcount",
	"roles.*.fatigue.floor": "only checked while the role's fatigue acts",
	"roles.*.pause.below":   "below above",
	"roles.*.pause.above":   "above below",
	"reorg[0].at":           "within the run",
	"run.horizon":           "the target month and reorganisations must fall within it",
	"run.warmup":            "the reorganisations and the target's baseline depend on it",
	"initial[0].clients":    "nothing",
	"target.growth":         "nothing",
	"handoffs[0].at_volume": "0 means the trigger is absent; one trigger only",
	"target.by":             "in whole months",
	"target.window":         "in whole months",
}

func isConditional(key string) bool {
	for pat := range conditional {
		parts := strings.Split(pat, "*")
		if len(parts) == 1 && key == pat || len(parts) == 2 && strings.HasPrefix(key, parts[0]) && strings.HasSuffix(key, parts[1]) {
			return true
		}
	}
	return false
}

// TestRangeTagsAgreeWithTheModel: the range tags of the TOML types feed
// the schema and the reference, but the ranges are rules of the model,
// checked only by org.Config.Validate. For every ranged key of the shipped
// designs, a value just outside the tag's range must be refused at that
// key, and values at or just inside its ends must not be.
func TestRangeTagsAgreeWithTheModel(t *testing.T) {
	var keys []rangedKey
	for _, base := range []string{"growth-plan", "full-cycle", "cascade", "hunters-farmers"} {
		sc, err := Builtin(base, Options{})
		if err != nil {
			t.Fatal(err)
		}
		rangedKeys(reflect.ValueOf(sc.Document).Elem(), "", base, &keys)
	}
	seen := map[string]bool{}
	checked := 0
	for _, k := range keys {
		if seen[k.key] || isConditional(k.key) {
			continue
		}
		seen[k.key] = true
		out, in := probes(k.typ, k.rng)
		for _, x := range out {
			if errAt(k, x) == "" {
				t.Errorf("%s (%s): %s = %s, outside %s, was accepted", k.base, k.typ, k.key, valueText(k.typ, x), k.rng.describe(false))
			}
		}
		for _, x := range in {
			if e := errAt(k, x); e != "" {
				t.Errorf("%s: %s = %s, inside the tag's range, was refused: %s", k.base, k.key, valueText(k.typ, x), e)
			}
		}
		checked++
	}
	if checked < 40 {
		t.Fatalf("only %d ranged keys checked", checked)
	}
	t.Logf("%d ranged keys checked against the model's rules", checked)
}

// errAt loads k's design with k's key set to x and returns the problem at
// that key, or "".
func errAt(k rangedKey, x float64) string {
	if math.IsInf(x, 0) {
		return ""
	}
	set := []string{fmt.Sprintf("%s=%s", k.key, valueText(k.typ, x))}
	if strings.HasPrefix(k.key, "roles.") && strings.HasSuffix(k.key, "."+headcountKey) {
		// An override of a headcount that a reorganisation sets is
		// refused whatever its value (checkSetScope): probe the range on
		// the design without its reorganisations.
		set = append(set, "reorg=[]")
	}
	_, err := Builtin(k.base, Options{Set: set})
	for _, p := range Problems(err) {
		var fe *FieldError
		if e, ok := p.(*FieldError); ok {
			fe = e
		}
		if fe != nil && (fe.Key == k.key || strings.HasPrefix(k.key, fe.Key+".")) {
			return fe.Error()
		}
	}
	return ""
}

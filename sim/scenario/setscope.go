package scenario

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

// headcountKey is the TOML key of a role's headcount, and of a
// reorganisation's table of headcounts, as the types define it.
var headcountKey = func() string {
	f, _ := reflect.TypeFor[Role]().FieldByName("Headcount")
	k, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	return k
}()

// checkSetScope refuses an override of a role's headcount that a
// reorganisation of doc (the document as decoded, overrides applied)
// also sets: roles.R.headcount is the headcount at time 0, which
// reorg[i].headcount.R replaces at the reorganisation, so the override
// would change only the time before it (often the warm-up) while reading
// as a change of the design. The error names the reorganisation's key.
// Giving that key as well (or reorg[i], or reorg, whole) states the
// scope, and the override is then taken as written.
func checkSetScope(doc *Document, set []string) []*FieldError {
	var keys [][]setSeg
	for _, s := range set {
		k, _, ok := strings.Cut(s, "=")
		segs, err := parseSetKey(strings.TrimSpace(k))
		if err != nil || !ok {
			segs = nil // applySet has reported it
		}
		keys = append(keys, segs)
	}
	var errs []*FieldError
	for si, segs := range keys {
		if len(segs) != 3 || segs[0].key != "roles" || segs[2].key != headcountKey || segs[1].index >= 0 || segs[2].index >= 0 {
			continue
		}
		role := segs[1].key
		_, val, _ := strings.Cut(set[si], "=")
		for ri, r := range doc.Reorg {
			for _, h := range r.Headcount {
				if h.Name != role {
					continue
				}
				target := []setSeg{{key: "reorg", index: -1}, {index: ri}, {key: headcountKey, index: -1}, {key: role, index: -1}}
				if covered(keys, target) {
					continue
				}
				rk := joinKey(indexKey("reorg", ri)+"."+headcountKey, role)
				scope := "only the time before it"
				if r.At <= doc.Run.Warmup {
					scope = "only the warm-up, not the time the statistics cover"
				}
				errs = append(errs, &FieldError{
					File: "-set " + set[si], Key: joinKey(joinKey("roles", role), headcountKey),
					Msg: fmt.Sprintf("%s (at %s) sets the headcount of %s to %d, so this override would change %s; "+
						"to change the headcount after the reorganisation, set %s=%s (give both to change both)",
						indexKey("reorg", ri), quantity.Span(float64(r.At)), role, h.Value, scope, rk, strings.TrimSpace(val)),
				})
			}
		}
	}
	return errs
}

// covered reports whether one of keys is target or a prefix of it, so
// that an override sets target.
func covered(keys [][]setSeg, target []setSeg) bool {
	for _, k := range keys {
		if len(k) == 0 || len(k) > len(target) {
			continue
		}
		prefix := true
		for i := range k {
			if k[i] != target[i] {
				prefix = false
				break
			}
		}
		if prefix {
			return true
		}
	}
	return false
}

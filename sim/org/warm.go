package org

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"unsafe"

	"github.com/salesim/salesim/sim/des"
)

// A shared warm-up: designs that differ only after a time T (the
// reorganisations' headcounts, say) simulate the same replication up to
// T. [Sim.Warm] simulates a replication of one of them up to T, and
// [Sim.RunFrom] continues it in the simulator of another from a copy of
// that state: every mechanism's state, the random streams and the event
// calendar, whose handlers are rebound to the copy. The record is the one
// [Sim.Run] would give the other design from the start, bit for bit, if
// the designs are the same up to T; the caller must make sure they are
// (package study does, and tests compare the bytes of every built-in
// design with reorganisations).

// Warm simulates replication rep of s's plan with master seed seed up to,
// not including, time t: every event before t has fired, none at t. It
// checks ctx every few thousand events, as [Sim.Run] does.
func (s *Sim) Warm(ctx context.Context, seed uint64, rep int, t float64) error {
	s.ctx = ctx
	defer func() { s.ctx = nil }()
	s.start(seed, rep)
	stop := math.Nextafter(math.Min(t, s.end), math.Inf(-1))
	week := float64(HoursPerWeek)
	for w := week; ; w += week {
		w = math.Min(w, stop)
		if err := s.runUntil(ctx, w); err != nil {
			return err
		}
		if w >= stop || s.env.Len() == 0 {
			return nil
		}
	}
}

// RunFrom continues in s, from a copy of warm's state, the replication
// warm has simulated up to some time (see [Sim.Warm]), and returns its
// measures. warm is not changed, so several simulators may continue from
// it one after another. s's plan must be the same as warm's up to that
// time, except in the number of posts it reports per role.
func (s *Sim) RunFrom(ctx context.Context, warm *Sim) (Result, error) {
	s.start(warm.seed, warm.rep) // s's own plan-bound pointers and buffers
	if err := s.copyFrom(warm); err != nil {
		return Result{}, err
	}
	s.ctx = ctx
	defer func() { s.ctx = nil }()
	return s.runToEnd(ctx)
}

// copyFrom makes s's state a copy of src's: every field but the plan, the
// configuration and the handlers, which stay s's own; the calendar with
// its handlers rebound to s's; the posts reported per person copied role
// by role, into s's plan's number of posts.
func (s *Sim) copyFrom(src *Sim) (err error) {
	handlers, err := s.handlers()
	if err != nil {
		return err
	}
	// The posts reported per person follow each plan's number of posts:
	// keep s's apart from the copy, then copy them role by role.
	posts := s.rec.posts
	s.rec.posts = postLog{}
	dst, from := reflect.ValueOf(s).Elem(), reflect.ValueOf(src).Elem()
	t := dst.Type()
	for i := range t.NumField() {
		switch t.Field(i).Name {
		case "_", "p", "cfg", "env", "ctx", "memLimit", "memSample": // guard.go: s's own
			continue
		}
		if err := copyValue(field(dst, i), field(from, i)); err != nil {
			return fmt.Errorf("org: copying %s: %w", t.Field(i).Name, err)
		}
	}
	s.rec.posts = posts
	s.rec.posts.reset()
	s.rec.posts.copyFrom(&src.rec.posts)
	ok := des.Copy(s.env, src.env, func(h des.Handler) des.Handler {
		return handlers[reflect.ValueOf(h).Pointer()]
	})
	if !ok {
		return fmt.Errorf("org: an event's handler is not one of the simulator's")
	}
	return nil
}

// handlers returns s's event handlers by the address of their code: each
// is a distinct function literal bound once per simulator, so the address
// tells which handler of another simulator is the same one.
func (s *Sim) handlers() (map[uintptr]des.Handler, error) {
	hs := map[uintptr]des.Handler{}
	ht := reflect.TypeFor[des.Handler]()
	var walk func(v reflect.Value) error
	walk = func(v reflect.Value) error {
		for i := range v.NumField() {
			f := field(v, i)
			switch {
			case f.Type() == ht:
				if f.IsNil() {
					continue
				}
				h := f.Interface().(des.Handler)
				pc := reflect.ValueOf(h).Pointer()
				if _, dup := hs[pc]; dup {
					return fmt.Errorf("org: two handlers share one function (%s)", v.Type().Field(i).Name)
				}
				hs[pc] = h
			case f.Kind() == reflect.Struct && f.Type().PkgPath() == orgPkg:
				if err := walk(f); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return hs, walk(reflect.ValueOf(s).Elem())
}

// copyFrom copies the posts of src, which may report another number of
// posts per role, role by role: the posts both report.
func (l *postLog) copyFrom(src *postLog) {
	for r := range len(l.first) - 1 {
		n := min(l.first[r+1]-l.first[r], src.first[r+1]-src.first[r])
		a, b := l.first[r], src.first[r]
		copy(l.vals[a*l.nPV:(a+n)*l.nPV], src.vals[b*src.nPV:(b+n)*src.nPV])
		copy(l.norms[a*l.nNorm:(a+n)*l.nNorm], src.norms[b*src.nNorm:(b+n)*src.nNorm])
		copy(l.quota[a:a+n], src.quota[b:b+n])
	}
	copy(l.roleNorms, src.roleNorms)
	copy(l.roleQuota, src.roleQuota)
}

// field returns field i of struct v, settable even if unexported; v must
// be addressable.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

var orgPkg = reflect.TypeFor[Sim]().PkgPath()

// shared are the types that belong to the plan (read-only, shared by
// every simulator of it: every type a [Plan] holds) or are the simulator
// itself: a copy of a simulator's state keeps its own pointers to them.
var shared = func() map[reflect.Type]bool {
	m := map[reflect.Type]bool{reflect.TypeFor[Sim](): true}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			if t.Kind() == reflect.Map {
				walk(t.Key())
			}
			walk(t.Elem())
		case reflect.Struct:
			if m[t] {
				return
			}
			m[t] = true
			for i := range t.NumField() {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeFor[Plan]())
	return m
}()

// owned are the types outside package org that pointers in a
// simulator's state point to and that belong to the replication: a copy
// copies them. Within package org, a type the plan does not hold is the
// replication's (a behaviour rule bound to its simulator, say).
var owned = map[reflect.Type]bool{
	reflect.TypeFor[rand.Rand](): true,
	reflect.TypeFor[rand.PCG]():  true,
}

// pointee checks a pointer type: whether copies keep their own (shared),
// or an error if the pointed-to type is neither shared nor owned.
func pointee(t reflect.Type) (keep bool, err error) {
	e := t.Elem()
	switch {
	case shared[e]:
		return true, nil
	case owned[e] || e.PkgPath() == orgPkg:
		return false, nil
	}
	return false, fmt.Errorf("a pointer to %s, neither the plan's nor the replication's", e)
}

// copyValue makes dst a deep copy of src (same type; dst addressable):
// slices (into new arrays), maps and pointed-to state are copied;
// functions (bound handlers) and pointers to shared types are left as
// they are in dst, or taken from src where dst has none.
func copyValue(dst, src reflect.Value) error {
	switch src.Kind() {
	case reflect.Func:
		return nil
	case reflect.Pointer:
		if keep, err := pointee(src.Type()); keep || err != nil {
			if keep && dst.IsNil() {
				dst.Set(src) // no counterpart of dst's own: the plan's data, read-only
			}
			return err
		}
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
		}
		return copyValue(dst.Elem(), src.Elem())
	case reflect.Interface:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dyn := src.Elem()
		if dyn.Kind() != reflect.Pointer {
			if !plain(dyn.Type()) {
				return fmt.Errorf("an interface holds %s", dyn.Type())
			}
			dst.Set(dyn)
			return nil
		}
		if keep, err := pointee(dyn.Type()); keep || err != nil {
			if err == nil && dst.IsNil() {
				dst.Set(dyn)
			}
			return err
		}
		n := reflect.New(dyn.Type().Elem())
		if !dst.IsNil() && dst.Elem().Type() == dyn.Type() && !dst.Elem().IsNil() {
			n = dst.Elem()
		}
		if err := copyValue(n.Elem(), dyn.Elem()); err != nil {
			return err
		}
		dst.Set(n)
		return nil
	case reflect.Struct:
		if plain(src.Type()) {
			dst.Set(src)
			return nil
		}
		for i := range src.NumField() {
			if err := copyValue(field(dst, i), field(src, i)); err != nil {
				return fmt.Errorf("%s: %w", src.Type().Field(i).Name, err)
			}
		}
		return nil
	case reflect.Array:
		if plain(src.Type()) {
			dst.Set(src)
			return nil
		}
		for i := range src.Len() {
			if err := copyValue(dst.Index(i), src.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		// Always a new array: a slice of the state may alias the plan's
		// memory (a calendar group's labels), which other simulators read
		// at the same time, so the copy must not write into dst's.
		// The new array starts as a shallow copy of dst's elements, so
		// that their pointers to the plan stay dst's own.
		n := src.Len()
		fresh := reflect.MakeSlice(src.Type(), n, n)
		if plain(src.Type().Elem()) {
			reflect.Copy(fresh, src)
			dst.Set(fresh)
			return nil
		}
		reflect.Copy(fresh, dst)
		dst.Set(fresh)
		for i := range n {
			if err := copyValue(dst.Index(i), src.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			if err := copyValue(v, it.Value()); err != nil {
				return err
			}
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
		return nil
	case reflect.Chan, reflect.UnsafePointer:
		return fmt.Errorf("cannot copy a %s", src.Type())
	}
	dst.Set(src)
	return nil
}

var plainCache sync.Map // reflect.Type -> bool

// plain reports whether values of t hold no references (pointers,
// slices, maps, interfaces, functions, channels): copying one copies it
// whole. Strings are immutable and count as plain.
func plain(t reflect.Type) bool {
	if v, ok := plainCache.Load(t); ok {
		return v.(bool)
	}
	var p bool
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		p = false
	case reflect.Array:
		p = plain(t.Elem())
	case reflect.Struct:
		p = true
		for i := range t.NumField() {
			p = p && plain(t.Field(i).Type)
		}
	default:
		p = true
	}
	plainCache.Store(t, p)
	return p
}

package des

import (
	"reflect"
	"slices"
	"testing"
)

// TestCopy: a copy of an environment fires the same events, in the
// same order and at the same times, through the rebound handlers, and
// the original is unchanged; a handler rebind does not know empties the
// copy.
func TestCopy(t *testing.T) {
	t.Parallel()
	type fired struct {
		t   float64
		arg int
	}
	var a, b []fired
	ea, eb := New(), New()
	var hA, hB Handler
	hA = func(arg int) {
		a = append(a, fired{ea.Now(), arg})
		if arg < 300 {
			ea.After(float64(arg%7)+0.5, Priority(arg%3-1), hA, arg+100)
		}
	}
	hB = func(arg int) {
		b = append(b, fired{eb.Now(), arg})
		if arg < 300 {
			eb.After(float64(arg%7)+0.5, Priority(arg%3-1), hB, arg+100)
		}
	}
	// Enough events for the ladder to take some.
	for i := range 200 {
		ea.At(float64(i%13), Priority(i%3-1), hA, i)
	}
	ea.RunUntil(5)
	before := slices.Clone(a)
	if !Copy(eb, ea, func(h Handler) Handler {
		if reflect.ValueOf(h).Pointer() == reflect.ValueOf(hA).Pointer() {
			return hB
		}
		return nil
	}) {
		t.Fatal("Copy refused the handlers")
	}
	if eb.Now() != ea.Now() || eb.Len() != ea.Len() || eb.Processed() != ea.Processed() {
		t.Fatalf("copy at %v with %d events (%d fired), original at %v with %d (%d)", eb.Now(), eb.Len(), eb.Processed(), ea.Now(), ea.Len(), ea.Processed())
	}
	eb.Run()
	ea.Run()
	if !slices.Equal(a[len(before):], b) || len(b) == 0 {
		t.Errorf("the copy fired %d events, the original %d after the copy; they differ", len(b), len(a)-len(before))
	}
	c := New()
	ea.At(ea.Now()+1, Normal, hA, 1000)
	if Copy(c, ea, func(Handler) Handler { return nil }) || c.Len() != 0 {
		t.Errorf("an unknown handler: Copy reported success, %d events", c.Len())
	}
}

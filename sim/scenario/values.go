package scenario

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

// Named is a TOML table of tables (or of values) kept in file order:
// [roles.hunter] then [roles.farmer] gives hunter first.
type Named[T any] []Entry[T]

// Entry is one named value of a [Named] table.
type Entry[T any] struct {
	Name  string
	Value T
}

// Get returns the value named name.
func (n Named[T]) Get(name string) (T, bool) {
	for _, e := range n {
		if e.Name == name {
			return e.Value, true
		}
	}
	var zero T
	return zero, false
}

// Names returns the names in order.
func (n Named[T]) Names() []string {
	s := make([]string, len(n))
	for i, e := range n {
		s[i] = e.Name
	}
	return s
}

func (Named[T]) named() {}

// namedTable is implemented by every Named type.
type namedTable interface{ named() }

// A scalarDecoder is decoded from one TOML scalar: a string, int64,
// float64 or bool. Its error is a message about the value.
type scalarDecoder interface {
	decodeScalar(v any) error
}

// trimDist removes the package prefix of sim/dist errors, which mean
// nothing to the author of a scenario.
func trimDist(err error) error {
	if err == nil {
		return nil
	}
	if s, ok := strings.CutPrefix(err.Error(), "dist: "); ok {
		return errors.New(s)
	}
	return err
}

// Duration is a time span in hours, written with a unit: "15m", "4h",
// "10 minutes", "70d", "2w", "12mo", "1y", "1h30m" (see
// [quantity.ParseHours]). A bare number is an error, except 0.
type Duration float64

func (d *Duration) decodeScalar(v any) error {
	switch x := v.(type) {
	case string:
		h, err := quantity.ParseHours(x)
		if err != nil {
			return err
		}
		*d = Duration(h)
		return nil
	case int64, float64:
		if f := toFloat(x); f == 0 {
			*d = 0
			return nil
		}
		return fmt.Errorf("a duration needs a unit: write it as a string such as \"%sh\" or \"%sd\" (units s, m, h, d, w, mo, y)", scalarText(x), scalarText(x))
	}
	return errWant
}

// Rate is a rate per hour, written as a count per unit of time: "12/h",
// "3/day", "40/week", "40 per week", "100/mo", "every 2d" (see
// [quantity.ParseRate]). A bare number is an error, except 0.
type Rate float64

func (r *Rate) decodeScalar(v any) error {
	switch x := v.(type) {
	case string:
		h, err := quantity.ParseRate(x)
		if err != nil {
			return err
		}
		*r = Rate(h)
		return nil
	case int64, float64:
		if f := toFloat(x); f == 0 {
			*r = 0
			return nil
		}
		return fmt.Errorf("a rate needs a unit: write it as a string such as \"%s/h\", \"%s/day\" or \"%s/week\"", scalarText(x), scalarText(x), scalarText(x))
	}
	return errWant
}

// Fraction is a share: a percentage string ("10%"), or a number or numeric
// string that is the fraction itself (0.1). A bare number is never a
// percentage: 3.5 means 350%.
type Fraction float64

func (f *Fraction) decodeScalar(v any) error {
	switch x := v.(type) {
	case string:
		p, err := quantity.ParseFraction(x)
		if err != nil {
			return err
		}
		*f = Fraction(p)
		return nil
	case int64, float64:
		*f = Fraction(toFloat(x))
		return nil
	}
	return errWant
}

// Money is an amount (of money, or any plain quantity): a number, or a
// string with an optional k, M or G suffix: "150000", "150k", "1.2M" (see
// [quantity.ParseMoney]).
type Money float64

func (m *Money) decodeScalar(v any) error {
	switch x := v.(type) {
	case string:
		a, err := quantity.ParseMoney(x)
		if err != nil {
			return err
		}
		*m = Money(a)
		return nil
	case int64, float64:
		*m = Money(toFloat(x))
		return nil
	}
	return errWant
}

// Calendar is weekly calendar text: day groups separated by ";", each days
// then time spans: "Mon-Fri 09:00-18:00", "Mon-Fri 09:00-13:00,
// 14:00-18:00; Sat 10:00-14:00", "daily 08:00-20:00", "24/7". See
// [parseCalendar].
type Calendar string

func (c *Calendar) decodeScalar(v any) error {
	s, ok := v.(string)
	if !ok {
		return errWant
	}
	if _, err := parseCalendar(s, false); err != nil {
		return err
	}
	*c = Calendar(s)
	return nil
}

// Break is calendar text of time off, in which a day group may give times
// alone to mean every day: "13:00-14:00", "Mon-Fri 13:00-14:00".
type Break string

func (b *Break) decodeScalar(v any) error {
	s, ok := v.(string)
	if !ok {
		return errWant
	}
	if _, err := parseCalendar(s, true); err != nil {
		return err
	}
	*b = Break(s)
	return nil
}

// Days is a set of weekdays: "Mon", "Tue-Fri", "Mon,Wed", "daily".
type Days string

func (d *Days) decodeScalar(v any) error {
	s, ok := v.(string)
	if !ok {
		return errWant
	}
	if strings.TrimSpace(s) != "" {
		if _, err := parseDays(s, s); err != nil {
			return err
		}
	}
	*d = Days(s)
	return nil
}

// Times is one or more time spans of a day: "09:00-09:20",
// "09:00-11:00, 15:00-17:00".
type Times string

func (t *Times) decodeScalar(v any) error {
	s, ok := v.(string)
	if !ok {
		return errWant
	}
	if _, err := parseSpans(s, s); err != nil {
		return err
	}
	*t = Times(s)
	return nil
}

// Every is how often a role contacts its clients: a duration in hours, or
// 0 for "need" (as each client needs).
type Every float64

func (e *Every) decodeScalar(v any) error {
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "need" {
		*e = 0
		return nil
	}
	var d Duration
	if err := d.decodeScalar(v); err != nil {
		if err == errWant {
			return err
		}
		return fmt.Errorf("%v; or \"need\"", err)
	}
	if d <= 0 {
		return errors.New("want a duration > 0 or \"need\"")
	}
	*e = Every(d)
	return nil
}

// Baseline is the monthly value a target grows from: an amount, or 0 for
// "auto" (measured during the warm-up).
type Baseline float64

func (b *Baseline) decodeScalar(v any) error {
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "auto" {
		*b = 0
		return nil
	}
	var m Money
	if err := m.decodeScalar(v); err != nil {
		if err == errWant {
			return err
		}
		return fmt.Errorf("%v; or \"auto\"", err)
	}
	if m <= 0 {
		return errors.New("want an amount > 0 or \"auto\"")
	}
	*b = Baseline(m)
	return nil
}

// DecayPoint is a conversion multiplier after a wait, written as a pair
// ["2h", 0.143].
type DecayPoint struct {
	Wait Duration
	Mult float64
}

func (p *DecayPoint) decodeNode(d *decoder, n *node, key string) {
	if n.kind != arrayNode || len(n.elems) != 2 || n.elems[0].kind != scalarNode || n.elems[1].kind != scalarNode {
		d.fail(n, key, "want a pair [wait, multiplier] such as [\"2h\", 0.143], got %s", n.describe())
		return
	}
	if err := p.Wait.decodeScalar(n.elems[0].val); err != nil {
		d.fail(n.elems[0], key+"[0]", "wait %s: %v", n.elems[0].describe(), errText(err, "a duration"))
	}
	switch x := n.elems[1].val.(type) {
	case int64, float64:
		p.Mult = toFloat(x)
		if !(p.Mult >= 0) || p.Mult > 1e300 {
			d.fail(n.elems[1], key+"[1]", "multiplier %s: want a finite number ≥ 0", n.elems[1].describe())
		}
	default:
		d.fail(n.elems[1], key+"[1]", "multiplier %s: want a number such as 0.5", n.elems[1].describe())
	}
}

// errWant is returned by a scalarDecoder given a value of the wrong TOML
// type; the decoder then names the type it wants.
var errWant = errors.New("wrong type")

func errText(err error, want string) string {
	if err == errWant {
		return "want " + want
	}
	return err.Error()
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

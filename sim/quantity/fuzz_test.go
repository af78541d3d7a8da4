package quantity

import (
	"math"
	"testing"
)

// FuzzParse checks that no text makes a parser panic, that every error
// has a message, and that what ParseHours and ParseFraction accept is
// written back exactly by Duration and Percent.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"15m", "10 minutes", "1 h 30 min", "1h30m", "12mo", "0", "-1h", "1e400h", "4M",
		"12/h", "40 per week", "every 2 days", "3/2h", "1/0h",
		"10%", "33.3%", "0.1", "150k", "1.2M", "150 000", "2.5G", "1.2m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		errs := []error{}
		if h, err := ParseHours(s); err == nil {
			if back, err := ParseHours(Duration(h)); err != nil || back != h {
				t.Fatalf("ParseHours(%q) = %v; Duration gives %q, which reads back as %v, %v", s, h, Duration(h), back, err)
			}
		} else {
			errs = append(errs, err)
		}
		if v, err := ParseFraction(s); err == nil && !math.IsInf(v, 0) {
			if back, err := ParseFraction(Percent(v)); err != nil || back != v {
				t.Fatalf("ParseFraction(%q) = %v; Percent gives %q, which reads back as %v, %v", s, v, Percent(v), back, err)
			}
		} else if err != nil {
			errs = append(errs, err)
		}
		_, err := ParseRate(s)
		errs = append(errs, err)
		_, err = ParseMoney(s)
		errs = append(errs, err)
		_, _, err = ParseValue(s)
		errs = append(errs, err)
		for _, err := range errs {
			if err != nil && err.Error() == "" {
				t.Fatalf("%q: an empty error message", s)
			}
		}
	})
}

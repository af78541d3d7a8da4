package metric

import "testing"

func TestPeriods(t *testing.T) {
	for _, tc := range []struct {
		m, months int
		want      string
	}{{1, 12, "m01"}, {12, 12, "m12"}, {7, 9, "m07"}, {5, 120, "m005"}, {120, 120, "m120"}} {
		got := Month(tc.m, tc.months)
		if got != tc.want {
			t.Errorf("Month(%d, %d) = %q, want %q", tc.m, tc.months, got, tc.want)
		}
		if n, ok := MonthOf(got); !ok || n != tc.m {
			t.Errorf("MonthOf(%q) = %d, %v", got, n, ok)
		}
	}
	for _, p := range []string{Total, "", "m", "mx", "m00", "x01"} {
		if _, ok := MonthOf(p); ok {
			t.Errorf("MonthOf(%q) is a month", p)
		}
	}
}

func TestKeyRoundTrip(t *testing.T) {
	k := Key{Metric: Margin, Role: Department, Period: Month(3, 12)}
	if got, ok := ParseKey(k.String()); !ok || got != k {
		t.Errorf("ParseKey(%q) = %v, %v", k.String(), got, ok)
	}
	if _, ok := ParseKey("a:b"); ok {
		t.Error("ParseKey accepted two parts")
	}
}

package metric

import (
	"strings"
	"testing"
)

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

// TestPostKey: a post's key has a fourth part, the post number; a key of
// a role (Post 0) is written as before, so existing columns keep their
// names.
func TestPostKey(t *testing.T) {
	k := Key{Metric: QuotaAttainment, Role: "sales, north", Period: Total, Post: 12}
	if got := k.String(); got != "quota_attainment:sales%2C north:total:12" {
		t.Errorf("String() = %q", got)
	}
	if got, ok := ParseKey(k.String()); !ok || got != k {
		t.Errorf("ParseKey(%q) = %v, %v", k.String(), got, ok)
	}
	if got := (Key{Metric: Margin, Role: "hunter", Period: Total}).String(); got != "margin:hunter:total" {
		t.Errorf("role key written %q", got)
	}
	for _, bad := range []string{"a:b:c:0", "a:b:c:-1", "a:b:c:01", "a:b:c:x", "a:b:c:", "a:b:c:1:2", "a:b:c:+1"} {
		if k, ok := ParseKey(bad); ok {
			t.Errorf("ParseKey(%q) = %v, accepted", bad, k)
		}
	}
}

// TestKeyEscapes: names with the characters that separate the parts of a
// key or the fields of a CSV line round-trip, and ordinary names are
// written as they are (shard files of ordinary designs do not change).
func TestKeyEscapes(t *testing.T) {
	for _, k := range []Key{
		{Metric: Margin, Role: "sales, north", Period: Total},
		{Metric: Done("call: cold"), Role: `a "b"`, Period: "m01"},
		{Metric: "x%41", Role: "line\nbreak", Period: Total},
		{Metric: Margin, Role: "менеджер", Period: Total},
	} {
		s := k.String()
		if strings.ContainsAny(s, ",\"\n") || strings.Count(s, ":") != 2 {
			t.Errorf("%q: String() = %q has a separator", k, s)
		}
		if got, ok := ParseKey(s); !ok || got != k {
			t.Errorf("ParseKey(%q) = %q, %v; want %q", s, got, ok, k)
		}
	}
	if got := (Key{Metric: Margin, Role: "hunter", Period: "m03"}).String(); got != "margin:hunter:m03" {
		t.Errorf("ordinary key written %q", got)
	}
	for _, bad := range []string{"a:b%2:c", "a:b%zz:c", "a:b%41:c", "a:b,c:d", "a:%:c"} {
		if k, ok := ParseKey(bad); ok {
			t.Errorf("ParseKey(%q) = %q, accepted", bad, k)
		}
	}
}

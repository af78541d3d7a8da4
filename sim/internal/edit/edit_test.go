package edit

import "testing"

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"mean", "mean", 0}, {"maen", "mean", 1},
		{"headcont", "headcount", 1}, {"kitten", "sitting", 3}, {"Fir", "Fri", 1},
		{"exponential", "exp", 8}, {"ёж", "еж", 1},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

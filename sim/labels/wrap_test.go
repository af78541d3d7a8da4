package labels

import "testing"

// TestWrap: lines break at spaces within the width, the later ones
// indented; a word longer than a line stays whole.
func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text   string
		width  int
		indent string
		want   string
	}{
		{"a bb ccc dddd", 6, "  ", "a bb\n  ccc\n  dddd\n"},
		{"one  two\tthree", 100, "", "one two three\n"},
		{"unbreakable-word x", 5, " ", "unbreakable-word\n x\n"},
		{"", 10, "", "\n"},
		{"δδδ ααα", 7, "", "δδδ ααα\n"},
	} {
		if got := Wrap(tc.text, tc.width, tc.indent); got != tc.want {
			t.Errorf("Wrap(%q, %d, %q) = %q, want %q", tc.text, tc.width, tc.indent, got, tc.want)
		}
	}
}

package dist

import (
	"strings"
	"testing"
)

func TestParseFraction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"10%", 0.1},
		{"0.1", 0.1},
		{"33.3%", 0.333}, // the point is shifted in the text: exactly the float64 nearest 0.333
		{"150%", 1.5},
		{"-5%", -0.05},
		{"10 %", 0.1},
		{"1e-3", 0.001},
	} {
		got, err := ParseFraction(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFraction(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "%", "ten%", "1e2%", "0.1.2", "NaN", "Inf"} {
		if _, err := ParseFraction(in); err == nil || !strings.HasPrefix(err.Error(), "dist: ") {
			t.Errorf("ParseFraction(%q) error = %v, want a dist: error", in, err)
		}
	}
}

func TestParseMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"150000", 150000},
		{"150k", 150000},
		{"150K", 150000},
		{"1.2M", 1.2e6},
		{"1.23456789M", 1234567.89}, // "1.23456789e6", correctly rounded
		{"150 000", 150000},
		{"150_000", 150000},
		{"1\u00a0000\u00a0000", 1e6},
		{"1 500k", 1.5e6},
		{"-2k", -2000},
		{"1e6", 1e6},
	} {
		got, err := ParseMoney(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseMoney(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"1.2m", "capital M"},
		{"$100", `invalid amount "$100"`},
		{"100 EUR", `invalid amount "100 EUR"`},
		{"150,000", "150k"}, // the message lists what is allowed
		{"_150", "150_000"},
		{"1__000", "invalid amount"},
		{"1e3k", "invalid amount"},
		{"", "empty amount"},
		{"k", "invalid amount"},
	} {
		_, err := ParseMoney(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "dist: ") {
			t.Errorf("ParseMoney(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

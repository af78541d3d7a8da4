package scenario

import (
	"math"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/org"
)

func weekOf(t *testing.T, text string) org.Week {
	t.Helper()
	gs, err := parseCalendar(text, false)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	var w org.Week
	for _, g := range gs {
		for _, sp := range g.spans {
			if err := w.Work(g.days, sp[0], sp[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	return w
}

func TestCalendar(t *testing.T) {
	for _, tc := range []struct {
		text  string
		hours float64
	}{
		{"Mon-Fri 09:00-18:00", 45},
		{"Mon-Fri 09:00-13:00, 14:00-18:00", 40},
		{"Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00", 44},
		{"Mon,Wed 10:00-14:00", 8},
		{"mon, wed, friday 10:00-12:00", 6},
		{"Sat-Mon 10:00-12:00", 6}, // wraps: Sat, Sun, Mon
		{"daily 08:00-20:00", 84},
		{"weekdays 9:00-10:30", 7.5},
		{"weekends", 48},
		{"Tue", 24},
		{"24/7", 168},
		{"Mon-Sun 00:00-24:00", 168},
	} {
		if h := weekOf(t, tc.text).Hours(); h != tc.hours {
			t.Errorf("%q: %v h/week, want %v", tc.text, h, tc.hours)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"", "empty calendar"},
		{"Mon-Fir 09:00-18:00", `unknown day "Fir" (did you mean Fri?)`},
		{"Mon-Fri 09:00-25:00", `time "25:00" out of range: want 00:00 to 24:00`},
		{"Mon-Fri 09:60-10:00", `time "09:60" out of range`},
		{"Mon-Fri 9-18", `time "9": want HH:MM such as 09:00`},
		{"Mon-Fri 09:00", `time span "09:00": want HH:MM-HH:MM`},
		{"Mon-Fri 18:00-09:00", "ends before it starts"},
		{"09:00-18:00", "missing days"},
		{"Mon-Fri 09:00-18:00;", "empty day group"},
		{"Mon,,Tue 09:00-10:00", "empty day in list"},
	} {
		_, err := parseCalendar(tc.text, false)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.text, err, tc.want)
		}
	}
	// In breaks the days may be left out.
	gs, err := parseCalendar("13:00-14:00", true)
	if err != nil || gs[0].days != org.AllWeek {
		t.Errorf("break without days: %v %v", gs, err)
	}
}

func TestRoleWeek(t *testing.T) {
	src := base + `calendar = "Mon-Fri 09:00-18:00"
breaks = ["13:00-14:00"]
blocks = [
  { days = "Mon", time = "09:00-09:20", name = "morning meeting", internal = true },
  { time = "17:00-18:00", name = "documents", only = ["meet"] },
]
`
	s, errs := load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	w := s.Config.Roles[1].Shifts[0]
	// 45 h less 5 h of lunch; the blocks stay within working time.
	if w.Hours() != 40 {
		t.Errorf("%v h/week, want 40", w.Hours())
	}
	var internal, block float64
	for _, sp := range w.Spans {
		switch sp.Kind {
		case org.Internal:
			internal += sp.End - sp.Start
		case org.Block:
			block += sp.End - sp.Start
			if len(sp.Only) != 1 || sp.Only[0] != org.ActivityAt(1) {
				t.Errorf("block only %v, want [1]", sp.Only)
			}
		}
	}
	// 20 minutes on Monday; one hour on each working day, not at weekends.
	if math.Abs(internal-20.0/60) > 1e-9 || math.Abs(block-5) > 1e-9 { // spans are minute-rounded hours
		t.Errorf("internal %v h, block %v h; want 1/3 and 5", internal, block)
	}
}

package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/org"
)

// Calendar text describes a week. Day groups are separated by ";". A group
// is a set of days followed by time spans separated by ",":
//
//	Mon-Fri 09:00-18:00
//	Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00
//	Mon,Wed,Fri 10:00-14:00
//	daily 08:00-20:00
//	24/7
//
// Days are Mon Tue Wed Thu Fri Sat Sun (or full names, any case), ranges of
// them (Mon-Fri; Sat-Mon wraps around), comma lists, and the words daily,
// weekdays (Mon-Fri) and weekends (Sat, Sun). Times are HH:MM from 00:00 to
// 24:00; a span must end after it starts (split overnight spans at
// midnight). A group with days and no times is the whole of those days;
// "24/7" is the whole week. In breaks, a group may give times alone, which
// then apply to every day.

// calGroup is one day group of a calendar.
type calGroup struct {
	days  org.Days
	spans [][2]float64 // hours of the day
}

var dayNames = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

var fullDayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

const daysHelp = "allowed Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges such as Mon-Fri, daily, weekdays, weekends"

// parseCalendar parses calendar text. With noDays, a group may omit the days
// (it then applies to every day).
func parseCalendar(s string, noDays bool) ([]calGroup, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty calendar: want days and times such as \"Mon-Fri 09:00-18:00\", or \"24/7\"")
	}
	var gs []calGroup
	for g := range strings.SplitSeq(s, ";") {
		g = strings.TrimSpace(g)
		if g == "" {
			return nil, fmt.Errorf("calendar %q: empty day group between \";\"", s)
		}
		if g == "24/7" {
			gs = append(gs, calGroup{days: org.AllWeek, spans: [][2]float64{{0, 24}}})
			continue
		}
		// The days end where the first time begins: at the first digit.
		i := strings.IndexFunc(g, func(r rune) bool { return '0' <= r && r <= '9' })
		dayText, timeText := g, ""
		if i >= 0 {
			dayText, timeText = strings.TrimSpace(g[:i]), g[i:]
		}
		var grp calGroup
		if dayText == "" {
			if !noDays {
				return nil, fmt.Errorf("calendar %q: missing days before %q (such as Mon-Fri or daily)", s, timeText)
			}
			grp.days = org.AllWeek
		} else {
			d, err := parseDays(dayText, s)
			if err != nil {
				return nil, err
			}
			grp.days = d
		}
		if timeText == "" {
			grp.spans = [][2]float64{{0, 24}}
		} else {
			sp, err := parseSpans(timeText, s)
			if err != nil {
				return nil, err
			}
			grp.spans = sp
		}
		gs = append(gs, grp)
	}
	return gs, nil
}

// parseDays parses a set of days; whole is the text it came from, for
// messages.
func parseDays(s, whole string) (org.Days, error) {
	var days org.Days
	for tok := range strings.SplitSeq(s, ",") {
		tok = strings.TrimSpace(tok)
		switch strings.ToLower(tok) {
		case "":
			return 0, fmt.Errorf("calendar %q: empty day in list", whole)
		case "daily", "every day", "everyday":
			days |= org.AllWeek
			continue
		case "weekdays":
			days |= org.MonFri
			continue
		case "weekends", "weekend":
			days |= 1<<5 | 1<<6
			continue
		}
		a, b, isRange := strings.Cut(tok, "-")
		from, err := parseDay(a, whole)
		if err != nil {
			return 0, err
		}
		to := from
		if isRange {
			if to, err = parseDay(b, whole); err != nil {
				return 0, err
			}
		}
		for d := from; ; d = (d + 1) % 7 {
			days |= 1 << d
			if d == to {
				break
			}
		}
	}
	return days, nil
}

func parseDay(s, whole string) (int, error) {
	t := strings.TrimSpace(s)
	l := strings.ToLower(t)
	for i, n := range dayNames {
		if l == strings.ToLower(n) || l == fullDayNames[i] {
			return i, nil
		}
	}
	return 0, fmt.Errorf("calendar %q: unknown day %q%s; %s", whole, t, suggest(t, dayNames), daysHelp)
}

// parseSpans parses time spans "HH:MM-HH:MM" separated by commas.
func parseSpans(s, whole string) ([][2]float64, error) {
	var sp [][2]float64
	for tok := range strings.SplitSeq(s, ",") {
		tok = strings.TrimSpace(tok)
		a, b, ok := strings.Cut(tok, "-")
		if !ok {
			return nil, fmt.Errorf("calendar %q: time span %q: want HH:MM-HH:MM such as 09:00-18:00", whole, tok)
		}
		from, err := parseClock(a, whole)
		if err != nil {
			return nil, err
		}
		to, err := parseClock(b, whole)
		if err != nil {
			return nil, err
		}
		if !(from < to) {
			return nil, fmt.Errorf("calendar %q: time span %q ends before it starts (split spans over midnight: 22:00-24:00 and 00:00-06:00 on the next days)", whole, tok)
		}
		sp = append(sp, [2]float64{from, to})
	}
	return sp, nil
}

// parseClock parses "HH:MM" (or "H:MM") into hours, 00:00 to 24:00.
func parseClock(s, whole string) (float64, error) {
	t := strings.TrimSpace(s)
	hh, mm, ok := strings.Cut(t, ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if !ok || err1 != nil || err2 != nil || len(mm) != 2 || len(hh) == 0 || len(hh) > 2 || hh[0] == '+' || hh[0] == '-' {
		return 0, fmt.Errorf("calendar %q: time %q: want HH:MM such as 09:00", whole, t)
	}
	if h > 24 || m > 59 || h == 24 && m != 0 {
		return 0, fmt.Errorf("calendar %q: time %q out of range: want 00:00 to 24:00", whole, t)
	}
	return float64(h) + float64(m)/60, nil
}

// isAroundTheClock reports whether calendar text covers the whole week.
func isAroundTheClock(gs []calGroup) bool {
	var w org.Week
	for _, g := range gs {
		for _, sp := range g.spans {
			if err := w.Work(g.days, sp[0], sp[1]); err != nil {
				return false
			}
		}
	}
	return w.Hours() == org.HoursPerWeek
}

// workingDays returns the days on which a week has any working time.
func workingDays(w *org.Week) org.Days {
	var d org.Days
	for _, s := range w.Spans {
		for day := 0; day < 7; day++ {
			lo, hi := float64(day*24), float64(day*24+24)
			if s.Start < hi && s.End > lo {
				d |= 1 << day
			}
		}
	}
	return d
}

package study

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/internal/edit"
)

// join appends key k to the dotted path at.
func join(at, k string) string {
	if at == "" {
		return k
	}
	return at + "." + k
}

// hint suggests the nearest of names to s: " (did you mean X?)", or "".
func hint(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := edit.Distance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// number returns a TOML number as a float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// show renders a decoded TOML value for a message.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any, []map[string]any:
		return "{...}"
	}
	return fmt.Sprint(v)
}

func showFloats(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// typeName names the TOML type of a decoded value.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "the string"
	case int64:
		return "the integer"
	case float64:
		return "the number"
	case bool:
		return "the boolean"
	case []any:
		return "the array"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	}
	return "the value"
}

func strList(v any) []string {
	a, _ := v.([]any)
	var out []string
	for _, e := range a {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// A locator knows the line of each key of a file, by its dotted path
// ("factor[1].min", "plan.point[0].reorg[0].headcount.hunter"), and of
// each table header ("factor[1]", "plan").
type locator struct{ lines map[string]int }

// line returns the line of key, or of the nearest enclosing table that
// has one; 0 if none does.
func (l *locator) line(key string) int {
	for k := key; k != ""; {
		if n, ok := l.lines[k]; ok {
			return n
		}
		switch i := strings.LastIndexAny(k, ".["); {
		case i < 0:
			k = ""
		default:
			k = k[:i]
		}
	}
	return 0
}

// locate finds the lines of the keys and table headers of a TOML text
// written one key per line, as experiment files are; a key it cannot
// place gets the line of its table.
func locate(src string) *locator {
	l := &locator{lines: map[string]int{}}
	count := map[string]int{}
	table := ""
	depth := 0 // open brackets of a multi-line array
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		n := i + 1
		if depth > 0 {
			depth += strings.Count(line, "[") - strings.Count(line, "]")
			continue
		}
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "[["):
			name := headerName(line[2:], "]]")
			idx := count[name]
			count[name]++
			table = fmt.Sprintf("%s[%d]", name, idx)
			l.lines[table] = n
			l.first(name, n)
		case line[0] == '[':
			table = headerName(line[1:], "]")
			l.first(table, n)
		default:
			key, rest, ok := cutKey(line)
			if !ok {
				continue
			}
			l.first(join(table, key), n)
			depth = strings.Count(rest, "[") - strings.Count(rest, "]")
			if depth < 0 {
				depth = 0
			}
		}
	}
	return l
}

// first records line n for path and for each table it implies (inbound
// for [inbound.requests], roles for roles.hunter.headcount = 1) that has
// no line yet, so that a problem with such a table has the line that
// opened it.
func (l *locator) first(path string, n int) {
	for i := len(path); i > 0; i = strings.LastIndexByte(path[:i], '.') {
		if _, ok := l.lines[path[:i]]; !ok {
			l.lines[path[:i]] = n
		}
	}
}

// headerName returns the dotted name of a table header, quotes removed.
func headerName(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		s = s[:i]
	}
	var parts []string
	for _, p := range strings.Split(s, ".") {
		p = strings.TrimSpace(p)
		if u, err := strconv.Unquote(p); err == nil {
			p = u
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

// cutKey splits a line "key = value" into the key, quotes removed, and
// the value text.
func cutKey(line string) (key, rest string, ok bool) {
	if line[0] == '"' || line[0] == '\'' {
		q := line[0]
		j := strings.IndexByte(line[1:], q)
		if j < 0 {
			return "", "", false
		}
		key = line[1 : j+1]
		rest = strings.TrimSpace(line[j+2:])
		if !strings.HasPrefix(rest, "=") {
			return "", "", false
		}
		return key, rest[1:], true
	}
	k, rest, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", false
	}
	var parts []string
	for _, p := range strings.Split(k, ".") {
		parts = append(parts, strings.TrimSpace(p))
	}
	return strings.Join(parts, "."), rest, true
}

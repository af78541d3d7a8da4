package scenario

import (
	"sort"
	"strconv"
	"strings"
)

// A locator maps the dotted key paths of one TOML source ("roles.hunter",
// "stages[2].convert", "roles.hunter.blocks[1].only") to the line where
// each was first written, and records the order in which they appear.
// BurntSushi/toml's MetaData has no positions, so the locator scans the
// source itself: table and array-of-tables headers (counting array
// elements), key = value lines with dotted and quoted keys, and the
// elements and keys of inline arrays and tables, which may span lines.
//
// The scan is best-effort: on text that is not valid TOML it records what it
// can and stops early, never panicking (the TOML parser reports the syntax
// error itself).
type locator struct {
	lines map[string]int // path -> 1-based line
	seq   map[string]int // path -> order of first appearance
}

// maxDepth bounds the nesting of inline values the locator follows.
const maxDepth = 100

func locate(src string) *locator {
	sc := &scanner{
		s:      src,
		loc:    &locator{lines: map[string]int{}, seq: map[string]int{}},
		arrays: map[string]int{},
	}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			sc.nl = append(sc.nl, i)
		}
	}
	// A UTF-8 byte-order mark, which the TOML parser skips, is no key.
	if strings.HasPrefix(src, "\xef\xbb\xbf") {
		sc.i = 3
	}
	sc.run()
	return sc.loc
}

// line returns the line where path was written, or 0.
func (l *locator) line(path string) int { return l.lines[path] }

// order returns the position of path in the source order, or -1.
func (l *locator) order(path string) int {
	if n, ok := l.seq[path]; ok {
		return n
	}
	return -1
}

type scanner struct {
	s      string
	i      int
	nl     []int // offsets of newlines
	loc    *locator
	arrays map[string]int // resolved path of an array of tables -> elements so far
}

func (sc *scanner) lineAt(off int) int {
	return sort.SearchInts(sc.nl, off) + 1
}

func (sc *scanner) record(path string, off int) {
	if _, ok := sc.loc.lines[path]; ok {
		return
	}
	sc.loc.lines[path] = sc.lineAt(off)
	sc.loc.seq[path] = len(sc.loc.seq)
}

func (sc *scanner) eof() bool { return sc.i >= len(sc.s) }

func (sc *scanner) peek() byte {
	if sc.eof() {
		return 0
	}
	return sc.s[sc.i]
}

// skipBlank skips spaces and tabs.
func (sc *scanner) skipBlank() {
	for !sc.eof() && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		sc.i++
	}
}

// skipAll skips white space, newlines and comments.
func (sc *scanner) skipAll() {
	for !sc.eof() {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r', '\n':
			sc.i++
		case '#':
			sc.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (sc *scanner) skipLine() {
	if j := strings.IndexByte(sc.s[sc.i:], '\n'); j >= 0 {
		sc.i += j + 1
	} else {
		sc.i = len(sc.s)
	}
}

func (sc *scanner) run() {
	table := ""
	for {
		sc.skipAll()
		if sc.eof() {
			return
		}
		start := sc.i
		if sc.peek() == '[' {
			array := strings.HasPrefix(sc.s[sc.i:], "[[")
			if array {
				sc.i += 2
			} else {
				sc.i++
			}
			keys, ok := sc.keys()
			closing := "]"
			if array {
				closing = "]]"
			}
			sc.skipBlank()
			if !ok || !strings.HasPrefix(sc.s[sc.i:], closing) {
				return
			}
			sc.i += len(closing)
			table = sc.header(keys, array, start)
		} else {
			keys, ok := sc.keys()
			if !ok || sc.peek() != '=' {
				return
			}
			sc.i++
			path := sc.dotted(table, keys, start)
			if !sc.value(path, 0) {
				return
			}
		}
		if sc.i == start {
			return
		}
	}
}

// header resolves a table or array-of-tables header to its path, counting
// array elements, and records it and its prefixes.
func (sc *scanner) header(keys []string, array bool, off int) string {
	p := ""
	for j, k := range keys {
		p = joinKey(p, k)
		last := j == len(keys)-1
		if last && array {
			n := sc.arrays[p]
			sc.arrays[p] = n + 1
			sc.record(p, off)
			p = indexKey(p, n)
		} else if n, ok := sc.arrays[p]; ok {
			sc.record(p, off)
			p = indexKey(p, n-1)
		}
		sc.record(p, off)
	}
	return p
}

// dotted records the dotted key keys under table, and returns its path.
func (sc *scanner) dotted(table string, keys []string, off int) string {
	p := table
	for _, k := range keys {
		p = joinKey(p, k)
		sc.record(p, off)
	}
	return p
}

// keys reads a dotted key (bare or quoted parts) up to '=' or ']'.
func (sc *scanner) keys() ([]string, bool) {
	var ks []string
	for {
		sc.skipBlank()
		if sc.eof() {
			return nil, false
		}
		var k string
		switch c := sc.peek(); {
		case c == '"':
			end := sc.basicEnd(sc.i + 1)
			if end < 0 {
				return nil, false
			}
			raw := sc.s[sc.i : end+1]
			if u, err := strconv.Unquote(raw); err == nil {
				k = u
			} else {
				k = raw[1 : len(raw)-1]
			}
			sc.i = end + 1
		case c == '\'':
			j := strings.IndexAny(sc.s[sc.i+1:], "'\n")
			if j < 0 || sc.s[sc.i+1+j] != '\'' {
				return nil, false
			}
			k = sc.s[sc.i+1 : sc.i+1+j]
			sc.i += j + 2
		case isBare(c):
			j := sc.i
			for j < len(sc.s) && isBare(sc.s[j]) {
				j++
			}
			k = sc.s[sc.i:j]
			sc.i = j
		default:
			return nil, false
		}
		ks = append(ks, k)
		sc.skipBlank()
		if sc.peek() != '.' {
			return ks, true
		}
		sc.i++
	}
}

// basicEnd returns the offset of the quote closing a one-line basic string
// whose content starts at j, or -1.
func (sc *scanner) basicEnd(j int) int {
	for j < len(sc.s) {
		switch sc.s[j] {
		case '\\':
			j += 2
			continue
		case '"':
			return j
		case '\n':
			return -1
		}
		j++
	}
	return -1
}

// value skips one value, recording the elements and keys of inline arrays
// and tables under path. It reports false if it could not make sense of
// the text.
func (sc *scanner) value(path string, depth int) bool {
	if depth > maxDepth {
		return false
	}
	sc.skipBlank()
	if sc.eof() {
		return false
	}
	rest := sc.s[sc.i:]
	switch {
	case strings.HasPrefix(rest, `"""`), strings.HasPrefix(rest, `'''`):
		q := rest[:3]
		j := 3
		for {
			k := strings.Index(rest[j:], q)
			if k < 0 {
				return false
			}
			j += k
			if q == `"""` && escaped(rest, j) {
				j++
				continue
			}
			break
		}
		// Up to two more quotes may belong to the content.
		j += 3
		for n := 0; n < 2 && j < len(rest) && rest[j] == q[0]; n++ {
			j++
		}
		sc.i += j
	case rest[0] == '"':
		end := sc.basicEnd(sc.i + 1)
		if end < 0 {
			return false
		}
		sc.i = end + 1
	case rest[0] == '\'':
		j := strings.IndexAny(rest[1:], "'\n")
		if j < 0 || rest[1+j] != '\'' {
			return false
		}
		sc.i += j + 2
	case rest[0] == '[':
		sc.i++
		for idx := 0; ; idx++ {
			sc.skipAll()
			if sc.eof() {
				return false
			}
			if sc.peek() == ']' {
				sc.i++
				return true
			}
			ep := indexKey(path, idx)
			sc.record(ep, sc.i)
			if !sc.value(ep, depth+1) {
				return false
			}
			sc.skipAll()
			switch sc.peek() {
			case ',':
				sc.i++
			case ']':
				sc.i++
				return true
			default:
				return false
			}
		}
	case rest[0] == '{':
		sc.i++
		for {
			sc.skipAll()
			if sc.eof() {
				return false
			}
			if sc.peek() == '}' {
				sc.i++
				return true
			}
			off := sc.i
			keys, ok := sc.keys()
			if !ok || sc.peek() != '=' {
				return false
			}
			sc.i++
			if !sc.value(sc.dotted(path, keys, off), depth+1) {
				return false
			}
			sc.skipAll()
			switch sc.peek() {
			case ',':
				sc.i++
			case '}':
				sc.i++
				return true
			default:
				return false
			}
		}
	default:
		j := strings.IndexAny(rest, ",]}\n#")
		if j < 0 {
			j = len(rest)
		}
		if j == 0 {
			return false
		}
		sc.i += j
	}
	return true
}

// escaped reports whether the byte at j in s is preceded by an odd number
// of backslashes.
func escaped(s string, j int) bool {
	n := 0
	for k := j - 1; k >= 0 && s[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// keySeg formats one key for a dotted path: bare if it can be, else quoted.
func keySeg(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return strconv.Quote(k)
		}
	}
	return k
}

// joinKey appends key k to the dotted path p.
func joinKey(p, k string) string {
	if p == "" {
		return keySeg(k)
	}
	return p + "." + keySeg(k)
}

// indexKey appends the array index i to the dotted path p.
func indexKey(p string, i int) string {
	return p + "[" + strconv.Itoa(i) + "]"
}

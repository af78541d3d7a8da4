package scenario

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Limits on scenario input. A scenario is trusted input, but a mistyped
// path (a FIFO, a device, /dev/zero behind a symbolic link) or a
// generated file gone wrong must be refused with a clear error before it
// can block the loader or exhaust memory. The limits are far above what a
// design needs: the shipped scenarios are under 8 KB, nest at most 6
// levels and hold a few hundred values.
const (
	// MaxFileSize is the largest scenario file, in bytes.
	MaxFileSize = 1 << 20
	// MaxTotalSize bounds the bytes of all the files of one scenario,
	// the named file and its includes together.
	MaxTotalSize = 4 << 20
	// MaxFiles bounds the files read for one scenario; a file included
	// twice counts twice.
	MaxFiles = 256
	// MaxNesting bounds how deep a value may be: the parts of its key
	// (table headers, dotted keys, keys of inline tables) plus the
	// levels of arrays and inline tables around it.
	MaxNesting = 32
	// MaxKeyLen bounds the length in bytes of the full dotted key of a
	// value, such as variants.big.roles.hunter.headcount.
	MaxKeyLen = 512
	// MaxValues bounds the values (numbers, strings, arrays, tables) of
	// one file.
	MaxValues = 100_000
)

// includesAndLimits says what includes may reach and what the loader
// refuses; the verbs are the limits, in the order of limits.go.
const includesAndLimits = `
Includes (` + "`include = [\"common/market.toml\"]`" + `) are read relative to the
including file; an absolute path is read as it is. An include may reach any
file the user running salesim can read, ` + "`../`" + ` included: a scenario is trusted
input, like a script, so run only scenarios whose files you trust. A problem
in an included file names the includes that led to it:
` + "`main.toml:1: include \"../x.toml\": ../x.toml:3: key: ...`" + `.

Limits: every file is a regular file (not a directory, named pipe or device)
of at most %s, and the files of a scenario hold at most %s together and
are at most %d reads (a file included twice counts twice). A value nests at
most %d levels deep, counting the parts of its key and the arrays and inline
tables around it; its full dotted key is at most %d bytes; a file holds at
most %d values. Input beyond a limit is refused before it is parsed, and a
check lists at most %d problems (and how many more there are).

A design is at most %s replications, %s people at any time (a role, all
roles, after each reorganisation), %s database contacts together, %s
accounts of initial book (clients and leads per person times the
headcount) and %d years of warm-up and horizon together; larger counts are
refused before anything is allocated. An amount (pay, a budget, a size,
a target) is at most %s: larger ones would make costs and margins
overflow. The name of a scenario has no control
characters or path separators and is not ` + "`.` or `..`" + `: it names the result
folders.
`

// ErrLimit is wrapped by the errors of input refused for its size, type or
// shape.
var ErrLimit = errors.New("scenario: input beyond a limit")

// sizeText formats a byte count for messages.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// limitError is a refused input; it wraps [ErrLimit].
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }
func (e *limitError) Unwrap() error { return ErrLimit }

func limitf(format string, args ...any) error {
	return &limitError{fmt.Sprintf(format, args...)}
}

// readFile reads the file name of fsys, at most limit bytes of it. It
// refuses anything but a regular file before reading it: opening a FIFO
// blocks until a writer comes, and a device such as /dev/zero never ends.
// The type is taken from [fs.Stat], which follows symbolic links on
// os.DirFS; a file system that does not implement [fs.StatFS] is asked
// through Open and Stat, so it must not block on Open (embed.FS and
// fstest.MapFS do not). The type is checked again on the open file, and
// the read goes through an [io.LimitReader] whatever Stat said.
func readFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := regular(fi, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(fi, limit); err != nil {
		return nil, err
	}
	return readLimited(f, limit)
}

// regular refuses a file that is not a regular file, or that is larger
// than limit bytes.
func regular(fi fs.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		return limitf("not a regular file (%s): a scenario file must be a regular file of at most %s", typeName(fi.Mode()), sizeText(MaxFileSize))
	}
	if fi.Size() > limit {
		return tooBig(sizeText(fi.Size()), limit)
	}
	return nil
}

// tooBig refuses a file of the given size (in words) over limit bytes:
// MaxFileSize, or what is left of MaxTotalSize.
func tooBig(size string, limit int64) error {
	if limit < MaxFileSize {
		return limitf("%s: the files of a scenario may hold at most %s together", size, sizeText(MaxTotalSize))
	}
	return limitf("%s: a scenario file may hold at most %s", size, sizeText(MaxFileSize))
}

// readLimited reads r to its end, refusing more than limit bytes without
// reading further.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooBig("more than "+sizeText(limit), limit)
	}
	return b, nil
}

// typeName names the type of a file that is not regular.
func typeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "mode " + m.String()
}

// A shapeScan walks TOML text before it is parsed, to refuse nesting,
// keys and value counts beyond the limits: the TOML parser keeps the full
// key of every value (its memory grows with the square of the nesting),
// and so does the tree the loader builds. It follows the structure only
// (headers, keys, strings, comments, arrays, inline tables) and gives up
// quietly on text that is not TOML, which the parser then reports.
type shapeScan struct {
	s      string
	i      int
	values int
	err    string // the limit passed, if any
	at     int    // its offset
	done   bool   // the scan followed the text to its end
}

// checkShape returns the line and the message of the first limit src
// passes, or 0 and "".
func checkShape(src string) (line int, msg string) {
	sc := &shapeScan{s: src}
	sc.run()
	if sc.err == "" {
		return 0, ""
	}
	return strings.Count(src[:sc.at], "\n") + 1, sc.err
}

// fail records a passed limit; it returns false so that callers stop.
func (sc *shapeScan) fail(format string, args ...any) bool {
	if sc.err == "" {
		sc.err = fmt.Sprintf(format, args...)
		sc.at = min(sc.i, len(sc.s))
	}
	return false
}

func (sc *shapeScan) eof() bool { return sc.i >= len(sc.s) }

func (sc *shapeScan) peek() byte {
	if sc.eof() {
		return 0
	}
	return sc.s[sc.i]
}

func (sc *shapeScan) skipBlank() {
	for !sc.eof() && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		sc.i++
	}
}

// skipAll skips white space, newlines and comments.
func (sc *shapeScan) skipAll() {
	for !sc.eof() {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r', '\n':
			sc.i++
		case '#':
			if j := strings.IndexByte(sc.s[sc.i:], '\n'); j >= 0 {
				sc.i += j
			} else {
				sc.i = len(sc.s)
			}
		default:
			return
		}
	}
}

func (sc *shapeScan) run() {
	// A byte-order mark, which the TOML parser skips (UTF-16 ones too).
	for _, bom := range []string{"\xff\xfe", "\xfe\xff", "\xef\xbb\xbf"} {
		if strings.HasPrefix(sc.s, bom) {
			sc.i = len(bom)
			break
		}
	}
	var depth, length int // of the current table
	for {
		sc.skipAll()
		if sc.eof() {
			sc.done = true
			return
		}
		start := sc.i
		if sc.peek() == '[' {
			array := strings.HasPrefix(sc.s[sc.i:], "[[")
			sc.i++
			if array {
				sc.i++
			}
			d, l, ok := sc.key(0, 0)
			if !ok {
				return
			}
			if array {
				d++ // the element of the array of tables
			}
			if d > MaxNesting {
				sc.i = start
				sc.fail("table header nested %d levels deep: at most %d are allowed", d, MaxNesting)
				return
			}
			depth, length = d, l
			if sc.values++; sc.values > MaxValues {
				sc.i = start
				sc.fail("more than %d values in one file", MaxValues)
				return
			}
			sc.skipBlank()
			closing := "]"
			if array {
				closing = "]]"
			}
			if !strings.HasPrefix(sc.s[sc.i:], closing) {
				return
			}
			sc.i += len(closing)
			continue
		}
		d, l, ok := sc.key(depth, length)
		if !ok || sc.peek() != '=' {
			return
		}
		sc.i++
		if !sc.value(d, l) {
			return
		}
	}
}

// key reads a dotted key under a table of the given depth and key length,
// and returns the depth and length of the full key. It fails on a key past
// the limits.
func (sc *shapeScan) key(depth, length int) (int, int, bool) {
	for {
		sc.skipBlank()
		start := sc.i
		switch c := sc.peek(); {
		case c == '"':
			end := sc.basicEnd(sc.i + 1)
			if end < 0 {
				return 0, 0, false
			}
			sc.i = end + 1
		case c == '\'':
			j := strings.IndexAny(sc.s[sc.i+1:], "'\n")
			if j < 0 || sc.s[sc.i+1+j] != '\'' {
				return 0, 0, false
			}
			sc.i += j + 2
		case isBare(c):
			for !sc.eof() && isBare(sc.s[sc.i]) {
				sc.i++
			}
		default:
			return 0, 0, false
		}
		depth++
		length += sc.i - start + 1
		if depth > MaxNesting {
			sc.i = start
			return 0, 0, sc.fail("key nested %d levels deep: at most %d levels of keys, arrays and inline tables are allowed", depth, MaxNesting)
		}
		if length > MaxKeyLen {
			sc.i = start
			return 0, 0, sc.fail("full key longer than %d bytes", MaxKeyLen)
		}
		sc.skipBlank()
		if sc.peek() != '.' {
			return depth, length, true
		}
		sc.i++
	}
}

// basicEnd returns the offset of the quote closing a one-line basic string
// whose content starts at j, or -1.
func (sc *shapeScan) basicEnd(j int) int {
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

// value skips one value whose key has the given depth and length,
// counting it and the values inside it.
func (sc *shapeScan) value(depth, length int) bool {
	sc.values++
	if sc.values > MaxValues {
		return sc.fail("more than %d values in one file", MaxValues)
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
		// Up to two quotes more belong to the string; the TOML parser
		// (BurntSushi/toml) takes a third after a backslash, even an
		// escaped one: 0="""\\"""""" is \""" to it.
		extra := 2
		if q == `"""` && rest[j-1] == '\\' {
			extra = 3
		}
		j += 3
		for n := 0; n < extra && j < len(rest) && rest[j] == q[0]; n++ {
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
	case rest[0] == '[', rest[0] == '{':
		open, closing := rest[0], byte(']')
		if open == '{' {
			closing = '}'
		}
		depth++
		if depth > MaxNesting {
			return sc.fail("arrays and inline tables nested %d levels deep: at most %d levels of keys, arrays and inline tables are allowed", depth, MaxNesting)
		}
		sc.i++
		for {
			sc.skipAll()
			if sc.eof() {
				return false
			}
			if sc.peek() == closing {
				sc.i++
				return true
			}
			if open == '[' {
				if !sc.value(depth, length+3) {
					return false
				}
			} else {
				d, l, ok := sc.key(depth, length)
				if !ok || sc.peek() != '=' {
					return false
				}
				sc.i++
				if !sc.value(d, l) {
					return false
				}
			}
			sc.skipAll()
			switch sc.peek() {
			case ',':
				sc.i++
			case closing:
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
